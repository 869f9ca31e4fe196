#pragma once

#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"

#include <QDateTime>
#include <QMap>
#include <QVector>

#include <functional>
#include <optional>

namespace mlwatch {
class HttpClient;
}

namespace mlwatch::test {

// A small, independent CloudWatch client for the demo cloud's tests: it encodes requests in both
// protocols by hand (so the tests pin the wire format, not the app's request builder), signs them
// with SigV4Signer, sends them with the real HttpClient over loopback, and decodes answers with
// QJsonDocument / QXmlStreamReader.

struct TestQuery {
    QString id;
    QString namespaceName;
    QString metricName;
    QList<Dimension> dimensions;
    QString stat = QStringLiteral("Average");
    int periodSeconds = 60;
};

struct GmdOptions {
    QString scanBy;           // empty: leave out (AWS's default applies)
    qint64 maxDatapoints = 0; // 0: leave out
    QString nextToken;
};

struct TestSeries {
    QVector<qint64> timestampsMs;
    QVector<double> values;
    QStringList statusCodes; // one per page the Id appeared on
};

struct GmdPage {
    QMap<QString, TestSeries> results;
    QString nextToken;
    bool readable = false;
};

struct ListPage {
    QList<MetricDescriptor> metrics;
    QString nextToken;
    bool readable = false;
};

struct ErrorInfo {
    QString code;     // from XML <Code>, or from x-amzn-query-error (JSON)
    QString jsonType; // JSON __type
    QString message;
};

QByteArray getMetricDataBody(aws::CloudWatchProtocol protocol, const QList<TestQuery> &queries,
                             const QDateTime &start, const QDateTime &end, const GmdOptions &options = {});
QByteArray listMetricsBody(aws::CloudWatchProtocol protocol, const QString &namespaceName,
                           const QString &nextToken = QString());

// An unsigned POST to `endpoint` with the protocol's headers.
HttpRequest cloudWatchRequest(aws::CloudWatchProtocol protocol, const QUrl &endpoint, const QString &action,
                              const QByteArray &body);
void signRequest(HttpRequest &request, const aws::AwsCredentials &credentials, const QDateTime &at);

// Sends and waits (on the event loop, up to 30 s) for the answer; nullopt on a transport error.
std::optional<HttpResponse> sendAndWait(HttpClient &http, const HttpRequest &request);

// Sends one signed call and waits for the answer (the test decides how to sign).
using Sender = std::function<std::optional<HttpResponse>(aws::CloudWatchProtocol protocol,
                                                         const QString &action, const QByteArray &body)>;

// All pages of one GetMetricData call, concatenated by Id; `pages` counts them. Empty when a
// page fails or cannot be read.
QMap<QString, TestSeries> fetchAllPages(const Sender &send, aws::CloudWatchProtocol protocol,
                                        const QList<TestQuery> &queries, const QDateTime &start,
                                        const QDateTime &end, GmdOptions options = {}, int *pages = nullptr);
// All pages of ListMetrics for a namespace (empty: all); `pageSizes` gets each page's length.
QList<MetricDescriptor> listAllPages(const Sender &send, aws::CloudWatchProtocol protocol, const QString &ns,
                                     QList<int> *pageSizes = nullptr);

GmdPage parseGetMetricData(aws::CloudWatchProtocol protocol, const QByteArray &body);
ListPage parseListMetrics(aws::CloudWatchProtocol protocol, const QByteArray &body);
ErrorInfo parseError(aws::CloudWatchProtocol protocol, const HttpResponse &response);

// The server time an HTTP Date header states; invalid when absent or malformed.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace mlwatch::test
