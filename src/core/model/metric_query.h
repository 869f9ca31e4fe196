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
// Other clouds map onto the same fields (see their providers): Azure Monitor — namespaceName is
// the metric namespace, `resource` the ARM resource id, `dimensions` the $filter equalities,
// `stat` the aggregation (Average, Maximum, Minimum, Total, Count); Google Cloud Monitoring —
// metricName is the metric type, `resource` the monitored-resource filter, `stat` the aligner.
struct MetricQuery {
    QString namespaceName;                    // "AWS/SageMaker", "/aws/sagemaker/Endpoints", …
    QString metricName;                       // "Invocations"
    QList<Dimension> dimensions;              // in the order given; identity sorts them
    QString stat = QStringLiteral("Average"); // Average | Sum | Minimum | Maximum | SampleCount | pNN
    int periodSeconds = 60;
    QString resource; // Azure: the ARM resource id; Google: the resource filter; CloudWatch: empty
    QString account;  // the Account::id the query is sent with; empty = the session's only account

    // Identity of the series this query produces, independent of the period (which changes
    // with the time range): "namespace|metric|d1=v1,d2=v2|stat" with dimensions sorted by name,
    // prefixed with "account|resource|" when either is set (so CloudWatch keys of one account
    // stay what they always were, and alert history keyed by them stays valid).
    QString seriesKey() const;

    friend bool operator==(const MetricQuery &, const MetricQuery &) = default;
};

} // namespace mlwatch
