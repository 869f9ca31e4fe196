#include "core/providers/azure/azure_monitor_provider.h"

#include "core/auth/azure_token_source.h"
#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/azure/azure_discovery.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace mlwatch::azure {

namespace {

// Bodies above this are parsed on a worker thread so the UI stays responsive (a getBatch
// answer for 50 resources × 20 metrics × a day of minutes is tens of MB of JSON).
constexpr qsizetype kParseOffThreadBytes = 256 * 1024;

QString hostKey(const QUrl &url) {
    return url.host().toLower() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

} // namespace

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

// One request through its retries.
struct AzureMonitorProvider::Attempt {
    HttpRequest request; // without the Authorization header, which is added per try
    TokenSource *tokens = nullptr;
    AzureCallDescription what;
    ResponseDone done;
    int attempt = 1;
    bool refreshedToken = false; // a 401 fetches a fresh token once
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
    , m_inflight(new QObject(this)) {}

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
    if (body.size() < kParseOffThreadBytes) {
        done(parseMetricsResponse(kind, body, aggregation));
        return;
    }
    // Pure work on a worker thread; the value comes back to this thread through the watcher,
    // which dies with the in-flight context (cancelAll).
    auto *watcher = new QFutureWatcher<Result<QList<AzureResourceMetrics>>>(m_inflight);
    connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([kind, aggregation, body = std::move(body)] {
        return parseMetricsResponse(kind, body, aggregation);
    }));
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
    // Deleting the context aborts every request, pending retry timer, pending token callback
    // and off-thread parse result at once.
    delete m_inflight;
    m_inflight = new QObject(this);
    const Error cancelled{ErrorCode::Cancelled, tr("The fetch was cancelled."), QString()};
    const auto fetches = std::exchange(m_fetches, {});
    for (const std::shared_ptr<Fetch> &fetch : fetches) {
        if (fetch->finished)
            continue;
        fetch->finished = true;
        FetchReport report;
        report.errors.append(cancelled);
        fetch->done(std::move(report));
    }
    const auto discoveries = std::exchange(m_discoveries, {});
    for (const std::shared_ptr<PendingDiscovery> &discovery : discoveries) {
        if (discovery->finished)
            continue;
        discovery->finished = true;
        discovery->done(Error{ErrorCode::Cancelled, tr("The discovery was cancelled."), QString()});
    }
}

// ---- sending -----------------------------------------------------------------------------------

Error AzureMonitorProvider::withAccount(Error error) const {
    error.message = m_accountLabel + QStringLiteral(": ") + error.message;
    return error;
}

void AzureMonitorProvider::send(HttpRequest request, TokenSource &tokens, AzureCallDescription what,
                                ResponseDone done) {
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->tokens = &tokens;
    attempt->what = std::move(what);
    attempt->done = std::move(done);
    schedule(attempt);
}

void AzureMonitorProvider::schedule(const std::shared_ptr<Attempt> &attempt) {
    // Pacing: the last answer from this host said its read budget is nearly spent.
    const qint64 wait = m_paceUntil.value(hostKey(attempt->request.url)).remainingTime();
    if (wait <= 0) {
        dispatch(attempt);
        return;
    }
    Q_EMIT callDelayed(attempt->request.callName, wait);
    QTimer::singleShot(std::chrono::milliseconds(wait), m_inflight, [this, attempt] { dispatch(attempt); });
}

void AzureMonitorProvider::dispatch(const std::shared_ptr<Attempt> &attempt) {
    const QPointer<QObject> context = m_inflight;
    // The token source may answer at once (cached) or after its own HTTP call; a cancel in
    // between leaves `context` null and nothing is sent.
    attempt->tokens->token([this, attempt, context](Result<AccessToken> token) {
        if (!context)
            return;
        if (!token) {
            attempt->done(withAccount(token.error()));
            return;
        }
        HttpRequest request = attempt->request;
        request.setHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token->value);
        m_http.send(request, context,
                    [this, attempt](Result<HttpResponse> result) { onAnswer(attempt, std::move(result)); });
    });
}

void AzureMonitorProvider::onAnswer(const std::shared_ptr<Attempt> &attempt, Result<HttpResponse> result) {
    if (!result) {
        const ErrorCode code = result.error().code;
        if (code == ErrorCode::Network || code == ErrorCode::Timeout) {
            const AzureRetryDecision decision = m_retry.decide(0, {}, attempt->attempt);
            if (decision.retry) {
                retryLater(attempt, decision.delay);
                return;
            }
        }
        attempt->done(withAccount(result.error()));
        return;
    }
    const HttpResponse &response = *result;
    const auto pace = m_retry.paceDelay(response.headers);
    if (pace.count() > 0) {
        QDeadlineTimer &until = m_paceUntil[hostKey(attempt->request.url)];
        if (until.remainingTime() < pace.count())
            until = QDeadlineTimer(pace);
        qCInfo(lcAzure) << attempt->request.callName << "read budget low; pacing the next calls by"
                        << pace.count() << "ms";
    }
    if (response.isSuccess()) {
        attempt->done(std::move(result));
        return;
    }
    if (response.status == 401 && !attempt->refreshedToken) {
        // Tokens can be revoked or rotated before they expire: one fresh token, one retry.
        attempt->refreshedToken = true;
        attempt->tokens->invalidate();
        qCInfo(lcAzure) << attempt->request.callName << "token rejected; fetching a new one";
        schedule(attempt);
        return;
    }
    if (attempt->tokens == &m_batchTokens && (response.status == 404 || response.status == 405)) {
        // An Azure-Monitor-compatible endpoint (a sovereign cloud's, a proxy, a test double)
        // that does not serve metrics:getBatch: from now on this provider uses ARM only.
        qCInfo(lcAzure) << attempt->request.callName << "not served (HTTP" << response.status
                        << "); using the ARM metrics API for this account";
        m_batchUnavailable = true;
    }
    const AzureRetryDecision decision =
        m_retry.decide(response.status, response.header("Retry-After"), attempt->attempt, m_clock.nowUtc());
    if (decision.retry) {
        retryLater(attempt, decision.delay);
        return;
    }
    attempt->done(azureHttpError(response, attempt->what, attempt->attempt, m_retry.maxRetryAfter.count()));
}

void AzureMonitorProvider::retryLater(const std::shared_ptr<Attempt> &attempt,
                                      std::chrono::milliseconds delay) {
    qCInfo(lcAzure) << attempt->request.callName << "attempt" << attempt->attempt << "failed; retrying in"
                    << delay.count() << "ms";
    Q_EMIT callDelayed(attempt->request.callName, delay.count());
    ++attempt->attempt;
    QTimer::singleShot(delay, m_inflight, [this, attempt] { schedule(attempt); });
}

} // namespace mlwatch::azure
