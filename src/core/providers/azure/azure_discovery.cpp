#include "core/providers/azure/azure_discovery.h"

#include "core/providers/azure/azure_metrics_request.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mlwatch::azure {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::azure", text);
}

QString latin1(const char *text) {
    return QString::fromLatin1(text);
}

// Base URL + an ARM path + "?api-version=…", the path's segments encoded one by one.
QUrl armUrl(const AzureEndpointConfig &endpoint, const QString &path, const char *apiVersion) {
    QByteArray url = endpoint.resolvedArmEndpoint().toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment |
                                                              QUrl::StripTrailingSlash);
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        url += '/';
        url += QUrl::toPercentEncoding(part, "!$&'()*+,;=:@");
    }
    url += "?api-version=";
    url += apiVersion;
    return QUrl::fromEncoded(url, QUrl::StrictMode);
}

} // namespace

Result<ArmListPage> parseArmListPage(const QByteArray &body) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{ErrorCode::BadResponse, tr("The list is not valid JSON; it may have been cut off."),
                     error.errorString()};
    const QJsonValue value = doc.object().value(QLatin1String("value"));
    if (!doc.isObject() || !value.isArray())
        return Error{ErrorCode::BadResponse, tr("The answer is not an ARM list (no \"value\")."), QString()};
    ArmListPage page;
    for (const QJsonValue &item : value.toArray())
        if (item.isObject())
            page.items.append(item.toObject());
    page.nextLink = doc.object().value(QLatin1String("nextLink")).toString();
    return page;
}

QUrl subscriptionsListUrl(const AzureEndpointConfig &endpoint) {
    return armUrl(endpoint, QStringLiteral("/subscriptions"), kSubscriptionsApiVersion);
}

QUrl workspacesListUrl(const AzureEndpointConfig &endpoint, const QString &subscriptionId) {
    return armUrl(endpoint,
                  QStringLiteral("/subscriptions/") + subscriptionId +
                      QStringLiteral("/providers/Microsoft.MachineLearningServices/workspaces"),
                  kMachineLearningApiVersion);
}

QUrl childListUrl(const AzureEndpointConfig &endpoint, const QString &parentId, const QString &collection) {
    return armUrl(endpoint, parentId + QLatin1Char('/') + collection, kMachineLearningApiVersion);
}

Result<QUrl> followableNextLink(const AzureEndpointConfig &endpoint, const QString &nextLink) {
    const QUrl url = QUrl(nextLink, QUrl::StrictMode);
    const QUrl arm = endpoint.resolvedArmEndpoint();
    if (!url.isValid() || url.scheme().compare(arm.scheme(), Qt::CaseInsensitive) != 0 ||
        url.host().compare(arm.host(), Qt::CaseInsensitive) != 0 ||
        url.port(arm.scheme() == QLatin1String("http") ? 80 : 443) !=
            arm.port(arm.scheme() == QLatin1String("http") ? 80 : 443))
        return Error{
            ErrorCode::BadResponse,
            tr("An ARM list continues at %1, which is not the ARM endpoint %2; MLWatch does not send "
               "the account's token there.")
                .arg(url.host().isEmpty() ? tr("an unreadable address") : url.host(), arm.host()),
            QString()};
    return url;
}

MetricDescriptor describeResource(const QJsonObject &item, const QString &type,
                                  const QList<Dimension> &inherited, const QString &fallbackLocation) {
    const QString id = item.value(QLatin1String("id")).toString();
    QString name = item.value(QLatin1String("name")).toString();
    if (name.isEmpty())
        name = resourceNameOf(id);
    QString location = item.value(QLatin1String("location")).toString();
    if (location.isEmpty())
        location = fallbackLocation;

    MetricDescriptor d;
    d.namespaceName = type;
    d.dimensions.append({QStringLiteral("resourceId"), id});
    d.dimensions.append({QStringLiteral("name"), name});
    if (!location.isEmpty())
        d.dimensions.append({QStringLiteral("location"), location});
    d.dimensions.append({QStringLiteral("subscriptionId"), subscriptionOf(id)});
    d.dimensions.append({QStringLiteral("resourceGroup"), resourceGroupOf(id)});
    d.dimensions.append(inherited);
    if (type.compare(QLatin1String(kOnlineDeploymentType), Qt::CaseInsensitive) == 0) {
        // The VM size the deployment runs on tells GPU deployments from CPU ones (only GPU
        // SKUs publish GpuUtilizationPercentage). Managed deployments name it in
        // properties.instanceType; sku.name is the fallback for shapes that carry it there.
        QString instanceType = item.value(QLatin1String("properties"))
                                   .toObject()
                                   .value(QLatin1String("instanceType"))
                                   .toString();
        if (instanceType.isEmpty())
            instanceType =
                item.value(QLatin1String("sku")).toObject().value(QLatin1String("name")).toString();
        if (!instanceType.isEmpty())
            d.dimensions.append({QStringLiteral("instanceType"), instanceType});
    }
    return d;
}

// ---- the crawl ---------------------------------------------------------------------------------

AzureDiscovery::AzureDiscovery(AzureEndpointConfig endpoint, const QStringList &resourceTypes,
                               QString account, Send send, Done done)
    : m_endpoint(std::move(endpoint))
    , m_types(resourceTypes)
    , m_account(std::move(account))
    , m_send(std::move(send))
    , m_done(std::move(done)) {}

void AzureDiscovery::run(const AzureEndpointConfig &endpoint, const QStringList &resourceTypes,
                         const QString &account, Send send, Done done) {
    std::shared_ptr<AzureDiscovery> crawl(
        new AzureDiscovery(endpoint, resourceTypes, account, std::move(send), std::move(done)));
    crawl->start();
}

bool AzureDiscovery::wants(const char *type) const {
    if (m_types.isEmpty())
        return true;
    const QString t = latin1(type);
    return std::any_of(m_types.cbegin(), m_types.cend(),
                       [&](const QString &wanted) { return wanted.compare(t, Qt::CaseInsensitive) == 0; });
}

void AzureDiscovery::start() {
    if (m_endpoint.subscriptionIds.isEmpty()) {
        m_queue.push_back(Listing{subscriptionsListUrl(m_endpoint), tr("listing Azure subscriptions"),
                                  [this](const QList<QJsonObject> &items) {
                                      for (const QJsonObject &s : items) {
                                          const QString id =
                                              s.value(QLatin1String("subscriptionId")).toString();
                                          if (!id.isEmpty())
                                              listWorkspaces(id);
                                      }
                                  }});
    } else {
        for (const QString &subscription : std::as_const(m_endpoint.subscriptionIds))
            listWorkspaces(subscription);
    }
    next();
}

void AzureDiscovery::listWorkspaces(const QString &subscriptionId) {
    m_queue.push_back(Listing{workspacesListUrl(m_endpoint, subscriptionId),
                              tr("listing Azure ML workspaces in subscription %1").arg(subscriptionId),
                              [this](const QList<QJsonObject> &items) {
                                  for (const QJsonObject &w : items)
                                      onWorkspace(w);
                              }});
}

void AzureDiscovery::onWorkspace(const QJsonObject &workspace) {
    const MetricDescriptor ws = describeResource(workspace, latin1(kWorkspaceType), {});
    const QString workspaceId = ws.dimensionValue(QStringLiteral("resourceId"));
    const QString workspaceName = ws.dimensionValue(QStringLiteral("name"));
    const QString location = ws.dimensionValue(QStringLiteral("location"));
    if (workspaceId.isEmpty())
        return;
    if (wants(kWorkspaceType))
        add(ws);

    const QString storageId = workspace.value(QLatin1String("properties"))
                                  .toObject()
                                  .value(QLatin1String("storageAccount"))
                                  .toString();
    if (!storageId.isEmpty() && wants(kStorageAccountType)) {
        // Only the id is in the workspace; its region is learnt from its first metrics answer.
        QJsonObject storage;
        storage.insert(QLatin1String("id"), storageId);
        add(describeResource(storage, latin1(kStorageAccountType),
                             {{QStringLiteral("workspace"), workspaceName}}));
    }

    const QList<Dimension> inWorkspace{{QStringLiteral("workspace"), workspaceName}};
    if (wants(kOnlineEndpointType) || wants(kOnlineDeploymentType)) {
        m_queue.push_back(Listing{
            childListUrl(m_endpoint, workspaceId, QStringLiteral("onlineEndpoints")),
            tr("listing online endpoints of workspace %1").arg(workspaceName),
            [this, inWorkspace, location, workspaceName](const QList<QJsonObject> &items) {
                for (const QJsonObject &e : items) {
                    const MetricDescriptor endpoint =
                        describeResource(e, latin1(kOnlineEndpointType), inWorkspace, location);
                    if (wants(kOnlineEndpointType))
                        add(endpoint);
                    const QString endpointId = endpoint.dimensionValue(QStringLiteral("resourceId"));
                    const QString endpointName = endpoint.dimensionValue(QStringLiteral("name"));
                    if (endpointId.isEmpty() || !wants(kOnlineDeploymentType))
                        continue;
                    const QString endpointLocation = endpoint.dimensionValue(QStringLiteral("location"));
                    QList<Dimension> inEndpoint = inWorkspace;
                    inEndpoint.append({QStringLiteral("endpoint"), endpointName});
                    m_queue.push_back(
                        Listing{childListUrl(m_endpoint, endpointId, QStringLiteral("deployments")),
                                tr("listing deployments of endpoint %1").arg(endpointName),
                                [this, inEndpoint, endpointLocation](const QList<QJsonObject> &deployments) {
                                    for (const QJsonObject &d : deployments)
                                        add(describeResource(d, latin1(kOnlineDeploymentType), inEndpoint,
                                                             endpointLocation));
                                }});
                }
            }});
    }
    if (wants(kComputeType)) {
        m_queue.push_back(
            Listing{childListUrl(m_endpoint, workspaceId, QStringLiteral("computes")),
                    tr("listing compute of workspace %1").arg(workspaceName),
                    [this, inWorkspace, location](const QList<QJsonObject> &items) {
                        for (const QJsonObject &c : items) {
                            MetricDescriptor compute =
                                describeResource(c, latin1(kComputeType), inWorkspace, location);
                            const QString computeType = c.value(QLatin1String("properties"))
                                                            .toObject()
                                                            .value(QLatin1String("computeType"))
                                                            .toString();
                            if (!computeType.isEmpty())
                                compute.dimensions.append({QStringLiteral("computeType"), computeType});
                            add(compute);
                        }
                    }});
    }
}

void AzureDiscovery::add(const MetricDescriptor &descriptor) {
    const QString id = descriptor.dimensionValue(QStringLiteral("resourceId")).toLower();
    if (id.isEmpty() || m_seenIds.contains(id))
        return; // a storage account shared by two workspaces is one resource
    m_seenIds.insert(id);
    m_found.append(descriptor);
}

void AzureDiscovery::next() {
    if (m_finished)
        return;
    if (m_queue.empty()) {
        finish(m_found);
        return;
    }
    Listing listing = std::move(m_queue.front());
    m_queue.pop_front();
    m_requestedUrls.insert(listing.url.toString(QUrl::FullyEncoded));

    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = listing.url;
    request.callName = listing.callName;
    auto self = shared_from_this();
    m_send(request,
           [self, listing](Result<HttpResponse> response) { self->onPage(listing, std::move(response)); });
}

void AzureDiscovery::onPage(const Listing &listing, Result<HttpResponse> response) {
    if (m_finished)
        return;
    if (!response) {
        finish(response.error());
        return;
    }
    Result<ArmListPage> page = parseArmListPage(response->body);
    if (!page) {
        finish(Error{page.error().code,
                     tr("%1: %2 answered with something MLWatch cannot read: %3")
                         .arg(m_account, listing.callName, page.error().message),
                     page.error().detail});
        return;
    }
    listing.onItems(page->items);
    if (!page->nextLink.isEmpty() && listing.page < kMaxPagesPerListing) {
        Result<QUrl> nextUrl = followableNextLink(m_endpoint, page->nextLink);
        if (!nextUrl) {
            finish(Error{nextUrl.error().code, m_account + QStringLiteral(": ") + nextUrl.error().message,
                         listing.callName});
            return;
        }
        // A link already requested would loop forever: the listing ends there.
        if (!m_requestedUrls.contains(nextUrl->toString(QUrl::FullyEncoded))) {
            Listing continuation = listing;
            continuation.url = *nextUrl;
            ++continuation.page;
            m_queue.push_front(std::move(continuation)); // finish this listing before the next one
        }
    }
    next();
}

void AzureDiscovery::finish(Result<QList<MetricDescriptor>> result) {
    if (m_finished)
        return;
    m_finished = true;
    m_queue.clear();
    const Done done = std::move(m_done);
    m_done = nullptr;
    done(std::move(result));
}

} // namespace mlwatch::azure
