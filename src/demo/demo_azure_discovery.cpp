#include "demo/demo_azure_discovery.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace mlwatch::demo {

namespace {

const QString kMlProvider = QStringLiteral("Microsoft.MachineLearningServices");

bool same(const QString &a, const char *b) {
    return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

DemoAzureReply notFound(const QString &code, const QString &message) {
    return DemoAzureWire::armError(DemoError{404, code, message, true});
}

DemoAzureReply badRequest(const QString &code, const QString &message) {
    return DemoAzureWire::armError(DemoError{400, code, message, true});
}

// nullopt when the api-version is acceptable; `minimum` empty = any date-shaped version.
std::optional<DemoAzureReply> checkApiVersion(const DemoAzureParams &params, const QString &minimum,
                                              const QString &resourceType) {
    const std::optional<QString> version = params.value(u"api-version");
    if (!version || version->isEmpty())
        return badRequest(
            QStringLiteral("MissingApiVersionParameter"),
            QStringLiteral("The api-version query parameter (?api-version=) is required for all requests."));
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(-preview)?$"));
    if (!shape.match(*version).hasMatch())
        return badRequest(QStringLiteral("InvalidApiVersionParameter"),
                          QStringLiteral("The api-version '%1' is invalid. The supported versions are "
                                         "'2024-04-01,2023-10-01,2022-12-01'.")
                              .arg(*version));
    if (!minimum.isEmpty() && version->left(10) < minimum)
        return badRequest(
            QStringLiteral("NoRegisteredProviderFound"),
            QStringLiteral("No registered resource provider found for location 'westeurope' and API "
                           "version '%1' for type '%2'. The supported api-versions are '2022-05-01, "
                           "2023-04-01, 2023-10-01, 2024-04-01'.")
                .arg(*version, resourceType));
    return std::nullopt;
}

QJsonObject withoutProperties(QJsonObject json) {
    json.remove(QStringLiteral("properties"));
    return json;
}

} // namespace

DemoAzureDiscovery::DemoAzureDiscovery(const DemoAzureDataset &dataset, QString tenantId)
    : m_dataset(dataset)
    , m_tenantId(std::move(tenantId)) {}

DemoAzureReply DemoAzureDiscovery::page(const QList<QJsonObject> &items, const QString &path,
                                        const DemoAzureParams &params, const QUrl &base) const {
    qint64 skip = 0;
    if (const std::optional<QString> token = params.value(u"$skiptoken")) {
        const QByteArray decoded = QByteArray::fromBase64(token->toLatin1(), QByteArray::Base64UrlEncoding);
        bool ok = decoded.startsWith("skip=");
        skip = ok ? decoded.mid(5).toLongLong(&ok) : 0;
        if (!ok || skip < 0 || skip > items.size())
            return badRequest(QStringLiteral("InvalidSkipToken"),
                              QStringLiteral("The skip token '%1' is invalid.").arg(*token));
    }
    QJsonArray value;
    for (qint64 i = skip; i < std::min<qint64>(items.size(), skip + m_pageSize); ++i)
        value.append(items.at(i));
    QJsonObject body{{QStringLiteral("value"), value}};
    if (skip + m_pageSize < items.size()) {
        // nextLink repeats the query (api-version, $filter) and adds where to go on.
        QString query;
        for (const auto &[name, v] : params.items()) {
            if (name.compare(QLatin1String("$skiptoken"), Qt::CaseInsensitive) == 0)
                continue;
            query += (query.isEmpty() ? QString() : QStringLiteral("&")) + name + QLatin1Char('=') +
                     QString::fromLatin1(QUrl::toPercentEncoding(v));
        }
        const QByteArray token =
            QByteArray(QByteArrayLiteral("skip=") + QByteArray::number(skip + m_pageSize))
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        query += QStringLiteral("&$skiptoken=") + QString::fromLatin1(token);
        body.insert(QStringLiteral("nextLink"),
                    QString(base.toString(QUrl::StripTrailingSlash) + path + QLatin1Char('?') + query));
    }
    return DemoAzureWire::json(200, body);
}

DemoAzureReply DemoAzureDiscovery::get(const QString &path, const DemoAzureParams &params, const QUrl &base,
                                       QString *call) const {
    const QStringList s = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString subscription = QLatin1String(DemoAzureStory::kSubscriptionId);
    const QJsonObject subscriptionJson{
        {QStringLiteral("id"), QString(QStringLiteral("/subscriptions/") + subscription)},
        {QStringLiteral("subscriptionId"), subscription},
        {QStringLiteral("tenantId"), m_tenantId},
        {QStringLiteral("displayName"), QStringLiteral("MLWatch demo (simulated Azure)")},
        {QStringLiteral("state"), QStringLiteral("Enabled")},
        {QStringLiteral("authorizationSource"), QStringLiteral("RoleBased")},
        {QStringLiteral("managedByTenants"), QJsonArray()},
        {QStringLiteral("subscriptionPolicies"),
         QJsonObject{{QStringLiteral("locationPlacementId"), QStringLiteral("Public_2014-09-01")},
                     {QStringLiteral("quotaId"), QStringLiteral("PayAsYouGo_2014-09-01")},
                     {QStringLiteral("spendingLimit"), QStringLiteral("Off")}}}};

    if (s.size() == 1 && same(s.at(0), "subscriptions")) {
        *call = QStringLiteral("list-subscriptions");
        if (std::optional<DemoAzureReply> e = checkApiVersion(params, {}, {}))
            return *e;
        return page({subscriptionJson}, path, params, base);
    }
    if (s.size() < 2 || !same(s.at(0), "subscriptions"))
        return notFound(QStringLiteral("NotFound"),
                        QStringLiteral("The requested path '%1' was not found.").arg(path));
    if (s.at(1).compare(subscription, Qt::CaseInsensitive) != 0) {
        *call = QStringLiteral("subscription");
        return notFound(QStringLiteral("SubscriptionNotFound"),
                        QStringLiteral("The subscription '%1' could not be found.").arg(s.at(1)));
    }
    if (s.size() == 2) {
        *call = QStringLiteral("subscription");
        if (std::optional<DemoAzureReply> e = checkApiVersion(params, {}, {}))
            return *e;
        return DemoAzureWire::json(200, subscriptionJson);
    }
    if (s.size() == 3 && same(s.at(2), "resources")) {
        *call = QStringLiteral("list-resources");
        if (std::optional<DemoAzureReply> e = checkApiVersion(params, {}, {}))
            return *e;
        QStringList types;
        if (const std::optional<QString> filter = params.value(u"$filter");
            filter && !filter->trimmed().isEmpty()) {
            static const QRegularExpression clause(
                QStringLiteral("^\\s*resourceType\\s+eq\\s+'([^']*)'\\s*$"),
                QRegularExpression::CaseInsensitiveOption);
            static const QRegularExpression orWord(QStringLiteral("\\s+or\\s+"),
                                                   QRegularExpression::CaseInsensitiveOption);
            for (const QString &part : filter->split(orWord)) {
                const QRegularExpressionMatch m = clause.match(part);
                if (!m.hasMatch())
                    return badRequest(
                        QStringLiteral("InvalidFilterInQueryString"),
                        QStringLiteral("Invalid $filter '%1' specified in the query string.").arg(*filter));
                types.append(m.captured(1));
            }
        }
        QList<QJsonObject> items;
        for (const DemoAzureResource &r : m_dataset.resources())
            if (types.isEmpty() || types.contains(r.type, Qt::CaseInsensitive))
                items.append(withoutProperties(r.json));
        return page(items, path, params, base);
    }

    // Workspaces of the subscription or of one resource group.
    qsizetype at = 2;
    QString resourceGroup;
    if (s.size() >= 4 && same(s.at(2), "resourceGroups")) {
        resourceGroup = s.at(3);
        const auto &all = m_dataset.resources();
        if (std::none_of(all.begin(), all.end(), [&resourceGroup](const DemoAzureResource &r) {
                return r.resourceGroup.compare(resourceGroup, Qt::CaseInsensitive) == 0;
            }))
            return notFound(QStringLiteral("ResourceGroupNotFound"),
                            QStringLiteral("Resource group '%1' could not be found.").arg(resourceGroup));
        at = 4;
    }
    const bool mlList = s.size() >= at + 3 && same(s.at(at), "providers") &&
                        s.at(at + 1).compare(kMlProvider, Qt::CaseInsensitive) == 0 &&
                        same(s.at(at + 2), "workspaces");
    const QString minimum = QStringLiteral("2022-05-01");
    if (mlList && s.size() == at + 3) {
        *call = QStringLiteral("list-workspaces");
        if (std::optional<DemoAzureReply> e = checkApiVersion(params, minimum, QStringLiteral("workspaces")))
            return *e;
        QList<QJsonObject> items;
        for (const DemoAzureResource *r : m_dataset.children({}, QLatin1String(kAzureWorkspaceType)))
            if (resourceGroup.isEmpty() || r->resourceGroup.compare(resourceGroup, Qt::CaseInsensitive) == 0)
                items.append(r->json);
        return page(items, path, params, base);
    }
    // Children of a workspace (and of an endpoint): the parent must exist.
    if (mlList && !resourceGroup.isEmpty() && (s.size() == at + 5 || s.size() == at + 7)) {
        const QString child = s.last();
        const bool endpoints = s.size() == at + 5 && same(child, "onlineEndpoints");
        const bool computes = s.size() == at + 5 && same(child, "computes");
        const bool deployments =
            s.size() == at + 7 && same(s.at(at + 4), "onlineEndpoints") && same(child, "deployments");
        if (endpoints || computes || deployments) {
            *call = endpoints  ? QStringLiteral("list-online-endpoints")
                    : computes ? QStringLiteral("list-computes")
                               : QStringLiteral("list-deployments");
            if (std::optional<DemoAzureReply> e = checkApiVersion(params, minimum, child))
                return *e;
            const QString parentPath = QLatin1Char('/') + s.mid(0, s.size() - 1).join(QLatin1Char('/'));
            const DemoAzureResource *parent = m_dataset.resource(parentPath);
            if (!parent)
                return notFound(
                    QStringLiteral("ResourceNotFound"),
                    QStringLiteral("The Resource '%1' under resource group '%2' was not found. For more "
                                   "details please go to https://aka.ms/ARMResourceNotFoundFix")
                        .arg(s.mid(at + 1, s.size() - at - 2).join(QLatin1Char('/')), resourceGroup));
            const char *type = endpoints  ? kAzureEndpointType
                               : computes ? kAzureComputeType
                                          : kAzureDeploymentType;
            QList<QJsonObject> items;
            for (const DemoAzureResource *r : m_dataset.children(parent->id, QLatin1String(type)))
                items.append(r->json);
            return page(items, path, params, base);
        }
    }
    *call = QStringLiteral("get-resource");
    if (const DemoAzureResource *r = m_dataset.resource(QLatin1Char('/') + s.join(QLatin1Char('/')))) {
        if (std::optional<DemoAzureReply> e = checkApiVersion(params, {}, {}))
            return *e;
        return DemoAzureWire::json(200, r->json);
    }
    return notFound(
        QStringLiteral("ResourceNotFound"),
        QStringLiteral("The Resource '%1' under resource group '%2' was not found. For more details please "
                       "go to https://aka.ms/ARMResourceNotFoundFix")
            .arg(s.mid(std::min<qsizetype>(at + 1, s.size())).join(QLatin1Char('/')), resourceGroup));
}

} // namespace mlwatch::demo
