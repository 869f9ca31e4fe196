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
};

// One series on a chart: the query that fetches it and the legend text.
struct ChartSeriesSpec {
    MetricQuery query;
    QString legend; // translated, e.g. "GPU utilisation"
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
    QList<ChartSeriesSpec> series;
    QList<ThresholdLine> thresholds;
    QString explanation; // translated: one sentence on why this chart matters at this stage
};

} // namespace mlwatch
