// Discovery learns SageMaker instance types (issue 6, honest numbers): the CloudWatch provider's
// discovery asks the SageMaker control plane (AWS JSON 1.1, signed for "sagemaker") of the
// simulated cloud over real loopback HTTP, and the catalog puts the types on the charts so
// utilisations summed over devices read per device. Refusals never fail discovery.
#include "core/auth/endpoint_policy.h"
#include "core/catalog/aws_catalog.h"
#include "core/model/unit_registry.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/providers/aws/sagemaker_describe.h"
#include "demo/demo_cloud.h"
#include "demo/demo_story.h"
#include "support/manual_clock.h"

#include <QTest>

#include <optional>

using namespace mlwatch;
using namespace mlwatch::aws;
using mlwatch::demo::DemoCloud;

Q_DECLARE_METATYPE(mlwatch::aws::CloudWatchProtocol)

namespace {

const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

struct Rig {
    explicit Rig(CloudWatchProtocol protocol = CloudWatchProtocol::Json) {
        clock.set(kAnchor);
        if (!demo.start(kAnchor))
            qFatal("demo cloud did not start");
        const AwsResolved resolved = demo.resolved(protocol);
        provider = std::make_unique<CloudWatchProvider>(http, clock, resolved.credentials, resolved.endpoint,
                                                        QStringLiteral("Test account"));
    }

    QList<MetricDescriptor> discover() {
        std::optional<Result<QList<MetricDescriptor>>> found;
        provider->discover(catalogNamespaces(),
                           [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        if (!QTest::qWaitFor([&] { return found.has_value(); }, 60000))
            qFatal("discovery did not finish");
        if (!*found)
            qFatal("discovery failed: %s", qPrintable(found->error().toString()));
        return found->value();
    }

    int sageMakerCalls(const QString &operation = QString()) const {
        int n = 0;
        for (const QString &call : demo.receivedCalls())
            if (call.startsWith(QLatin1String("SageMaker.")) &&
                (operation.isEmpty() || call == QLatin1String("SageMaker.") + operation))
                ++n;
        return n;
    }

    test::ManualClock clock;
    DemoCloud demo;
    HttpClient http;
    std::unique_ptr<CloudWatchProvider> provider;
};

// The charts of one kind ("training/cpu-gpu/…"), by id prefix.
QList<ChartSpec> chartsOf(const QList<ChartSpec> &charts, const QString &idPrefix) {
    QList<ChartSpec> out;
    for (const ChartSpec &c : charts)
        if (c.id.startsWith(idPrefix))
            out.append(c);
    return out;
}

QList<MetricDescriptor> metricsOnly(QList<MetricDescriptor> all) {
    all.removeIf([](const MetricDescriptor &d) { return d.metricName.isEmpty(); });
    return all;
}

} // namespace

class TestSageMakerDescribe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestIsJson11ForTheSageMakerHost_data() {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QUrl>("override");
        QTest::addColumn<QUrl>("expected");
        QTest::newRow("regional api.sagemaker host")
            << QStringLiteral("eu-west-1") << QUrl()
            << QUrl(QStringLiteral("https://api.sagemaker.eu-west-1.amazonaws.com/"));
        QTest::newRow("China partition suffix")
            << QStringLiteral("cn-north-1") << QUrl()
            << QUrl(QStringLiteral("https://api.sagemaker.cn-north-1.amazonaws.com.cn/"));
        QTest::newRow("endpoint override is used as is (demo, tests)")
            << QStringLiteral("us-east-1") << QUrl(QStringLiteral("http://127.0.0.1:4566/"))
            << QUrl(QStringLiteral("http://127.0.0.1:4566/"));
    }
    void requestIsJson11ForTheSageMakerHost() {
        QFETCH(QString, region);
        QFETCH(QUrl, override);
        QFETCH(QUrl, expected);
        AwsEndpointConfig endpoint;
        endpoint.region = region;
        endpoint.endpoint = override;
        const HttpRequest request =
            buildSageMakerRequest(endpoint, QStringLiteral("DescribeTrainingJob"), QByteArrayLiteral("{}"));
        QCOMPARE(request.url, expected);
        QCOMPARE(headerValue(request.headers, "X-Amz-Target"),
                 QByteArrayLiteral("SageMaker.DescribeTrainingJob"));
        QCOMPARE(headerValue(request.headers, "Content-Type"),
                 QByteArrayLiteral("application/x-amz-json-1.1"));
        // The credential-sending policy accepts the SageMaker host like CloudWatch's.
        QVERIFY(EndpointPolicy().check(request.url, AccountKind::Aws, QStringLiteral("aws-test"),
                                       QStringLiteral("endpoint")));
    }

    void discoveryPutsInstanceTypesOnCharts_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("chartPrefix");
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<int>("devices"); // what the chart's summed series are divided by; 0: each its own
        for (CloudWatchProtocol p : {CloudWatchProtocol::Json, CloudWatchProtocol::Query}) {
            const char *name = p == CloudWatchProtocol::Json ? "json" : "query";
            QTest::addRow("endpoint CPU per vCPU of ml.m5.xlarge (%s)", name)
                << p << QStringLiteral("deployment/cpu/")
                << QString::fromLatin1(demo::kDemoEndpointInstance.type) << demo::kDemoEndpointInstance.vcpus;
            QTest::addRow("processing CPU per vCPU of ml.m5.4xlarge (%s)", name)
                << p << QStringLiteral("data-preparation/cpu/")
                << QString::fromLatin1(demo::kDemoProcessingInstance.type)
                << demo::kDemoProcessingInstance.vcpus;
            QTest::addRow("training CPU vs GPU knows ml.g5.2xlarge (%s)", name)
                << p << QStringLiteral("training/cpu-gpu/")
                << QString::fromLatin1(demo::kDemoTrainingInstance.type) << 0;
        }
    }
    void discoveryPutsInstanceTypesOnCharts() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, chartPrefix);
        QFETCH(QString, instanceType);
        QFETCH(int, devices);
        Rig rig(protocol);
        const QList<ChartSpec> charts = chartsOf(buildAwsCharts(rig.discover()), chartPrefix);
        QVERIFY2(!charts.isEmpty(), qPrintable(chartPrefix));
        for (const ChartSpec &chart : charts) {
            QCOMPARE(chart.instanceType, instanceType);
            // Every type is known: no series stays summed, so the axis has no note, and each
            // summed series is divided by its own device count (CPU per vCPU, GPU per GPU).
            const DisplayUnit unit = UnitRegistry::forChart(chart);
            QVERIFY2(unit.note.isEmpty(), qPrintable(unit.note));
            for (qsizetype i = 0; i < chart.series.size(); ++i) {
                const DeviceKind kind = UnitRegistry::summedDevices(chart.series.at(i).query);
                if (kind == DeviceKind::None)
                    continue;
                const int count = UnitRegistry::deviceCount(kind, instanceType);
                QVERIFY(count > 0);
                if (devices > 0)
                    QCOMPARE(count, devices);
                QCOMPARE(UnitRegistry::seriesScale(chart, i), 1.0 / count);
            }
        }
        // Every describe was signed well enough for the demo to answer it (it verifies SigV4
        // for "sagemaker"), and discovery stayed within its budget.
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeEndpoint")) >= 1);
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeEndpointConfig")) >= 1);
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeTrainingJob")) >= 1);
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeProcessingJob")) >= 1);
        QVERIFY(rig.sageMakerCalls() <= SageMakerDescribe::kMaxDescribeCalls);
    }

    void accessDeniedKeepsSumsAndDiscoverySucceeds() {
        Rig allowed;
        const QList<MetricDescriptor> full = allowed.discover();

        Rig rig;
        rig.demo.setSageMakerFault(QStringLiteral("AccessDeniedException"));
        const QList<MetricDescriptor> found = rig.discover();
        // The same metrics, and no resource descriptors.
        QCOMPARE(found, metricsOnly(full));
        const QList<ChartSpec> charts = buildAwsCharts(found);
        QVERIFY(!charts.isEmpty());
        for (const ChartSpec &chart : charts)
            QVERIFY2(chart.instanceType.isEmpty(), qPrintable(chart.id));
        const QList<ChartSpec> endpointCpu = chartsOf(charts, QStringLiteral("deployment/cpu/"));
        QCOMPARE(endpointCpu.size(), 1);
        QVERIFY(!UnitRegistry::forChart(endpointCpu.first()).note.isEmpty()); // "sum of devices"
        // A refused operation is not asked again once refused (only calls already in flight go).
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeTrainingJob")) <= SageMakerDescribe::kConcurrency);
        QVERIFY(rig.sageMakerCalls(QStringLiteral("DescribeProcessingJob")) <=
                SageMakerDescribe::kConcurrency);
        QVERIFY(rig.sageMakerCalls() < allowed.sageMakerCalls());
        QCOMPARE(rig.sageMakerCalls(QStringLiteral("DescribeEndpointConfig")), 0);
    }

    void throttlingStopsTheDescribeCallsAndDiscoverySucceeds() {
        Rig rig;
        rig.demo.setSageMakerFault(QStringLiteral("ThrottlingException"));
        const QList<MetricDescriptor> found = rig.discover();
        QCOMPARE(found, metricsOnly(found)); // metrics only, nothing learnt
        QVERIFY(!found.isEmpty());
        // Only the calls already in flight when the first throttle came back.
        QVERIFY(rig.sageMakerCalls() >= 1);
        QVERIFY(rig.sageMakerCalls() <= SageMakerDescribe::kConcurrency);
    }

    void discoveryWithoutSageMakerResourcesMakesNoDescribeCalls() {
        Rig rig;
        std::optional<Result<QList<MetricDescriptor>>> found;
        rig.provider->discover({QStringLiteral("AWS/Athena")},
                               [&](Result<QList<MetricDescriptor>> r) { found = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 60000);
        QVERIFY(found->has_value());
        QCOMPARE(rig.sageMakerCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSageMakerDescribe)
#include "tst_sagemaker_describe.moc"
