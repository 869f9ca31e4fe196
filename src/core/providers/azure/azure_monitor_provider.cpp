#include "core/providers/azure/azure_monitor_provider.h"

#include "core/auth/azure_token_source.h"
#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/azure/azure_discovery.h"
#include "core/providers/cancel_pending.h"
#include "core/providers/parse_off_thread.h"

#include <utility>

namespace mlwatch::azure {

// One fetch() in progress.
struct AzureMonitorProvider::Fetch {
    std::function<void(FetchReport)> done;
    FetchReport report;
    int pending = 0;
    bool finished = false;

    void finishIfComplete() {
        if (finished || pending > 0)
            return;
        finished = true;
        done(std::move(report));
    }
};

struct AzureMonitorProvider::PendingDiscovery {
    std::function<void(Result<QList<MetricDescriptor>>)> done;
    bool finished = false;
};

AzureMonitorProvider::AzureMonitorProvider(HttpClient &http, const Clock &clock, AzureTokenSource &armTokens,
                                           AzureTokenSource &batchTokens, AzureEndpointConfig endpoint,
                                           QString accountLabel, QObject *parent)
    : MetricProvider(parent)
    , m_http(http)
    , m_clock(clock)
    , m_armTokens(armTokens)
    , m_batchTokens(batchTokens)
    , m_endpoint(std::move(endpoint))
    , m_accountLabel(std::move(accountLabel))
    , m_calls(http, this, m_accountLabel, &lcAzure, BearerCallRunner::TokenRefresh::Always,
              {[this](const HttpResponse *answer, int attempt) { return retryDelay(answer, attempt); },
               [this](const HttpHeaders &headers) { return m_retry.paceDelay(headers); },
               [this](const TokenSource &tokens, const HttpRequest &request, const HttpResponse &answer) {
                   noteRefused(tokens, request, answer);
               },
               [this](const QString &callName, qint64 delayMs) { Q_EMIT callDelayed(callName, delayMs); }}) {}

AzureMonitorProvider::~AzureMonitorProvider() = default;

void AzureMonitorProvider::addResourceLocations(const QList<MetricDescriptor> &descriptors) {
    for (const MetricDescriptor &d : descriptors)
        setResourceRegion(d.dimensionValue(QStringLiteral("resourceId")),
                          d.dimensionValue(QStringLiteral("location")));
}

void AzureMonitorProvider::setResourceRegion(const QString &resourceId, const QString &region) {
    if (resourceId.isEmpty() || region.isEmpty())
        return;
    m_regions.insert(resourceId.toLower(), region.toLower());
}

QString AzureMonitorProvider::resourceRegion(const QString &resourceId) const {
    return m_regions.value(resourceId.toLower());
}

void AzureMonitorProvider::fetch(const QList<MetricQuery> &queries, const TimeRange &range,
                                 std::function<void(FetchReport)> done) {
    m_fetches.removeIf([](const std::shared_ptr<Fetch> &f) { return f->finished; });
    auto fetch = std::make_shared<Fetch>();
    fetch->done = std::move(done);
    m_fetches.append(fetch);

    // Without the data plane every query goes through ARM: an empty region map plans no batch.
    const AzureMetricsPlan plan =
        planAzureMetricsCalls(queries, range, m_batchUnavailable ? QHash<QString, QString>() : m_regions);
    for (const RejectedQuery &rejected : plan.rejected)
        fetch->report.errors.append(withAccount(rejected.error));
    int batchCalls = 0;
    for (const AzureMetricsCall &call : plan.calls)
        batchCalls += call.kind == AzureCallKind::Batch ? 1 : 0;
    qCDebug(lcAzure) << m_accountLabel << queries.size() << "queries in" << batchCalls << "getBatch and"
                     << plan.calls.size() - batchCalls << "ARM metrics calls";

    fetch->pending = int(plan.calls.size());
    for (const AzureMetricsCall &call : plan.calls)
        runCall(fetch, call);
    fetch->finishIfComplete(); // nothing to send: report at once
}

AzureCallDescription AzureMonitorProvider::describe(const AzureMetricsCall &call,
                                                    const HttpRequest &request) const {
    AzureCallDescription what;
    what.account = m_accountLabel;
    what.call = request.callName;
    what.subject = call.kind == AzureCallKind::Arm
                       ? resourceNameOf(call.resourceIds.value(0))
                       : tr("%n resources in subscription %1", nullptr, int(call.resourceIds.size()))
                             .arg(call.subscriptionId);
    return what;
}

void AzureMonitorProvider::runCall(const std::shared_ptr<Fetch> &fetch, const AzureMetricsCall &call) {
    const HttpRequest request = buildMetricsRequest(m_endpoint, call);
    const AzureCallDescription what = describe(call, request);
    TokenSource &tokens = call.kind == AzureCallKind::Batch ? m_batchTokens : m_armTokens;
    send(request, tokens, what, [this, fetch, call, what](Result<HttpResponse> response) {
        if (fetch->finished)
            return;
        if (!response && call.kind == AzureCallKind::Batch && m_batchUnavailable) {
            // This endpoint has no metrics data plane: ask the same queries through ARM.
            const AzureMetricsPlan plan = planAzureMetricsCalls(call.queries, call.range, {});
            for (const RejectedQuery &rejected : plan.rejected)
                fetch->report.errors.append(withAccount(rejected.error));
            fetch->pending += int(plan.calls.size()) - 1;
            for (const AzureMetricsCall &armCall : plan.calls)
                runCall(fetch, armCall);
            fetch->finishIfComplete();
            return;
        }
        if (!response) {
            fetch->report.errors.append(response.error());
            --fetch->pending;
            fetch->finishIfComplete();
            return;
        }
        parseAnswer(call.kind, std::move(response->body), call.aggregation,
                    [this, fetch, call, what](Result<QList<AzureResourceMetrics>> parsed) {
                        if (fetch->finished)
                            return;
                        if (!parsed) {
                            fetch->report.errors.append(
                                Error{parsed.error().code,
                                      tr("%1: %2 answered with something MLWatch cannot read: %3")
                                          .arg(m_accountLabel, what.call, parsed.error().message),
                                      parsed.error().detail});
                        } else {
                            // An ARM answer tells the resource's region: its next fetch can batch.
                            if (call.kind == AzureCallKind::Arm && !parsed->isEmpty())
                                setResourceRegion(call.resourceIds.value(0), parsed->first().region);
                            AzureSeriesMatch match = matchSeries(call, *parsed, m_accountLabel);
                            fetch->report.series.append(std::move(match.series));
                            fetch->report.errors.append(std::move(match.errors));
                        }
                        --fetch->pending;
                        fetch->finishIfComplete();
                    });
    });
}

void AzureMonitorProvider::parseAnswer(AzureCallKind kind, QByteArray body, const QString &aggregation,
                                       std::function<void(Result<QList<AzureResourceMetrics>>)> done) {
    parseOffThread(
        m_calls.context(), std::move(body),
        [kind, aggregation](const QByteArray &json) { return parseMetricsResponse(kind, json, aggregation); },
        std::move(done));
}

void AzureMonitorProvider::discover(const QStringList &namespaces,
                                    std::function<void(Result<QList<MetricDescriptor>>)> done) {
    auto pending = std::make_shared<PendingDiscovery>();
    pending->done = std::move(done);
    m_discoveries.append(pending);
    AzureDiscovery::run(
        m_endpoint, namespaces, m_accountLabel,
        [this](HttpRequest request, AzureDiscovery::ResponseDone answered) {
            AzureCallDescription what{m_accountLabel, request.callName, request.callName, true};
            send(std::move(request), m_armTokens, std::move(what), std::move(answered));
        },
        [this, pending](Result<QList<MetricDescriptor>> result) {
            if (pending->finished)
                return;
            pending->finished = true;
            m_discoveries.removeOne(pending);
            if (result)
                addResourceLocations(*result);
            pending->done(std::move(result));
        });
}

void AzureMonitorProvider::cancelAll() {
    m_calls.cancelAll(); // every request, retry timer, token callback and off-thread parse
    cancelPending(m_fetches, m_discoveries, tr("The fetch was cancelled."),
                  tr("The discovery was cancelled."));
}

// ---- sending -----------------------------------------------------------------------------------

Error AzureMonitorProvider::withAccount(Error error) const {
    return m_calls.withAccount(std::move(error));
}

void AzureMonitorProvider::send(HttpRequest request, TokenSource &tokens, AzureCallDescription what,
                                ResponseDone done) {
    m_calls.send(
        std::move(request), tokens,
        [this, what = std::move(what), done = std::move(done)](Result<HttpResponse> answer, int attempts) {
            if (answer && !answer->isSuccess()) {
                done(azureHttpError(*answer, what, attempts, m_retry.maxRetryAfter.count()));
                return;
            }
            done(std::move(answer));
        });
}

std::optional<std::chrono::milliseconds> AzureMonitorProvider::retryDelay(const HttpResponse *answer,
                                                                          int attempt) const {
    const AzureRetryDecision decision =
        answer ? m_retry.decide(answer->status, answer->header("Retry-After"), attempt, m_clock.nowUtc())
               : m_retry.decide(0, {}, attempt);
    if (!decision.retry)
        return std::nullopt;
    return decision.delay;
}

void AzureMonitorProvider::noteRefused(const TokenSource &tokens, const HttpRequest &request,
                                       const HttpResponse &answer) {
    if (&tokens == &m_batchTokens && (answer.status == 404 || answer.status == 405)) {
        // An Azure-Monitor-compatible endpoint (a sovereign cloud's, a proxy, a test double)
        // that does not serve metrics:getBatch: from now on this provider uses ARM only.
        qCInfo(lcAzure) << request.callName << "not served (HTTP" << answer.status
                        << "); using the ARM metrics API for this account";
        m_batchUnavailable = true;
    }
}

} // namespace mlwatch::azure
