#pragma once

#include "core/model/stage.h"

#include <QList>
#include <QString>

namespace mlwatch {

enum class InsightSeverity { Info, Warning, Critical };

// One finding of the InsightEngine about one resource, with the evidence it rests on.
struct Insight {
    // Stable for one rule and chart: "<rule>|<chart id>" ("training.input-bound|training/cpu-gpu/h").
    QString id;
    Stage stage = Stage::Monitoring;
    InsightSeverity severity = InsightSeverity::Info;
    QString title;    // translated, short: "Input pipeline is the bottleneck"
    QString evidence; // translated: the metrics, the window (dates and zone) and the numbers used
    QString chartId;  // ChartSpec::id of the chart that shows the evidence
    QString resource; // ChartSpec::resource

    friend bool operator==(const Insight &, const Insight &) = default;
};

} // namespace mlwatch
