#pragma once

#include "core/model/metric_query.h"
#include "core/providers/aws/aws_credentials.h"
#include "demo/demo_error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mlwatch::demo {

// One MetricDataQuery of a GetMetricData call (MetricStat only: the demo does no metric math).
struct DemoDataQuery {
    QString id;
    QString label; // empty: the metric name, as CloudWatch answers
    QString namespaceName;
    QString metricName;
    QList<Dimension> dimensions;
    int periodSeconds = 0;
    QString stat;
    QString unit; // optional filter
    bool returnData = true;
};

struct GetMetricDataInput {
    QList<DemoDataQuery> queries;
    qint64 startMs = 0; // inclusive
    qint64 endMs = 0;   // exclusive
    QString nextToken;
    bool ascending = false; // ScanBy: TimestampDescending is AWS's default
    qint64 maxDatapoints = 100800;

    // Identifies the call apart from its NextToken, so a token only continues the call it
    // came from (anything else is InvalidNextToken).
    QByteArray fingerprint() const;
};

struct ListMetricsInput {
    struct DimensionFilter {
        QString name;
        std::optional<QString> value; // nullopt: any value
    };
    QString namespaceName; // empty: every namespace
    QString metricName;    // empty: every metric
    QList<DimensionFilter> dimensions;
    QString nextToken;
    bool recentlyActive = false; // RecentlyActive=PT3H

    QByteArray fingerprint() const;
};

// Server-side decoding of CloudWatch requests in both protocols: JSON 1.0 (X-Amz-Target, epoch
// second times) and query (form body, "Name.member.N" lists, ISO 8601 times). The form is first
// turned into the JSON protocol's shape, so both protocols share one validator and answer the
// same errors for the same mistakes (parameter names as AWS spells them, lists 1-based).
class DemoRequestReader {
public:
    // JSON when the request carries X-Amz-Target, else query (which is also how errors about an
    // unreadable request are answered).
    static aws::CloudWatchProtocol protocolOf(const QByteArray &targetHeader);

    // The operation: "GetMetricData", "ListMetrics", … or an error (unknown target prefix,
    // missing Action).
    static DemoOutcome<QString> action(aws::CloudWatchProtocol protocol, const QByteArray &targetHeader,
                                       const QByteArray &body);

    static DemoOutcome<GetMetricDataInput> readGetMetricData(aws::CloudWatchProtocol protocol,
                                                             const QByteArray &body);
    static DemoOutcome<ListMetricsInput> readListMetrics(aws::CloudWatchProtocol protocol,
                                                         const QByteArray &body);
};

} // namespace mlwatch::demo
