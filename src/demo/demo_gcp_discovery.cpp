#include "demo/demo_gcp_discovery.h"

#include "demo/demo_gcp_filter.h"
#include "demo/demo_gcp_key.h"

#include <QJsonArray>

namespace mlwatch::demo {

namespace {

QString tokenFor(const QString &collection, qsizetype offset) {
    return QString::fromLatin1(QByteArray(collection.toUtf8() + ':' + QByteArray::number(offset))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The offset a page token stands for; nullopt when it is not one of this collection's.
std::optional<qsizetype> offsetOf(const QString &collection, const QString &token) {
    const QByteArray decoded = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    const qsizetype colon = decoded.lastIndexOf(':');
    if (colon < 0 || QString::fromUtf8(decoded.left(colon)) != collection)
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = decoded.mid(colon + 1).toLongLong(&ok);
    return ok && offset >= 0 ? std::optional<qsizetype>(offset) : std::nullopt;
}

// One page of `items` as {"<key>": […], "nextPageToken": …}, or {} when there is nothing.
DemoGcpReply page(const QString &key, const QList<QJsonObject> &items, const DemoGcpParams &params,
                  int maxPage, const QString &field) {
    qsizetype offset = 0;
    const QString token = params.value(u"pageToken").value_or(QString());
    if (!token.isEmpty()) {
        const std::optional<qsizetype> o = offsetOf(key, token);
        if (!o)
            return DemoGcpWire::error(
                DemoGcpError::invalidField(field, token, QStringLiteral("Invalid page token.")));
        offset = *o;
    }
    int size = maxPage;
    if (const std::optional<QString> asked = params.value(u"pageSize"); asked && !asked->isEmpty()) {
        bool ok = false;
        const int n = asked->toInt(&ok);
        if (!ok || n < 0)
            return DemoGcpWire::error(DemoGcpError::invalidField(
                QStringLiteral("pageSize"), *asked, QStringLiteral("Must be a non-negative integer.")));
        if (n > 0)
            size = std::min(size, n);
    }
    QJsonArray array;
    for (qsizetype i = offset; i < items.size() && array.size() < size; ++i)
        array.append(items.at(i));
    QJsonObject answer;
    if (!array.isEmpty())
        answer.insert(key, array);
    if (offset + array.size() < items.size())
        answer.insert(QStringLiteral("nextPageToken"), tokenFor(key, offset + array.size()));
    return DemoGcpWire::json(200, answer);
}

} // namespace

DemoGcpDiscovery::DemoGcpDiscovery(const DemoGcpWorld &world)
    : m_world(world) {}

DemoGcpReply DemoGcpDiscovery::vertexList(const QString &collection, const QString &location,
                                          const DemoGcpParams &params) const {
    QList<QJsonObject> items;
    if (location == QLatin1String(DemoGcpKey::kRegion)) {
        if (collection == QLatin1String("endpoints"))
            items = m_world.endpoints;
        else if (collection == QLatin1String("customJobs"))
            items = m_world.customJobs;
    }
    return page(collection, items, params, m_pageSize, QStringLiteral("page_token"));
}

DemoGcpReply DemoGcpDiscovery::metricDescriptors(const QString &project, const DemoGcpParams &params) const {
    const QString text = params.value(u"filter").value_or(QString());
    const DemoGcpOutcome<DemoGcpFilter> filter = DemoGcpFilter::parse(text);
    if (!filter.ok())
        return DemoGcpWire::error(filter.error());
    QList<QJsonObject> items;
    for (const DemoGcpMetricType &type : DemoGcpCatalog::all()) {
        const bool match = filter.value().matches([&](const QString &field) -> std::optional<QString> {
            if (field == QLatin1String("metric.type"))
                return type.type;
            if (field == QLatin1String("resource.type"))
                return type.resourceType;
            if (field == QLatin1String("project"))
                return project;
            return std::nullopt;
        });
        if (match)
            items.append(DemoGcpCatalog::descriptor(type, project));
    }
    return page(QStringLiteral("metricDescriptors"), items, params, int(items.size()) + 1,
                QStringLiteral("pageToken"));
}

} // namespace mlwatch::demo
