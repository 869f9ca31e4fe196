#pragma once

#include <QList>
#include <QString>

namespace mlwatch {

struct Dimension {
    QString name;
    QString value;
    friend bool operator==(const Dimension &, const Dimension &) = default;
};

// One statistic of one metric, exactly as the cloud names it. CloudWatch matches dimension
// sets exactly, so `dimensions` is always the full set the metric was published with.
struct MetricQuery {
    QString namespaceName;                    // "AWS/SageMaker", "/aws/sagemaker/Endpoints", …
    QString metricName;                       // "Invocations"
    QList<Dimension> dimensions;              // in the order given; identity sorts them
    QString stat = QStringLiteral("Average"); // Average | Sum | Minimum | Maximum | SampleCount | pNN
    int periodSeconds = 60;

    // Identity of the series this query produces, independent of the period (which changes
    // with the time range): "namespace|metric|d1=v1,d2=v2|stat" with dimensions sorted by name.
    QString seriesKey() const;

    friend bool operator==(const MetricQuery &, const MetricQuery &) = default;
};

} // namespace mlwatch
