#pragma once

#include "core/providers/bearer_call_runner.h"
#include "core/providers/gcp/gcp_config.h"
#include "core/providers/gcp/gcp_error.h"
#include "core/providers/gcp/gcp_retry_policy.h"
#include "core/providers/gcp/gcp_time_series_request.h"
#include "core/providers/gcp/gcp_time_series_response.h"
#include "core/providers/metric_provider.h"

#include <chrono>
#include <memory>
#include <optional>

namespace mlwatch {
class Clock;
class GoogleTokenSource;
class HttpClient;
class TokenSource;
} // namespace mlwatch

namespace mlwatch::gcp {

// Google Cloud Monitoring behind the MetricProvider interface (cloud-apis.md §3). fetch() plans the
// timeSeries.list calls (planTimeSeriesCalls: one per metric type and aggregation, queries that
// differ only in one label's value merged), sends each with "Authorization: Bearer <token>" (and
// "x-goog-user-project" when a quota project is configured), follows nextPageToken and joins the
// pages of a call before handing its series to the queries. Every request is retried per
// GcpRetryPolicy (429/RESOURCE_EXHAUSTED and 500/502/503/504 back off with jitter, Retry-After
// honoured), and on a 401 the token is invalidated, fetched again and the request retried once.
// Series of calls that succeeded stay in the FetchReport when other calls fail; a call that fails
// on a later page reports its error and none of its series (partial pages would chart a hole as
// data). Every failure is an Error naming the account, the call and what to do. Tokens and bodies
// are never logged. discover() lists Vertex AI resources (GcpDiscovery).
// Threading: the thread of `http`; callbacks run there. The token source must outlive it.
class CloudMonitoringProvider final : public MetricProvider {
    Q_OBJECT
public:
    CloudMonitoringProvider(HttpClient &http, const Clock &clock, GoogleTokenSource &tokens,
                            GcpEndpointConfig endpoint, QString accountLabel, QObject *parent = nullptr);
    ~CloudMonitoringProvider() override;

    QString accountLabel() const override { return m_accountLabel; }
    void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
               std::function<void(FetchReport)> done) override;
    // `namespaces` are monitored-resource types (kEndpointResourceType, kTrainingJobResourceType);
    // empty = both.
    void discover(const QStringList &namespaces,
                  std::function<void(Result<QList<MetricDescriptor>>)> done) override;
    void cancelAll() override;

    void setRetryPolicy(const GcpRetryPolicy &policy) { m_retry = policy; }
    const GcpRetryPolicy &retryPolicy() const { return m_retry; }
    const GcpEndpointConfig &endpoint() const { return m_endpoint; }

Q_SIGNALS:
    // A request waits before it is sent again (a backoff or Retry-After). `delayMs` is the wait.
    // For the status bar and tests.
    void callDelayed(const QString &callName, qint64 delayMs);

private:
    struct Fetch;
    struct CallState;
    struct PendingDiscovery;
    // The final answer after token handling and retries: any HTTP status (non-2xx included) with
    // the number of attempts, or an Error when there was no answer (network, timeout, token).
    using ResponseDone = std::function<void(Result<HttpResponse>, int attempts)>;

    void runPage(const std::shared_ptr<Fetch> &fetch, const std::shared_ptr<CallState> &state,
                 const QString &pageToken);
    void onPage(const std::shared_ptr<Fetch> &fetch, const std::shared_ptr<CallState> &state,
                Result<GcpTimeSeriesPage> page);
    void finishCall(const std::shared_ptr<Fetch> &fetch, const std::shared_ptr<CallState> &state,
                    std::optional<Error> error);
    void parseAnswer(QByteArray body, std::function<void(Result<GcpTimeSeriesPage>)> done);

    void send(HttpRequest request, ResponseDone done);
    // The BearerCallRunner hook: GcpRetryPolicy's decision (the envelope's status counts).
    std::optional<std::chrono::milliseconds> retryDelay(const HttpResponse *answer, int attempt) const;
    Error withAccount(Error error) const;

    HttpClient &m_http;
    const Clock &m_clock;
    TokenSource &m_tokens;
    GcpEndpointConfig m_endpoint;
    QString m_accountLabel;
    GcpRetryPolicy m_retry;
    BearerCallRunner m_calls; // sending, token refresh, retries; owns the in-flight context
    QList<std::shared_ptr<Fetch>> m_fetches;
    QList<std::shared_ptr<PendingDiscovery>> m_discoveries;
};

} // namespace mlwatch::gcp
