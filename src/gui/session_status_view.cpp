#include "gui/session_status_view.h"

#include "charts/chart_axes.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "gui/chart_feed.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace mlwatch {

SessionStatusView::SessionStatusView(MonitorSession &session, const QString &accountLabel, QWidget *parent)
    : QWidget(parent) {
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("fetchErrorLabel"));
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setMinimumWidth(80);
    m_notices = new QLabel(this);
    m_notices->setObjectName(QStringLiteral("alertNoticeLabel"));
    m_notices->setTextFormat(Qt::PlainText);
    m_notices->hide();
    m_lastRefresh = new QLabel(tr("Waiting for the first refresh…"), this);
    m_lastRefresh->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_requests = new QLabel(this);
    m_requests->setObjectName(QStringLiteral("requestCountLabel"));
    m_requests->setToolTip(tr("HTTP requests this window has sent to the metrics API. "
                              "CloudWatch bills GetMetricData per metric requested."));
    m_account = new QLabel(accountLabel, this);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setToolTip(tr("The account whose metrics are shown"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(16);
    layout->addWidget(m_errors, 1);
    layout->addWidget(m_notices);
    layout->addWidget(m_lastRefresh);
    layout->addWidget(m_requests);
    layout->addWidget(m_account);

    connect(&session.scheduler(), &FetchScheduler::fetchFinished, this, &SessionStatusView::showRefresh);
    connect(&session.scheduler(), &FetchScheduler::fetchStarted, this,
            [this] { m_lastRefresh->setToolTip(tr("Refreshing…")); });
    connect(&session.http(), &HttpClient::requestCountChanged, this, &SessionStatusView::showRequestCount);
    showRequestCount(session.http().requestCount());
}

void SessionStatusView::showErrors(const QList<Error> &errors) {
    if (errors.isEmpty()) {
        m_errors->clear();
        m_errors->setToolTip(QString());
        return;
    }
    m_errors->setText(QStringLiteral("⚠ ") + ChartFeed::summary(errors));
    m_errors->setToolTip(ChartFeed::details(errors));
}

void SessionStatusView::showRefresh(const QDateTime &finishedAtUtc, const QList<Error> &errors) {
    const qint64 ms = finishedAtUtc.toMSecsSinceEpoch();
    const QString time = QLocale().toString(finishedAtUtc.toLocalTime().time(), QLocale::ShortFormat);
    m_lastRefresh->setText(tr("Last refresh: %1 (%2)").arg(time, localZoneLabel(ms)));
    m_lastRefresh->setToolTip(QLocale().toString(finishedAtUtc.toLocalTime(), QLocale::LongFormat));
    showErrors(errors);
}

void SessionStatusView::showRequestCount(quint64 count) {
    m_requests->setText(tr("API requests: %1").arg(QLocale().toString(count)));
}

void SessionStatusView::showNotice(const QString &key, const QString &shortText, const QString &fullText) {
    m_noticeList.removeIf([&key](const Notice &n) { return n.key == key; });
    m_noticeList.prepend(Notice{key, shortText, fullText});
    updateNotices();
}

void SessionStatusView::clearNotice(const QString &key) {
    if (m_noticeList.removeIf([&key](const Notice &n) { return n.key == key; }) > 0)
        updateNotices();
}

QStringList SessionStatusView::noticeKeys() const {
    QStringList keys;
    for (const Notice &n : m_noticeList)
        keys.append(n.key);
    return keys;
}

void SessionStatusView::updateNotices() {
    if (m_noticeList.isEmpty()) {
        m_notices->clear();
        m_notices->setToolTip(QString());
        m_notices->hide();
        return;
    }
    QString text = QStringLiteral("⚠ ") + m_noticeList.first().shortText;
    if (m_noticeList.size() > 1)
        text += QLatin1Char(' ') + tr("(+%n more)", "alert notices", int(m_noticeList.size() - 1));
    QStringList details;
    for (const Notice &n : std::as_const(m_noticeList))
        details.append(n.fullText);
    m_notices->setText(text);
    m_notices->setToolTip(details.join(QStringLiteral("\n\n")));
    m_notices->show();
}

} // namespace mlwatch
