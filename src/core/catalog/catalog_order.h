#pragma once

#include "core/catalog/chart_spec.h"

#include <QList>
#include <QString>

namespace mlwatch {

// A chart a cloud's catalog built, with what places it on its tab: its stage, then `group`
// (Azure: the workspace, so that a workspace's endpoints, clusters and storage stay together;
// empty for the other clouds), then its resource, then the row of the catalog table that made it.
struct CataloguedChart {
    ChartSpec spec;
    QString group;
    qsizetype ruleIndex = 0;
};

// The charts in that order; equal keys keep the order they were built in.
QList<ChartSpec> inCatalogOrder(QList<CataloguedChart> built);

} // namespace mlwatch
