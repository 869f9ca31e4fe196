#include "azure_test_client.h"

#include "core/catalog/azure_catalog.h"
#include "core/providers/azure/azure_discovery.h"
#include "demo/demo_azure_cloud.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace mlwatch;
using namespace mlwatch::test;
using namespace mlwatch::test::azure_ids;
using demo::DemoAzureCloud;

// The simulated Azure's story (demo_azure_story.h), stage by stage, measured through the wire
// with Azure's own metric names: the numbers a user of `mlwatch --demo` sees.
class TstDemoAzureStory : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoAzureCloud> m_cloud;
    std::unique_ptr<AzureTestSession> m_session;

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<DemoAzureCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        m_session = std::make_unique<AzureTestSession>(*m_cloud);
        QVERIFY(!m_session->armToken().isEmpty() && !m_session->batchToken().isEmpty());
    }

    // The story's key numbers, measured through the wire.
    void storyKeyNumbers_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("aggregation");
        QTest::addColumn<QString>("interval");
        QTest::addColumn<double>("fromHoursBack");
        QTest::addColumn<double>("toHoursBack");
        QTest::addColumn<QString>("measure"); // mean | max | sum | growthGiB (last - first)
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        const QString gpu = QStringLiteral("ClusterName eq 'gpu-cluster'");
        const double oom = 30.0 - 17.0 / 60.0; // green's OOM restart, hours before the anchor
        const double badDay = 9 * 24 + 12;     // 2026-11-11 00:00 UTC
        QTest::newRow("training: GPU starved by the data loader (~24 %)")
            << kWorkspace << "GpuUtilization" << gpu << "average"
            << "PT1H" << 7 * 24 - 3.0 << 5 * 24 - 21.0 << "mean" << 15.0 << 35.0;
        QTest::newRow("training: CPU pegged meanwhile")
            << kWorkspace << "CpuUtilization" << gpu << "average"
            << "PT1H" << 7 * 24 - 3.0 << 5 * 24 - 21.0 << "mean" << 90.0 << 100.0;
        QTest::newRow("training: GPU busy after the fix (last 24 h)")
            << kWorkspace << "GpuUtilization" << gpu << "average"
            << "PT1H" << 24.0 << 0.0 << "mean" << 75.0 << 95.0;
        QTest::newRow("data prep: nightly build holds 96 % of the core quota")
            << kWorkspace << "Quota Utilization Percentage"
            << "ClusterName eq 'cpu-cluster'"
            << "maximum"
            << "PT1H" << 24.0 << 0.0 << "max" << 95.9 << 96.1;
        QTest::newRow("training: 4 active nodes on gpu-cluster now")
            << kWorkspace << "Active Nodes" << gpu << "average"
            << "PT1H" << 1.0 << 0.0 << "mean" << 3.99 << 4.01;
        QTest::newRow("runs: the bad day fails most runs")
            << kWorkspace << "Failed Runs"
            << ""
            << "total"
            << "P1D" << badDay << badDay - 24 << "sum" << 30.0 << 80.0;
        QTest::newRow("runs: the day before fails almost none")
            << kWorkspace << "Failed Runs"
            << ""
            << "total"
            << "P1D" << badDay + 24 << badDay << "sum" << 0.0 << 5.0;
        QTest::newRow("monitoring: 5xx burst while green restarts")
            << kEndpoint << "RequestsPerMinute"
            << "statusCodeClass eq '5xx'"
            << "total"
            << "PT1M" << oom << oom - 25.0 / 60 << "max" << 25.0 << 100.0;
        QTest::newRow("monitoring: few 5xx in the six hours before")
            << kEndpoint << "RequestsPerMinute"
            << "statusCodeClass eq '5xx'"
            << "total"
            << "PT1M" << oom + 6 << oom << "mean" << 0.5 << 3.0;
        QTest::newRow("monitoring: P99 since green took half the traffic")
            << kEndpoint << "RequestLatency_P99"
            << ""
            << "average"
            << "PT5M" << 12.0 << 0.0 << "mean" << 300.0 << 600.0;
        QTest::newRow("monitoring: P99 while blue served alone")
            << kEndpoint << "RequestLatency_P99"
            << ""
            << "average"
            << "PT5M" << 240.0 << 120.0 << "mean" << 80.0 << 150.0;
        QTest::newRow("deployment: green's memory before the OOM kill")
            << kGreen << "CpuMemoryUtilizationPercentage"
            << ""
            << "maximum"
            << "PT1M" << oom + 1 << oom << "max" << 90.0 << 100.0;
        QTest::newRow("deployment: green's memory at birth")
            << kGreen << "CpuMemoryUtilizationPercentage"
            << ""
            << "average"
            << "PT1M" << 72.0 << 71.0 << "mean" << 30.0 << 45.0;
        QTest::newRow("deployment: green has two instances now")
            << kGreen << "DeploymentCapacity"
            << ""
            << "average"
            << "PT5M" << 1.0 << 0.0 << "mean" << 1.99 << 2.01;
        const QString llmEval = kResearchEndpoint + QStringLiteral("/deployments/main");
        QTest::newRow("deployment: llm-eval's GPU at Thursday's 15:00 UTC peak (~80 %)")
            << llmEval << "GpuUtilizationPercentage"
            << ""
            << "average"
            << "PT1H" << 21.5 << 20.5 << "mean" << 70.0 << 90.0;
        QTest::newRow("deployment: llm-eval's GPU at night (~20 %)")
            << llmEval << "GpuUtilizationPercentage"
            << ""
            << "average"
            << "PT1H" << 33.0 << 32.0 << "mean" << 10.0 << 30.0;
        QTest::newRow("deployment: llm-eval's GPU memory stays 60–78 %")
            << llmEval << "GpuMemoryUtilizationPercentage"
            << ""
            << "maximum"
            << "PT1H" << 24.0 << 0.0 << "max" << 60.0 << 78.0;
        QTest::newRow("evaluation: dataset storage grew ~870 GiB")
            << kStorage << "UsedCapacity"
            << ""
            << "average"
            << "PT6H" << 29 * 24.0 << 1.0 << "growthGiB" << 800.0 << 950.0;
    }
    void storyKeyNumbers() {
        QFETCH(QString, resource);
        QFETCH(QString, metric);
        QFETCH(QString, filter);
        QFETCH(QString, aggregation);
        QFETCH(QString, interval);
        QFETCH(double, fromHoursBack);
        QFETCH(double, toHoursBack);
        QFETCH(QString, measure);
        QFETCH(double, low);
        QFETCH(double, high);
        QString query = QStringLiteral("metricnames=") + enc(metric) + QStringLiteral("&aggregation=") +
                        aggregation + QStringLiteral("&interval=") + interval + QStringLiteral("&timespan=") +
                        window(fromHoursBack, toHoursBack);
        if (!filter.isEmpty())
            query += QStringLiteral("&$filter=") + enc(filter);
        const AzureReply r = m_session->metrics(resource, query);
        QCOMPARE(r.status, 200);
        QList<double> values;
        for (const QJsonValue &s : r.json()
                                       .value(QStringLiteral("value"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("timeseries"))
                                       .toArray())
            for (const auto &[t, v] : pointsOf(s.toObject(), aggregation))
                if (v)
                    values.append(*v);
        QVERIFY(!values.isEmpty());
        double measured = 0;
        if (measure == QLatin1String("mean") || measure == QLatin1String("sum"))
            measured = std::accumulate(values.begin(), values.end(), 0.0) /
                       (measure == QLatin1String("mean") ? values.size() : 1);
        else if (measure == QLatin1String("max"))
            measured = *std::max_element(values.begin(), values.end());
        else
            measured = (values.last() - values.first()) / (1024.0 * 1024.0 * 1024.0);
        QVERIFY2(measured >= low && measured <= high,
                 qPrintable(QStringLiteral("measured %1").arg(measured)));
    }

    // Deployments name their VM size (properties.instanceType) in the ARM listing, discovery reads
    // it, only the GPU SKU publishes GPU metrics, and only it gets the GPU charts.
    void gpuChartsForTheGpuDeploymentOnly_data() {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<bool>("gpu");
        QTest::newRow("llm-eval/main on Standard_NC6s_v3: GPU data and GPU charts")
            << kResearchEndpoint << "main"
            << "Standard_NC6s_v3" << true;
        QTest::newRow("fraud-scoring/blue on Standard_DS3_v2: neither") << kEndpoint << "blue"
                                                                        << "Standard_DS3_v2" << false;
        QTest::newRow("fraud-scoring/green on Standard_DS3_v2: neither") << kEndpoint << "green"
                                                                         << "Standard_DS3_v2" << false;
    }

    void gpuChartsForTheGpuDeploymentOnly() {
        QFETCH(QString, endpoint);
        QFETCH(QString, deployment);
        QFETCH(QString, instanceType);
        QFETCH(bool, gpu);
        int pages = 0;
        std::optional<MetricDescriptor> found;
        for (const QJsonObject &o : m_session->listAll(endpoint + QStringLiteral("/deployments"),
                                                       QStringLiteral("api-version=2024-04-01"), &pages))
            if (o.value(QStringLiteral("name")).toString() == deployment)
                found = mlwatch::azure::describeResource(
                    o, QString::fromLatin1(mlwatch::azure::kOnlineDeploymentType),
                    {{QStringLiteral("workspace"), QStringLiteral("ws")},
                     {QStringLiteral("endpoint"), endpoint.section(QLatin1Char('/'), -1)}});
        QVERIFY(found);
        QCOMPARE(found->dimensionValue(QStringLiteral("instanceType")), instanceType);

        QStringList kinds;
        for (const ChartSpec &c : mlwatch::azure::buildAzureCharts({*found}, QStringLiteral("demo")))
            kinds.append(c.id.section(QLatin1Char('/'), 1, 1));
        QCOMPARE(kinds.contains(QStringLiteral("gpu")), gpu);
        QCOMPARE(kinds.contains(QStringLiteral("gpu-memory")), gpu);

        // The data agrees: a GPU SKU's series have points, a CPU SKU's have none.
        const AzureReply r = m_session->metrics(
            endpoint + QStringLiteral("/deployments/") + deployment,
            QStringLiteral(
                "metricnames=GpuUtilizationPercentage&aggregation=average&interval=PT1H&timespan=") +
                window(6, 0));
        QCOMPARE(r.status, 200);
        int points = 0;
        for (const QJsonValue &series : r.json()
                                            .value(QStringLiteral("value"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QStringLiteral("timeseries"))
                                            .toArray())
            for (const auto &[t, v] : pointsOf(series.toObject(), QStringLiteral("average")))
                points += v ? 1 : 0;
        QCOMPARE(points > 0, gpu);
    }

    // Not an assertion: how long the heaviest calls the app makes take (for the report).
    void timingOfHeavyCalls() {
        QElapsedTimer timer;
        timer.start();
        const AzureReply month = m_session->metrics(
            kEndpoint,
            QStringLiteral("metricnames=RequestsPerMinute&aggregation=total&interval=PT1M&timespan=") +
                window(30 * 24, 0) + QStringLiteral("&$filter=") +
                enc(QStringLiteral("statusCodeClass eq '*'")));
        const qint64 monthMs = timer.restart();
        int pages = 0;
        QStringList ids;
        for (const QJsonObject &o : m_session->listAll(kShared + QStringLiteral("/onlineEndpoints"),
                                                       QStringLiteral("api-version=2024-04-01"), &pages))
            ids.append(o.value(QStringLiteral("id")).toString());
        timer.restart();
        const AzureReply fifty = m_session->batchRequestsPerMinute(ids.mid(0, 50));
        qInfo("30 days at PT1M split by statusCodeClass: %lld ms, %lld bytes; getBatch of 50 endpoints x 6 "
              "h: %lld ms",
              monthMs, qint64(month.body.size()), timer.elapsed());
        QCOMPARE(month.status, 200);
        QCOMPARE(fifty.status, 200);
    }
};

QTEST_GUILESS_MAIN(TstDemoAzureStory)
#include "tst_demo_azure_story.moc"
