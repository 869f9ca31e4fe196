#pragma once

#include <QString>

namespace mlwatch {

// The unit a cloud reports a metric in. Names follow CloudWatch's StandardUnit where one exists.
// Fraction: a share of 1 (Google's "10^2.%" utilisations, 0.45 = 45 %; may exceed 1 on several
// CPUs), shown as a percentage.
enum class Unit {
    None,
    Count,
    Percent,
    Microseconds,
    Milliseconds,
    Seconds,
    Bytes,
    CountPerSecond,
    Fraction
};

// How a unit is shown: values are multiplied by `scale` and labelled with `symbol`.
// ModelLatency arrives in microseconds and is shown in milliseconds; bytes are shown in GiB.
struct DisplayUnit {
    Unit raw = Unit::None;
    double scale = 1.0;
    QString symbol;   // translated, e.g. "%", "ms", "GiB"; empty for plain counts
    int decimals = 2; // digits after the point worth showing (tooltips, threshold entry)
    // Translated remark for the axis title, e.g. "sum of devices" when a utilisation is a
    // sum over vCPUs / GPUs whose count is unknown; empty otherwise.
    QString note;
};

// The display unit of a raw unit alone: a thin wrapper of UnitRegistry::displayUnit() (see
// core/model/unit_registry.h, which also scales per device).
DisplayUnit displayUnitFor(Unit raw);

// CloudWatch's name for the unit ("Microseconds", "Percent", "Bytes", "None", …): what the CLI
// writes in its `unit` column, since `query` never converts.
QString cloudWatchUnitName(Unit unit);
Unit unitFromCloudWatchName(const QString &name);

// Azure Monitor's name for the unit (its MetricUnit enum: "Count", "Percent", "MilliSeconds",
// "Seconds", "Bytes", "CountPerSecond", "Unspecified" for None); empty for Microseconds, which
// Azure has no name for. The CLI writes it in the `unit` column of Azure series.
QString azureUnitName(Unit unit);
// The inverse, case-insensitively ("Milliseconds" and "MilliSeconds" both read); None for the
// names with no Unit here (BytesPerSecond, Cores, …) and for anything unknown.
Unit unitFromAzureName(const QString &name);

} // namespace mlwatch
