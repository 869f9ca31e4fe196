#include "core/providers/aws/cloudwatch_provider.h"

#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_request.h"
#include "core/providers/aws/sagemaker_describe.h"
#include "core/providers/aws/sigv4_signer.h"
#include "core/providers/parse_off_thread.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <numeric>

namespace mlwatch::aws {

namespace {

// Puts a series into ascending time order if a server ignored ScanBy (moto-style fakes, old
// endpoints). Cheap check first: almost always already sorted.
void ensureAscending(SeriesData &series) {
    if (std::is_sorted(series.timestampsMs.cbegin(), series.timestampsMs.cend()))
        return;
    std::vector<qsizetype> order(size_t(series.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return series.timestampsMs[a] < series.timestampsMs[b];
    });
    QVector<qint64> t;
    QVector<double> v;
    t.reserve(series.size());
    v.reserve(series.size());
    for (qsizetype i : order) {
        t.append(series.timestampsMs[i]);
        v.append(series.values[i]);
    }
    series.timestampsMs = std::move(t);
    series.values = std::move(v);
}

} // namespace

// One fetch() in progress: the series being assembled across batches and pages.
struct CloudWatchProvider::Call {
    std::function<void(FetchReport)> done;
    QHash<QString, SeriesData> series; // by series key
    QSet<QString> failed;              // keys whose batch failed: not reported, so the
                                       // caller keeps the data it already had
    QList<Error> errors;
    int pendingBatches = 0;
    bool finished = false;

    void finishIfComplete() {
        if (finished || pendingBatches > 0)
            return;
        finished = true;
        FetchReport report;
        report.errors = errors;
        for (auto it = series.begin(); it != series.end(); ++it) {
            if (failed.contains(it.key()))
                continue;
            ensureAscending(it.value());
            report.series.append(std::move(it.value()));
        }
        done(std::move(report));
    }
};

CloudWatchProvider::CloudWatchProvider(HttpClient &http, const Clock &clock, AwsCredentials credentials,
                                       AwsEndpointConfig endpoint, QString accountLabel, QObject *parent)
    : MetricProvider(parent)
    , m_http(http)
    , m_clock(clock)
    , m_credentials(std::move(credentials))
    , m_endpoint(std::move(endpoint))
    , m_accountLabel(std::move(accountLabel))
    , m_inflight(new QObject(this)) {}

void CloudWatchProvider::fetch(const QList<MetricQuery> &queries, const TimeRange &range,
                               std::function<void(FetchReport)> done) {
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    for (const MetricQuery &q : queries)
        call->series.insert(q.seriesKey(), SeriesData{q.seriesKey(), {}, {}});
    m_calls.append(call);

    const QList<GetMetricDataBatch> batches = planGetMetricDataBatches(queries, range);
    call->pendingBatches = int(batches.size());
    qCDebug(lcAws) << m_accountLabel << queries.size() << "queries in" << batches.size()
                   << "GetMetricData calls";
    for (const GetMetricDataBatch &batch : batches)
        fetchPage(call, batch, QString());
    call->finishIfComplete(); // no queries: report at once
}

void CloudWatchProvider::fetchPage(const std::shared_ptr<Call> &call, const GetMetricDataBatch &batch,
                                   const QString &nextToken) {
    const HttpRequest request = buildGetMetricDataRequest(m_endpoint, batch, nextToken);
    sendSigned(request, 1, [this, call, batch](Result<HttpResponse> response) {
        if (call->finished)
            return;
        if (!response) {
            call->errors.append(response.error());
            for (const MetricQuery &q : batch.queries)
                call->failed.insert(q.seriesKey());
            --call->pendingBatches;
            call->finishIfComplete();
            return;
        }
        parsePage(std::move(response->body), [this, call, batch](Result<GetMetricDataPage> page) {
            if (call->finished)
                return;
            if (!page) {
                call->errors.append(
                    Error{page.error().code,
                          tr("%1: CloudWatch GetMetricData answered with something MLWatch cannot "
                             "read: %2")
                              .arg(m_accountLabel, page.error().message),
                          page.error().detail});
                for (const MetricQuery &q : batch.queries)
                    call->failed.insert(q.seriesKey());
                --call->pendingBatches;
                call->finishIfComplete();
                return;
            }
            for (MetricDataResult &result : page->results) {
                const qsizetype index = batch.ids.indexOf(result.id);
                if (index < 0)
                    continue; // an id we did not ask for: ignore rather than guess
                SeriesData &series = call->series[batch.queries.at(index).seriesKey()];
                series.timestampsMs.append(result.timestampsMs);
                series.values.append(result.values);
                if (result.statusCode == QLatin1String("Forbidden") ||
                    result.statusCode == QLatin1String("InternalError"))
                    call->errors.append(
                        Error{ErrorCode::ServiceError,
                              tr("%1: CloudWatch returned %2 for %3.")
                                  .arg(m_accountLabel, result.statusCode, batch.queries.at(index).metricName),
                              result.messages.join(QLatin1String("; "))});
            }
            if (!page->nextToken.isEmpty()) {
                fetchPage(call, batch, page->nextToken);
                return;
            }
            --call->pendingBatches;
            call->finishIfComplete();
        });
    });
}

void CloudWatchProvider::parsePage(QByteArray body, std::function<void(Result<GetMetricDataPage>)> done) {
    const CloudWatchProtocol protocol = m_endpoint.protocol;
    parseOffThread(
        m_inflight, std::move(body),
        [protocol](const QByteArray &payload) { return parseGetMetricDataResponse(protocol, payload); },
        std::move(done));
}

void CloudWatchProvider::discover(const QStringList &namespaces,
                                  std::function<void(Result<QList<MetricDescriptor>>)> done) {
    auto found = std::make_shared<QList<MetricDescriptor>>();
    auto remaining = std::make_shared<QStringList>(namespaces);
    auto step = std::make_shared<std::function<void(QString)>>();
    // Namespaces one after the other, each through all its pages: ListMetrics is cheap but
    // has a lower TPS quota than GetMetricData.
    *step = [this, found, remaining, step, done](const QString &nextToken) {
        if (remaining->isEmpty()) {
            // Instance types from the SageMaker API, so summed utilisations read per device;
            // best effort, never a discovery failure (sagemaker_describe.h).
            auto *describe =
                new SageMakerDescribe(m_http, m_clock, m_skew, m_credentials, m_endpoint, m_inflight);
            describe->enrich(*found, [describe, done](QList<MetricDescriptor> all) {
                describe->deleteLater();
                done(std::move(all));
            });
            *step = nullptr; // break the self-reference
            return;
        }
        const QString ns = remaining->first();
        sendSigned(buildListMetricsRequest(m_endpoint, ns, QString(), nextToken), 1,
                   [this, found, remaining, step, done, ns](Result<HttpResponse> response) {
                       if (!response) {
                           done(response.error());
                           *step = nullptr;
                           return;
                       }
                       Result<ListMetricsPage> page =
                           parseListMetricsResponse(m_endpoint.protocol, response->body);
                       if (!page) {
                           done(Error{page.error().code,
                                      tr("%1: CloudWatch ListMetrics for %2 answered with something MLWatch "
                                         "cannot read: %3")
                                          .arg(m_accountLabel, ns, page.error().message),
                                      page.error().detail});
                           *step = nullptr;
                           return;
                       }
                       found->append(page->metrics);
                       if (page->nextToken.isEmpty())
                           remaining->removeFirst();
                       (*step)(page->nextToken);
                   });
    };
    (*step)(QString());
}

void CloudWatchProvider::cancelAll() {
    // Deleting the context aborts every request and pending retry timer at once.
    delete m_inflight;
    m_inflight = new QObject(this);
    const auto calls = std::exchange(m_calls, {});
    for (const std::shared_ptr<Call> &call : calls) {
        if (call->finished)
            continue;
        call->finished = true;
        FetchReport report;
        report.errors.append(Error{ErrorCode::Cancelled, tr("The fetch was cancelled."), QString()});
        call->done(std::move(report));
    }
}

void CloudWatchProvider::sendSigned(HttpRequest request, int attempt,
                                    std::function<void(Result<HttpResponse>)> done) {
    // Finished calls are pruned here, the one place every request passes through.
    m_calls.removeIf([](const std::shared_ptr<Call> &c) { return c->finished; });

    HttpRequest signedRequest = request;
    SigV4Signer::sign(signedRequest, SigV4Params{m_endpoint.region, QStringLiteral("monitoring"),
                                                 m_credentials, m_skew.corrected(m_clock.nowUtc())});
    QObject *context = m_inflight;
    m_http.send(signedRequest, context,
                [this, request = std::move(request), attempt, done = std::move(done),
                 context](Result<HttpResponse> result) mutable {
                    auto retryLater = [&](FailureKind kind, const QByteArray &retryAfter) {
                        const auto delay = m_retry.delayBeforeRetry(kind, attempt, retryAfter);
                        qCInfo(lcAws) << request.callName << "attempt" << attempt << "failed; retrying in"
                                      << delay.count() << "ms";
                        QTimer::singleShot(
                            delay, context,
                            [this, request = std::move(request), attempt, done = std::move(done)]() mutable {
                                sendSigned(std::move(request), attempt + 1, std::move(done));
                            });
                    };
                    if (!result) {
                        const ErrorCode code = result.error().code;
                        const bool transient = code == ErrorCode::Network || code == ErrorCode::Timeout;
                        if (transient && m_retry.shouldRetry(FailureKind::Transient, attempt)) {
                            retryLater(FailureKind::Transient, {});
                            return;
                        }
                        Error error = result.error();
                        error.message = m_accountLabel + QStringLiteral(": ") + error.message;
                        done(std::move(error));
                        return;
                    }
                    m_skew.observe(result->header("Date"), m_clock.nowUtc());
                    if (result->isSuccess()) {
                        done(std::move(result));
                        return;
                    }
                    const std::optional<AwsError> awsError = parseAwsError(*result);
                    const FailureKind kind =
                        awsError ? classifyAwsError(*awsError)
                                 : (result->status >= 500 ? FailureKind::Transient : FailureKind::Permanent);
                    if (m_retry.shouldRetry(kind, attempt)) {
                        // A skewed clock is fixed by the Date header just observed: retry at once.
                        if (kind == FailureKind::ClockSkew)
                            retryLater(kind, QByteArrayLiteral("0"));
                        else
                            retryLater(kind, result->header("x-amz-retry-after"));
                        return;
                    }
                    done(errorFor(request.callName, *result));
                });
}

Error CloudWatchProvider::errorFor(const QString &callName, const HttpResponse &response) const {
    const std::optional<AwsError> awsError = parseAwsError(response);
    const QString account = m_accountLabel;
    const QString region = m_endpoint.region;
    if (!awsError) {
        return {response.status >= 500 ? ErrorCode::ServiceError : ErrorCode::BadResponse,
                tr("%1: CloudWatch %2 failed with HTTP status %3 and no AWS error details.")
                    .arg(account, callName)
                    .arg(response.status),
                QString()};
    }
    const QString detail = awsError->code + QStringLiteral(": ") + awsError->message;
    switch (classifyAwsError(*awsError)) {
    case FailureKind::Throttle:
        return {
            ErrorCode::Throttled,
            tr("%1: CloudWatch %2 is throttled (%3) even after %4 attempts. Refresh less often, chart fewer "
               "metrics, or ask AWS for a higher quota.")
                .arg(account, callName, awsError->code)
                .arg(m_retry.maxAttempts),
            detail};
    case FailureKind::ClockSkew:
        return {ErrorCode::AuthRejected,
                tr("%1: AWS rejected %2 because this computer's clock is off. Set the clock automatically "
                   "(NTP) and try again.")
                    .arg(account, callName),
                detail};
    case FailureKind::Auth:
        if (awsError->code.startsWith(QLatin1String("AccessDenied")))
            return {ErrorCode::AuthRejected,
                    tr("%1: signed in, but not allowed to call cloudwatch:%2 in %3. Ask for that permission "
                       "in IAM.")
                        .arg(account, callName, region),
                    detail};
        if (awsError->code.startsWith(QLatin1String("ExpiredToken")))
            return {ErrorCode::AuthRejected,
                    tr("%1: the temporary AWS credentials have expired. Get new ones and try again.")
                        .arg(account),
                    detail};
        return {ErrorCode::AuthRejected,
                tr("%1: AWS rejected the credentials for %2 (%3). Check the access key id and secret key.")
                    .arg(account, callName, awsError->code),
                detail};
    case FailureKind::Transient:
        return {ErrorCode::ServiceError,
                tr("%1: CloudWatch %2 failed on the AWS side (%3) after %4 attempts. Try again later.")
                    .arg(account, callName, awsError->code)
                    .arg(m_retry.maxAttempts),
                detail};
    case FailureKind::Permanent:
        break;
    }
    return {ErrorCode::ServiceError,
            tr("%1: CloudWatch %2 refused the request: %3 (%4).")
                .arg(account, callName, awsError->message, awsError->code),
            detail};
}

} // namespace mlwatch::aws
