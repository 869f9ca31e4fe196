#include "core/catalog/catalog_order.h"

#include <algorithm>

namespace mlwatch {

QList<ChartSpec> inCatalogOrder(QList<CataloguedChart> built) {
    std::stable_sort(built.begin(), built.end(), [](const CataloguedChart &a, const CataloguedChart &b) {
        if (a.spec.stage != b.spec.stage)
            return a.spec.stage < b.spec.stage;
        if (a.group != b.group)
            return a.group < b.group;
        if (a.spec.resource != b.spec.resource)
            return a.spec.resource < b.spec.resource;
        return a.ruleIndex < b.ruleIndex;
    });
    QList<ChartSpec> charts;
    charts.reserve(built.size());
    for (CataloguedChart &c : built)
        charts.append(std::move(c.spec));
    return charts;
}

} // namespace mlwatch
