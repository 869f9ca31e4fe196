// The CloudWatch provider end to end over real loopback HTTP against the simulated cloud:
// batching, pagination, retries, clock-skew correction and the errors people see.
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "demo/demo_cloud.h"
#include "support/manual_clock.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace mlwatch;
using namespace mlwatch::aws;
using mlwatch::demo::DemoCloud;
using mlwatch::demo::DemoFault;

Q_DECLARE_METATYPE(mlwatch::aws::CloudWatchProtocol)
Q_DECLARE_METATYPE(mlwatch::demo::DemoFault)
Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

// Everything a provider test needs, wired the way MonitorSession wires it.
struct Rig {
    explicit Rig(CloudWatchProtocol protocol = CloudWatchProtocol::Json,
                 std::optional<AwsCredentials> creds = {}) {
        clock.set(kAnchor);
        if (!demo.start(kAnchor))
            qFatal("demo cloud did not start");
        const AwsResolved resolved = demo.resolved(protocol);
        provider = std::make_unique<CloudWatchProvider>(http, clock, creds.value_or(resolved.credentials),
                                                        resolved.endpoint, QStringLiteral("Test account"));
        AwsRetryPolicy fast; // same attempts and classification, no waiting
        fast.random = [] { return 0.0; };
        provider->setRetryPolicy(fast);
    }

    FetchReport fetch(const QList<MetricQuery> &queries, const TimeRange &range) {
        std::optional<FetchReport> report;
        provider->fetch(queries, range, [&](FetchReport r) { report = std::move(r); });
        if (!QTest::qWaitFor([&] { return report.has_value(); }, 60000))
            qFatal("fetch did not finish");
        return *report;
    }

    QList<MetricDescriptor> discoverAll() {
        std::optional<Result<QList<MetricDescriptor>>> found;
        provider->discover({QStringLiteral("AWS/SageMaker"), QStringLiteral("/aws/sagemaker/Endpoints"),
                            QStringLiteral("/aws/sagemaker/TrainingJobs")},
                           [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        if (!QTest::qWaitFor([&] { return found.has_value(); }, 60000))
            qFatal("discovery did not finish");
        if (!*found)
            qFatal("discovery failed: %s", qPrintable(found->error().toString()));
        return found->value();
    }

    test::ManualClock clock;
    DemoCloud demo;
    HttpClient http;
    std::unique_ptr<CloudWatchProvider> provider;
};

MetricQuery queryFor(const MetricDescriptor &d, const QString &stat, int period = 60) {
    MetricQuery q;
    q.namespaceName = d.namespaceName;
    q.metricName = d.metricName;
    q.dimensions = d.dimensions;
    q.stat = stat;
    q.periodSeconds = period;
    return q;
}

std::optional<MetricDescriptor> find(const QList<MetricDescriptor> &all, const QString &metric) {
    for (const MetricDescriptor &d : all)
        if (d.metricName == metric)
            return d;
    return std::nullopt;
}

TimeRange lastHours(int hours) {
    const qint64 end = kAnchor.toMSecsSinceEpoch();
    return TimeRange{end - hours * 3'600'000LL, end};
}

} // namespace

class TestCloudWatchProvider : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fetchGivesAscendingSeriesInBothProtocols_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::newRow("AWS JSON 1.0") << CloudWatchProtocol::Json;
        QTest::newRow("query protocol (form body, XML answer)") << CloudWatchProtocol::Query;
    }
    void fetchGivesAscendingSeriesInBothProtocols() {
        QFETCH(CloudWatchProtocol, protocol);
        Rig rig(protocol);
        const auto discovered = rig.discoverAll();
        const auto invocations = find(discovered, QStringLiteral("Invocations"));
        const auto latency = find(discovered, QStringLiteral("ModelLatency"));
        QVERIFY(invocations && latency);
        const QList<MetricQuery> queries{queryFor(*invocations, QStringLiteral("Sum")),
                                         queryFor(*latency, QStringLiteral("Average"))};
        const FetchReport report = rig.fetch(queries, lastHours(6));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).toString()));
        QCOMPARE(report.series.size(), 2);
        for (const SeriesData &s : report.series) {
            QVERIFY(s.size() > 300);
            QCOMPARE(s.timestampsMs.size(), s.values.size());
            QVERIFY(std::is_sorted(s.timestampsMs.cbegin(), s.timestampsMs.cend()));
            QVERIFY(s.timestampsMs.first() >= lastHours(6).startMs);
            QVERIFY(s.timestampsMs.last() < lastHours(6).endMs);
        }
        QCOMPARE(rig.demo.receivedCalls().count(QStringLiteral("GetMetricData")), 1);
    }

    void bothProtocolsGiveTheSameNumbers() {
        QList<SeriesData> results[2];
        int i = 0;
        for (CloudWatchProtocol protocol : {CloudWatchProtocol::Json, CloudWatchProtocol::Query}) {
            Rig rig(protocol);
            const auto latency = find(rig.discoverAll(), QStringLiteral("ModelLatency"));
            QVERIFY(latency);
            results[i++] = rig.fetch({queryFor(*latency, QStringLiteral("Average"))}, lastHours(2)).series;
        }
        QCOMPARE(results[0].size(), 1);
        QCOMPARE(results[0][0].timestampsMs, results[1][0].timestampsMs);
        QCOMPARE(results[0][0].values, results[1][0].values);
    }

    // CloudWatch allows 500 queries and 100,800 datapoints per call: the provider must use the
    // fewest calls those limits allow (performance.md §4.2).
    void callsAreTheMinimumTheLimitsAllow_data() {
        QTest::addColumn<int>("queries");
        QTest::addColumn<int>("hours");
        QTest::addColumn<int>("expectedCalls");
        QTest::newRow("10 series, 1 h: one call") << 10 << 1 << 1;
        QTest::newRow("500 series, 1 h: one call (query cap)") << 500 << 1 << 1;
        QTest::newRow("501 series, 1 h: two calls") << 501 << 1 << 2;
        QTest::newRow("100 series, 24 h at 1 min: two calls (datapoint cap)") << 100 << 24 << 2;
    }
    void callsAreTheMinimumTheLimitsAllow() {
        QFETCH(int, queries);
        QFETCH(int, hours);
        QFETCH(int, expectedCalls);
        Rig rig;
        QList<MetricQuery> list;
        for (int i = 0; i < queries; ++i) {
            MetricQuery q;
            q.namespaceName = QStringLiteral("AWS/SageMaker");
            q.metricName = QStringLiteral("Invocations");
            q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("endpoint-%1").arg(i)},
                            {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
            q.stat = QStringLiteral("Sum");
            list.append(q);
        }
        const quint64 before = rig.http.requestCount();
        const FetchReport report = rig.fetch(list, lastHours(hours));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).toString()));
        QCOMPARE(report.series.size(), queries);
        QCOMPARE(int(rig.http.requestCount() - before), expectedCalls);
    }

    void pagesAreAppendedPerQueryId() {
        Rig paged;
        Rig whole;
        paged.demo.setMaxDatapointsPerPage(250);
        const auto cpu = find(whole.discoverAll(), QStringLiteral("CPUUtilization"));
        QVERIFY(cpu);
        const QList<MetricQuery> queries{queryFor(*cpu, QStringLiteral("Average")),
                                         queryFor(*cpu, QStringLiteral("Maximum"))};
        const FetchReport a = whole.fetch(queries, lastHours(12));
        const quint64 before = paged.http.requestCount();
        const FetchReport b = paged.fetch(queries, lastHours(12));
        QVERIFY(b.errors.isEmpty());
        QVERIFY(paged.http.requestCount() - before > 2);
        QCOMPARE(a.series.size(), b.series.size());
        for (const SeriesData &s : a.series) {
            const auto other = std::find_if(b.series.cbegin(), b.series.cend(),
                                            [&](const SeriesData &x) { return x.seriesKey == s.seriesKey; });
            QVERIFY(other != b.series.cend());
            QCOMPARE(other->timestampsMs, s.timestampsMs);
            QCOMPARE(other->values, s.values);
        }
    }

    void transientFaultsAreRetriedUntilSuccess_data() {
        QTest::addColumn<DemoFault>("fault");
        QTest::addColumn<int>("count");
        QTest::newRow("throttled twice, then fine") << DemoFault::Throttle << 2;
        QTest::newRow("one 500, then fine") << DemoFault::ServerError << 1;
    }
    void transientFaultsAreRetriedUntilSuccess() {
        QFETCH(DemoFault, fault);
        QFETCH(int, count);
        Rig rig;
        const auto inv = find(rig.discoverAll(), QStringLiteral("Invocations"));
        QVERIFY(inv);
        rig.demo.injectFaults(fault, count);
        const quint64 before = rig.http.requestCount();
        const FetchReport report = rig.fetch({queryFor(*inv, QStringLiteral("Sum"))}, lastHours(1));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).toString()));
        QVERIFY(report.series.value(0).size() > 0);
        QCOMPARE(int(rig.http.requestCount() - before), count + 1);
    }

    void failuresReachPeopleAsSpecificErrors_data() {
        QTest::addColumn<DemoFault>("fault");
        QTest::addColumn<ErrorCode>("expected");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("throttled on every attempt")
            << DemoFault::Throttle << ErrorCode::Throttled << "throttled";
        QTest::newRow("500 on every attempt")
            << DemoFault::ServerError << ErrorCode::ServiceError << "InternalServiceError";
        QTest::newRow("a body that is not CloudWatch's")
            << DemoFault::Garbage << ErrorCode::BadResponse << "cannot read";
    }
    void failuresReachPeopleAsSpecificErrors() {
        QFETCH(DemoFault, fault);
        QFETCH(ErrorCode, expected);
        QFETCH(QString, mentions);
        Rig rig;
        const auto inv = find(rig.discoverAll(), QStringLiteral("Invocations"));
        QVERIFY(inv);
        rig.demo.injectFaults(fault, 100);
        const FetchReport report = rig.fetch({queryFor(*inv, QStringLiteral("Sum"))}, lastHours(1));
        QCOMPARE(report.errors.size(), 1);
        const Error &error = report.errors[0];
        QCOMPARE(error.code, expected);
        QVERIFY2(error.message.contains(QStringLiteral("Test account")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("GetMetricData")), qPrintable(error.message));
        QVERIFY2(error.message.contains(mentions, Qt::CaseInsensitive), qPrintable(error.message));
        // Nothing is reported for the failed series, so the caller keeps what it had loaded.
        QVERIFY(report.series.isEmpty());
    }

    void wrongSecretIsRejectedWithoutShowingTheSecret() {
        AwsCredentials wrong = DemoCloud::credentials();
        wrong.secretAccessKey = QStringLiteral("not-the-secret-9f8e7d6c5b4a");
        Rig rig(CloudWatchProtocol::Json, wrong);
        MetricQuery q;
        q.namespaceName = QStringLiteral("AWS/SageMaker");
        q.metricName = QStringLiteral("Invocations");
        q.stat = QStringLiteral("Sum");
        const FetchReport report = rig.fetch({q}, lastHours(1));
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors[0].code, ErrorCode::AuthRejected);
        QVERIFY(!report.errors[0].toString().contains(wrong.secretAccessKey));
        QVERIFY(!report.errors[0].toString().contains(DemoCloud::credentials().secretAccessKey));
        QCOMPARE(rig.http.requestCount(), quint64(1)); // a real rejection is not retried
    }

    void skewedClockIsCorrectedFromTheDateHeader() {
        Rig rig;
        rig.demo.setClockOffsetSeconds(20 * 60); // the cloud is 20 minutes ahead of us
        MetricQuery q;
        q.namespaceName = QStringLiteral("AWS/SageMaker");
        q.metricName = QStringLiteral("Invocations");
        q.stat = QStringLiteral("Sum");
        const FetchReport report = rig.fetch({q}, lastHours(1));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).toString()));
        QCOMPARE(rig.http.requestCount(), quint64(2)); // rejected once, then signed right
        QVERIFY(qAbs(rig.provider->clockSkew().offsetMs() - 20 * 60 * 1000) < 5000);
    }

    void cancelAllReportsCancelledAtOnce() {
        Rig rig;
        MetricQuery q;
        q.namespaceName = QStringLiteral("AWS/SageMaker");
        q.metricName = QStringLiteral("Invocations");
        q.stat = QStringLiteral("Sum");
        std::optional<FetchReport> report;
        rig.provider->fetch({q}, lastHours(1), [&](FetchReport r) { report = std::move(r); });
        rig.provider->cancelAll();
        QVERIFY(report.has_value());
        QCOMPARE(report->errors.value(0).code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestCloudWatchProvider)
#include "tst_cloudwatch_provider.moc"
