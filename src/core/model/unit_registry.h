#pragma once

#include "core/model/metric_query.h"
#include "core/model/unit.h"

#include <QString>

#include <optional>

namespace mlwatch {

struct ChartSpec;

// The processors of one instance type: what a utilisation summed over devices sums.
struct InstanceDevices {
    int vcpus = 0;
    int gpus = 0;
    friend bool operator==(const InstanceDevices &, const InstanceDevices &) = default;
};

// Which devices a percentage is summed over. SageMaker publishes CPUUtilization as
// 0–100 % × vCPUs and GPUUtilization / GPUMemoryUtilization as 0–100 % × GPUs
// (cloud-apis.md §1.8; the *Normalized variants are already divided).
enum class DeviceKind { None, Cpu, Gpu };

// The single place that knows how a raw unit is shown: scale, symbol, decimals, and the
// per-device scaling of utilisations summed over vCPUs / GPUs. Axes, tooltips, thresholds, alert
// rules, reports and CSV "display" columns all go through it; displayUnitFor() is its thin
// wrapper for the unit alone. Pure; safe from any thread.
class UnitRegistry {
public:
    // raw → display for the unit alone (no device scaling): µs → ms (× 1/1000), bytes → GiB,
    // fraction → % (× 100), ms / s / % / counts unchanged.
    static DisplayUnit displayUnit(Unit raw);

    // The stable name of that display unit as AlertRule::unit spells it ("ms", "GiB", "%", "/s",
    // "count", "" for None): thresholds of a rule on a series of `raw` are entered in it.
    static QString displayUnitName(Unit raw);

    // vCPUs and GPUs of an instance type: SageMaker "ml.<family>.<size>" (ml.m5, ml.c5, ml.r5,
    // ml.t3, ml.g4dn, ml.g5, ml.g6, ml.p2, ml.p3, ml.p4d, ml.p5, ml.inf1/2, ml.trn1 …) and Azure
    // "Standard_NC…" / "Standard_ND…" GPU sizes (plus D/E/F sizes, whose name is their vCPU count).
    // Case-insensitive. nullopt for anything not in the table.
    static std::optional<InstanceDevices> instanceDevices(const QString &instanceType);

    // What a series' value is summed over: SageMaker's CPUUtilization (vCPUs), GPUUtilization
    // and GPUMemoryUtilization (GPUs) in the /aws/sagemaker/* namespaces; None otherwise.
    static DeviceKind summedDevices(const MetricQuery &query);

    // How many devices of `kind` an instance type has; 0 when unknown (or kind None).
    static int deviceCount(DeviceKind kind, const QString &instanceType);

    // The display unit of one series: displayUnit(raw), divided by its device count when it is
    // sum of devices and `instanceType` is known; when summed but the count is unknown the
    // value stays summed and `note` says so ("sum of devices").
    static DisplayUnit forSeries(Unit raw, const MetricQuery &query, const QString &instanceType = QString());

    // The display unit of a chart's axis and thresholds: displayUnit(chart.unit), so its scale is
    // the unit's base scale. Series values are NOT multiplied by it: each series is scaled by
    // seriesScale() (forSeries), so on one chart CPU reads per vCPU next to GPU per GPU. The axis
    // notes "sum of devices" only when some series stays summed (its instance type's device count
    // is unknown).
    static DisplayUnit forChart(const ChartSpec &chart);

    // The display unit of series `seriesIndex` of `chart`: forSeries(chart.unit, its query,
    // chart.instanceType); a derived series (req/s, error %) is never summed, so it gets
    // displayUnit(chart.unit). An index out of range gets displayUnit(chart.unit) too.
    static DisplayUnit forChartSeries(const ChartSpec &chart, qsizetype seriesIndex);
    // raw → display factor of that series (forChartSeries(...).scale): what every place that
    // shows a chart's values (plot, tooltip, insights, report, CSV display units) multiplies by.
    static double seriesScale(const ChartSpec &chart, qsizetype seriesIndex);

    // The axis title: the symbol (or "value"), with the note in parentheses when there is one.
    static QString axisTitle(const DisplayUnit &unit);
};

} // namespace mlwatch
