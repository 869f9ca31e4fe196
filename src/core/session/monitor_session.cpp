#include "core/session/monitor_session.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/default_rules.h"
#include "core/auth/azure_token_source.h"
#include "core/auth/google_token_source.h"
#include "core/catalog/aws_catalog.h"
#include "core/catalog/azure_catalog.h"
#include "core/catalog/gcp_catalog.h"
#include "core/common/clock.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/providers/azure/azure_monitor_provider.h"
#include "core/providers/gcp/gcp_monitoring_provider.h"
#include "core/session/provider_router.h"
#include "core/store/derived_series.h"
#include "core/store/series_store.h"

#include <QSet>

#include <algorithm>
#include <list>
#include <optional>

namespace mlwatch {

// One account's parts, destroyed provider first (it refers to the token sources).
struct MonitorSession::AccountParts {
    SessionAccount info;
    std::unique_ptr<AzureTokenSource> armTokens;
    std::unique_ptr<AzureTokenSource> batchTokens;
    std::unique_ptr<GoogleTokenSource> googleTokens;
    std::unique_ptr<MetricProvider> provider;
    std::optional<QList<MetricDescriptor>> discovered; // the latest successful discovery
};

// The services in dependency order: each one's constructor may use those above it, and they
// are destroyed in reverse (the scheduler before the router, the router before the providers).
struct MonitorSession::Parts {
    explicit Parts(const Clock &c)
        : clock(c)
        , alerts(c, store)
        , scheduler(c, router, store)
        , derived(store) {
        // Derived rates divide by the period the scheduler fetched with (a query's own is a floor).
        derived.setPeriodSource([this](const MetricQuery &input) {
            return std::max(scheduler.currentPeriodSeconds(), input.periodSeconds);
        });
    }
    const Clock &clock;
    HttpClient http;
    std::list<AccountParts> accounts; // AWS primary first, then the rest in the order added
    ProviderRouter router;
    SeriesStore store;
    AlertEngine alerts;
    FetchScheduler scheduler;
    DerivedSeries derived; // RED rates and error percentages, recomputed as their inputs arrive
};

// The answers of one start(): per account, in the order of Parts::accounts.
struct MonitorSession::Discovery {
    QList<std::optional<Result<QList<MetricDescriptor>>>> found;
    int pending = 0;
};

namespace {

// The AWS catalog's charts for one account: as built for the primary (empty id), else with the
// account in every query and in the chart ids, as the other clouds' catalogs build them.
QList<ChartSpec> awsChartsFor(const QList<MetricDescriptor> &discovered, const QString &accountId) {
    QList<ChartSpec> charts = aws::buildAwsCharts(discovered);
    if (accountId.isEmpty())
        return charts;
    for (ChartSpec &chart : charts) {
        // "<stage>/<kind>/<resource>" → "<stage>/<kind>/<accountId>/<resource>"
        const qsizetype kindEnd = chart.id.indexOf(QLatin1Char('/'), chart.id.indexOf(QLatin1Char('/')) + 1);
        if (kindEnd < 0)
            chart.id += QLatin1Char('/') + accountId;
        else
            chart.id.insert(kindEnd + 1, accountId + QLatin1Char('/'));
        for (ChartSeriesSpec &series : chart.series) {
            series.query.account = accountId;
            for (MetricQuery &input : series.inputs)
                input.account = accountId;
        }
    }
    return charts;
}

} // namespace

MonitorSession::MonitorSession(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_parts(std::make_unique<Parts>(clock)) {}

MonitorSession::MonitorSession(const Clock &clock, const aws::AwsResolved &account,
                               const QString &accountLabel, QObject *parent)
    : MonitorSession(clock, parent) {
    AccountParts &parts = m_parts->accounts.emplace_front();
    parts.info = SessionAccount{QString(), AccountKind::Aws, accountLabel};
    parts.provider = std::make_unique<aws::CloudWatchProvider>(m_parts->http, clock, account.credentials,
                                                               account.endpoint, accountLabel);
    m_parts->router.addProvider(QString(), parts.provider.get());
}

MonitorSession::~MonitorSession() {
    // Stop callbacks into parts that are about to go; what they still report is ignored.
    m_stopping = true;
    m_parts->router.cancelAll();
}

Result<void> MonitorSession::addAwsAccount(const Account &account, const AccountSecret &secret,
                                           const aws::AwsEndpointConfig &endpoint, const QString &label) {
    if (account.kind != AccountKind::Aws || !isValidAccountId(account.id))
        return Error{ErrorCode::BadArgument,
                     tr("“%1” is not an AWS account that a session can watch.").arg(account.displayName()),
                     QString()};
    if (m_parts->router.providerFor(account.id))
        return Error{ErrorCode::BadArgument,
                     tr("The account “%1” is in this session already.").arg(account.id), QString()};
    if (!secret.isCompleteFor(AccountKind::Aws))
        return Error{
            ErrorCode::NoCredentials,
            tr("The account “%1” has no access key: enter it in Accounts….").arg(account.displayName()),
            QString()};

    aws::AwsCredentials credentials;
    credentials.accessKeyId = secret.accessKeyId;
    credentials.secretAccessKey = secret.secretAccessKey;
    credentials.sessionToken = secret.sessionToken;
    credentials.expiresAt = account.expiresAt;
    AccountParts &parts = m_parts->accounts.emplace_back();
    parts.info =
        SessionAccount{account.id, AccountKind::Aws, label.isEmpty() ? account.displayName() : label};
    parts.provider = std::make_unique<aws::CloudWatchProvider>(m_parts->http, m_parts->clock, credentials,
                                                               endpoint, parts.info.label);
    m_parts->router.addProvider(account.id, parts.provider.get());
    return {};
}

Result<void> MonitorSession::addAzureAccount(const Account &account, const AccountSecret &secret,
                                             const azure::AzureEndpointConfig &endpoint) {
    if (account.kind != AccountKind::Azure || !isValidAccountId(account.id))
        return Error{ErrorCode::BadArgument,
                     tr("“%1” is not an Azure account that a session can watch.").arg(account.displayName()),
                     QString()};
    if (m_parts->router.providerFor(account.id))
        return Error{ErrorCode::BadArgument,
                     tr("The account “%1” is in this session already.").arg(account.id), QString()};
    if (!secret.isCompleteFor(AccountKind::Azure))
        return Error{
            ErrorCode::NoCredentials,
            tr("The account “%1” has no client secret: enter it in Accounts….").arg(account.displayName()),
            QString()};

    AzureTokenSource::Config config;
    if (!account.authorityHost.isEmpty())
        config.authorityHost = QUrl(account.authorityHost);
    config.tenantId = account.tenantId;
    config.clientId = account.clientId;
    config.clientSecret = secret.clientSecret;
    AccountParts &parts = m_parts->accounts.emplace_back();
    parts.info = SessionAccount{account.id, AccountKind::Azure, account.displayName()};
    config.scope = QString::fromLatin1(azure::kArmScope);
    parts.armTokens = std::make_unique<AzureTokenSource>(m_parts->http, m_parts->clock, config);
    config.scope = QString::fromLatin1(azure::kBatchScope);
    parts.batchTokens = std::make_unique<AzureTokenSource>(m_parts->http, m_parts->clock, config);
    parts.provider = std::make_unique<azure::AzureMonitorProvider>(
        m_parts->http, m_parts->clock, *parts.armTokens, *parts.batchTokens, endpoint, parts.info.label);
    m_parts->router.addProvider(account.id, parts.provider.get());
    return {};
}

azure::AzureEndpointConfig MonitorSession::azureEndpointFor(const Account &account) {
    azure::AzureEndpointConfig endpoint;
    endpoint.subscriptionIds = account.subscriptionIds;
    if (account.endpointUrl.isEmpty())
        return endpoint;
    endpoint.armEndpoint = QUrl(account.endpointUrl);
    const QUrl publicArm(QString::fromLatin1(azure::kDefaultArmEndpoint));
    if (endpoint.armEndpoint.host().compare(publicArm.host(), Qt::CaseInsensitive) != 0)
        endpoint.batchEndpoint = endpoint.armEndpoint;
    return endpoint;
}

Result<void> MonitorSession::addGoogleAccount(const Account &account, const AccountSecret &secret,
                                              const gcp::GcpEndpointConfig &endpoint, const QUrl &tokenUrl) {
    if (account.kind != AccountKind::Gcp || !isValidAccountId(account.id))
        return Error{
            ErrorCode::BadArgument,
            tr("“%1” is not a Google Cloud account that a session can watch.").arg(account.displayName()),
            QString()};
    if (m_parts->router.providerFor(account.id))
        return Error{ErrorCode::BadArgument,
                     tr("The account “%1” is in this session already.").arg(account.id), QString()};
    if (!secret.isCompleteFor(AccountKind::Gcp))
        return Error{ErrorCode::NoCredentials,
                     tr("The account “%1” has no key file or ADC file: import it again in Accounts….")
                         .arg(account.displayName()),
                     QString()};

    AccountParts &parts = m_parts->accounts.emplace_back();
    parts.info = SessionAccount{account.id, AccountKind::Gcp, account.displayName()};
    parts.googleTokens =
        std::make_unique<GoogleTokenSource>(m_parts->http, m_parts->clock, secret.googleCredentialsJson,
                                            QString::fromLatin1(gcp::kCloudPlatformScope));
    if (!tokenUrl.isEmpty())
        parts.googleTokens->setTokenUrlOverride(tokenUrl);
    parts.provider = std::make_unique<gcp::CloudMonitoringProvider>(
        m_parts->http, m_parts->clock, *parts.googleTokens, endpoint, parts.info.label);
    m_parts->router.addProvider(account.id, parts.provider.get());
    return {};
}

gcp::GcpEndpointConfig MonitorSession::googleEndpointFor(const Account &account) {
    gcp::GcpEndpointConfig endpoint;
    endpoint.projectIds = account.projectIds;
    endpoint.quotaProjectId = account.quotaProjectId;
    if (account.endpointUrl.isEmpty())
        return endpoint;
    endpoint.monitoringEndpoint = QUrl(account.endpointUrl);
    const QUrl google(QString::fromLatin1(gcp::kDefaultMonitoringEndpoint));
    if (endpoint.monitoringEndpoint.host().compare(google.host(), Qt::CaseInsensitive) != 0)
        endpoint.aiplatformEndpoint = endpoint.monitoringEndpoint;
    return endpoint;
}

HttpClient &MonitorSession::http() {
    return m_parts->http;
}
MetricProvider &MonitorSession::provider() {
    return m_parts->router;
}
ProviderRouter &MonitorSession::router() {
    return m_parts->router;
}
MetricProvider *MonitorSession::providerFor(const QString &accountId) const {
    return m_parts->router.providerFor(accountId);
}
QList<SessionAccount> MonitorSession::accounts() const {
    QList<SessionAccount> out;
    for (const AccountParts &parts : m_parts->accounts)
        out.append(parts.info);
    return out;
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
    auto discovery = std::make_shared<Discovery>();
    discovery->found.resize(qsizetype(m_parts->accounts.size()));
    discovery->pending = int(m_parts->accounts.size()) + 1; // + start() itself, done below
    qsizetype index = 0;
    for (AccountParts &parts : m_parts->accounts) {
        const QStringList namespaces = parts.info.kind == AccountKind::Azure ? azure::catalogResourceTypes()
                                       : parts.info.kind == AccountKind::Gcp ? gcp::catalogResourceTypes()
                                                                             : aws::catalogNamespaces();
        parts.provider->discover(namespaces, [this, discovery, index](Result<QList<MetricDescriptor>> found) {
            discovery->found[index] = std::move(found);
            onDiscovered(discovery);
        });
        ++index;
    }
    onDiscovered(discovery);
}

QList<DiscoveredAccount> MonitorSession::discovered() const {
    QList<DiscoveredAccount> out;
    for (const AccountParts &parts : m_parts->accounts) {
        DiscoveredAccount &account = out.emplace_back();
        account.account = parts.info;
        account.listed = parts.discovered.has_value();
        if (parts.discovered)
            account.metrics = *parts.discovered;
    }
    return out;
}

void MonitorSession::onDiscovered(const std::shared_ptr<Discovery> &discovery) {
    if (--discovery->pending > 0 || m_stopping)
        return;
    QList<ChartSpec> charts;
    bool anyListed = false;
    qsizetype index = 0;
    for (AccountParts &parts : m_parts->accounts) {
        const std::optional<Result<QList<MetricDescriptor>>> &found = discovery->found.at(index++);
        if (!found)
            continue;
        if (!*found) {
            // The providers' errors name the account already; make sure of it.
            Error error = found->error();
            if (!error.message.contains(parts.info.label))
                error.message = tr("%1: %2").arg(parts.info.label, error.message);
            Q_EMIT discoveryFailed(error);
            continue;
        }
        anyListed = true;
        parts.discovered = **found;
        QList<ChartSpec> built =
            parts.info.kind == AccountKind::Azure ? azure::buildAzureCharts(**found, parts.info.id)
            : parts.info.kind == AccountKind::Gcp ? gcp::buildGcpCharts(**found, parts.info.id)
                                                  : awsChartsFor(**found, parts.info.id);
        for (ChartSpec &chart : built) {
            chart.account = parts.info.id;
            chart.accountLabel = parts.info.label;
            chart.cloud = accountKindId(parts.info.kind);
        }
        charts.append(std::move(built));
    }
    if (!anyListed)
        return;
    m_charts = std::move(charts);
    // Default rules for the charts, unless the workspace already has a rule with that id.
    QList<AlertRule> rules = m_parts->alerts.rules();
    for (const AlertRule &rule : defaultRulesFor(m_charts))
        if (!m_parts->alerts.contains(rule.id))
            rules.append(rule);
    (void)m_parts->alerts.setRules(rules); // defaults are valid by construction
    updateQueries();
    Q_EMIT chartsReady();
    m_parts->scheduler.refreshNow();
}

void MonitorSession::setCharts(const QList<ChartSpec> &charts) {
    QList<ChartSpec> unique;
    QSet<QString> ids;
    for (const ChartSpec &chart : charts)
        if (!ids.contains(chart.id)) {
            ids.insert(chart.id);
            unique.append(chart);
        }
    m_charts = std::move(unique);
    const bool anyNew = updateQueries();
    Q_EMIT chartsReady();
    if (anyNew)
        m_parts->scheduler.tick(); // fetches only the new series (in full), not the others
}

bool MonitorSession::updateQueries() {
    const auto keyOf = [](const MetricQuery &query) -> QString {
        return query.seriesKey() + QLatin1Char('@') + QString::number(query.periodSeconds);
    };
    QSet<QString> before;
    for (const MetricQuery &query : m_parts->scheduler.queries())
        before.insert(keyOf(query));
    QList<MetricQuery> queries;
    QSet<QString> asked; // series key and period: a few hundred queries, compared once each
    bool anyNew = false;
    for (const ChartSpec &chart : std::as_const(m_charts)) {
        if (!chart.missingReason.isEmpty())
            continue; // a placeholder: what it names is not here to fetch
        // A derived series is computed (DerivedSeries): its inputs are what is fetched.
        for (const ChartSeriesSpec &series : chart.series)
            for (const MetricQuery &query : DerivedSeries::fetchQueries(series))
                if (const QString key = keyOf(query); !asked.contains(key)) {
                    asked.insert(key);
                    queries.append(query);
                    anyNew = anyNew || !before.contains(key);
                }
    }
    m_parts->scheduler.setQueries(queries);
    QList<ChartSeriesSpec> derived;
    for (const ChartSpec &chart : std::as_const(m_charts))
        if (chart.missingReason.isEmpty())
            for (const ChartSeriesSpec &series : chart.series)
                if (series.derivation != SeriesDerivation::None)
                    derived.append(series);
    m_parts->derived.setSeries(derived);
    return anyNew;
}

} // namespace mlwatch
