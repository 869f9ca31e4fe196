#pragma once

#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"
#include "demo/demo_dataset.h"
#include "demo/demo_error.h"

#include <optional>

namespace mlwatch::demo {

// An HTTP answer before it goes on the wire (the server adds Date and x-amzn-RequestId).
struct DemoReply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers;
};

// One MetricDataResults entry before paging: points already in ScanBy order.
struct DemoQueryResult {
    QString id;
    QString label;
    DemoPoints points;
};

// CloudWatch's answers in both protocols: GetMetricData and ListMetrics results (query XML with
// the 2010-08-01 namespace, or JSON 1.0 with epoch-second timestamps) and error envelopes
// (XML <ErrorResponse>, or JSON {"__type","message"} plus x-amzn-query-error "Code;Sender").
// Paging is stateless: a NextToken encodes the offset and the fingerprint of the call it
// continues, so two servers with the same data answer byte for byte alike.
class DemoResponseWriter {
public:
    static DemoReply error(aws::CloudWatchProtocol protocol, const DemoError &error,
                           const QString &requestId);

    // The page of `results` that starts `offset` datapoints into their concatenation (in query
    // order) and holds at most `pageSize` datapoints. An Id whose points continue on the next
    // page says PartialData; Ids without points come on the first page.
    static DemoReply getMetricData(aws::CloudWatchProtocol protocol, const QList<DemoQueryResult> &results,
                                   qint64 offset, qint64 pageSize, const QByteArray &fingerprint,
                                   const QString &requestId);

    // The page of `metrics` from `offset`, at most `pageSize` long.
    static DemoReply listMetrics(aws::CloudWatchProtocol protocol, const QList<MetricDescriptor> &metrics,
                                 qint64 offset, qint64 pageSize, const QByteArray &fingerprint,
                                 const QString &requestId);

    // A 200 answer whose body is not CloudWatch's (what a captive portal or a broken proxy sends).
    static DemoReply garbage();

    // The offset a NextToken stands for, if it was issued for this kind of call ("gmd" / "lm")
    // and this fingerprint; an empty token is offset 0.
    static std::optional<qint64> offsetOf(const QString &nextToken, const QByteArray &kind,
                                          const QByteArray &fingerprint);
    static QString tokenFor(const QByteArray &kind, qint64 offset, const QByteArray &fingerprint);
};

} // namespace mlwatch::demo
