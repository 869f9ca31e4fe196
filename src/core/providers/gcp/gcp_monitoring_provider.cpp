#include "core/providers/gcp/gcp_monitoring_provider.h"

#include "core/auth/google_token_source.h"
#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/cancel_pending.h"
#include "core/providers/gcp/gcp_discovery.h"
#include "core/providers/parse_off_thread.h"

#include <QSet>

#include <utility>

namespace mlwatch::gcp {

namespace {

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
    , m_calls(http, this, m_accountLabel, &lcGcp, BearerCallRunner::TokenRefresh::IfCurrent,
              {[this](const HttpResponse *answer, int attempt) { return retryDelay(answer, attempt); },
               {},
               {},
               [this](const QString &callName, qint64 delayMs) { Q_EMIT callDelayed(callName, delayMs); }}) {}

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
    parseOffThread(
        m_calls.context(), std::move(body), [](const QByteArray &json) { return parseTimeSeriesPage(json); },
        std::move(done));
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
    m_calls.cancelAll(); // every request, retry timer, token callback and off-thread parse
    cancelPending(m_fetches, m_discoveries, tr("The fetch was cancelled."),
                  tr("The discovery was cancelled."));
}

// ---- sending -------------------------------------------------------------------------------------

Error CloudMonitoringProvider::withAccount(Error error) const {
    return m_calls.withAccount(std::move(error));
}

void CloudMonitoringProvider::send(HttpRequest request, ResponseDone done) {
    if (!m_endpoint.quotaProjectId.isEmpty())
        request.setHeader(QByteArrayLiteral("x-goog-user-project"), m_endpoint.quotaProjectId.toUtf8());
    m_calls.send(std::move(request), m_tokens, std::move(done));
}

std::optional<std::chrono::milliseconds> CloudMonitoringProvider::retryDelay(const HttpResponse *answer,
                                                                             int attempt) const {
    GcpRetryDecision decision;
    if (!answer) {
        decision = m_retry.decide(0, {}, {}, attempt);
    } else {
        const std::optional<GcpError> google = parseGcpError(*answer);
        decision = m_retry.decide(answer->status, google ? google->status : QString(),
                                  answer->header("Retry-After"), attempt, m_clock.nowUtc());
    }
    if (!decision.retry)
        return std::nullopt;
    return decision.delay;
}

} // namespace mlwatch::gcp
