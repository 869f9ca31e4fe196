#include "core/model/unit_registry.h"

#include "core/catalog/chart_spec.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mlwatch {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace: the symbols keep
// the context "mlwatch" they had in unit.cpp, so existing translations stay valid.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch", text);
}

// --- instance types ----------------------------------------------------------------------------
// SageMaker ml.* instances have the vCPUs of their EC2 twin, and the EC2 families listed here
// follow its naming: large = 2 vCPUs, xlarge = 4, Nxlarge = 4·N (e.g. ml.c5.9xlarge = 36,
// ml.g5.48xlarge = 192). Source: the SageMaker pricing page's instance tables and the EC2 instance
// type pages (accelerated computing) for GPU counts, checked 2026-11. Families outside this list
// are unknown on purpose: a wrong count would show wrong per-device numbers.
const QStringList kAwsFamilies{
    QStringLiteral("t2"),   QStringLiteral("t3"),   QStringLiteral("m4"),   QStringLiteral("m5"),
    QStringLiteral("m5d"),  QStringLiteral("m6i"),  QStringLiteral("m7i"),  QStringLiteral("c4"),
    QStringLiteral("c5"),   QStringLiteral("c5d"),  QStringLiteral("c6i"),  QStringLiteral("c7i"),
    QStringLiteral("r5"),   QStringLiteral("r5d"),  QStringLiteral("r6i"),  QStringLiteral("g4dn"),
    QStringLiteral("g5"),   QStringLiteral("g6"),   QStringLiteral("p2"),   QStringLiteral("p3"),
    QStringLiteral("p3dn"), QStringLiteral("p4d"),  QStringLiteral("p4de"), QStringLiteral("p5"),
    QStringLiteral("inf1"), QStringLiteral("inf2"), QStringLiteral("trn1")};

// GPUs per GPU size (everything else in a GPU family has one GPU; CPU families none).
struct GpuSize {
    const char *type; // "family.size"
    int gpus;
};
const GpuSize kAwsGpus[] = {
    {"g4dn.12xlarge", 4}, {"g4dn.metal", 8},   {"g5.12xlarge", 4},   {"g5.24xlarge", 4},
    {"g5.48xlarge", 8},   {"g6.12xlarge", 4},  {"g6.24xlarge", 4},   {"g6.48xlarge", 8},
    {"p2.8xlarge", 8},    {"p2.16xlarge", 16}, {"p3.8xlarge", 4},    {"p3.16xlarge", 8},
    {"p3dn.24xlarge", 8}, {"p4d.24xlarge", 8}, {"p4de.24xlarge", 8}, {"p5.48xlarge", 8},
};
const QStringList kAwsGpuFamilies{QStringLiteral("g4dn"), QStringLiteral("g5"),   QStringLiteral("g6"),
                                  QStringLiteral("p2"),   QStringLiteral("p3"),   QStringLiteral("p3dn"),
                                  QStringLiteral("p4d"),  QStringLiteral("p4de"), QStringLiteral("p5")};

std::optional<InstanceDevices> awsDevices(const QString &type) {
    // "ml.g5.12xlarge" → family g5, size 12xlarge
    static const QRegularExpression pattern(
        QStringLiteral("^ml\\.([a-z0-9]+)\\.(medium|large|(\\d*)xlarge)$"));
    const QRegularExpressionMatch m = pattern.match(type);
    if (!m.hasMatch() || !kAwsFamilies.contains(m.captured(1)))
        return std::nullopt;
    const QString family = m.captured(1);
    const QString size = m.captured(2);
    InstanceDevices d;
    if (size == QLatin1String("medium") || size == QLatin1String("large"))
        d.vcpus = 2;
    else
        d.vcpus = 4 * (m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());
    if (kAwsGpuFamilies.contains(family)) {
        d.gpus = 1;
        const QString key = family + QLatin1Char('.') + size;
        for (const GpuSize &g : kAwsGpus)
            if (key == QLatin1String(g.type))
                d.gpus = g.gpus;
    }
    return d;
}

// Azure GPU sizes (Microsoft Learn "NC / ND family" size tables, checked 2026-11). Lower case.
struct AzureSize {
    const char *type;
    InstanceDevices devices;
};
const AzureSize kAzureSizes[] = {
    {"standard_nc6", {6, 1}},
    {"standard_nc12", {12, 2}},
    {"standard_nc24", {24, 4}},
    {"standard_nc6s_v3", {6, 1}},
    {"standard_nc12s_v3", {12, 2}},
    {"standard_nc24s_v3", {24, 4}},
    {"standard_nc24rs_v3", {24, 4}},
    {"standard_nc4as_t4_v3", {4, 1}},
    {"standard_nc8as_t4_v3", {8, 1}},
    {"standard_nc16as_t4_v3", {16, 1}},
    {"standard_nc64as_t4_v3", {64, 4}},
    {"standard_nc24ads_a100_v4", {24, 1}},
    {"standard_nc48ads_a100_v4", {48, 2}},
    {"standard_nc96ads_a100_v4", {96, 4}},
    {"standard_nc40ads_h100_v5", {40, 1}},
    {"standard_nc80adis_h100_v5", {80, 2}},
    {"standard_nd6s", {6, 1}},
    {"standard_nd12s", {12, 2}},
    {"standard_nd24s", {24, 4}},
    {"standard_nd40rs_v2", {40, 8}},
    {"standard_nd96asr_v4", {96, 8}},
    {"standard_nd96amsr_a100_v4", {96, 8}},
    {"standard_nd96isr_h100_v5", {96, 8}},
};

std::optional<InstanceDevices> azureDevices(const QString &type) {
    for (const AzureSize &s : kAzureSizes)
        if (type == QLatin1String(s.type))
            return s.devices;
    // D / E / F sizes from v3 on are named after their vCPUs: Standard_D4s_v3, Standard_E16ds_v5,
    // Standard_F8s_v2 (F v2 too). No GPU.
    static const QRegularExpression generic(QStringLiteral("^standard_[def](\\d+)[a-z]*_v([2-6])$"));
    const QRegularExpressionMatch m = generic.match(type);
    if (m.hasMatch() && (m.captured(2).toInt() >= 3 || type.startsWith(QLatin1String("standard_f"))))
        return InstanceDevices{m.captured(1).toInt(), 0};
    return std::nullopt;
}

} // namespace

DisplayUnit UnitRegistry::displayUnit(Unit raw) {
    switch (raw) {
    case Unit::None:
        return {raw, 1.0, QString(), 2, {}};
    case Unit::Count:
        return {raw, 1.0, tr("count"), 1, {}};
    case Unit::Percent:
        return {raw, 1.0, tr("%"), 1, {}};
    case Unit::Microseconds:
        return {raw, 1.0 / 1000.0, tr("ms"), 1, {}};
    case Unit::Milliseconds:
        return {raw, 1.0, tr("ms"), 1, {}};
    case Unit::Seconds:
        return {raw, 1.0, tr("s"), 2, {}};
    case Unit::Bytes:
        return {raw, 1.0 / (1024.0 * 1024.0 * 1024.0), tr("GiB"), 2, {}};
    case Unit::CountPerSecond:
        return {raw, 1.0, tr("/s"), 2, {}};
    case Unit::Fraction:
        return {raw, 100.0, tr("%"), 1, {}};
    }
    return {raw, 1.0, QString(), 2, {}};
}

QString UnitRegistry::displayUnitName(Unit raw) {
    // Must name the same unit displayUnit() shows (AlertRule converts by these names).
    switch (raw) {
    case Unit::None:
        return QString();
    case Unit::Count:
        return QStringLiteral("count");
    case Unit::Percent:
    case Unit::Fraction:
        return QStringLiteral("%");
    case Unit::Microseconds:
    case Unit::Milliseconds:
        return QStringLiteral("ms");
    case Unit::Seconds:
        return QStringLiteral("s");
    case Unit::Bytes:
        return QStringLiteral("GiB");
    case Unit::CountPerSecond:
        return QStringLiteral("/s");
    }
    return QString();
}

std::optional<InstanceDevices> UnitRegistry::instanceDevices(const QString &instanceType) {
    const QString type = instanceType.trimmed().toLower();
    if (type.startsWith(QLatin1String("ml.")))
        return awsDevices(type);
    if (type.startsWith(QLatin1String("standard_")))
        return azureDevices(type);
    return std::nullopt;
}

DeviceKind UnitRegistry::summedDevices(const MetricQuery &query) {
    if (!query.namespaceName.startsWith(QLatin1String("/aws/sagemaker/")))
        return DeviceKind::None;
    if (query.metricName == QLatin1String("CPUUtilization"))
        return DeviceKind::Cpu;
    if (query.metricName == QLatin1String("GPUUtilization") ||
        query.metricName == QLatin1String("GPUMemoryUtilization"))
        return DeviceKind::Gpu;
    return DeviceKind::None;
}

int UnitRegistry::deviceCount(DeviceKind kind, const QString &instanceType) {
    if (kind == DeviceKind::None)
        return 0;
    const std::optional<InstanceDevices> d = instanceDevices(instanceType);
    if (!d)
        return 0;
    return kind == DeviceKind::Cpu ? d->vcpus : d->gpus;
}

DisplayUnit UnitRegistry::forSeries(Unit raw, const MetricQuery &query, const QString &instanceType) {
    DisplayUnit unit = displayUnit(raw);
    const DeviceKind kind = summedDevices(query);
    if (kind == DeviceKind::None)
        return unit;
    const int devices = deviceCount(kind, instanceType);
    if (devices > 0)
        unit.scale /= devices;
    else
        unit.note = tr("sum of devices");
    return unit;
}

DisplayUnit UnitRegistry::forChart(const ChartSpec &chart) {
    DisplayUnit unit = displayUnit(chart.unit);
    for (qsizetype i = 0; i < chart.series.size(); ++i) {
        const DisplayUnit series = forChartSeries(chart, i);
        if (!series.note.isEmpty()) {
            unit.note = series.note;
            break;
        }
    }
    return unit;
}

DisplayUnit UnitRegistry::forChartSeries(const ChartSpec &chart, qsizetype seriesIndex) {
    if (seriesIndex < 0 || seriesIndex >= chart.series.size())
        return displayUnit(chart.unit);
    const ChartSeriesSpec &series = chart.series.at(seriesIndex);
    if (series.derivation != SeriesDerivation::None)
        return displayUnit(chart.unit);
    return forSeries(chart.unit, series.query, chart.instanceType);
}

double UnitRegistry::seriesScale(const ChartSpec &chart, qsizetype seriesIndex) {
    return forChartSeries(chart, seriesIndex).scale;
}

QString UnitRegistry::axisTitle(const DisplayUnit &unit) {
    QString title = unit.symbol.isEmpty() ? QCoreApplication::translate("mlwatch::MetricChartView", "value")
                                          : unit.symbol;
    if (!unit.note.isEmpty())
        title += QStringLiteral(" (") + unit.note + QLatin1Char(')');
    return title;
}

} // namespace mlwatch
