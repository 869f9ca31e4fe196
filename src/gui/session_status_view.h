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

private:
    void showRefresh(const QDateTime &finishedAtUtc, const QList<mlwatch::Error> &errors);
    void showRequestCount(quint64 count);

    QLabel *m_errors = nullptr;
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_requests = nullptr;
    QLabel *m_account = nullptr;
};

} // namespace mlwatch
