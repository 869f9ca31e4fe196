#include "gui/session_status_view.h"

#include "charts/chart_axes.h"
#include "core/fetch/fetch_cost.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "gui/chart_feed.h"
#include "gui/eliding_label.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTimer>

namespace mlwatch {

SessionStatusView::SessionStatusView(MonitorSession &session, const QString &accountLabel, QWidget *parent)
    : QWidget(parent)
    , m_session(session) {
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("fetchErrorLabel"));
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setMinimumWidth(80);
    m_notices = new ElidingLabel(this);
    m_notices->setObjectName(QStringLiteral("alertNoticeLabel"));
    m_notices->setTextFormat(Qt::PlainText);
    m_notices->hide();
    m_lastRefresh = new QLabel(tr("Waiting for the first refresh…"), this);
    m_lastRefresh->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_requests = new QLabel(this);
    m_requests->setObjectName(QStringLiteral("requestCountLabel"));
    m_requests->setToolTip(tr("HTTP requests this window has sent to the metrics API. "
                              "CloudWatch bills GetMetricData per metric requested."));
    m_datapoints = new QLabel(this);
    m_datapoints->setObjectName(QStringLiteral("datapointCountLabel"));
    m_datapoints->setToolTip(tr("Datapoints received from the metrics APIs in this window"));
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("refreshCostLabel"));
    m_cost->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("fetchProgressBar"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setMaximumWidth(200);
    m_progress->setFormat(tr("%v of %m requests"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelFetchButton"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    // Not Esc: the charts reset their zoom with it.
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancel->setToolTip(tr("Stop loading; the charts keep their last data (Ctrl+.)"));
    m_cancel->hide();
    m_progressDelay = new QTimer(this);
    m_progressDelay->setSingleShot(true);
    m_account = new ElidingLabel(this);
    m_account->setText(accountLabel);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setToolTip(tr("The accounts whose metrics are shown: %1").arg(accountLabel));
    // The account names and notices can be long (three clouds in the demo): they are elided
    // before the counters give way, so the status bar never makes the window wider than the screen.

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(16);
    layout->addWidget(m_errors, 1);
    layout->addWidget(m_notices, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_lastRefresh);
    layout->addWidget(m_requests);
    layout->addWidget(m_datapoints);
    layout->addWidget(m_cost);
    layout->addWidget(m_account, 1);

    FetchScheduler &scheduler = session.scheduler();
    connect(&scheduler, &FetchScheduler::fetchFinished, this, &SessionStatusView::showRefresh);
    connect(&scheduler, &FetchScheduler::fetchStarted, this, &SessionStatusView::onFetchStarted);
    connect(&scheduler, &FetchScheduler::progressChanged, this, &SessionStatusView::onProgress);
    connect(&scheduler, &FetchScheduler::datapointsReceivedChanged, this, &SessionStatusView::showDatapoints);
    connect(m_cancel, &QPushButton::clicked, &scheduler, &FetchScheduler::cancel);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (!m_session.scheduler().isBusy())
            return;
        m_progress->show();
        m_cancel->show();
    });
    connect(&session.http(), &HttpClient::requestCountChanged, this, &SessionStatusView::showRequestCount);
    connect(&session.http(), &HttpClient::requestAnswered, this, [this] {
        if (m_session.scheduler().isBusy())
            updateProgress();
    });
    showRequestCount(session.http().requestCount());
    showDatapoints(scheduler.datapointsReceived());
    updateCostEstimate();
}

void SessionStatusView::onFetchStarted() {
    m_lastRefresh->setToolTip(tr("Refreshing…"));
    m_requestsAtStart = m_session.http().requestCount();
    m_answeredAtStart = m_session.http().answeredCount();
    updateProgress();
    onProgress(0, m_session.scheduler().seriesPlanned());
    updateCostEstimate();
    if (m_progressDelayMs <= 0) {
        m_progress->show();
        m_cancel->show();
    } else {
        m_progressDelay->start(m_progressDelayMs);
    }
}

void SessionStatusView::onProgress(int arrived, int planned) {
    m_progress->setToolTip(
        tr("%1 of %2 series loaded").arg(QLocale().toString(arrived), QLocale().toString(planned)));
}

void SessionStatusView::updateProgress() {
    // Requests of this load answered of those sent so far: pages and retries add to both, so
    // the bar can step back a little, but it moves with every answer, for every cloud.
    const HttpClient &http = m_session.http();
    const quint64 sent = http.requestCount() - m_requestsAtStart;
    const quint64 answered = std::min(sent, http.answeredCount() - m_answeredAtStart);
    m_progress->setRange(0, int(std::max<quint64>(1, sent)));
    m_progress->setValue(int(answered));
}

void SessionStatusView::hideProgress() {
    m_progressDelay->stop();
    m_progress->hide();
    m_cancel->hide();
}

void SessionStatusView::showDatapoints(quint64 count) {
    m_datapoints->setText(tr("Datapoints: %1").arg(QLocale().toString(count)));
}

void SessionStatusView::updateCostEstimate() {
    const FetchScheduler &scheduler = m_session.scheduler();
    // CloudWatch bills each metric requested (one per query); the other clouds do not bill
    // metric reads that way. Empty account id = the primary account, which is AWS.
    QSet<QString> awsAccounts;
    bool otherClouds = false;
    for (const SessionAccount &account : m_session.accounts()) {
        if (account.kind == AccountKind::Aws)
            awsAccounts.insert(account.id);
        else
            otherClouds = true;
    }
    int cloudWatchQueries = 0;
    for (const MetricQuery &query : scheduler.queries())
        if (awsAccounts.contains(query.account))
            ++cloudWatchQueries;
    const int metrics = cloudWatchQueries * (scheduler.compareOffsetSeconds() > 0 ? 2 : 1);
    const QString others =
        otherClouds ? tr("Azure Monitor metric reads are not billed per metric; Google Cloud Monitoring "
                         "may bill reads per time series returned (see Google's pricing page).")
                    : QString();
    if (!scheduler.autoRefreshes()) {
        m_cost->setText(scheduler.isAbsolute() ? tr("Auto-refresh off (custom range)")
                                               : tr("Auto-refresh off"));
        m_cost->setToolTip(tr("Refreshes only when you ask (F5): no recurring metrics API cost.") +
                           (others.isEmpty() ? QString() : QLatin1Char(' ') + others));
        return;
    }
    if (metrics == 0) {
        m_cost->setText(otherClouds ? tr("Auto-refresh: not billed per metric read") : QString());
        m_cost->setToolTip(others);
        return;
    }
    const int interval = scheduler.refreshIntervalSeconds();
    const double usd = cloudWatchUsdPerHour(metrics, interval);
    // Small amounts keep four decimals, so that 100 metrics every 15 minutes is not "$0.00".
    const QString amount = QLocale().toCurrencyString(usd, QStringLiteral("$"), usd < 0.01 ? 4 : 2);
    m_cost->setText(tr("Auto-refresh ≈ %1/hour (USD, CloudWatch)").arg(amount));
    m_cost->setToolTip(
        tr("Estimate in US dollars: %1 CloudWatch metrics per refresh × %2 refreshes per hour × $0.01 per "
           "1,000 metrics requested (GetMetricData). Your AWS bill is authoritative.")
            .arg(QLocale().toString(metrics), QLocale().toString(3600.0 / interval, 'g', 3)) +
        (others.isEmpty() ? QString() : QLatin1Char(' ') + others));
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
    hideProgress();
    const bool cancelled = errors.size() == 1 && errors.first().code == ErrorCode::Cancelled;
    if (cancelled) {
        // The data shown is still that of the last refresh that completed.
        m_lastRefresh->setToolTip(tr("Loading was cancelled"));
        showErrors(errors);
        return;
    }
    const qint64 ms = finishedAtUtc.toMSecsSinceEpoch();
    const QString time = QLocale().toString(finishedAtUtc.toLocalTime().time(), QLocale::ShortFormat);
    m_lastRefresh->setText(tr("Last refresh: %1 (%2)").arg(time, localZoneLabel(ms)));
    m_lastRefresh->setToolTip(QLocale().toString(finishedAtUtc.toLocalTime(), QLocale::LongFormat));
    showErrors(errors);
}

void SessionStatusView::showRequestCount(quint64 count) {
    m_requests->setText(tr("API requests: %1").arg(QLocale().toString(count)));
    if (m_session.scheduler().isBusy())
        updateProgress();
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
