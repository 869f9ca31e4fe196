#include "core/model/metric_query.h"

#include <algorithm>

namespace mlwatch {

QString MetricQuery::seriesKey() const {
    QList<Dimension> sorted = dimensions;
    std::sort(sorted.begin(), sorted.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    QStringList dims;
    dims.reserve(sorted.size());
    for (const Dimension &d : sorted)
        dims.append(d.name + QLatin1Char('=') + d.value);
    const QString prefix = (account.isEmpty() && resource.isEmpty())
                               ? QString()
                               : account + QLatin1Char('|') + resource + QLatin1Char('|');
    return prefix + namespaceName + QLatin1Char('|') + metricName + QLatin1Char('|') +
           dims.join(QLatin1Char(',')) + QLatin1Char('|') + stat;
}

} // namespace mlwatch
