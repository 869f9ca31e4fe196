// The Azure Monitor provider end to end over real loopback HTTP: a QHttpServer in the test plays
// the Entra ID token endpoint and ARM on one port and the metrics data plane (getBatch) on
// another, speaking the wire formats of cloud-apis.md §2. Pins the bearer header and the token
// audience per host, api-versions, the request count of the batch plan, Retry-After, token
// refresh (expiry and 401), discovery paging and cancellation.
#include "core/auth/azure_token_source.h"
#include "core/net/http_client.h"
#include "core/providers/azure/azure_discovery.h"
#include "core/providers/azure/azure_monitor_provider.h"
#include "fake_azure_cloud.h"
#include "support/manual_clock.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace mlwatch;
using namespace mlwatch::azure;
using mlwatch::test::FakeAzureCloud;

namespace {

const QString kSub = QString::fromLatin1(FakeAzureCloud::kSubscription);
const QString kTenant = QStringLiteral("tenant-1");
const QString kSecret = QString::fromLatin1(FakeAzureCloud::kClientSecret);
const QString kAccount = QStringLiteral("Azure test account");
const QString kEndpointNs = QString::fromLatin1(kOnlineEndpointType);
const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

QString endpointId(int i) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/"
               "workspaces/ws0/onlineEndpoints/ep%2")
        .arg(kSub)
        .arg(i);
}

// Everything a provider test needs, wired the way the session wires it.
struct Rig {
    Rig() {
        clock.set(kAnchor);
        AzureTokenSource::Config config;
        config.authorityHost = fake.armUrl();
        config.tenantId = kTenant;
        config.clientId = QStringLiteral("client-1");
        config.clientSecret = kSecret;
        config.scope = QString::fromLatin1(kArmScope);
        armTokens = std::make_unique<AzureTokenSource>(http, clock, config);
        config.scope = QString::fromLatin1(kBatchScope);
        batchTokens = std::make_unique<AzureTokenSource>(http, clock, config);
        AzureEndpointConfig endpoint;
        endpoint.armEndpoint = fake.armUrl();
        endpoint.batchEndpoint = fake.batchUrl();
        endpoint.subscriptionIds = {kSub};
        provider =
            std::make_unique<AzureMonitorProvider>(http, clock, *armTokens, *batchTokens, endpoint, kAccount);
        AzureRetryPolicy fast; // same rules, tiny waits
        fast.transientBase = std::chrono::milliseconds(1);
        fast.throttleBase = std::chrono::milliseconds(1);
        fast.retryAfterUnit = std::chrono::milliseconds(5);
        fast.paceStep = std::chrono::milliseconds(1);
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

    void knowRegion(const QString &resourceId) {
        provider->setResourceRegion(resourceId, QStringLiteral("westeurope"));
    }

    static TimeRange lastHour() {
        const qint64 end = kAnchor.toMSecsSinceEpoch();
        return TimeRange{end - 3'600'000, end};
    }

    test::ManualClock clock;
    FakeAzureCloud fake;
    HttpClient http;
    std::unique_ptr<AzureTokenSource> armTokens;
    std::unique_ptr<AzureTokenSource> batchTokens;
    std::unique_ptr<AzureMonitorProvider> provider;
};

MetricQuery query(const QString &resource, const QString &metric = QStringLiteral("RequestsPerMinute")) {
    MetricQuery q;
    q.namespaceName = kEndpointNs;
    q.metricName = metric;
    q.stat = QStringLiteral("Average");
    q.periodSeconds = 60;
    q.resource = resource;
    return q;
}

QString allMessages(const FetchReport &report) {
    QStringList out;
    for (const Error &e : report.errors)
        out.append(e.toString());
    return out.join(QLatin1String(" | "));
}

} // namespace

class TestAzureMonitorProvider : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachHostGetsABearerTokenOfItsAudience() {
        Rig rig;
        rig.knowRegion(endpointId(1));
        const FetchReport report = rig.fetch({query(endpointId(1)), query(endpointId(2))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 2);
        // One token per audience, fetched once each.
        QCOMPARE(rig.fake.tokenScopes.size(), 2);
        QVERIFY(rig.fake.tokenScopes.contains(QStringLiteral("https://management.azure.com/.default")));
        QVERIFY(rig.fake.tokenScopes.contains(QStringLiteral("https://metrics.monitor.azure.com/.default")));
        QCOMPARE(rig.fake.seen.size(), 2);
        for (const FakeAzureCloud::Seen &s : rig.fake.seen) {
            if (s.server == QLatin1String("batch")) {
                QCOMPARE(s.method, QByteArray("POST"));
                QCOMPARE(s.path, QStringLiteral("/subscriptions/%1/metrics:getBatch").arg(kSub));
                QVERIFY(s.authorization.startsWith("Bearer tok-batch-"));
                QVERIFY(s.rawQuery.startsWith("api-version=2024-02-01&"));
            } else {
                QCOMPARE(s.method, QByteArray("GET"));
                QCOMPARE(s.path, endpointId(2) + QStringLiteral("/providers/Microsoft.Insights/metrics"));
                QVERIFY(s.authorization.startsWith("Bearer tok-arm-"));
                QVERIFY(s.rawQuery.startsWith("api-version=2023-10-01&"));
            }
        }
        // 60 one-minute grains, every fourth one a gap: 45 points, never a zero-filled 60.
        for (const SeriesData &s : report.series) {
            QCOMPARE(s.size(), 45);
            QVERIFY(std::is_sorted(s.timestampsMs.cbegin(), s.timestampsMs.cend()));
        }
    }

    // The request-count test: 120 resources of one type in one region are 3 getBatch
    // calls (+ 1 token call), never 120 ARM GETs.
    void hundredTwentyResourcesAreThreeBatchCalls() {
        Rig rig;
        QList<MetricQuery> queries;
        for (int i = 0; i < 120; ++i) {
            rig.knowRegion(endpointId(i));
            queries.append(query(endpointId(i), QStringLiteral("RequestsPerMinute")));
            queries.append(query(endpointId(i), QStringLiteral("RequestLatency_P99")));
        }
        const quint64 before = rig.http.requestCount();
        const FetchReport report = rig.fetch(queries);
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 240);
        QCOMPARE(int(rig.http.requestCount() - before), 3 + 1);
        QCOMPARE(rig.fake.count(QStringLiteral("batch")), 3);
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 0);
        QCOMPARE(rig.fake.tokenScopes,
                 QStringList{QStringLiteral("https://metrics.monitor.azure.com/.default")});
        // Again: the cached token is reused, still three calls.
        const quint64 again = rig.http.requestCount();
        QVERIFY(rig.fetch(queries).errors.isEmpty());
        QCOMPARE(int(rig.http.requestCount() - again), 3);
    }

    void anArmAnswerTeachesTheRegionSoTheNextFetchBatches() {
        Rig rig;
        QVERIFY(rig.fetch({query(endpointId(1))}).errors.isEmpty());
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 1);
        QCOMPARE(rig.provider->resourceRegion(endpointId(1)), QStringLiteral("westeurope"));
        QVERIFY(rig.fetch({query(endpointId(1))}).errors.isEmpty());
        QCOMPARE(rig.fake.count(QStringLiteral("batch")), 1);
    }

    void throttledThenSuccessHonoursRetryAfter_data() {
        QTest::addColumn<QString>("server");
        QTest::newRow("getBatch") << "batch";
        QTest::newRow("ARM metrics") << "arm";
    }
    void throttledThenSuccessHonoursRetryAfter() {
        QFETCH(QString, server);
        Rig rig;
        if (server == QLatin1String("batch"))
            rig.knowRegion(endpointId(1));
        rig.fake.failNext(server, 429, "2");
        QSignalSpy delayed(rig.provider.get(), &AzureMonitorProvider::callDelayed);
        const FetchReport report = rig.fetch({query(endpointId(1))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(rig.fake.count(server), 2);
        // The wait was Retry-After's 2 "seconds" (5 ms each in this rig), and the second try came
        // no earlier than that.
        QCOMPARE(delayed.size(), 1);
        QCOMPARE(delayed[0][1].toLongLong(), 10);
        QVERIFY(rig.fake.seen[1].atMs - rig.fake.seen[0].atMs >= 10);
    }

    void retryAfterBeyondTheCapGivesUpAtOnce() {
        Rig rig;
        rig.knowRegion(endpointId(1));
        rig.fake.failNext(QStringLiteral("batch"), 429, "120");
        const FetchReport report = rig.fetch({query(endpointId(1))});
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::Throttled);
        for (const QString &part :
             {kAccount, QStringLiteral("metrics:getBatch (1 resources)"), QStringLiteral("120 s")})
            QVERIFY2(report.errors[0].message.contains(part), qPrintable(report.errors[0].message));
        QCOMPARE(rig.fake.count(QStringLiteral("batch")), 1);
        QVERIFY(report.series.isEmpty());
    }

    void serverErrorsAreRetriedThenReported() {
        Rig rig;
        rig.fake.failNext(QStringLiteral("arm"), 503, {}, 2);
        const FetchReport ok = rig.fetch({query(endpointId(1))});
        QVERIFY2(ok.errors.isEmpty(), qPrintable(allMessages(ok)));
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 3);

        Rig always;
        always.fake.failNext(QStringLiteral("arm"), 500, {}, 100);
        const FetchReport failed = always.fetch({query(endpointId(1))});
        QCOMPARE(failed.errors.size(), 1);
        QCOMPARE(failed.errors[0].code, ErrorCode::ServiceError);
        QVERIFY2(failed.errors[0].message.contains(QLatin1String("Azure Monitor metrics for ep1")),
                 qPrintable(failed.errors[0].message));
        QCOMPARE(always.fake.count(QStringLiteral("arm")), always.provider->retryPolicy().maxAttempts);
    }

    void expiredTokenIsRefreshed_data() {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::newRow("expires_in as a number") << QByteArray("600");
        QTest::newRow("expires_in as a string") << QByteArray("\"600\"");
    }
    void expiredTokenIsRefreshed() {
        QFETCH(QByteArray, expiresIn);
        Rig rig;
        rig.fake.expiresIn = expiresIn;
        // A new resource each time: its region is unknown, so every fetch is an ARM call.
        QVERIFY(rig.fetch({query(endpointId(1))}).errors.isEmpty());
        rig.clock.advanceSeconds(100); // 500 s left: still fresh
        QVERIFY(rig.fetch({query(endpointId(2))}).errors.isEmpty());
        QCOMPARE(rig.fake.tokenScopes.size(), 1);
        rig.clock.advanceSeconds(300); // 200 s left: inside the refresh margin
        const FetchReport report = rig.fetch({query(endpointId(3))});
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(rig.fake.tokenScopes.size(), 2);
        QCOMPARE(rig.fake.seen.last().authorization, QByteArray("Bearer tok-arm-2"));
    }

    void rejectedTokenIsRefreshedOnceAndRetried() {
        Rig rig;
        QVERIFY(rig.fetch({query(endpointId(1))}).errors.isEmpty());
        rig.fake.revokeTokens();
        const FetchReport report = rig.fetch({query(endpointId(2))}); // region unknown: ARM again
        QVERIFY2(report.errors.isEmpty(), qPrintable(allMessages(report)));
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(rig.fake.tokenScopes.size(), 2);
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 3); // ok, 401, retried ok
    }

    void tokenRejectedEvenWhenFreshIsAnAuthError() {
        Rig rig;
        rig.fake.rejectAllTokens = true;
        const FetchReport report = rig.fetch({query(endpointId(1))});
        QCOMPARE(report.errors.size(), 1);
        const Error &error = report.errors[0];
        QCOMPARE(error.code, ErrorCode::AuthRejected);
        QVERIFY2(error.message.contains(kAccount) && error.message.contains(QLatin1String("token rejected")),
                 qPrintable(error.message));
        QCOMPARE(rig.fake.tokenScopes.size(), 2);           // exactly one refresh
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 2); // exactly one retry
        QVERIFY(!error.toString().contains(kSecret));
        QVERIFY(!error.toString().contains(QLatin1String("tok-arm")));
    }

    void wrongSecretFailsBeforeAnyMetricsCall() {
        Rig rig;
        AzureTokenSource::Config config;
        config.authorityHost = rig.fake.armUrl();
        config.tenantId = kTenant;
        config.clientId = QStringLiteral("client-1");
        config.clientSecret = QStringLiteral("wrong-secret-c0ffee");
        AzureTokenSource wrongArm(rig.http, rig.clock, config);
        AzureEndpointConfig endpoint;
        endpoint.armEndpoint = rig.fake.armUrl();
        AzureMonitorProvider provider(rig.http, rig.clock, wrongArm, *rig.batchTokens, endpoint, kAccount);
        std::optional<FetchReport> report;
        provider.fetch({query(endpointId(1))}, Rig::lastHour(),
                       [&](FetchReport r) { report = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        QCOMPARE(report->errors.size(), 1);
        QCOMPARE(report->errors[0].code, ErrorCode::AuthRejected);
        QVERIFY(report->errors[0].message.startsWith(kAccount));
        QVERIFY(!report->errors[0].toString().contains(QLatin1String("wrong-secret")));
        QCOMPARE(rig.fake.seen.size(), 0);
    }

    void seriesThatArrivedStayWhenAnotherCallFails() {
        Rig rig;
        rig.knowRegion(endpointId(1));
        rig.fake.failNext(QStringLiteral("arm"), 403);
        const FetchReport report = rig.fetch({query(endpointId(1)), query(endpointId(2))});
        QCOMPARE(report.series.size(), 1);
        QCOMPARE(report.series[0].seriesKey, query(endpointId(1)).seriesKey());
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::AuthRejected);
        for (const QString &part :
             {kAccount, QStringLiteral("metrics of ep2"), QStringLiteral("Monitoring Reader")})
            QVERIFY2(report.errors[0].message.contains(part), qPrintable(report.errors[0].message));
    }

    void lowReadBudgetDelaysTheNextCall() {
        Rig rig;
        rig.fake.remainingReads = "0";
        QVERIFY(rig.fetch({query(endpointId(1))}).errors.isEmpty());
        QSignalSpy delayed(rig.provider.get(), &AzureMonitorProvider::callDelayed);
        QVERIFY(rig.fetch({query(endpointId(2))}).errors.isEmpty());
        QCOMPARE(delayed.size(), 1);
        QVERIFY(delayed[0][1].toLongLong() > 0 && delayed[0][1].toLongLong() <= 10);
    }

    void discoveryFollowsNextLink() {
        Rig rig;
        const Result<QList<MetricDescriptor>> found = rig.discover();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
        QHash<QString, int> perType;
        for (const MetricDescriptor &d : *found)
            ++perType[d.namespaceName];
        QCOMPARE(perType.value(QString::fromLatin1(kWorkspaceType)), 3); // two pages: 2 + 1
        QCOMPARE(perType.value(QString::fromLatin1(kStorageAccountType)), 3);
        QCOMPARE(perType.value(QString::fromLatin1(kOnlineEndpointType)), 3);
        QCOMPARE(perType.value(QString::fromLatin1(kOnlineDeploymentType)), 6);
        QCOMPARE(perType.value(QString::fromLatin1(kComputeType)), 3);
        int workspacePages = 0;
        for (const FakeAzureCloud::Seen &s : rig.fake.seen) {
            QVERIFY(s.authorization.startsWith("Bearer tok-arm-"));
            workspacePages += s.path.endsWith(QLatin1String("/workspaces")) ? 1 : 0;
        }
        QCOMPARE(workspacePages, 2);
        QVERIFY(rig.fake.seen[1].rawQuery.contains("$skiptoken=2")); // the nextLink, verbatim

        const auto deployment = std::find_if(found->cbegin(), found->cend(), [](const MetricDescriptor &d) {
            return d.namespaceName == QLatin1String(kOnlineDeploymentType) &&
                   d.dimensionValue(QStringLiteral("name")) == QLatin1String("green");
        });
        QVERIFY(deployment != found->cend());
        QCOMPARE(deployment->metricName, QString());
        QCOMPARE(deployment->dimensionValue(QStringLiteral("location")), QStringLiteral("westeurope"));
        QCOMPARE(deployment->dimensionValue(QStringLiteral("subscriptionId")), kSub);
        QCOMPARE(deployment->dimensionValue(QStringLiteral("resourceGroup")), QStringLiteral("rg-ml"));
        QCOMPARE(deployment->dimensionValue(QStringLiteral("workspace")), QStringLiteral("ws0"));
        QCOMPARE(deployment->dimensionValue(QStringLiteral("endpoint")), QStringLiteral("ep-ws0"));
        const QString deploymentId = deployment->dimensionValue(QStringLiteral("resourceId"));
        QVERIFY(deploymentId.endsWith(QLatin1String("/onlineEndpoints/ep-ws0/deployments/green")));

        // Discovery told the provider the regions: the deployment's metrics now go through getBatch.
        MetricQuery q = query(deploymentId, QStringLiteral("CpuUtilizationPercentage"));
        q.namespaceName = QString::fromLatin1(kOnlineDeploymentType);
        QVERIFY(rig.fetch({q}).errors.isEmpty());
        QCOMPARE(rig.fake.seen.last().server, QStringLiteral("batch"));
    }

    void discoveryListsOnlyWhatWasAskedFor() {
        Rig rig;
        const Result<QList<MetricDescriptor>> found = rig.discover({QString::fromLatin1(kWorkspaceType)});
        QVERIFY(found);
        QCOMPARE(found->size(), 3);
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 2); // the two workspace pages, nothing else
    }

    void discoveryStopsOnARepeatedNextLink() {
        Rig rig;
        rig.fake.loopingNextLink = true;
        const Result<QList<MetricDescriptor>> found = rig.discover({QString::fromLatin1(kWorkspaceType)});
        QVERIFY(found);
        QCOMPARE(found->size(), 3);
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 3); // page 0, page 2, page 0 again: then stop
    }

    void discoveryDoesNotFollowANextLinkToAnotherHost() {
        Rig rig;
        rig.fake.foreignNextLink = QStringLiteral("https://collector.example.net/steal?api-version=1");
        const Result<QList<MetricDescriptor>> found = rig.discover({QString::fromLatin1(kWorkspaceType)});
        QVERIFY(!found);
        QCOMPARE(found.error().code, ErrorCode::BadResponse);
        QVERIFY2(found.error().message.contains(QLatin1String("collector.example.net")) &&
                     found.error().message.contains(kAccount),
                 qPrintable(found.error().message));
        QCOMPARE(rig.fake.count(QStringLiteral("arm")), 1);
    }

    void cancelAllReportsCancelled_data() {
        QTest::addColumn<QString>("when");
        QTest::newRow("while the token is being fetched") << "token";
        QTest::newRow("while the request is in flight") << "request";
        QTest::newRow("while waiting out Retry-After") << "retry";
    }
    void cancelAllReportsCancelled() {
        QFETCH(QString, when);
        Rig rig;
        if (when != QLatin1String("token"))
            QVERIFY(rig.fetch({query(endpointId(9))}).errors.isEmpty()); // token cached
        if (when == QLatin1String("retry")) {
            AzureRetryPolicy slow = rig.provider->retryPolicy();
            slow.retryAfterUnit = std::chrono::milliseconds(60000);
            rig.provider->setRetryPolicy(slow);
            rig.fake.failNext(QStringLiteral("arm"), 429, "1");
        }
        QSignalSpy delayed(rig.provider.get(), &AzureMonitorProvider::callDelayed);
        int calls = 0;
        std::optional<FetchReport> report;
        rig.provider->fetch({query(endpointId(1))}, Rig::lastHour(), [&](FetchReport r) {
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
        QVERIFY(rig.fetch({query(endpointId(2))}).errors.isEmpty());
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

QTEST_GUILESS_MAIN(TestAzureMonitorProvider)
#include "tst_azure_monitor_provider.moc"
