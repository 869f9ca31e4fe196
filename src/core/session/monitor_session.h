#pragma once

#include "core/auth/account.h"
#include "core/catalog/chart_spec.h"
#include "core/common/error.h"
#include "core/model/metric_descriptor.h"
#include "core/providers/aws/aws_environment.h"
#include "core/providers/azure/azure_config.h"
#include "core/providers/gcp/gcp_config.h"

#include <QObject>

#include <memory>

namespace mlwatch {

class AlertEngine;
class Clock;
class FetchScheduler;
class HttpClient;
class MetricProvider;
class ProviderRouter;
class SeriesStore;

// One account a session watches, as people and the charts see it.
struct SessionAccount {
    QString id; // the Account id its queries carry; empty for the primary AWS account only
    AccountKind kind = AccountKind::Aws;
    QString label; // "Demo cloud (simulated AWS)", "Demo Azure (fraud-ml)"
};

// What discovery found in one account: every metric (with its dimensions) the account has.
// The metric browser lists these; `listed` is false until the account answered successfully.
struct DiscoveredAccount {
    SessionAccount account;
    bool listed = false;
    QList<MetricDescriptor> metrics;
};

// The one composition root that the GUI and the CLI each build: an HTTP client, the accounts'
// providers behind a ProviderRouter, the series store, the alert engine and the fetch scheduler,
// in dependency order. A session watches at most one primary AWS account (its series keys carry
// no account, so alert history and exports of single-account sessions stay valid), any number of
// further AWS accounts (addAwsAccount) and any number of Azure and Google accounts (the queries of
// all these carry the account id). start() discovers
// every account's resources, builds the five tabs' charts from each cloud's catalog (AWS first,
// then the other accounts in the order added) and fetches them.
class MonitorSession : public QObject {
    Q_OBJECT
public:
    // A session without an account yet (add some before start()). `clock` must outlive it.
    explicit MonitorSession(const Clock &clock, QObject *parent = nullptr);
    // A session on one AWS account, the primary. `accountLabel` is shown to people ("Demo cloud").
    MonitorSession(const Clock &clock, const aws::AwsResolved &account, const QString &accountLabel,
                   QObject *parent = nullptr);
    ~MonitorSession() override;

    // Adds a further AWS account (before start()) beside the primary: a CloudWatchProvider signing
    // with the secret's keys (and `account.expiresAt`) and sending to `endpoint` (as
    // resolveAwsAccount() picks it: the first region, the checked endpoint override, the protocol).
    // Its charts are the AWS catalog's with `account.id` in every query (derived series' inputs
    // included) and in the chart ids ("<stage>/<kind>/<accountId>/<resource>", as Azure's), so its
    // series keys and default rules never collide with the primary's. `label` is shown to people
    // (empty: the account's display name). The caller checks the endpoint against EndpointPolicy
    // first. BadArgument when the account is not AWS, its id is invalid or already in the session;
    // NoCredentials when the secret lacks the key id or the secret key.
    Result<void> addAwsAccount(const Account &account, const AccountSecret &secret,
                               const aws::AwsEndpointConfig &endpoint, const QString &label = QString());

    // Adds an Azure account (before start()): two Entra ID token sources on the session's HTTP
    // client (ARM scope, metrics batch scope) with the account's tenant, client id, authority host
    // and `secret.clientSecret`, and an AzureMonitorProvider whose calls go to `endpoint` (see
    // azureEndpointFor(); the demo passes its own ports). The caller checks the endpoints against
    // EndpointPolicy first: the tokens go wherever they point. BadArgument when the account is
    // not Azure, its id is invalid or already in the session, or the secret is incomplete.
    Result<void> addAzureAccount(const Account &account, const AccountSecret &secret,
                                 const azure::AzureEndpointConfig &endpoint);

    // Where a stored Azure account's calls go: ARM = `endpointUrl` (the public cloud's when
    // empty), the account's subscriptions. The metrics batch API goes to Azure's regional hosts
    // when ARM is the public cloud's; with any other ARM endpoint (a sovereign cloud, a proxy, an
    // Azure-Monitor-compatible server) it goes to that same host, so that no token travels to a
    // host the person did not name.
    static azure::AzureEndpointConfig azureEndpointFor(const Account &account);

    // Adds a Google account (before start()): a GoogleTokenSource on the session's HTTP client
    // with `secret.googleCredentialsJson` and the cloud-platform scope (the Vertex AI list calls of
    // discovery need it; monitoring.read alone makes discovery fall back to the metrics), its
    // token request sent to `tokenUrl` when that is set (else the key's token_uri), and a
    // CloudMonitoringProvider whose calls go to `endpoint`. The caller checks the endpoints and
    // the key's token_uri against EndpointPolicy first. BadArgument when the account is not
    // Google's, its id is invalid or already in the session; NoCredentials without the JSON.
    Result<void> addGoogleAccount(const Account &account, const AccountSecret &secret,
                                  const gcp::GcpEndpointConfig &endpoint, const QUrl &tokenUrl = QUrl());

    // Where a stored Google account's calls go: Cloud Monitoring = `endpointUrl` (Google's when
    // empty), Vertex AI = the same host when `endpointUrl` is set (so that no token travels to a
    // host the person did not name), discovery in the account's projects, its quota project.
    static gcp::GcpEndpointConfig googleEndpointFor(const Account &account);

    HttpClient &http();
    // Every account's provider behind one interface (routes queries by MetricQuery::account).
    MetricProvider &provider();
    ProviderRouter &router();
    // The provider of one account (empty id: the primary AWS account); null when not in the session.
    MetricProvider *providerFor(const QString &accountId) const;
    QList<SessionAccount> accounts() const;
    SeriesStore &store();
    AlertEngine &alerts(); // the session's alert rules; start() adds the defaults for its charts
    FetchScheduler &scheduler();

    // Discovery of every account, then charts, then the first fetch. An account whose discovery
    // fails is reported with discoveryFailed (the error names the account) and the others go on:
    // chartsReady follows once every account has answered and at least one was listed. When
    // every account fails, only discoveryFailed is emitted (once per account).
    void start();
    QList<ChartSpec> charts() const { return m_charts; }
    // What each account's discovery found (session account order); empty before start() answered.
    QList<DiscoveredAccount> discovered() const;

    // The charts people arranged, in this order (the metric browser, a workspace): replaces the
    // charts, keeps the queries the scheduler watches equal to the charts' series, emits
    // chartsReady and fetches at once when a series is new (not when charts were only renamed,
    // reordered or removed). Rules are left alone. Ids must be unique: later duplicates are dropped.
    void setCharts(const QList<ChartSpec> &charts);

Q_SIGNALS:
    // The charts changed (after discovery, or setCharts()): tabs rebuild from charts().
    void chartsReady();
    void discoveryFailed(const mlwatch::Error &error);

private:
    struct Parts;
    struct AccountParts;
    struct Discovery;
    void onDiscovered(const std::shared_ptr<Discovery> &discovery);
    // Sets the scheduler's queries to the charts' series; true when a series is new to it.
    bool updateQueries();

    std::unique_ptr<Parts> m_parts;
    QList<ChartSpec> m_charts;
    bool m_stopping = false; // in the destructor: late callbacks change nothing
};

} // namespace mlwatch
