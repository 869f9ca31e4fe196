#pragma once

#include "core/catalog/chart_spec.h"
#include "core/session/monitor_session.h"

#include <QList>
#include <QString>

namespace mlwatch {

// Which of a workspace's charts this machine can show. A chart that names an account the session
// does not have, or a resource or metric that account's discovery did not find, becomes a
// placeholder (ChartSpec::missingReason, shown as "missing: …"): it keeps its place and its
// series, so that saving the workspace again loses nothing, and it is never fetched.
//
// What "found" means per cloud: CloudWatch (AWS) — a discovered metric with the same namespace,
// name and dimension set (CloudWatch matches dimension sets exactly). Azure and Google list
// resources rather than every metric. Azure: a discovered resource of the query's type (namespace)
// whose identity agrees — the same ARM resource id, and equal values for every dimension both
// name. Google: the query's project was listed, and a query on one resource ("resource.labels.*"
// filter: a training job, an endpoint) finds that resource; project-wide aggregates need only it.
// An account whose discovery has not answered (or failed) marks nothing: its charts fetch, and a
// failed fetch explains itself on the chart.
struct ChartAvailability {
    // `charts` with missingReason set (or cleared) and accountLabel filled from the session.
    static QList<ChartSpec> mark(QList<ChartSpec> charts, const QList<DiscoveredAccount> &discovered);
    // Why one chart cannot be shown here (translated), or empty when it can.
    static QString missingReason(const ChartSpec &chart, const QList<DiscoveredAccount> &discovered);
};

} // namespace mlwatch
