#pragma once

#include "core/model/metric_query.h"
#include "core/model/stage.h"
#include "core/model/unit.h"

#include <QList>
#include <QString>

namespace mlwatch {

enum class ThresholdLevel { Warning, Critical };

// A horizontal line on a chart, in the chart's display unit (what people type and read).
struct ThresholdLine {
    double value = 0;
    ThresholdLevel level = ThresholdLevel::Warning;
    friend bool operator==(const ThresholdLine &, const ThresholdLine &) = default;
};

// How a series is computed from others instead of fetched (DerivedSeries materialises it into the
// SeriesStore under query.seriesKey(), so charts and alerts read it like any series).
enum class SeriesDerivation {
    None,          // fetched: `query` is sent to the cloud
    RatePerSecond, // inputs {count}: the per-period sum ÷ the period in seconds (req/s)
    ErrorPercent,  // inputs {requests, errors…}: Σ errors ÷ requests × 100; a gap where an input
                   // is missing or requests == 0
};

// One series on a chart: the query that fetches it and the legend text. A derived series'
// `query` only names it (DerivedSeries::queryFor()); the scheduler fetches `inputs` instead.
struct ChartSeriesSpec {
    MetricQuery query;
    QString legend; // translated, e.g. "GPU utilisation"
    SeriesDerivation derivation = SeriesDerivation::None;
    QList<MetricQuery> inputs{}; // derived series only, in the order the derivation names
    friend bool operator==(const ChartSeriesSpec &, const ChartSeriesSpec &) = default;
};

// One chart of a stage tab, as the catalog builds it for a discovered resource.
struct ChartSpec {
    // Stable: "training/cpu-gpu/<resource>" (AWS), "training/cpu-gpu/<account>/<resource>" (Azure).
    QString id;
    Stage stage = Stage::Monitoring;
    QString title;    // translated: "CPU vs GPU — churn-train-2026-11"
    QString resource; // "churn-train-2026-11/algo-1"
    // Whose chart it is, for grouping by account: the Account id its queries carry (empty = the
    // session's primary AWS account), the label shown to people (set by the session) and the
    // cloud ("aws" | "azure" | "gcp"; empty = "aws", as AlertRule::cloud).
    QString account;
    QString accountLabel;
    QString cloud;
    Unit unit = Unit::None; // raw unit of every series on the chart (one unit per chart)
    // The instance type the resource runs on ("ml.g5.12xlarge") when discovery knows it: the
    // UnitRegistry then shows utilisations summed over vCPUs / GPUs per device. Empty = unknown.
    QString instanceType;
    QList<ChartSeriesSpec> series;
    QList<ThresholdLine> thresholds;
    QString explanation; // translated: one sentence on why this chart matters at this stage
    // Set when a workspace names an account, resource or metric this session cannot see: the chart
    // stays as a labelled placeholder ("missing: <reason>", translated) and is never fetched.
    // Not saved: a placeholder keeps its series so that the workspace round-trips unchanged.
    QString missingReason;

    friend bool operator==(const ChartSpec &, const ChartSpec &) = default;
};

} // namespace mlwatch
