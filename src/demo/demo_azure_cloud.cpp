#include "demo/demo_azure_cloud.h"

#include "core/common/logging.h"
#include "demo/demo_azure_dataset.h"
#include "demo/demo_azure_discovery.h"
#include "demo/demo_azure_entra.h"
#include "demo/demo_azure_metrics.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace mlwatch::demo {

namespace {

const QStringList kMetricsApiVersions{QStringLiteral("2018-01-01"), QStringLiteral("2019-07-01"),
                                      QStringLiteral("2021-05-01"), QStringLiteral("2023-10-01"),
                                      QStringLiteral("2024-02-01")};
const QStringList kBatchApiVersions{QStringLiteral("2023-10-01"), QStringLiteral("2024-02-01")};
constexpr double kReadBucket = 250.0; // ARM's per-region subscription read bucket (cloud-apis.md §2.5)
constexpr double kReadRefillPerSecond = 25.0;

QByteArray httpDate(qint64 ms) {
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QHttpServerResponse toHttpResponse(const DemoAzureReply &reply) {
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

DemoAzureReply armError(int status, const QString &code, const QString &message) {
    return DemoAzureWire::armError(DemoError{status, code, message, status < 500});
}

std::optional<DemoAzureReply> checkVersion(const DemoAzureParams &params, const QStringList &supported) {
    const std::optional<QString> version = params.value(u"api-version");
    if (!version || version->isEmpty())
        return armError(
            400, QStringLiteral("MissingApiVersionParameter"),
            QStringLiteral("The api-version query parameter (?api-version=) is required for all requests."));
    if (!supported.contains(*version))
        return armError(400, QStringLiteral("InvalidApiVersionParameter"),
                        QStringLiteral("The api-version '%1' is invalid. The supported versions are '%2'.")
                            .arg(*version, supported.join(QLatin1Char(','))));
    return std::nullopt;
}

// "/a//b/" → "/a/b": ARM tolerates doubled slashes (clients join base URLs carelessly).
QString normalisedPath(const QHttpServerRequest &request) {
    return QLatin1Char('/') + request.url()
                                  .path(QUrl::FullyDecoded)
                                  .split(QLatin1Char('/'), Qt::SkipEmptyParts)
                                  .join(QLatin1Char('/'));
}

} // namespace

struct DemoAzureCloud::Impl {
    QHttpServer armServer;
    QHttpServer batchServer;
    quint16 armPort = 0;
    quint16 batchPort = 0;
    QDateTime anchor;
    QElapsedTimer sinceStart;
    qint64 clockOffsetSeconds = 0;
    std::unique_ptr<DemoAzureDataset> dataset;
    std::unique_ptr<DemoAzureMetrics> metrics;
    std::unique_ptr<DemoAzureDiscovery> discovery;
    DemoAzureEntra entra{tenantId(), clientId(), clientSecret()};
    int discoveryPageSize = 2;
    int maxResourcesPerBatch = 50;

    DemoAzureFault fault = DemoAzureFault::Throttle;
    int faultsLeft = 0;

    quint64 requestCount = 0;
    QStringList calls;
    double readBudget = kReadBucket;
    qint64 readBudgetAtMs = 0;

    // Data grows in real time from the anchor; the clock offset moves only the server's clock.
    qint64 dataNowMs() const { return anchor.toMSecsSinceEpoch() + sinceStart.elapsed(); }
    qint64 serverNowMs() const { return dataNowMs() + clockOffsetSeconds * 1000; }
    QUrl armBase() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(armPort)); }

    QHttpServerResponse handle(const QHttpServerRequest &request, bool batchHost);
    DemoAzureReply arm(const QHttpServerRequest &request, const QString &path, bool *armRead);
    DemoAzureReply batch(const QHttpServerRequest &request, const QString &path);
    std::optional<DemoAzureReply> takeFault(bool batchHost);
    DemoAzureReply getMetrics(const QString &resourcePath, const DemoAzureParams &params) const;
    DemoAzureReply getDefinitions(const QString &resourcePath, const DemoAzureParams &params) const;
    DemoAzureReply getBatch(const QString &subscription, const DemoAzureParams &params,
                            const QByteArray &body) const;
    int takeRead();
};

QHttpServerResponse DemoAzureCloud::Impl::handle(const QHttpServerRequest &request, bool batchHost) {
    ++requestCount;
    const QString path = normalisedPath(request);
    bool armRead = false;
    DemoAzureReply reply = batchHost ? batch(request, path) : arm(request, path, &armRead);
    // Deterministic ids, so two servers answering the same calls answer the same bytes.
    const QByteArray h = QCryptographicHash::hash(QByteArray(QByteArray::number(requestCount) + ':' +
                                                             path.toUtf8() + ':' + request.body()),
                                                  QCryptographicHash::Sha256)
                             .toHex();
    const QByteArray id =
        h.mid(0, 8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) + '-' + h.mid(20, 12);
    reply.headers.append({QByteArrayLiteral("x-ms-request-id"), id});
    reply.headers.append({QByteArrayLiteral("x-ms-correlation-request-id"), id});
    if (armRead && reply.status != 429)
        reply.headers.append({QByteArrayLiteral("x-ms-ratelimit-remaining-subscription-reads"),
                              QByteArray::number(takeRead())});
    reply.headers.append({QByteArrayLiteral("Date"), httpDate(serverNowMs())});
    qCDebug(lcDemo) << "demo azure answered" << reply.status;
    return toHttpResponse(reply);
}

int DemoAzureCloud::Impl::takeRead() {
    // Reported, never enforced: tests must not depend on timing (throttling is injected instead).
    const qint64 now = sinceStart.elapsed();
    readBudget =
        std::min(kReadBucket, readBudget + kReadRefillPerSecond * double(now - readBudgetAtMs) / 1000.0);
    readBudgetAtMs = now;
    readBudget = std::max(0.0, readBudget - 1.0);
    return int(std::floor(readBudget));
}

std::optional<DemoAzureReply> DemoAzureCloud::Impl::takeFault(bool batchHost) {
    if (faultsLeft <= 0)
        return std::nullopt;
    --faultsLeft;
    switch (fault) {
    case DemoAzureFault::Throttle: {
        DemoAzureReply r =
            batchHost
                ? armError(429, QStringLiteral("TooManyRequests"),
                           QStringLiteral("The request was throttled. Please try again after 1 seconds."))
                : armError(
                      429, QStringLiteral("SubscriptionRequestsThrottled"),
                      QStringLiteral("Number of 'read' requests for subscription '%1' actor '%2' exceeded. "
                                     "Please try again after '1' seconds after additional tokens are "
                                     "available.")
                          .arg(subscriptionId(), clientId()));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        r.headers.append(
            {QByteArrayLiteral("x-ms-ratelimit-remaining-subscription-reads"), QByteArrayLiteral("0")});
        return r;
    }
    case DemoAzureFault::ServerError:
        return armError(500, QStringLiteral("InternalServerError"),
                        QStringLiteral("Encountered internal server error. Please try again later."));
    case DemoAzureFault::Garbage:
        return DemoAzureReply{200,
                              QByteArrayLiteral("text/html; charset=utf-8"),
                              QByteArrayLiteral("<html><body><h1>Sign in to continue</h1></body></html>"),
                              {}};
    }
    return std::nullopt;
}

DemoAzureReply DemoAzureCloud::Impl::arm(const QHttpServerRequest &request, const QString &path,
                                         bool *armRead) {
    const QStringList s = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (s.size() == 4 && s.at(1) == QLatin1String("oauth2") && s.at(2) == QLatin1String("v2.0") &&
        s.at(3) == QLatin1String("token")) {
        calls.append(QStringLiteral("token"));
        if (request.method() != QHttpServerRequest::Method::Post)
            return DemoAzureWire::json(
                405, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                 {QStringLiteral("error_description"),
                                  QStringLiteral("AADSTS900561: The endpoint only accepts POST "
                                                 "requests.")}});
        return entra.token(s.at(0), request.value("Content-Type"), request.body(), serverNowMs());
    }
    if (request.method() != QHttpServerRequest::Method::Get)
        return armError(405, QStringLiteral("MethodNotAllowed"),
                        QStringLiteral("The requested resource does not support this HTTP method."));
    if (std::optional<DemoAzureReply> denied =
            entra.authorize(request.value("Authorization"), DemoAzureEntra::Audience::Arm, serverNowMs()))
        return *denied;
    *armRead = true;
    const DemoAzureParams params = DemoAzureParams::parse(request.url().query(QUrl::FullyEncoded).toUtf8());
    const QString lower = path.toLower();
    static const QString metricsSuffix = QStringLiteral("/providers/microsoft.insights/metrics");
    static const QString definitionsSuffix =
        QStringLiteral("/providers/microsoft.insights/metricdefinitions");
    if (lower.endsWith(metricsSuffix) || lower.endsWith(definitionsSuffix)) {
        const bool values = lower.endsWith(metricsSuffix);
        calls.append(values ? QStringLiteral("metrics") : QStringLiteral("metric-definitions"));
        if (std::optional<DemoAzureReply> f = takeFault(false))
            return *f;
        const QString resourcePath =
            path.left(path.size() - (values ? metricsSuffix : definitionsSuffix).size());
        return values ? getMetrics(resourcePath, params) : getDefinitions(resourcePath, params);
    }
    QString call = QStringLiteral("unknown");
    DemoAzureReply reply = discovery->get(path, params, armBase(), &call);
    calls.append(call);
    if (std::optional<DemoAzureReply> f = takeFault(false))
        return *f;
    return reply;
}

DemoAzureReply DemoAzureCloud::Impl::getMetrics(const QString &resourcePath,
                                                const DemoAzureParams &params) const {
    if (std::optional<DemoAzureReply> e = checkVersion(params, kMetricsApiVersions))
        return *e;
    const DemoAzureResource *resource = dataset->resource(resourcePath);
    if (!resource)
        return armError(404, QStringLiteral("ResourceNotFound"),
                        QStringLiteral("The Resource '%1' was not found.").arg(resourcePath));
    const DemoOutcome<DemoAzureMetricsRequest> request =
        DemoAzureMetricsRequest::fromArm(params, dataNowMs());
    if (!request.ok())
        return DemoAzureWire::armError(request.error());
    const DemoOutcome<DemoAzureMetrics::Result> result =
        metrics->evaluate(*resource, request.value(), dataNowMs());
    if (!result.ok())
        return DemoAzureWire::armError(result.error());
    return DemoAzureWire::json(200,
                               DemoAzureMetrics::armResponse(*resource, request.value(), result.value()));
}

DemoAzureReply DemoAzureCloud::Impl::getDefinitions(const QString &resourcePath,
                                                    const DemoAzureParams &params) const {
    if (std::optional<DemoAzureReply> e = checkVersion(params, kMetricsApiVersions))
        return *e;
    const DemoAzureResource *resource = dataset->resource(resourcePath);
    if (!resource)
        return armError(404, QStringLiteral("ResourceNotFound"),
                        QStringLiteral("The Resource '%1' was not found.").arg(resourcePath));
    return DemoAzureWire::json(
        200, DemoAzureMetrics::definitions(*resource, params.value(u"metricnamespace").value_or(QString())));
}

DemoAzureReply DemoAzureCloud::Impl::batch(const QHttpServerRequest &request, const QString &path) {
    const QStringList s = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (s.size() != 3 || s.at(0).compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) != 0 ||
        s.at(2).compare(QLatin1String("metrics:getBatch"), Qt::CaseInsensitive) != 0)
        return armError(404, QStringLiteral("NotFound"),
                        QStringLiteral("The requested path '%1' was not found.").arg(path));
    if (request.method() != QHttpServerRequest::Method::Post)
        return armError(405, QStringLiteral("MethodNotAllowed"),
                        QStringLiteral("metrics:getBatch accepts POST only."));
    if (std::optional<DemoAzureReply> denied =
            entra.authorize(request.value("Authorization"), DemoAzureEntra::Audience::Batch, serverNowMs()))
        return *denied;
    calls.append(QStringLiteral("getBatch"));
    if (std::optional<DemoAzureReply> f = takeFault(true))
        return *f;
    return getBatch(s.at(1), DemoAzureParams::parse(request.url().query(QUrl::FullyEncoded).toUtf8()),
                    request.body());
}

DemoAzureReply DemoAzureCloud::Impl::getBatch(const QString &subscription, const DemoAzureParams &params,
                                              const QByteArray &body) const {
    if (std::optional<DemoAzureReply> e = checkVersion(params, kBatchApiVersions))
        return *e;
    const DemoOutcome<DemoAzureMetricsRequest> request =
        DemoAzureMetricsRequest::fromBatch(params, dataNowMs());
    if (!request.ok())
        return DemoAzureWire::armError(request.error());
    const auto bad = [](const QString &message) {
        return armError(400, QStringLiteral("BadRequest"), message);
    };
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray ids = doc.object().value(QStringLiteral("resourceids")).toArray();
    if (!doc.isObject() || ids.isEmpty())
        return bad(
            QStringLiteral("The request body must be a JSON object with a non-empty 'resourceids' array."));
    if (ids.size() > maxResourcesPerBatch)
        return bad(
            QStringLiteral("The number of resource ids in the request (%1) exceeds the maximum of %2 per "
                           "batch.")
                .arg(ids.size())
                .arg(maxResourcesPerBatch));
    const QString ns = request.value().metricNamespace;
    QList<const DemoAzureResource *> resources;
    for (const QJsonValue &v : ids) {
        const QString id = v.toString();
        const QStringList parts = id.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() < 2 || parts.at(1).compare(subscription, Qt::CaseInsensitive) != 0)
            return bad(QStringLiteral(
                           "All resource ids of a batch must be in subscription '%1' of the request path; "
                           "'%2' is not.")
                           .arg(subscription, id));
        const DemoAzureResource *r = dataset->resource(id);
        if (!r)
            return bad(QStringLiteral("The resource '%1' was not found.").arg(id));
        if (r->type.compare(ns, Qt::CaseInsensitive) != 0)
            return bad(
                QStringLiteral("All resource ids of a batch must be of the metric namespace's type '%1'; "
                               "'%2' is a %3.")
                    .arg(ns, id, r->type));
        if (!resources.isEmpty() &&
            r->location.compare(resources.first()->location, Qt::CaseInsensitive) != 0)
            return bad(
                QStringLiteral("All resource ids of a batch must be in the same region; '%1' is in %2, the "
                               "batch is for %3.")
                    .arg(id, r->location, resources.first()->location));
        resources.append(r);
    }
    QJsonArray values;
    for (const DemoAzureResource *r : resources) {
        const DemoOutcome<DemoAzureMetrics::Result> result =
            metrics->evaluate(*r, request.value(), dataNowMs());
        if (!result.ok())
            return DemoAzureWire::armError(result.error());
        values.append(DemoAzureMetrics::batchEntry(*r, request.value(), result.value()));
    }
    return DemoAzureWire::json(200, QJsonObject{{QStringLiteral("values"), values}});
}

// --- DemoAzureCloud ---------------------------------------------------------------------------

DemoAzureCloud::DemoAzureCloud(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>()) {}

DemoAzureCloud::~DemoAzureCloud() = default;

bool DemoAzureCloud::start(const QDateTime &nowUtc) {
    if (d->armPort != 0)
        return true;
    d->anchor = nowUtc.toUTC();
    d->dataset = std::make_unique<DemoAzureDataset>(d->anchor);
    d->metrics = std::make_unique<DemoAzureMetrics>(*d->dataset);
    d->discovery = std::make_unique<DemoAzureDiscovery>(*d->dataset, tenantId());
    d->discovery->setPageSize(d->discoveryPageSize);
    d->sinceStart.start();
    Impl *impl = d.get();
    for (QHttpServer *server : {&d->armServer, &d->batchServer}) {
        const bool batchHost = server == &d->batchServer;
        server->route(QStringLiteral("/"), QHttpServerRequest::Method::AnyKnown,
                      [impl, batchHost](const QHttpServerRequest &r) { return impl->handle(r, batchHost); });
        // Every other path (a QUrl argument matches the rest of the path, slashes included).
        server->route(QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
                      [impl, batchHost](const QUrl &, const QHttpServerRequest &r) {
                          return impl->handle(r, batchHost);
                      });
    }
    d->armPort = d->armServer.listen(QHostAddress::LocalHost, 0);
    d->batchPort = d->batchServer.listen(QHostAddress::LocalHost, 0);
    if (d->armPort == 0 || d->batchPort == 0) {
        qCWarning(lcDemo) << "demo azure could not listen on 127.0.0.1";
        d->armPort = 0;
        return false;
    }
    d->entra.setAuthority(authorityHost());
    qCInfo(lcDemo) << "demo azure listening on 127.0.0.1 ports" << d->armPort << "(Entra ID, ARM) and"
                   << d->batchPort << "(metrics batch) with" << d->dataset->resources().size() << "resources";
    return true;
}

QUrl DemoAzureCloud::authorityHost() const {
    return armEndpoint();
}

QUrl DemoAzureCloud::armEndpoint() const {
    return d->armPort == 0 ? QUrl() : d->armBase();
}

QUrl DemoAzureCloud::batchEndpoint() const {
    return d->batchPort == 0 ? QUrl() : QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->batchPort));
}

QString DemoAzureCloud::tenantId() {
    return QLatin1String(DemoAzureStory::kTenantId);
}

QString DemoAzureCloud::clientId() {
    return QLatin1String(DemoAzureStory::kClientId);
}

QString DemoAzureCloud::clientSecret() {
    return QStringLiteral("mlwatch~demo~NotASecret~000000000000000");
}

QString DemoAzureCloud::subscriptionId() {
    return QLatin1String(DemoAzureStory::kSubscriptionId);
}

QString DemoAzureCloud::region() {
    return QLatin1String(DemoAzureStory::kRegion);
}

void DemoAzureCloud::setAcceptedClientSecret(const QString &secret) {
    d->entra.setAcceptedSecret(secret);
}

void DemoAzureCloud::setTokenLifetimeSeconds(int seconds) {
    d->entra.setTokenLifetimeSeconds(std::max(0, seconds));
}

void DemoAzureCloud::injectFaults(DemoAzureFault fault, int count) {
    d->fault = fault;
    d->faultsLeft = std::max(0, count);
}

void DemoAzureCloud::setMaxResourcesPerBatch(int count) {
    d->maxResourcesPerBatch = std::max(1, count);
}

void DemoAzureCloud::setDiscoveryPageSize(int items) {
    d->discoveryPageSize = std::max(1, items);
    if (d->discovery)
        d->discovery->setPageSize(d->discoveryPageSize);
}

void DemoAzureCloud::setClockOffsetSeconds(qint64 seconds) {
    d->clockOffsetSeconds = seconds;
}

quint64 DemoAzureCloud::requestCount() const {
    return d->requestCount;
}

QStringList DemoAzureCloud::receivedCalls() const {
    return d->calls;
}

int DemoAzureCloud::tokensIssued() const {
    return d->entra.tokensIssued();
}

} // namespace mlwatch::demo
