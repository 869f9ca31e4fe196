#pragma once

#include "core/providers/azure/azure_config.h"
#include "core/providers/azure/azure_metrics_request.h"
#include "core/providers/azure/azure_metrics_response.h"
#include "core/providers/azure/azure_retry_policy.h"
#include "core/providers/bearer_call_runner.h"
#include "core/providers/metric_provider.h"

#include <QHash>

#include <chrono>
#include <memory>
#include <optional>

namespace mlwatch {
class AzureTokenSource;
class Clock;
class HttpClient;
class TokenSource;
} // namespace mlwatch

namespace mlwatch::azure {

// Azure Monitor behind the MetricProvider interface (cloud-apis.md §2). fetch() plans getBatch
// calls for every resource whose region is known (from discovery, setResourceRegion(), or an
// earlier ARM answer's resourceregion) and per-resource ARM GETs for the rest; each call gets a
// bearer token of its own audience (ARM calls from `armTokens`, getBatch from `batchTokens`),
// is retried per AzureRetryPolicy (429 honours Retry-After; 408/5xx back off with jitter; a low
// remaining-reads budget paces later calls to that host), and on a 401 fetches a fresh token
// once and retries once. Series that arrived stay in the FetchReport when other calls fail; every
// failure is an Error naming the account, the call and what to do. Tokens and bodies are never
// logged. discover() lists Azure ML resources through ARM (AzureDiscovery). An endpoint that
// answers getBatch with 404/405 (a compatible endpoint without the metrics data plane) is asked
// through ARM from then on, the failed batch's queries included.
// Threading: the thread of `http`; callbacks run there. The token sources must outlive it.
class AzureMonitorProvider final : public MetricProvider {
    Q_OBJECT
public:
    AzureMonitorProvider(HttpClient &http, const Clock &clock, AzureTokenSource &armTokens,
                         AzureTokenSource &batchTokens, AzureEndpointConfig endpoint, QString accountLabel,
                         QObject *parent = nullptr);
    ~AzureMonitorProvider() override;

    QString accountLabel() const override { return m_accountLabel; }
    void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
               std::function<void(FetchReport)> done) override;
    // `namespaces` are resource types (kWorkspaceType …); empty = all Azure ML types.
    void discover(const QStringList &namespaces,
                  std::function<void(Result<QList<MetricDescriptor>>)> done) override;
    void cancelAll() override;

    void setRetryPolicy(const AzureRetryPolicy &policy) { m_retry = policy; }
    const AzureRetryPolicy &retryPolicy() const { return m_retry; }

    // Where resources live, so that their queries can go through getBatch: the "resourceId"
    // and "location" dimensions of discovered descriptors (discover() adds what it finds).
    void addResourceLocations(const QList<MetricDescriptor> &descriptors);
    void setResourceRegion(const QString &resourceId, const QString &region);
    QString resourceRegion(const QString &resourceId) const;

Q_SIGNALS:
    // A call waits before it is sent: a retry (after Retry-After or a backoff) or pacing
    // because the read budget runs low. `delayMs` is the wait. For the status bar and tests.
    void callDelayed(const QString &callName, qint64 delayMs);

private:
    struct Fetch;
    struct PendingDiscovery;
    using ResponseDone = std::function<void(Result<HttpResponse>)>;

    void runCall(const std::shared_ptr<Fetch> &fetch, const AzureMetricsCall &call);
    void parseAnswer(AzureCallKind kind, QByteArray body, const QString &aggregation,
                     std::function<void(Result<QList<AzureResourceMetrics>>)> done);
    AzureCallDescription describe(const AzureMetricsCall &call, const HttpRequest &request) const;

    // Authorised sending with retries; `done` gets a 2xx answer or an Error for people.
    void send(HttpRequest request, TokenSource &tokens, AzureCallDescription what, ResponseDone done);
    // The BearerCallRunner hooks: AzureRetryPolicy's decision, and the getBatch-not-served rule.
    std::optional<std::chrono::milliseconds> retryDelay(const HttpResponse *answer, int attempt) const;
    void noteRefused(const TokenSource &tokens, const HttpRequest &request, const HttpResponse &answer);
    Error withAccount(Error error) const;

    HttpClient &m_http;
    const Clock &m_clock;
    TokenSource &m_armTokens;
    TokenSource &m_batchTokens;
    AzureEndpointConfig m_endpoint;
    QString m_accountLabel;
    AzureRetryPolicy m_retry;
    QHash<QString, QString> m_regions; // lower-cased resource id → region
    bool m_batchUnavailable = false;   // the endpoint answered getBatch with 404/405
    BearerCallRunner m_calls;          // sending, token refresh, retries, pacing; owns the in-flight context
    QList<std::shared_ptr<Fetch>> m_fetches;
    QList<std::shared_ptr<PendingDiscovery>> m_discoveries;
};

} // namespace mlwatch::azure
