#pragma once

#include "core/common/result.h"
#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace mlwatch::aws {

// One MetricDataResults entry of one page.
struct MetricDataResult {
    QString id;
    QString label;
    QString statusCode;           // Complete | PartialData | InternalError | Forbidden
    QVector<qint64> timestampsMs; // UTC ms since the epoch, as returned (ascending when asked)
    QVector<double> values;       // index-paired with timestampsMs
    QStringList messages;         // "Code: Value"
};

struct GetMetricDataPage {
    QList<MetricDataResult> results;
    QString nextToken;    // empty on the last page
    QStringList messages; // top-level Messages, "Code: Value"
};

using ListedMetric = MetricDescriptor;

struct ListMetricsPage {
    QList<ListedMetric> metrics;
    QString nextToken;
};

// An AWS error envelope: query XML <ErrorResponse><Error><Code>…, JSON {"__type":"…#Code",
// "message":…} or the x-amzn-query-error header.
struct AwsError {
    int httpStatus = 0;
    QString code;    // "Throttling", "SignatureDoesNotMatch", …
    QString message; // the cloud's own text (it never contains our secrets)
};

// Parse a 2xx body of the given protocol. A body that is not what CloudWatch sends gives
// ErrorCode::BadResponse naming what was wrong (never echoing the body).
Result<GetMetricDataPage> parseGetMetricDataResponse(CloudWatchProtocol protocol, const QByteArray &body);
Result<ListMetricsPage> parseListMetricsResponse(CloudWatchProtocol protocol, const QByteArray &body);

// Reads the error of a non-2xx response; nullopt when the body is not an AWS error envelope
// (the caller then reports the bare HTTP status).
std::optional<AwsError> parseAwsError(const HttpResponse &response);

} // namespace mlwatch::aws
