#include "core/session/monitor_session.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/default_rules.h"
#include "core/catalog/aws_catalog.h"
#include "core/common/clock.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/store/series_store.h"

namespace mlwatch {

// The services in dependency order: each one's constructor may use those above it, and they
// are destroyed in reverse.
struct MonitorSession::Parts {
    Parts(const Clock &clock, const aws::AwsResolved &account, const QString &label)
        : provider(http, clock, account.credentials, account.endpoint, label)
        , alerts(clock, store)
        , scheduler(clock, provider, store) {}
    HttpClient http;
    aws::CloudWatchProvider provider;
    SeriesStore store;
    AlertEngine alerts;
    FetchScheduler scheduler;
};

MonitorSession::MonitorSession(const Clock &clock, const aws::AwsResolved &account,
                               const QString &accountLabel, QObject *parent)
    : QObject(parent)
    , m_parts(std::make_unique<Parts>(clock, account, accountLabel)) {}

MonitorSession::~MonitorSession() {
    // Stop callbacks into parts that are about to go.
    m_parts->provider.cancelAll();
}

HttpClient &MonitorSession::http() {
    return m_parts->http;
}
MetricProvider &MonitorSession::provider() {
    return m_parts->provider;
}
SeriesStore &MonitorSession::store() {
    return m_parts->store;
}
AlertEngine &MonitorSession::alerts() {
    return m_parts->alerts;
}
FetchScheduler &MonitorSession::scheduler() {
    return m_parts->scheduler;
}

void MonitorSession::start() {
    m_parts->provider.discover(aws::catalogNamespaces(), [this](Result<QList<MetricDescriptor>> found) {
        if (!found) {
            Q_EMIT discoveryFailed(found.error());
            return;
        }
        m_charts = aws::buildAwsCharts(*found);
        // Default rules for the charts, unless the workspace already has a rule with that id.
        QList<AlertRule> rules = m_parts->alerts.rules();
        for (const AlertRule &rule : defaultRulesFor(m_charts))
            if (!m_parts->alerts.contains(rule.id))
                rules.append(rule);
        (void)m_parts->alerts.setRules(rules); // defaults are valid by construction
        QList<MetricQuery> queries;
        for (const ChartSpec &chart : std::as_const(m_charts))
            for (const ChartSeriesSpec &series : chart.series)
                if (!queries.contains(series.query))
                    queries.append(series.query);
        m_parts->scheduler.setQueries(queries);
        Q_EMIT chartsReady();
        m_parts->scheduler.refreshNow();
    });
}

} // namespace mlwatch
