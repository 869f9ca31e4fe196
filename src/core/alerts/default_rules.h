#pragma once

#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"

#include <QList>

namespace mlwatch {

// The rules every tab starts with, built from the catalog's charts (their thresholds are the
// seed's advice): model latency (P99) above 1000 ms with recovery below 900 ms, the 5XX error
// rate above its budget (% of requests, on the derived error-percentage series), endpoint
// CPU and memory, data-preparation and training memory, evaluation query time, data drift, and
// disk (storage capacity) where the catalog charts it; for Azure charts (ChartSpec::cloud
// "azure") request latency P99 above 1000 ms, the 5xx error rate, deployment CPU and deployment memory
// (the fullest instance above 90 %). One rule per chart that has a critical threshold and a known
// kind (stage and kind are the first two parts of the chart id; the recipe is the chart's
// cloud's); the id is "default:" + the chart id (+ ":" + the metric for charts with one rule per
// series, e.g. drift per feature); `cloud` and `account` are the chart's. Each rule's description
// says why its numbers were chosen. Pure and deterministic: rules come out in chart order.
QList<AlertRule> defaultRulesFor(const QList<ChartSpec> &charts);

} // namespace mlwatch
