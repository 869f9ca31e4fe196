#pragma once

#include "core/model/metric_query.h"

namespace mlwatch {

// A metric that exists in an account (what discovery finds): no statistic, no period.
struct MetricDescriptor {
    QString namespaceName;
    QString metricName;
    QList<Dimension> dimensions;

    QString dimensionValue(const QString &name) const {
        for (const Dimension &d : dimensions)
            if (d.name == name)
                return d.value;
        return {};
    }
    friend bool operator==(const MetricDescriptor &, const MetricDescriptor &) = default;
};

} // namespace mlwatch
