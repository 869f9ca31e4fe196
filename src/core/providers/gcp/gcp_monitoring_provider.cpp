#include "core/providers/gcp/gcp_monitoring_provider.h"

#include "core/auth/google_token_source.h"
#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/gcp/gcp_discovery.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace mlwatch::gcp {

namespace {

// Bodies above this are parsed on a worker thread so the UI stays responsive (a full page of
// 100,000 points is about 10 MB of JSON).
constexpr qsizetype kParseOffThreadBytes = 256 * 1024;
// A call stops following nextPageToken after this many pages (10^8 points at Google's page size).
constexpr int kMaxPagesPerCall = 1000;

} // namespace

// One fetch() in progress.
struct CloudMonitoringProvider::Fetch {
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

// One timeSeries.list call through its pages.
struct CloudMonitoringProvider::CallState {
    GcpTimeSeriesCall call;
    GcpSeriesAssembler pages;
    QSet<QString> tokensSeen;
    int page = 0;
};

// One request through its retries.
struct CloudMonitoringProvider::Attempt {
    HttpRequest request; // without the Authorization header, which is added per try
    ResponseDone done;
    int attempt = 1;
    bool refreshedToken = false; // a 401 fetches a fresh token once
    size_t tokenHash = 0;        // which token the last try carried (a hash: the value stays in the source)
};

struct CloudMonitoringProvider::PendingDiscovery {
    std::function<void(Result<QList<MetricDescriptor>>)> done;
    bool finished = false;
};

CloudMonitoringProvider::CloudMonitoringProvider(HttpClient &http, const Clock &clock,
                                                 GoogleTokenSource &tokens, GcpEndpointConfig endpoint,
                                                 QString accountLabel, QObject *parent)
    : MetricProvider(parent)
    , m_http(http)
    , m_clock(clock)
    , m_tokens(tokens)
    , m_endpoint(std::move(endpoint))
    , m_accountLabel(std::move(accountLabel))
    , m_inflight(new QObject(this)) {}

CloudMonitoringProvider::~CloudMonitoringProvider() = default;

void CloudMonitoringProvider::fetch(const QList<MetricQuery> &queries, const TimeRange &range,
                                    std::function<void(FetchReport)> done) {
    m_fetches.removeIf([](const std::shared_ptr<Fetch> &f) { return f->finished; });
    auto fetch = std::make_shared<Fetch>();
    fetch->done = std::move(done);
    m_fetches.append(fetch);

    const GcpTimeSeriesPlan plan = planTimeSeriesCalls(queries, range);
    for (const RejectedQuery &rejected : plan.rejected)
        fetch->report.errors.append(withAccount(rejected.error));
    qCDebug(lcGcp) << m_accountLabel << queries.size() << "queries in" << plan.calls.size()
                   << "timeSeries.list calls";
    fetch->pending = int(plan.calls.size());
    for (const GcpTimeSeriesCall &call : plan.calls) {
        auto state = std::make_shared<CallState>();
        state->call = call;
        runPage(fetch, state, QString());
    }
    fetch->finishIfComplete(); // nothing to send: report at once
}

void CloudMonitoringProvider::runPage(const std::shared_ptr<Fetch> &fetch,
                                      const std::shared_ptr<CallState> &state, const QString &pageToken) {
    ++state->page;
    send(buildTimeSeriesRequest(m_endpoint, state->call, pageToken),
         [this, fetch, state](Result<HttpResponse> answer, int attempts) {
             if (fetch->finished)
                 return;
             if (!answer) {
                 finishCall(fetch, state, answer.error());
                 return;
             }
             if (!answer->isSuccess()) {
                 const GcpCallDescription what{m_accountLabel, timeSeriesCallName(state->call),
                                               state->call.project, false};
                 finishCall(fetch, state,
                            gcpHttpError(*answer, what, attempts, m_retry.maxRetryAfter.count()));
                 return;
             }
             parseAnswer(std::move(answer->body), [this, fetch, state](Result<GcpTimeSeriesPage> page) {
                 onPage(fetch, state, std::move(page));
             });
         });
}

void CloudMonitoringProvider::onPage(const std::shared_ptr<Fetch> &fetch,
                                     const std::shared_ptr<CallState> &state,
                                     Result<GcpTimeSeriesPage> page) {
    if (fetch->finished)
        return;
    if (!page) {
        finishCall(fetch, state,
                   Error{page.error().code,
                         tr("%1: %2 answered with something MLWatch cannot read: %3")
                             .arg(m_accountLabel, timeSeriesCallName(state->call), page.error().message),
                         page.error().detail});
        return;
    }
    for (const QString &message : std::as_const(page->executionErrors))
        qCWarning(lcGcp) << timeSeriesCallName(state->call) << "may be incomplete:" << message;
    const QString token = page->nextPageToken;
    state->pages.add(std::move(*page));
    // A token seen before would loop forever; the call ends there with what it has.
    if (!token.isEmpty() && !state->tokensSeen.contains(token) && state->page < kMaxPagesPerCall) {
        state->tokensSeen.insert(token);
        runPage(fetch, state, token);
        return;
    }
    finishCall(fetch, state, std::nullopt);
}

void CloudMonitoringProvider::finishCall(const std::shared_ptr<Fetch> &fetch,
                                         const std::shared_ptr<CallState> &state,
                                         std::optional<Error> error) {
    if (error) {
        fetch->report.errors.append(std::move(*error));
    } else {
        GcpSeriesMatch match = matchSeries(state->call, state->pages.take(), m_accountLabel);
        fetch->report.series.append(std::move(match.series));
        fetch->report.errors.append(std::move(match.errors));
    }
    --fetch->pending;
    fetch->finishIfComplete();
}

void CloudMonitoringProvider::parseAnswer(QByteArray body,
                                          std::function<void(Result<GcpTimeSeriesPage>)> done) {
    if (body.size() < kParseOffThreadBytes) {
        done(parseTimeSeriesPage(body));
        return;
    }
    // Pure work on a worker thread; the value comes back to this thread through the watcher,
    // which dies with the in-flight context (cancelAll).
    auto *watcher = new QFutureWatcher<Result<GcpTimeSeriesPage>>(m_inflight);
    connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([body = std::move(body)] { return parseTimeSeriesPage(body); }));
}

void CloudMonitoringProvider::discover(const QStringList &namespaces,
                                       std::function<void(Result<QList<MetricDescriptor>>)> done) {
    auto pending = std::make_shared<PendingDiscovery>();
    pending->done = std::move(done);
    m_discoveries.append(pending);
    GcpDiscovery::run(
        m_endpoint, namespaces, m_accountLabel, m_clock.nowUtc(),
        [this](HttpRequest request, GcpDiscovery::ResponseDone answered) {
            send(std::move(request), std::move(answered));
        },
        [this, pending](Result<QList<MetricDescriptor>> result) {
            if (pending->finished)
                return;
            pending->finished = true;
            m_discoveries.removeOne(pending);
            pending->done(std::move(result));
        });
}

void CloudMonitoringProvider::cancelAll() {
    // Deleting the context aborts every request, pending retry timer, pending token callback and
    // off-thread parse result at once.
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

// ---- sending -------------------------------------------------------------------------------------

Error CloudMonitoringProvider::withAccount(Error error) const {
    error.message = m_accountLabel + QStringLiteral(": ") + error.message;
    return error;
}

void CloudMonitoringProvider::send(HttpRequest request, ResponseDone done) {
    if (!m_endpoint.quotaProjectId.isEmpty())
        request.setHeader(QByteArrayLiteral("x-goog-user-project"), m_endpoint.quotaProjectId.toUtf8());
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->done = std::move(done);
    dispatch(attempt);
}

void CloudMonitoringProvider::dispatch(const std::shared_ptr<Attempt> &attempt) {
    const QPointer<QObject> context = m_inflight;
    // The token source may answer at once (cached) or after its own HTTP call; a cancel in between
    // leaves `context` null and nothing is sent.
    m_tokens.token([this, attempt, context](Result<AccessToken> token) {
        if (!context)
            return;
        if (!token) {
            attempt->done(withAccount(token.error()), attempt->attempt);
            return;
        }
        attempt->tokenHash = qHash(token->value);
        m_tokenHash = attempt->tokenHash;
        HttpRequest request = attempt->request;
        request.setHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token->value);
        m_http.send(request, context,
                    [this, attempt](Result<HttpResponse> result) { onAnswer(attempt, std::move(result)); });
    });
}

void CloudMonitoringProvider::onAnswer(const std::shared_ptr<Attempt> &attempt, Result<HttpResponse> result) {
    if (!result) {
        const ErrorCode code = result.error().code;
        if (code == ErrorCode::Network || code == ErrorCode::Timeout) {
            const GcpRetryDecision decision = m_retry.decide(0, {}, {}, attempt->attempt);
            if (decision.retry) {
                retryLater(attempt, decision.delay);
                return;
            }
        }
        attempt->done(withAccount(result.error()), attempt->attempt);
        return;
    }
    const HttpResponse &response = *result;
    if (response.isSuccess()) {
        attempt->done(std::move(result), attempt->attempt);
        return;
    }
    if (response.status == 401 && !attempt->refreshedToken) {
        // Tokens can be revoked or the key disabled before they expire: one fresh token, one retry.
        // When several calls in flight are rejected together, only a rejection of the token still
        // current drops it; the others retry with the one already fetched (one refresh, not a
        // storm, cloud-apis.md §4.32).
        attempt->refreshedToken = true;
        if (attempt->tokenHash == m_tokenHash) {
            m_tokens.invalidate();
            qCInfo(lcGcp) << attempt->request.callName << "token rejected; fetching a new one";
        }
        dispatch(attempt);
        return;
    }
    const std::optional<GcpError> google = parseGcpError(response);
    const GcpRetryDecision decision =
        m_retry.decide(response.status, google ? google->status : QString(), response.header("Retry-After"),
                       attempt->attempt, m_clock.nowUtc());
    if (decision.retry) {
        retryLater(attempt, decision.delay);
        return;
    }
    attempt->done(std::move(result), attempt->attempt);
}

void CloudMonitoringProvider::retryLater(const std::shared_ptr<Attempt> &attempt,
                                         std::chrono::milliseconds delay) {
    qCInfo(lcGcp) << attempt->request.callName << "attempt" << attempt->attempt << "failed; retrying in"
                  << delay.count() << "ms";
    Q_EMIT callDelayed(attempt->request.callName, delay.count());
    ++attempt->attempt;
    QTimer::singleShot(delay, m_inflight, [this, attempt] { dispatch(attempt); });
}

} // namespace mlwatch::gcp
