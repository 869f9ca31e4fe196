#pragma once

#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"

#include <QList>

namespace mlwatch {

// The rules every tab starts with, built from the catalog's charts (their thresholds are the
// seed's advice): model latency above 1000 ms with recovery below 900 ms, 5XX errors, endpoint
// CPU and memory, data-preparation and training memory, evaluation query time, data drift, and
// disk (storage capacity) where the catalog charts it. One rule per chart that has a critical
// threshold and a known kind; the id is "default:" + the chart id (+ ":" + the metric for charts
// with one rule per series, e.g. drift per feature). Each rule's description says why its
// numbers were chosen. Pure and deterministic: rules come out in chart order.
QList<AlertRule> defaultRulesFor(const QList<ChartSpec> &charts);

} // namespace mlwatch
