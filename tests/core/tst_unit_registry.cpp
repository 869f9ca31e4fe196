// The unit registry: raw cloud units → display units (the conversion table), instance types →
// devices, and per-device scaling of SageMaker utilisations summed over vCPUs / GPUs.
#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"
#include "core/model/unit_registry.h"

#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Unit)
Q_DECLARE_METATYPE(QList<mlwatch::MetricQuery>)

namespace {

MetricQuery sageMaker(const char *ns, const char *metric) {
    MetricQuery q;
    q.namespaceName = QLatin1String(ns);
    q.metricName = QLatin1String(metric);
    q.dimensions = {{QStringLiteral("Host"), QStringLiteral("job/algo-1")}};
    return q;
}

ChartSpec chartOf(const QList<MetricQuery> &queries, const QString &instanceType) {
    ChartSpec c;
    c.unit = Unit::Percent;
    c.instanceType = instanceType;
    for (const MetricQuery &q : queries)
        c.series.append(ChartSeriesSpec{.query = q, .legend = q.metricName});
    return c;
}

} // namespace

class TestUnitRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void conversionTable_data();
    void conversionTable();
    void wrapperAgreesWithRegistry();
    void alertRuleConvertsLikeTheRegistry_data();
    void alertRuleConvertsLikeTheRegistry();
    void instanceDevices_data();
    void instanceDevices();
    void summedDevices_data();
    void summedDevices();
    void chartScaling_data();
    void chartScaling();
    void derivedSeriesAreNeverSummed();
    void axisTitleNamesTheNote();
};

void TestUnitRegistry::conversionTable_data() {
    QTest::addColumn<Unit>("raw");
    QTest::addColumn<double>("rawValue");
    QTest::addColumn<double>("shown");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("name");

    QTest::newRow("microseconds shown as milliseconds (ModelLatency)")
        << Unit::Microseconds << 250000.0 << 250.0 << "ms"
        << "ms";
    QTest::newRow("milliseconds unchanged (Azure, Vertex latency)")
        << Unit::Milliseconds << 42.5 << 42.5 << "ms"
        << "ms";
    QTest::newRow("bytes shown as GiB") << Unit::Bytes << 3.0 * 1024 * 1024 * 1024 << 3.0 << "GiB"
                                        << "GiB";
    QTest::newRow("fraction shown as percent (Vertex utilisation)") << Unit::Fraction << 0.45 << 45.0 << "%"
                                                                    << "%";
    QTest::newRow("fraction above one stays above 100 %") << Unit::Fraction << 1.5 << 150.0 << "%"
                                                          << "%";
    QTest::newRow("percent unchanged") << Unit::Percent << 73.0 << 73.0 << "%"
                                       << "%";
    QTest::newRow("seconds unchanged") << Unit::Seconds << 12.0 << 12.0 << "s"
                                       << "s";
    QTest::newRow("rate per second unchanged") << Unit::CountPerSecond << 3.5 << 3.5 << "/s"
                                               << "/s";
    QTest::newRow("count unchanged") << Unit::Count << 7.0 << 7.0 << "count"
                                     << "count";
    QTest::newRow("none: no symbol") << Unit::None << 0.15 << 0.15 << ""
                                     << "";
}

void TestUnitRegistry::conversionTable() {
    QFETCH(Unit, raw);
    QFETCH(double, rawValue);
    QFETCH(double, shown);
    QFETCH(QString, symbol);
    QFETCH(QString, name);
    const DisplayUnit d = UnitRegistry::displayUnit(raw);
    QCOMPARE(d.raw, raw);
    QVERIFY2(qFuzzyCompare(rawValue * d.scale, shown), qPrintable(QString::number(rawValue * d.scale)));
    QCOMPARE(d.symbol, symbol);
    QVERIFY(d.note.isEmpty());
    QVERIFY(d.decimals >= 0 && d.decimals <= 3);
    QCOMPARE(UnitRegistry::displayUnitName(raw), name);
}

void TestUnitRegistry::wrapperAgreesWithRegistry() {
    for (Unit u : {Unit::None, Unit::Count, Unit::Percent, Unit::Microseconds, Unit::Milliseconds,
                   Unit::Seconds, Unit::Bytes, Unit::CountPerSecond, Unit::Fraction}) {
        QCOMPARE(displayUnitFor(u).scale, UnitRegistry::displayUnit(u).scale);
        QCOMPARE(displayUnitFor(u).symbol, UnitRegistry::displayUnit(u).symbol);
    }
}

// Thresholds are entered in display units: an alert rule whose unit is the registry's display
// unit name for its series converts raw values with the same scale as the charts.
void TestUnitRegistry::alertRuleConvertsLikeTheRegistry_data() {
    QTest::addColumn<Unit>("raw");
    QTest::newRow("microseconds") << Unit::Microseconds;
    QTest::newRow("bytes") << Unit::Bytes;
    QTest::newRow("fraction") << Unit::Fraction;
    QTest::newRow("percent") << Unit::Percent;
    QTest::newRow("milliseconds") << Unit::Milliseconds;
    QTest::newRow("per second") << Unit::CountPerSecond;
}

void TestUnitRegistry::alertRuleConvertsLikeTheRegistry() {
    QFETCH(Unit, raw);
    AlertRule rule;
    rule.seriesUnit = raw;
    rule.unit = UnitRegistry::displayUnitName(raw);
    QVERIFY2(qFuzzyCompare(rule.displayUnit().scale, UnitRegistry::displayUnit(raw).scale),
             qPrintable(QString::number(rule.displayUnit().scale)));
}

void TestUnitRegistry::instanceDevices_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("vcpus");
    QTest::addColumn<int>("gpus");

    QTest::newRow("ml.m5.large: 2 vCPUs") << "ml.m5.large" << true << 2 << 0;
    QTest::newRow("ml.m5.xlarge: 4 vCPUs") << "ml.m5.xlarge" << true << 4 << 0;
    QTest::newRow("ml.c5.9xlarge: 36 vCPUs") << "ml.c5.9xlarge" << true << 36 << 0;
    QTest::newRow("ml.t3.medium: 2 vCPUs") << "ml.t3.medium" << true << 2 << 0;
    QTest::newRow("ml.g4dn.xlarge: 1 GPU") << "ml.g4dn.xlarge" << true << 4 << 1;
    QTest::newRow("ml.g4dn.12xlarge: 4 GPUs") << "ml.g4dn.12xlarge" << true << 48 << 4;
    QTest::newRow("ml.g5.2xlarge: 1 GPU") << "ml.g5.2xlarge" << true << 8 << 1;
    QTest::newRow("ml.g5.12xlarge: 48 vCPUs, 4 GPUs") << "ml.g5.12xlarge" << true << 48 << 4;
    QTest::newRow("ml.g5.48xlarge: 8 GPUs") << "ml.g5.48xlarge" << true << 192 << 8;
    QTest::newRow("ml.p3.2xlarge: 1 GPU") << "ml.p3.2xlarge" << true << 8 << 1;
    QTest::newRow("ml.p3.16xlarge: 8 GPUs") << "ml.p3.16xlarge" << true << 64 << 8;
    QTest::newRow("ml.p4d.24xlarge: 96 vCPUs, 8 GPUs") << "ml.p4d.24xlarge" << true << 96 << 8;
    QTest::newRow("case and spaces do not matter") << " ML.G5.12XLARGE " << true << 48 << 4;
    QTest::newRow("Azure Standard_NC24ads_A100_v4: 1 GPU") << "Standard_NC24ads_A100_v4" << true << 24 << 1;
    QTest::newRow("Azure Standard_NC6s_v3") << "Standard_NC6s_v3" << true << 6 << 1;
    QTest::newRow("Azure Standard_ND96asr_v4: 8 GPUs") << "Standard_ND96asr_v4" << true << 96 << 8;
    QTest::newRow("Azure Standard_D4s_v3: named after its vCPUs") << "Standard_D4s_v3" << true << 4 << 0;
    QTest::newRow("unknown family") << "ml.x9z.2xlarge" << false << 0 << 0;
    QTest::newRow("not an instance type") << "churn-endpoint" << false << 0 << 0;
    QTest::newRow("empty") << "" << false << 0 << 0;
}

void TestUnitRegistry::instanceDevices() {
    QFETCH(QString, type);
    QFETCH(bool, known);
    QFETCH(int, vcpus);
    QFETCH(int, gpus);
    const std::optional<InstanceDevices> d = UnitRegistry::instanceDevices(type);
    QCOMPARE(d.has_value(), known);
    if (known)
        QCOMPARE(*d, (InstanceDevices{vcpus, gpus}));
}

void TestUnitRegistry::summedDevices_data() {
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<int>("kind");
    QTest::newRow("training CPU is summed over vCPUs") << "/aws/sagemaker/TrainingJobs"
                                                       << "CPUUtilization" << int(DeviceKind::Cpu);
    QTest::newRow("endpoint GPU is summed over GPUs") << "/aws/sagemaker/Endpoints"
                                                      << "GPUUtilization" << int(DeviceKind::Gpu);
    QTest::newRow("GPU memory is summed over GPUs") << "/aws/sagemaker/TrainingJobs"
                                                    << "GPUMemoryUtilization" << int(DeviceKind::Gpu);
    QTest::newRow("normalized CPU is already per device")
        << "/aws/sagemaker/Endpoints"
        << "CPUUtilizationNormalized" << int(DeviceKind::None);
    QTest::newRow("host memory is not summed") << "/aws/sagemaker/TrainingJobs"
                                               << "MemoryUtilization" << int(DeviceKind::None);
    QTest::newRow("Azure CPU percentage is not summed")
        << "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments"
        << "CpuUtilizationPercentage" << int(DeviceKind::None);
}

void TestUnitRegistry::summedDevices() {
    QFETCH(QString, ns);
    QFETCH(QString, metric);
    QFETCH(int, kind);
    MetricQuery q;
    q.namespaceName = ns;
    q.metricName = metric;
    QCOMPARE(int(UnitRegistry::summedDevices(q)), kind);
}

void TestUnitRegistry::chartScaling_data() {
    QTest::addColumn<QList<MetricQuery>>("series");
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<double>("rawValue");
    QTest::addColumn<QList<double>>("shown"); // per series: rawValue as that series shows it
    QTest::addColumn<bool>("noted");          // the axis says "sum of devices"

    const MetricQuery cpu = sageMaker("/aws/sagemaker/TrainingJobs", "CPUUtilization");
    const MetricQuery gpu = sageMaker("/aws/sagemaker/TrainingJobs", "GPUUtilization");
    const MetricQuery gpuMemory = sageMaker("/aws/sagemaker/TrainingJobs", "GPUMemoryUtilization");
    const MetricQuery memory = sageMaker("/aws/sagemaker/TrainingJobs", "MemoryUtilization");

    QTest::newRow("GPU of ml.g5.12xlarge: 300 % over 4 GPUs is 75 % per GPU")
        << QList<MetricQuery>{gpu, gpuMemory} << "ml.g5.12xlarge" << 300.0 << QList<double>{75.0, 75.0}
        << false;
    QTest::newRow("CPU of ml.m5.xlarge: 200 % over 4 vCPUs is 50 % per vCPU")
        << QList<MetricQuery>{cpu} << "ml.m5.xlarge" << 200.0 << QList<double>{50.0} << false;
    QTest::newRow("single-GPU instance: unchanged, not noted")
        << QList<MetricQuery>{gpu} << "ml.g5.2xlarge" << 80.0 << QList<double>{80.0} << false;
    QTest::newRow("unknown instance type keeps the sum and says so")
        << QList<MetricQuery>{cpu} << "" << 250.0 << QList<double>{250.0} << true;
    QTest::newRow("unknown family keeps the sum and says so")
        << QList<MetricQuery>{cpu} << "ml.x9z.2xlarge" << 250.0 << QList<double>{250.0} << true;
    QTest::newRow("CPU vs GPU on ml.g5.2xlarge: CPU per vCPU (1/8) next to GPU per GPU (1/1)")
        << QList<MetricQuery>{cpu, gpu} << "ml.g5.2xlarge" << 760.0 << QList<double>{95.0, 760.0} << false;
    QTest::newRow("CPU vs GPU on ml.g5.12xlarge: 48 vCPUs and 4 GPUs, each its own")
        << QList<MetricQuery>{cpu, gpu} << "ml.g5.12xlarge" << 240.0 << QList<double>{5.0, 60.0} << false;
    QTest::newRow("CPU vs GPU on an unknown type: both stay summed, the axis says so")
        << QList<MetricQuery>{cpu, gpu} << "" << 250.0 << QList<double>{250.0, 250.0} << true;
    QTest::newRow("host memory beside GPU memory: only the GPU's value is divided")
        << QList<MetricQuery>{memory, gpuMemory} << "ml.g5.12xlarge" << 60.0 << QList<double>{60.0, 15.0}
        << false;
    QTest::newRow("host memory beside GPU memory of an unknown type: noted")
        << QList<MetricQuery>{memory, gpuMemory} << "" << 60.0 << QList<double>{60.0, 60.0} << true;
    QTest::newRow("nothing summed: plain percent")
        << QList<MetricQuery>{memory} << "ml.g5.12xlarge" << 60.0 << QList<double>{60.0} << false;
}

void TestUnitRegistry::chartScaling() {
    QFETCH(QList<MetricQuery>, series);
    QFETCH(QString, instanceType);
    QFETCH(double, rawValue);
    QFETCH(QList<double>, shown);
    QFETCH(bool, noted);
    const ChartSpec chart = chartOf(series, instanceType);
    const DisplayUnit d = UnitRegistry::forChart(chart);
    // The axis keeps the unit's base scale; the series carry their own.
    QCOMPARE(d.scale, UnitRegistry::displayUnit(Unit::Percent).scale);
    QCOMPARE(d.symbol, QStringLiteral("%"));
    QCOMPARE(!d.note.isEmpty(), noted);
    if (noted)
        QCOMPARE(d.note, QStringLiteral("sum of devices"));
    QCOMPARE(shown.size(), series.size());
    for (qsizetype i = 0; i < series.size(); ++i) {
        QCOMPARE(rawValue * UnitRegistry::seriesScale(chart, i), shown.at(i));
        // The same answer as forSeries on that series alone.
        const DisplayUnit s = UnitRegistry::forSeries(Unit::Percent, series.at(i), instanceType);
        QCOMPARE(UnitRegistry::forChartSeries(chart, i).scale, s.scale);
        QCOMPARE(UnitRegistry::forChartSeries(chart, i).note, s.note);
    }
    // Out of range: the unit's base scale, never a crash.
    QCOMPARE(UnitRegistry::seriesScale(chart, series.size()), 1.0);
}

void TestUnitRegistry::derivedSeriesAreNeverSummed() {
    // A derived series' query only names it; even one that names CPUUtilization is not divided.
    ChartSpec chart = chartOf({sageMaker("/aws/sagemaker/Endpoints", "CPUUtilization")}, "ml.m5.xlarge");
    chart.series.first().derivation = SeriesDerivation::RatePerSecond;
    QCOMPARE(UnitRegistry::seriesScale(chart, 0), 1.0);
    QVERIFY(UnitRegistry::forChart(chart).note.isEmpty());
    chart.instanceType.clear();
    QVERIFY(UnitRegistry::forChartSeries(chart, 0).note.isEmpty());
}

void TestUnitRegistry::axisTitleNamesTheNote() {
    DisplayUnit d = UnitRegistry::displayUnit(Unit::Percent);
    QCOMPARE(UnitRegistry::axisTitle(d), QStringLiteral("%"));
    d.note = QStringLiteral("sum of devices");
    QCOMPARE(UnitRegistry::axisTitle(d), QStringLiteral("% (sum of devices)"));
    QCOMPARE(UnitRegistry::axisTitle(UnitRegistry::displayUnit(Unit::None)), QStringLiteral("value"));
}

QTEST_GUILESS_MAIN(TestUnitRegistry)
#include "tst_unit_registry.moc"
