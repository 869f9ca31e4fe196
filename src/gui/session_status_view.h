#pragma once

#include "core/common/error.h"

#include <QWidget>

class QDateTime;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace mlwatch {

class MonitorSession;

// The status bar's content: the latest fetch's errors (short; every error in full in the
// tooltip), when data was last refreshed in local time with the zone named, how many API
// requests this session has made and how many datapoints it received, what auto-refresh costs
// per hour where the cloud bills per metric read (CloudWatch: $0.01 per 1,000 metrics, in US
// dollars), and which account is shown. While a fetch runs longer than progressDelayMs(), a
// progress bar (HTTP requests of this load answered of those sent; series loaded in its
// tooltip) and a Cancel button (Ctrl+.; not Esc, which
// the charts use to reset zoom) show; Cancel calls FetchScheduler::cancel().
class SessionStatusView : public QWidget {
    Q_OBJECT
public:
    SessionStatusView(MonitorSession &session, const QString &accountLabel, QWidget *parent = nullptr);

    // Also used for discovery errors, which are not fetches.
    void showErrors(const QList<Error> &errors);

    // Problems with alerts people should know about — desktop notifications unavailable, a
    // webhook that failed, the alert rules file unreadable — each under a key so that a newer
    // one replaces it and a recovery clears it ("desktop", "webhook:<rule id>", …). The label
    // shows the newest in short ("+N more" when there are others); the tooltip has every one in
    // full, newest first.
    void showNotice(const QString &key, const QString &shortText, const QString &fullText);
    void clearNotice(const QString &key);
    QStringList noticeKeys() const; // newest first

    // How long a fetch runs before the progress bar and Cancel show (default 600 ms, so quick
    // refreshes do not flicker); 0 shows them as soon as a fetch starts (tests).
    void setProgressDelayMs(int ms) { m_progressDelayMs = ms; }
    int progressDelayMs() const { return m_progressDelayMs; }

    // Recomputes the auto-refresh cost estimate: call after the refresh interval, the compare
    // offset or the queries changed (a fetch start recomputes it too).
    void updateCostEstimate();

private:
    struct Notice {
        QString key;
        QString shortText;
        QString fullText;
    };
    void updateNotices();

    void showRefresh(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);
    void showRequestCount(quint64 count);
    void showDatapoints(quint64 count);
    void onFetchStarted();
    void onProgress(int arrived, int planned);
    void updateProgress();
    void hideProgress();

    QLabel *m_errors = nullptr;
    QLabel *m_notices = nullptr;
    QList<Notice> m_noticeList; // newest first
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_requests = nullptr;
    QLabel *m_account = nullptr;
    QLabel *m_datapoints = nullptr;
    QLabel *m_cost = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_progressDelay = nullptr;
    int m_progressDelayMs = 600;
    // The HTTP client's counts when the current load started.
    quint64 m_requestsAtStart = 0;
    quint64 m_answeredAtStart = 0;
    MonitorSession &m_session;
};

} // namespace mlwatch
