#pragma once

#include "demo/demo_azure_dataset.h"
#include "demo/demo_azure_metrics_request.h"

#include <QJsonArray>

namespace mlwatch::demo {

// Answers metrics queries from the dataset in Azure Monitor's shapes (cloud-apis.md §2.3–2.4):
// one `value[]` entry per requested metric, one time series per dimension combination the
// filter selects ('*' splits; `top` keeps the largest by `orderby`), one data element per grain
// from the timespan's start floored to the grain; an element without the aggregation key is a
// grain without data (never a zero). Dimension names come back lower-cased in metadatavalues.
// An unknown metric name is a per-metric errorCode inside a 200; a bad interval or a filter on a
// dimension the metric lacks fails the whole request (400), as in Azure.
class DemoAzureMetrics {
public:
    explicit DemoAzureMetrics(const DemoAzureDataset &dataset);

    struct Result {
        QJsonArray value;
        QString interval;      // as answered: the grain actually used, or FULL's span
        QString namespaceName; // lower-cased, as Azure echoes it
        int cost = 0;          // data elements returned
    };

    // The metrics of one resource. `nowMs` is the server's data clock: later grains are empty.
    DemoOutcome<Result> evaluate(const DemoAzureResource &resource, const DemoAzureMetricsRequest &request,
                                 qint64 nowMs) const;

    // The whole GET answer of the ARM API, and one `values[]` entry of a getBatch answer.
    static QJsonObject armResponse(const DemoAzureResource &resource, const DemoAzureMetricsRequest &request,
                                   const Result &result);
    static QJsonObject batchEntry(const DemoAzureResource &resource, const DemoAzureMetricsRequest &request,
                                  const Result &result);

    // GET {resource}/providers/Microsoft.Insights/metricDefinitions: the catalogue of the
    // resource's type (`metricNamespace` empty = the resource type).
    static QJsonObject definitions(const DemoAzureResource &resource, const QString &metricNamespace);

private:
    const DemoAzureDataset &m_dataset;
};

} // namespace mlwatch::demo
