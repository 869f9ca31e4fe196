#include "demo/demo_cloud.h"

#include "core/common/logging.h"
#include "demo/demo_dataset.h"
#include "demo/demo_request_reader.h"
#include "demo/demo_response_writer.h"
#include "demo/demo_sagemaker.h"
#include "demo/demo_signature_check.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLocale>

#include <algorithm>

namespace mlwatch::demo {

namespace {

constexpr qint64 kListMetricsPageSize = 500;
const QString kService = QStringLiteral("monitoring");

// RFC 7231 IMF-fixdate, always English and GMT.
QByteArray httpDate(const QDateTime &utc) {
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

bool matchesFilters(const MetricDescriptor &m, const ListMetricsInput &in) {
    if (!in.namespaceName.isEmpty() && m.namespaceName != in.namespaceName)
        return false;
    if (!in.metricName.isEmpty() && m.metricName != in.metricName)
        return false;
    return std::all_of(
        in.dimensions.begin(), in.dimensions.end(), [&m](const ListMetricsInput::DimensionFilter &f) {
            return std::any_of(m.dimensions.begin(), m.dimensions.end(), [&f](const Dimension &d) {
                return d.name == f.name && (!f.value || d.value == *f.value);
            });
        });
}

ReceivedRequest receivedOf(const QHttpServerRequest &request) {
    ReceivedRequest received;
    received.method = QByteArrayLiteral("POST");
    received.pathAndQuery = request.url().path(QUrl::FullyEncoded).toUtf8();
    if (request.url().hasQuery())
        received.pathAndQuery += '?' + request.url().query(QUrl::FullyEncoded).toUtf8();
    received.headers = request.headers();
    received.body = request.body();
    return received;
}

QHttpServerResponse toHttpResponse(const DemoReply &reply) {
    QHttpServerResponse response(reply.contentType, reply.body,
                                 static_cast<QHttpServerResponse::StatusCode>(reply.status));
    // Qt 6.8 replaced the per-header calls with QHttpHeaders.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    for (const auto &[name, value] : reply.headers)
        headers.append(name, value);
    response.setHeaders(std::move(headers));
#else
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
#endif
    return response;
}

} // namespace

struct DemoCloud::Impl {
    QHttpServer server;
    quint16 port = 0;
    QDateTime anchor;
    QElapsedTimer sinceStart;
    qint64 clockOffsetSeconds = 0;
    int maxDatapointsPerPage = 100800;
    aws::AwsCredentials accepted = DemoCloud::credentials();
    std::unique_ptr<DemoDataset> dataset;

    QString sageMakerFault; // an error type every SageMaker call answers; empty: none
    DemoFault fault = DemoFault::Throttle;
    int faultsLeft = 0;

    quint64 requestCount = 0;
    QStringList calls;

    // Data grows in real time from the anchor; the clock offset moves only the server's clock
    // (signature window, Date header), as a client's skew would.
    qint64 dataNowMs() const { return anchor.toMSecsSinceEpoch() + sinceStart.elapsed(); }
    QDateTime serverNow() const { return anchor.addMSecs(sinceStart.elapsed()).addSecs(clockOffsetSeconds); }

    // Deterministic, so two servers answering the same calls answer the same bytes.
    QString requestIdFor(const QByteArray &body) const {
        const QByteArray seed = QByteArray::number(requestCount) + ':' + body;
        const QByteArray h = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex();
        return QString::fromLatin1(h.mid(0, 8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) +
                                   '-' + h.mid(20, 12));
    }

    QHttpServerResponse handle(const QHttpServerRequest &request);
    DemoReply process(const QHttpServerRequest &request, const QString &requestId);
    DemoReply sageMaker(const QHttpServerRequest &request, const QByteArray &target);
    DemoReply getMetricData(aws::CloudWatchProtocol protocol, const QByteArray &body,
                            const QString &requestId) const;
    DemoReply listMetrics(aws::CloudWatchProtocol protocol, const QByteArray &body,
                          const QString &requestId) const;
};

QHttpServerResponse DemoCloud::Impl::handle(const QHttpServerRequest &request) {
    ++requestCount;
    const QString requestId = requestIdFor(request.body());
    DemoReply reply = process(request, requestId);
    reply.headers.append({QByteArrayLiteral("x-amzn-RequestId"), requestId.toLatin1()});
    reply.headers.append({QByteArrayLiteral("Date"), httpDate(serverNow())});
    qCDebug(lcDemo) << "demo cloud answered" << reply.status;
    return toHttpResponse(reply);
}

DemoReply DemoCloud::Impl::process(const QHttpServerRequest &request, const QString &requestId) {
    const QByteArray target = request.value("X-Amz-Target");
    const aws::CloudWatchProtocol protocol = DemoRequestReader::protocolOf(target);
    if (request.url().path() != QLatin1String("/"))
        return DemoResponseWriter::error(protocol,
                                         DemoError{404, QStringLiteral("UnknownOperationException"),
                                                   QStringLiteral("CloudWatch answers on / only."), true},
                                         requestId);
    if (request.method() != QHttpServerRequest::Method::Post)
        return DemoResponseWriter::error(
            protocol,
            DemoError{405, QStringLiteral("InvalidAction"), QStringLiteral("Only POST is supported."), true},
            requestId);
    if (DemoSageMaker::isSageMakerTarget(target))
        return sageMaker(request, target);
    const DemoOutcome<QString> action = DemoRequestReader::action(protocol, target, request.body());
    if (!action.ok())
        return DemoResponseWriter::error(protocol, action.error(), requestId);
    calls.append(action.value());

    if (const std::optional<DemoError> authError =
            DemoSignatureCheck::verify(receivedOf(request), accepted, region(), kService, serverNow()))
        return DemoResponseWriter::error(protocol, *authError, requestId);

    if (faultsLeft > 0) {
        --faultsLeft;
        switch (fault) {
        case DemoFault::Throttle:
            return DemoResponseWriter::error(
                protocol, DemoError{400, QStringLiteral("Throttling"), QStringLiteral("Rate exceeded"), true},
                requestId);
        case DemoFault::ServerError:
            return DemoResponseWriter::error(protocol,
                                             DemoError{500, QStringLiteral("InternalServiceError"),
                                                       QStringLiteral("Internal service error."), false},
                                             requestId);
        case DemoFault::Garbage:
            return DemoResponseWriter::garbage();
        }
    }

    if (action.value() == QLatin1String("GetMetricData"))
        return getMetricData(protocol, request.body(), requestId);
    if (action.value() == QLatin1String("ListMetrics"))
        return listMetrics(protocol, request.body(), requestId);
    return DemoResponseWriter::error(
        protocol,
        DemoError{400, QStringLiteral("InvalidAction"),
                  QStringLiteral("Could not find operation %1 for version 2010-08-01").arg(action.value()),
                  true},
        requestId);
}

DemoReply DemoCloud::Impl::sageMaker(const QHttpServerRequest &request, const QByteArray &target) {
    calls.append(QString::fromLatin1(target));
    if (const std::optional<DemoError> authError = DemoSignatureCheck::verify(
            receivedOf(request), accepted, region(), QStringLiteral("sagemaker"), serverNow()))
        return DemoSageMaker::error(authError->httpStatus, authError->code, authError->message);
    return DemoSageMaker::answer(target, request.body(), *dataset, sageMakerFault);
}

DemoReply DemoCloud::Impl::getMetricData(aws::CloudWatchProtocol protocol, const QByteArray &body,
                                         const QString &requestId) const {
    const DemoOutcome<GetMetricDataInput> parsed = DemoRequestReader::readGetMetricData(protocol, body);
    if (!parsed.ok())
        return DemoResponseWriter::error(protocol, parsed.error(), requestId);
    const GetMetricDataInput &in = parsed.value();
    const QByteArray fingerprint = in.fingerprint();
    const std::optional<qint64> offset = DemoResponseWriter::offsetOf(in.nextToken, "gmd", fingerprint);
    if (!offset)
        return DemoResponseWriter::error(
            protocol,
            DemoError{400, QStringLiteral("InvalidNextToken"), QStringLiteral("Invalid NextToken"), true},
            requestId);

    const qint64 endMs = std::min(in.endMs, dataNowMs());
    QList<DemoQueryResult> results;
    for (const DemoDataQuery &q : in.queries) {
        if (!q.returnData)
            continue;
        DemoQueryResult r{q.id, q.label.isEmpty() ? q.metricName : q.label, {}};
        const int index = dataset->find(q.namespaceName, q.metricName, q.dimensions);
        if (index >= 0 && endMs > in.startMs)
            r.points = dataset->aggregate(index, in.startMs, endMs, q.periodSeconds, q.stat, q.unit);
        if (!in.ascending) {
            std::reverse(r.points.timestampsMs.begin(), r.points.timestampsMs.end());
            std::reverse(r.points.values.begin(), r.points.values.end());
        }
        results.append(std::move(r));
    }
    const qint64 pageSize = std::min<qint64>(in.maxDatapoints, maxDatapointsPerPage);
    return DemoResponseWriter::getMetricData(protocol, results, *offset, pageSize, fingerprint, requestId);
}

DemoReply DemoCloud::Impl::listMetrics(aws::CloudWatchProtocol protocol, const QByteArray &body,
                                       const QString &requestId) const {
    const DemoOutcome<ListMetricsInput> parsed = DemoRequestReader::readListMetrics(protocol, body);
    if (!parsed.ok())
        return DemoResponseWriter::error(protocol, parsed.error(), requestId);
    const ListMetricsInput &in = parsed.value();
    const QByteArray fingerprint = in.fingerprint();
    const std::optional<qint64> offset = DemoResponseWriter::offsetOf(in.nextToken, "lm", fingerprint);
    if (!offset)
        return DemoResponseWriter::error(
            protocol,
            DemoError{400, QStringLiteral("InvalidNextToken"), QStringLiteral("Invalid NextToken"), true},
            requestId);

    const qint64 now = dataNowMs();
    QList<MetricDescriptor> matching;
    const QList<DemoSeries> &all = dataset->series();
    for (int i = 0; i < all.size(); ++i) {
        const MetricDescriptor &m = all.at(i).metric;
        if (!matchesFilters(m, in))
            continue;
        if (in.recentlyActive && !dataset->hasData(i, now - 3 * 3600 * 1000, now))
            continue;
        matching.append(m);
    }
    if (*offset > matching.size())
        return DemoResponseWriter::error(
            protocol,
            DemoError{400, QStringLiteral("InvalidNextToken"), QStringLiteral("Invalid NextToken"), true},
            requestId);
    return DemoResponseWriter::listMetrics(protocol, matching, *offset, kListMetricsPageSize, fingerprint,
                                           requestId);
}

// --- DemoCloud --------------------------------------------------------------------------------

DemoCloud::DemoCloud(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>()) {}

DemoCloud::~DemoCloud() = default;

bool DemoCloud::start(const QDateTime &nowUtc) {
    if (d->port != 0)
        return true;
    d->anchor = nowUtc.toUTC();
    d->dataset = std::make_unique<DemoDataset>(d->anchor);
    d->sinceStart.start();
    Impl *impl = d.get();
    d->server.route(QStringLiteral("/"), QHttpServerRequest::Method::AnyKnown,
                    [impl](const QHttpServerRequest &request) { return impl->handle(request); });
    // Every other path, so that its 404 carries the Date header too (a QUrl argument matches
    // the rest of the path, slashes included).
    d->server.route(
        QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
        [impl](const QUrl &, const QHttpServerRequest &request) { return impl->handle(request); });
    d->port = d->server.listen(QHostAddress::LocalHost, 0);
    if (d->port == 0) {
        qCWarning(lcDemo) << "demo cloud could not listen on 127.0.0.1";
        return false;
    }
    qCInfo(lcDemo) << "demo cloud listening on 127.0.0.1 port" << d->port << "with"
                   << d->dataset->series().size() << "metrics";
    return true;
}

QUrl DemoCloud::endpoint() const {
    if (d->port == 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(d->port));
}

aws::AwsCredentials DemoCloud::credentials() {
    // Dummy values in AWS's shapes (20- and 40-character keys); they open nothing but this server.
    aws::AwsCredentials c;
    c.accessKeyId = QStringLiteral("AKIAMLWATCHDEMO00000");
    c.secretAccessKey = QStringLiteral("mlwatch/demo/NotASecret/0000000000000000");
    return c;
}

QString DemoCloud::region() {
    return QStringLiteral("us-east-1");
}

aws::AwsResolved DemoCloud::resolved(aws::CloudWatchProtocol protocol) const {
    aws::AwsResolved r;
    r.credentials = d->accepted;
    r.endpoint.region = region();
    r.endpoint.endpoint = endpoint();
    r.endpoint.protocol = protocol;
    r.source = QStringLiteral("demo");
    return r;
}

void DemoCloud::injectFaults(DemoFault fault, int count) {
    d->fault = fault;
    d->faultsLeft = std::max(0, count);
}

void DemoCloud::setAcceptedCredentials(const aws::AwsCredentials &credentials) {
    d->accepted = credentials;
}

void DemoCloud::setSageMakerFault(const QString &errorType) {
    d->sageMakerFault = errorType;
}

void DemoCloud::setClockOffsetSeconds(qint64 seconds) {
    d->clockOffsetSeconds = seconds;
}

void DemoCloud::setMaxDatapointsPerPage(int maxDatapoints) {
    d->maxDatapointsPerPage = std::max(1, maxDatapoints);
}

quint64 DemoCloud::requestCount() const {
    return d->requestCount;
}

QStringList DemoCloud::receivedCalls() const {
    return d->calls;
}

} // namespace mlwatch::demo
