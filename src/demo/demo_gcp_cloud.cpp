#include "demo/demo_gcp_cloud.h"

#include "core/common/logging.h"
#include "demo/demo_gcp_discovery.h"
#include "demo/demo_gcp_key.h"
#include "demo/demo_gcp_list_request.h"
#include "demo/demo_gcp_oauth.h"
#include "demo/demo_gcp_time_series.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace mlwatch::demo {

namespace {

QByteArray httpDate(qint64 ms) {
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QHttpServerResponse toHttpResponse(const DemoGcpReply &reply) {
    QHttpServerResponse response(reply.contentType, reply.body,
                                 static_cast<QHttpServerResponse::StatusCode>(reply.status));
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

QJsonArray errorInfo(const QString &reason, const QJsonObject &metadata) {
    return QJsonArray{
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo")},
                    {QStringLiteral("reason"), reason},
                    {QStringLiteral("domain"), QStringLiteral("googleapis.com")},
                    {QStringLiteral("metadata"), metadata}}};
}

DemoGcpReply notFound(const QString &path) {
    return DemoGcpWire::error(
        DemoGcpError{404, QStringLiteral("NOT_FOUND"), QStringLiteral("Method not found: %1").arg(path), {}});
}

// One API method of the simulated cloud: its call name, API, and the IAM permission it needs.
struct Method {
    QString call;
    DemoGcpOAuth::Api api = DemoGcpOAuth::Api::Monitoring;
    QString permission;
};

} // namespace

struct DemoGoogleCloud::Impl {
    QHttpServer server;
    quint16 port = 0;
    QDateTime anchor;
    QElapsedTimer sinceStart;
    qint64 clockOffsetSeconds = 0;
    DemoGcpWorld world;
    std::unique_ptr<DemoGcpTimeSeries> timeSeries;
    std::unique_ptr<DemoGcpDiscovery> discovery;
    DemoGcpOAuth oauth;
    int discoveryPageSize = 2;

    DemoGoogleFault fault = DemoGoogleFault::Throttle;
    int faultsLeft = 0;
    quint64 requestCount = 0;
    QStringList calls;

    // Data grows in real time from the anchor; the clock offset moves only the server's clock.
    qint64 dataNowMs() const { return anchor.toMSecsSinceEpoch() + sinceStart.elapsed(); }
    qint64 serverNowMs() const { return dataNowMs() + clockOffsetSeconds * 1000; }
    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)); }

    QHttpServerResponse handle(const QHttpServerRequest &request);
    DemoGcpReply route(const QHttpServerRequest &request, const QString &path);
    std::optional<DemoGcpReply> takeFault(const Method &method, const QString &resource);
};

QHttpServerResponse DemoGoogleCloud::Impl::handle(const QHttpServerRequest &request) {
    ++requestCount;
    const QString path = request.url().path(QUrl::FullyDecoded);
    DemoGcpReply reply = route(request, path);
    // Deterministic ids, so two servers answering the same calls answer the same bytes.
    const QByteArray id =
        QCryptographicHash::hash(QByteArray(QByteArray::number(requestCount) + ':' + path.toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    reply.headers.append({QByteArrayLiteral("X-Request-Id"), id});
    reply.headers.append({QByteArrayLiteral("Date"), httpDate(serverNowMs())});
    qCDebug(lcDemo) << "demo google answered" << reply.status;
    return toHttpResponse(reply);
}

std::optional<DemoGcpReply> DemoGoogleCloud::Impl::takeFault(const Method &method, const QString &resource) {
    if (faultsLeft <= 0)
        return std::nullopt;
    --faultsLeft;
    const QString service = method.api == DemoGcpOAuth::Api::Monitoring
                                ? QStringLiteral("monitoring.googleapis.com")
                                : QStringLiteral("aiplatform.googleapis.com");
    switch (fault) {
    case DemoGoogleFault::Throttle: {
        const QString quotaMetric = service + QStringLiteral("/read_requests");
        return DemoGcpWire::error(DemoGcpError{
            429, QStringLiteral("RESOURCE_EXHAUSTED"),
            QStringLiteral(
                "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of "
                "service '%1' for consumer 'project_number:%2'.")
                .arg(service, QLatin1String(DemoGcpKey::kProjectNumber)),
            errorInfo(
                QStringLiteral("RATE_LIMIT_EXCEEDED"),
                QJsonObject{
                    {QStringLiteral("service"), service},
                    {QStringLiteral("quota_metric"), quotaMetric},
                    {QStringLiteral("quota_limit"), QStringLiteral("ReadRequestsPerMinutePerProject")},
                    {QStringLiteral("consumer"),
                     QString(QStringLiteral("projects/") + QLatin1String(DemoGcpKey::kProjectNumber))}})});
    }
    case DemoGoogleFault::ServerError:
        return DemoGcpWire::error(
            DemoGcpError{500, QStringLiteral("INTERNAL"), QStringLiteral("Internal error encountered."), {}});
    case DemoGoogleFault::Unavailable:
        return DemoGcpWire::error(DemoGcpError{
            503, QStringLiteral("UNAVAILABLE"), QStringLiteral("The service is currently unavailable."), {}});
    case DemoGoogleFault::PermissionDenied:
        return DemoGcpWire::error(
            DemoGcpError{403, QStringLiteral("PERMISSION_DENIED"),
                         QStringLiteral("Permission '%1' denied on resource '%2' (or it may not exist).")
                             .arg(method.permission, resource),
                         errorInfo(QStringLiteral("IAM_PERMISSION_DENIED"),
                                   QJsonObject{{QStringLiteral("permission"), method.permission},
                                               {QStringLiteral("resource"), resource}})});
    case DemoGoogleFault::Garbage:
        return DemoGcpReply{200,
                            QByteArrayLiteral("text/html; charset=utf-8"),
                            QByteArrayLiteral("<html><body><h1>Sign in to continue</h1></body></html>"),
                            {}};
    }
    return std::nullopt;
}

DemoGcpReply DemoGoogleCloud::Impl::route(const QHttpServerRequest &request, const QString &path) {
    const QStringList s = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    if (s == QStringList{QStringLiteral("token")}) {
        calls.append(QStringLiteral("token"));
        if (request.method() != QHttpServerRequest::Method::Post)
            return DemoGcpWire::json(405,
                                     QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                                 {QStringLiteral("error_description"),
                                                  QStringLiteral("The token endpoint only accepts POST.")}});
        return oauth.token(request.value("Content-Type"), request.body(), serverNowMs());
    }

    Method method;
    QString project;
    QString location;
    QString collection;
    if (get && s.size() == 4 && s.at(0) == QLatin1String("v3") && s.at(1) == QLatin1String("projects") &&
        (s.at(3) == QLatin1String("timeSeries") || s.at(3) == QLatin1String("metricDescriptors"))) {
        project = s.at(2);
        const bool series = s.at(3) == QLatin1String("timeSeries");
        method = {series ? QStringLiteral("timeSeries.list") : QStringLiteral("metricDescriptors.list"),
                  DemoGcpOAuth::Api::Monitoring,
                  series ? QStringLiteral("monitoring.timeSeries.list")
                         : QStringLiteral("monitoring.metricDescriptors.list")};
    } else if (get && s.size() == 6 && s.at(0) == QLatin1String("v1") &&
               s.at(1) == QLatin1String("projects") && s.at(3) == QLatin1String("locations") &&
               QStringList{QStringLiteral("endpoints"), QStringLiteral("customJobs"),
                           QStringLiteral("trainingPipelines")}
                   .contains(s.at(5))) {
        project = s.at(2);
        location = s.at(4);
        collection = s.at(5);
        method = {collection + QStringLiteral(".list"), DemoGcpOAuth::Api::VertexAi,
                  QStringLiteral("aiplatform.%1.list").arg(collection.toLower())};
    } else {
        return notFound(path);
    }

    if (std::optional<DemoGcpReply> denied = oauth.authorize(
            request.value("Authorization"), request.value("x-goog-user-project"), method.api, serverNowMs()))
        return *denied;
    calls.append(method.call);
    const QString resource =
        method.api == DemoGcpOAuth::Api::Monitoring
            ? QStringLiteral("projects/") + project
            : QStringLiteral("//aiplatform.googleapis.com/projects/%1/locations/%2").arg(project, location);
    if (project != projectId() && project != projectNumber())
        return DemoGcpWire::error(
            DemoGcpError{403, QStringLiteral("PERMISSION_DENIED"),
                         QStringLiteral("Permission '%1' denied on resource '%2' (or it may not exist).")
                             .arg(method.permission, resource),
                         errorInfo(QStringLiteral("IAM_PERMISSION_DENIED"),
                                   QJsonObject{{QStringLiteral("permission"), method.permission}})});
    if (std::optional<DemoGcpReply> f = takeFault(method, resource))
        return *f;

    const DemoGcpParams params = DemoGcpParams::parse(request.url().query(QUrl::FullyEncoded).toUtf8());
    if (!collection.isEmpty())
        return discovery->vertexList(collection, location, params);
    if (method.call == QLatin1String("metricDescriptors.list"))
        return discovery->metricDescriptors(project, params);
    const DemoGcpOutcome<DemoGcpListRequest> list = DemoGcpListRequest::parse(params);
    if (!list.ok())
        return DemoGcpWire::error(list.error());
    const DemoGcpOutcome<QJsonObject> answer = timeSeries->list(list.value(), dataNowMs());
    if (!answer.ok())
        return DemoGcpWire::error(answer.error());
    return DemoGcpWire::json(200, answer.value());
}

// --- DemoGoogleCloud --------------------------------------------------------------------------

DemoGoogleCloud::DemoGoogleCloud(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>()) {}

DemoGoogleCloud::~DemoGoogleCloud() = default;

bool DemoGoogleCloud::start(const QDateTime &nowUtc) {
    if (d->port != 0)
        return true;
    d->anchor = nowUtc.toUTC();
    d->world = DemoGcpStory::build(d->anchor);
    const qint64 historyStartMs = (DemoGcpTimeline::from(d->anchor).historyStart) * 60 * 1000;
    d->timeSeries = std::make_unique<DemoGcpTimeSeries>(d->world, historyStartMs, projectId());
    d->discovery = std::make_unique<DemoGcpDiscovery>(d->world);
    d->discovery->setPageSize(d->discoveryPageSize);
    d->sinceStart.start();
    Impl *impl = d.get();
    d->server.route(QStringLiteral("/"), QHttpServerRequest::Method::AnyKnown,
                    [impl](const QHttpServerRequest &r) { return impl->handle(r); });
    // Every other path (a QUrl argument matches the rest of the path, slashes included).
    d->server.route(QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
                    [impl](const QUrl &, const QHttpServerRequest &r) { return impl->handle(r); });
    d->port = d->server.listen(QHostAddress::LocalHost, 0);
    if (d->port == 0) {
        qCWarning(lcDemo) << "demo google could not listen on 127.0.0.1";
        return false;
    }
    qCInfo(lcDemo) << "demo google listening on 127.0.0.1 port" << d->port << "with" << d->world.series.size()
                   << "time series";
    return true;
}

QUrl DemoGoogleCloud::tokenUri() const {
    return d->port == 0 ? QUrl() : QUrl(d->base().toString() + QStringLiteral("/token"));
}

QUrl DemoGoogleCloud::monitoringEndpoint() const {
    return d->port == 0 ? QUrl() : d->base();
}

QUrl DemoGoogleCloud::aiplatformEndpoint() const {
    return d->port == 0 ? QUrl() : d->base();
}

QString DemoGoogleCloud::projectId() {
    return QLatin1String(DemoGcpKey::kProjectId);
}

QString DemoGoogleCloud::projectNumber() {
    return QLatin1String(DemoGcpKey::kProjectNumber);
}

QString DemoGoogleCloud::region() {
    return QLatin1String(DemoGcpKey::kRegion);
}

QString DemoGoogleCloud::serviceAccountEmail() {
    return QLatin1String(DemoGcpKey::kClientEmail);
}

QByteArray DemoGoogleCloud::serviceAccountKeyJson() const {
    return d->port == 0 ? QByteArray() : DemoGcpKey::serviceAccountKeyJson(tokenUri());
}

QByteArray DemoGoogleCloud::authorizedUserJson() const {
    return d->port == 0 ? QByteArray() : DemoGcpKey::authorizedUserJson(tokenUri());
}

void DemoGoogleCloud::setTokenLifetimeSeconds(int seconds) {
    d->oauth.setTokenLifetimeSeconds(std::max(0, seconds));
}

void DemoGoogleCloud::injectFaults(DemoGoogleFault fault, int count) {
    d->fault = fault;
    d->faultsLeft = std::max(0, count);
}

void DemoGoogleCloud::setDiscoveryPageSize(int items) {
    d->discoveryPageSize = std::max(1, items);
    if (d->discovery)
        d->discovery->setPageSize(d->discoveryPageSize);
}

void DemoGoogleCloud::setClockOffsetSeconds(qint64 seconds) {
    d->clockOffsetSeconds = seconds;
}

void DemoGoogleCloud::setRequireQuotaProjectForUsers(bool require) {
    d->oauth.setRequireQuotaProjectForUsers(require);
}

quint64 DemoGoogleCloud::requestCount() const {
    return d->requestCount;
}

QStringList DemoGoogleCloud::receivedCalls() const {
    return d->calls;
}

int DemoGoogleCloud::tokensIssued() const {
    return d->oauth.tokensIssued();
}

} // namespace mlwatch::demo
