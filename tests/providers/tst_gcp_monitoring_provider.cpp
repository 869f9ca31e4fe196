// The Cloud Monitoring provider end to end over real loopback HTTP: a QHttpServer in the test plays
// Google's token endpoint, Cloud Monitoring and Vertex AI (cloud-apis.md §3). The token comes from
// the real GoogleTokenSource (authorized_user refresh grant). Pins the bearer and quota-project
// headers, paging across pages (a series continued on the next page joined), the one refresh and
// retry after a 401, backoff after 429/5xx, errors naming the permission, discovery paging and its
// fallback to the metrics, and cancellation.
#include "core/auth/google_token_source.h"
#include "core/net/http_client.h"
#include "core/providers/gcp/gcp_discovery.h"
#include "core/providers/gcp/gcp_monitoring_provider.h"
#include "fake_google_cloud.h"
#include "support/manual_clock.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace mlwatch;
using namespace mlwatch::gcp;
using mlwatch::test::FakeGoogleCloud;

namespace {

const QString kAccount = QStringLiteral("Google test account");
const QString kProject = QStringLiteral("my-proj");
const QString kCount = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count");
const QString kReplicas = QStringLiteral("aiplatform.googleapis.com/prediction/online/replicas");
const QString kLatency = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_latencies");
const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
constexpr qint64 kMinuteMs = 60'000;

// Everything a provider test needs, wired the way the session wires it.
struct Rig {
    explicit Rig(const QString &quotaProject = {}) {
        clock.set(kAnchor);
        tokens = std::make_unique<GoogleTokenSource>(http, clock, FakeGoogleCloud::authorizedUserJson());
        tokens->setTokenUrlOverride(fake.tokenUrl());
        GcpEndpointConfig config;
        config.monitoringEndpoint = fake.url();
        config.aiplatformEndpoint = fake.url();
        config.projectIds = {kProject};
        config.quotaProjectId = quotaProject;
        provider = std::make_unique<CloudMonitoringProvider>(http, clock, *tokens, config, kAccount);
        GcpRetryPolicy fast; // same rules, a "second" of 5 ms
        fast.timeUnit = std::chrono::milliseconds(5);
        fast.random = [] { return 0.5; };
        provider->setRetryPolicy(fast);
    }

    FetchReport fetch(const QList<MetricQuery> &queries, const TimeRange &range = lastHour()) {
        std::optional<FetchReport> report;
        provider->fetch(queries, range, [&](FetchReport r) { report = std::move(r); });
        if (!QTest::qWaitFor([&] { return report.has_value(); }, 60000))
            qFatal("fetch did not finish");
        return *report;
    }

    Result<QList<MetricDescriptor>> discover(const QStringList &types = {}) {
        std::optional<Result<QList<MetricDescriptor>>> found;
        provider->discover(types, [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        if (!QTest::qWaitFor([&] { return found.has_value(); }, 60000))
            qFatal("discovery did not finish");
        return *found;
    }

    static TimeRange lastHour() {
        const qint64 end = kAnchor.toMSecsSinceEpoch();
        return TimeRange{end - 60 * kMinuteMs, end};
    }

    test::ManualClock clock;
    FakeGoogleCloud fake;
    HttpClient http;
    std::unique_ptr<GoogleTokenSource> tokens;
    std::unique_ptr<CloudMonitoringProvider> provider;
};

MetricQuery query(const QString &endpointId, const QString &metric = kCount,
                  const QString &stat = QStringLiteral("ALIGN_DELTA")) {
    MetricQuery q;
    q.namespaceName = QString::fromLatin1(kEndpointResourceType);
    q.metricName = metric;
    q.stat = stat;
    q.periodSeconds = 60;
    q.resource = QStringLiteral("projects/") + kProject;
    q.dimensions = {{QStringLiteral("resource.labels.endpoint_id"), endpointId}};
    q.account = QStringLiteral("gcp-test");
    return q;
}

QString allMessages(const FetchReport &report) {
    QStringList out;
    for (const Error &e : report.errors)
        out.append(e.toString());
    return out.join(QLatin1String(" | "));
}

const SeriesData *findSeries(const FetchReport &report, const QString &key) {
    for (const SeriesData &s : report.series)
        if (s.seriesKey == key)
            return &s;
    return nullptr;
}

// A minute grid ending at kAnchor, ascending, without gaps or repeats.
bool isMinuteGrid(const SeriesData &s, int points) {
    if (s.size() != points)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s.timestampsMs[i] != kAnchor.toMSecsSinceEpoch() - (points - 1 - i) * kMinuteMs)
            return false;
    return true;
}

} // namespace

class TestGcpMonitoringProvider : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bearerAndQuotaProjectHeaders_data() {
        QTest::addColumn<QString>("quotaProject");
        QTest::newRow("quota project configured: x-goog-user-project sent") << "billing-proj";
        QTest::newRow("no quota project: no header") << "";
    }
    void bearerAndQuotaProjectHeaders() {
        QFETCH(QString, quotaProject);
        Rig rig(quotaProject);
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 1);
        const FakeGoogleCloud::Seen &s = rig.fake.seen[0];
        QCOMPARE(s.path, QStringLiteral("/v3/projects/my-proj/timeSeries"));
        QCOMPARE(s.authorization, QByteArray("Bearer tok-1"));
        QCOMPARE(s.quotaProject, quotaProject.toUtf8());
        QCOMPARE(s.query.queryItemValue(QStringLiteral("aggregation.perSeriesAligner")),
                 QStringLiteral("ALIGN_DELTA"));
        QCOMPARE(rig.tokens->fetchCount(), 1);
        // 60 one-minute points, sent newest first as int64 strings, charted ascending as numbers.
        QCOMPARE(report.series.size(), 1);
        const SeriesData &series = report.series[0];
        QCOMPARE(series.seriesKey, query(QStringLiteral("101")).seriesKey());
        QVERIFY(isMinuteGrid(series, 60));
        QCOMPARE(series.values.first(), 0.0);
        QCOMPARE(series.values.last(), 59.0);
    }

    void paginationAcrossThreePages() {
        Rig rig;
        rig.fake.pointsPerPage = 50; // 2 endpoints × 60 points = 120 points: pages of 50, 50, 20
        const FetchReport report = rig.fetch({query(QStringLiteral("101")), query(QStringLiteral("102"))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        // The two queries differ only in the endpoint: one call, followed through three pages.
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 3);
        QVERIFY(rig.fake.seen[0]
                    .query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded)
                    .contains(QLatin1String("resource.labels.endpoint_id = one_of(\"101\",\"102\")")));
        QVERIFY(!rig.fake.seen[0].query.hasQueryItem(QStringLiteral("pageToken")));
        QCOMPARE(rig.fake.seen[1].query.queryItemValue(QStringLiteral("pageToken")), QStringLiteral("p50"));
        QCOMPARE(rig.fake.seen[2].query.queryItemValue(QStringLiteral("pageToken")), QStringLiteral("p100"));
        for (const FakeGoogleCloud::Seen &s : rig.fake.seen)
            QCOMPARE(s.authorization, QByteArray("Bearer tok-1"));
        // Endpoint 102 starts on page 1 and ends on page 3: one series, every point once, in order.
        QCOMPARE(report.series.size(), 2);
        const SeriesData *second = findSeries(report, query(QStringLiteral("102")).seriesKey());
        QVERIFY(second);
        QVERIFY(isMinuteGrid(*second, 60));
        QCOMPARE(second->values.first(), 1000.0);
        QCOMPARE(second->values.last(), 1059.0);
        QVERIFY(isMinuteGrid(*findSeries(report, query(QStringLiteral("101")).seriesKey()), 60));
    }

    void rejectedTokenIsRefreshedOnceAndRetried() {
        Rig rig;
        QVERIFY(rig.fetch({query(QStringLiteral("101"))}).errors.isEmpty());
        rig.fake.revokeTokens();
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(rig.tokens->fetchCount(), 2);
        QCOMPARE(rig.fake.tokenRequests, 2);
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 3); // ok, 401, retried ok
        QCOMPARE(rig.fake.seen[1].authorization, QByteArray("Bearer tok-1"));
        QCOMPARE(rig.fake.seen[2].authorization, QByteArray("Bearer tok-2"));
    }

    void callsRejectedTogetherShareOneRefresh() {
        Rig rig;
        const QList<MetricQuery> threeCalls{
            query(QStringLiteral("101")),
            query(QStringLiteral("101"), kReplicas, QStringLiteral("ALIGN_MAX")),
            query(QStringLiteral("101"), kLatency, QStringLiteral("ALIGN_PERCENTILE_99"))};
        QVERIFY(rig.fetch(threeCalls).errors.isEmpty());
        rig.fake.revokeTokens();
        const FetchReport report = rig.fetch(threeCalls);
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 3);
        QCOMPARE(rig.tokens->fetchCount(), 2);
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 3 + 3 + 3); // ok ×3, 401 ×3, retried ×3
        QCOMPARE(rig.fake.seen.last().authorization, QByteArray("Bearer tok-2"));
    }

    void tokenRejectedEvenWhenFreshIsAnAuthError() {
        Rig rig;
        rig.fake.rejectAllTokens = true;
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QCOMPARE(report.errors.size(), 1);
        const Error &error = report.errors[0];
        QCOMPARE(error.code, ErrorCode::AuthRejected);
        for (const QString &part :
             {kAccount, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("timeSeries.list")})
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        QCOMPARE(rig.tokens->fetchCount(), 2);                     // exactly one refresh
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 2); // exactly one retry
        for (const char *secret : {FakeGoogleCloud::kClientSecret, FakeGoogleCloud::kRefreshToken, "tok-"})
            QVERIFY(!error.toString().contains(QLatin1String(secret)));
        QVERIFY(report.series.isEmpty());
    }

    void throttledOrUnavailableThenSuccess_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("delayMs");
        // A "second" is 5 ms in this rig; random 0.5 puts the first backoff at 3/4 of 1 s.
        QTest::newRow("429 RESOURCE_EXHAUSTED, no Retry-After: backoff") << 429 << QByteArray() << qint64(3);
        QTest::newRow("429 with Retry-After: 2 waits 2 s") << 429 << QByteArray("2") << qint64(10);
        QTest::newRow("503 UNAVAILABLE: backoff") << 503 << QByteArray() << qint64(3);
        QTest::newRow("504 DEADLINE_EXCEEDED: backoff") << 504 << QByteArray() << qint64(3);
    }
    void throttledOrUnavailableThenSuccess() {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, delayMs);
        Rig rig;
        rig.fake.failNext(QStringLiteral("timeSeries"), status, {}, retryAfter);
        QSignalSpy delayed(rig.provider.get(), &CloudMonitoringProvider::callDelayed);
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 2);
        QCOMPARE(delayed.size(), 1);
        QCOMPARE(delayed[0][1].toLongLong(), delayMs);
        QVERIFY(rig.fake.seen[1].atMs - rig.fake.seen[0].atMs >= delayMs);
        QCOMPARE(rig.tokens->fetchCount(), 1); // a throttle is not a token problem
    }

    void retriesGiveUpAfterTheLimit() {
        Rig rig;
        rig.fake.failNext(QStringLiteral("timeSeries"), 429, {}, {}, 100);
        QSignalSpy delayed(rig.provider.get(), &CloudMonitoringProvider::callDelayed);
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::Throttled);
        QVERIFY2(report.errors[0].message.contains(QLatin1String("5 attempts")),
                 qPrintable(report.errors[0].message));
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), rig.provider->retryPolicy().maxAttempts);
        // Exponential: every wait at least as long as the one before.
        QCOMPARE(delayed.size(), rig.provider->retryPolicy().maxAttempts - 1);
        for (qsizetype i = 1; i < delayed.size(); ++i)
            QVERIFY(delayed[i][1].toLongLong() >= delayed[i - 1][1].toLongLong());
    }

    void permissionDeniedNamesThePermission() {
        Rig rig;
        rig.fake.failNext(QStringLiteral("timeSeries"), 403);
        const FetchReport report = rig.fetch({query(QStringLiteral("101"))});
        QCOMPARE(report.errors.size(), 1);
        const Error &error = report.errors[0];
        QCOMPARE(error.code, ErrorCode::AuthRejected);
        for (const QString &part :
             {kAccount, QStringLiteral("monitoring.timeSeries.list"), QStringLiteral("project my-proj"),
              QStringLiteral("roles/monitoring.viewer"),
              QStringLiteral("timeSeries.list (prediction/online/prediction_count")})
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 1); // a 403 is not retried
    }

    void seriesThatArrivedStayWhenAnotherCallFails() {
        Rig rig;
        rig.fake.failNext(QStringLiteral("timeSeries"), 403, {}, {}, 1, QStringLiteral("/replicas"));
        const FetchReport report =
            rig.fetch({query(QStringLiteral("101")),
                       query(QStringLiteral("101"), kReplicas, QStringLiteral("ALIGN_MAX"))});
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(report.series[0].seriesKey, query(QStringLiteral("101")).seriesKey());
        QCOMPARE(report.errors.size(), 1);
        QVERIFY2(report.errors[0].message.contains(QLatin1String("prediction/online/replicas")),
                 qPrintable(report.errors[0].message));
    }

    void aCallFailingOnALaterPageKeepsNoneOfItsPoints() {
        Rig rig;
        rig.fake.pointsPerPage = 50;
        rig.fake.failNext(QStringLiteral("timeSeries"), 400, {}, {}, 1, QStringLiteral("pageToken=p50"));
        const FetchReport report = rig.fetch({query(QStringLiteral("101")), query(QStringLiteral("102"))});
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 2);
        QVERIFY(report.series.isEmpty()); // half a series would chart a hole as data
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::BadArgument);
        QVERIFY2(report.errors[0].message.contains(QLatin1String("The request was invalid.")),
                 qPrintable(report.errors[0].message));
    }

    void noDataIsAnEmptySeriesNotAnError() {
        Rig rig;
        const FetchReport report = rig.fetch({query(QStringLiteral("999"))}); // no such endpoint: {}
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(report.series[0].seriesKey, query(QStringLiteral("999")).seriesKey());
        QCOMPARE(report.series[0].size(), 0);
    }

    void distributionsAndPercentiles_data() {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<double>("first");
        QTest::newRow("raw distribution: the mean") << "" << 50.25;
        QTest::newRow("ALIGN_PERCENTILE_99: a double") << "ALIGN_PERCENTILE_99" << 100.5;
    }
    void distributionsAndPercentiles() {
        QFETCH(QString, stat);
        QFETCH(double, first);
        Rig rig;
        const FetchReport report = rig.fetch({query(QStringLiteral("101"), kLatency, stat)});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QVERIFY(isMinuteGrid(report.series[0], 60));
        QCOMPARE(report.series[0].values.first(), first);
    }

    void aLargeAnswerIsParsedOffTheUiThreadAndComplete() {
        Rig rig;
        // A day of minutes for three endpoints in one page: about 4,300 points, several hundred KB.
        const qint64 end = kAnchor.toMSecsSinceEpoch();
        const FetchReport report = rig.fetch(
            {query(QStringLiteral("101")), query(QStringLiteral("102")), query(QStringLiteral("103"))},
            TimeRange{end - 24 * 60 * kMinuteMs, end});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 1);
        QCOMPARE(report.series.size(), 3);
        for (const SeriesData &s : report.series)
            QVERIFY(isMinuteGrid(s, 24 * 60));
        QVERIFY(rig.http.bytesReceived() > 256 * 1024);
    }

    void badQueriesAreReportedWithoutACall() {
        Rig rig;
        MetricQuery bad = query(QStringLiteral("101"));
        bad.stat = QStringLiteral("Average");
        const FetchReport report = rig.fetch({bad, query(QStringLiteral("102"))});
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::BadArgument);
        QVERIFY(report.errors[0].message.startsWith(kAccount));
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 1);
    }

    void discoveryFollowsPageTokens() {
        Rig rig;
        const Result<QList<MetricDescriptor>> found = rig.discover();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
        // Endpoints: two pages (2 + 1); pipelines, custom jobs: one each.
        QCOMPARE(rig.fake.count(QStringLiteral("vertex")), 4);
        QCOMPARE(rig.fake.seen[0].path,
                 QStringLiteral("/v1/projects/my-proj/locations/us-central1/endpoints"));
        QCOMPARE(rig.fake.seen[0].query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("100"));
        QCOMPARE(rig.fake.seen[1].query.queryItemValue(QStringLiteral("pageToken")), QStringLiteral("e2"));
        for (const FakeGoogleCloud::Seen &s : rig.fake.seen)
            QCOMPARE(s.authorization, QByteArray("Bearer tok-1"));

        int endpoints = 0, models = 0, jobs = 0;
        for (const MetricDescriptor &d : *found) {
            QVERIFY(d.metricName.isEmpty());
            QCOMPARE(d.dimensionValue(QStringLiteral("project")), kProject);
            if (d.namespaceName == QLatin1String(kTrainingJobResourceType))
                ++jobs;
            else if (!d.dimensionValue(QStringLiteral("metric.labels.deployed_model_id")).isEmpty())
                ++models;
            else
                ++endpoints;
        }
        QCOMPARE(endpoints, 3);
        QCOMPARE(models, 3);
        QCOMPARE(jobs, 2); // 333, and 444 once: under its pipeline's name
        const auto byName = [&](const QString &name) {
            return std::find_if(found->cbegin(), found->cend(), [&](const MetricDescriptor &d) {
                return d.dimensionValue(QStringLiteral("name")) == name;
            });
        };
        const auto model = byName(QStringLiteral("model-103"));
        QVERIFY(model != found->cend());
        QCOMPARE(model->namespaceName, QString::fromLatin1(kEndpointResourceType));
        QCOMPARE(model->dimensionValue(QStringLiteral("resource.labels.endpoint_id")), QStringLiteral("103"));
        QCOMPARE(model->dimensionValue(QStringLiteral("metric.labels.deployed_model_id")),
                 QStringLiteral("dm-103"));
        QCOMPARE(model->dimensionValue(QStringLiteral("location")), QStringLiteral("us-central1"));
        QCOMPARE(model->dimensionValue(QStringLiteral("endpoint")), QStringLiteral("endpoint-103"));
        const auto pipeline = byName(QStringLiteral("nightly-retrain"));
        QVERIFY(pipeline != found->cend());
        QCOMPARE(pipeline->dimensionValue(QStringLiteral("resource.labels.job_id")), QStringLiteral("444"));
        QVERIFY(byName(QStringLiteral("backing-job-444")) == found->cend());
    }

    void discoveryListsOnlyWhatWasAskedFor() {
        Rig rig;
        const Result<QList<MetricDescriptor>> found =
            rig.discover({QString::fromLatin1(kTrainingJobResourceType)});
        QVERIFY(found);
        QCOMPARE(found->size(), 2);
        QCOMPARE(rig.fake.count(QStringLiteral("vertex")), 2); // pipelines and custom jobs, no endpoints
    }

    void discoveryFallsBackToTheMetricsWhenVertexIsForbidden() {
        Rig rig;
        rig.fake.vertexForbidden = true;
        const Result<QList<MetricDescriptor>> found = rig.discover();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
        // The first Vertex call is refused; the project's other listings are not even tried.
        QCOMPARE(rig.fake.count(QStringLiteral("vertex")), 1);
        // accelerator duty cycles, replicas, prediction counts, training CPU
        QCOMPARE(rig.fake.count(QStringLiteral("timeSeries")), 4);
        for (const FakeGoogleCloud::Seen &s : rig.fake.seen) {
            if (s.kind != QLatin1String("timeSeries"))
                continue;
            QCOMPARE(s.query.queryItemValue(QStringLiteral("view")), QStringLiteral("HEADERS"));
            // The last day, ending now.
            QCOMPARE(s.query.queryItemValue(QStringLiteral("interval.endTime"), QUrl::FullyDecoded),
                     QStringLiteral("2026-11-20T12:00:00Z"));
            QCOMPARE(s.query.queryItemValue(QStringLiteral("interval.startTime"), QUrl::FullyDecoded),
                     QStringLiteral("2026-11-19T12:00:00Z"));
        }
        int endpoints = 0, models = 0, jobs = 0;
        for (const MetricDescriptor &d : *found) {
            if (d.namespaceName == QLatin1String(kTrainingJobResourceType))
                ++jobs;
            else if (!d.dimensionValue(QStringLiteral("metric.labels.deployed_model_id")).isEmpty())
                ++models;
            else
                ++endpoints;
        }
        QCOMPARE(endpoints, 3); // from replicas and prediction_count, each found once
        QCOMPARE(models, 3);
        QCOMPARE(jobs, 1);
    }

    void discoveryNeedsAProject() {
        Rig rig;
        GcpEndpointConfig config = rig.provider->endpoint();
        config.projectIds.clear();
        CloudMonitoringProvider provider(rig.http, rig.clock, *rig.tokens, config, kAccount);
        std::optional<Result<QList<MetricDescriptor>>> found;
        provider.discover({}, [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        QVERIFY(found.has_value());
        QVERIFY(!*found);
        QCOMPARE(found->error().code, ErrorCode::BadArgument);
        QVERIFY(found->error().message.startsWith(kAccount));
        QCOMPARE(rig.fake.seen.size(), 0);
    }

    void cancelAllReportsCancelled_data() {
        QTest::addColumn<QString>("when");
        QTest::newRow("while the token is being fetched") << "token";
        QTest::newRow("while the request is in flight") << "request";
        QTest::newRow("while waiting out a backoff") << "retry";
    }
    void cancelAllReportsCancelled() {
        QFETCH(QString, when);
        Rig rig;
        if (when != QLatin1String("token"))
            QVERIFY(rig.fetch({query(QStringLiteral("103"))}).errors.isEmpty()); // token cached
        if (when == QLatin1String("retry")) {
            GcpRetryPolicy slow = rig.provider->retryPolicy();
            slow.timeUnit = std::chrono::milliseconds(60000);
            rig.provider->setRetryPolicy(slow);
            rig.fake.failNext(QStringLiteral("timeSeries"), 429);
        }
        QSignalSpy delayed(rig.provider.get(), &CloudMonitoringProvider::callDelayed);
        int calls = 0;
        std::optional<FetchReport> report;
        rig.provider->fetch({query(QStringLiteral("101"))}, Rig::lastHour(), [&](FetchReport r) {
            ++calls;
            report = std::move(r);
        });
        if (when == QLatin1String("retry"))
            QTRY_COMPARE_WITH_TIMEOUT(delayed.size(), 1, 60000);
        rig.provider->cancelAll();
        QCOMPARE(calls, 1);
        QCOMPARE(report->errors.size(), 1);
        QCOMPARE(report->errors[0].code, ErrorCode::Cancelled);
        QVERIFY(report->series.isEmpty());
        // Whatever was in flight is gone: a later fetch completes and the first never reports again.
        GcpRetryPolicy fast = rig.provider->retryPolicy();
        fast.timeUnit = std::chrono::milliseconds(5);
        rig.provider->setRetryPolicy(fast);
        QVERIFY(rig.fetch({query(QStringLiteral("102"))}).errors.isEmpty());
        QCOMPARE(calls, 1);
    }

    void cancelAllEndsADiscovery() {
        Rig rig;
        std::optional<Result<QList<MetricDescriptor>>> found;
        rig.provider->discover({}, [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        rig.provider->cancelAll();
        QVERIFY(found.has_value());
        QVERIFY(!*found);
        QCOMPARE(found->error().code, ErrorCode::Cancelled);
    }

    void noQueriesReportAtOnce() {
        Rig rig;
        bool called = false;
        rig.provider->fetch({}, Rig::lastHour(), [&](FetchReport r) {
            called = true;
            QVERIFY(r.series.isEmpty() && r.errors.isEmpty());
        });
        QVERIFY(called);
        QCOMPARE(rig.http.requestCount(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestGcpMonitoringProvider)
#include "tst_gcp_monitoring_provider.moc"
