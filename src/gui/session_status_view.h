#pragma once

#include "core/common/error.h"

#include <QWidget>

class QDateTime;
class QLabel;

namespace mlwatch {

class MonitorSession;

// The status bar's content: the latest fetch's errors (short; every error in full in the
// tooltip), when data was last refreshed in local time with the zone named, how many API
// requests this session has made (CloudWatch bills per metric requested, so people watch it),
// and which account is shown.
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

private:
    struct Notice {
        QString key;
        QString shortText;
        QString fullText;
    };
    void updateNotices();

    void showRefresh(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);
    void showRequestCount(quint64 count);

    QLabel *m_errors = nullptr;
    QLabel *m_notices = nullptr;
    QList<Notice> m_noticeList; // newest first
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_requests = nullptr;
    QLabel *m_account = nullptr;
};

} // namespace mlwatch
