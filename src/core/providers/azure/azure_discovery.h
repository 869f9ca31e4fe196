#pragma once

#include "core/common/result.h"
#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/azure/azure_config.h"

#include <QJsonObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace mlwatch::azure {

// API versions of the listings (cloud-apis.md §2.2): any stable Machine Learning RP version
// ≥ 2022-05-01 has these lists.
inline constexpr char kMachineLearningApiVersion[] = "2024-04-01";
inline constexpr char kSubscriptionsApiVersion[] = "2022-12-01";

// Resource types, as discovery reports them in MetricDescriptor::namespaceName (for platform
// metrics the metric namespace equals the resource type).
inline constexpr char kWorkspaceType[] = "Microsoft.MachineLearningServices/workspaces";
inline constexpr char kOnlineEndpointType[] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";
inline constexpr char kOnlineDeploymentType[] =
    "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";
inline constexpr char kComputeType[] = "Microsoft.MachineLearningServices/workspaces/computes";
inline constexpr char kStorageAccountType[] = "Microsoft.Storage/storageAccounts";

// One page of an ARM list: {"value":[…],"nextLink":"…"}.
struct ArmListPage {
    QList<QJsonObject> items;
    QString nextLink; // empty on the last page; followed verbatim (it carries api-version, skip token)
};
Result<ArmListPage> parseArmListPage(const QByteArray &body);

QUrl subscriptionsListUrl(const AzureEndpointConfig &endpoint);
QUrl workspacesListUrl(const AzureEndpointConfig &endpoint, const QString &subscriptionId);
// {parentId}/{collection}?api-version=… ("onlineEndpoints", "deployments", "computes").
QUrl childListUrl(const AzureEndpointConfig &endpoint, const QString &parentId, const QString &collection);

// A nextLink may be followed only to the ARM endpoint's own scheme, host and port: the bearer
// token goes with it. Anything else is BadResponse naming the host.
Result<QUrl> followableNextLink(const AzureEndpointConfig &endpoint, const QString &nextLink);

// One descriptor per resource (metricName empty): namespaceName = the resource type, dimensions
// resourceId, name, location (when known), subscriptionId, resourceGroup, then `inherited`
// (workspace, endpoint). A child without a location takes its parent's (`fallbackLocation`).
// An online deployment also gets "instanceType" (properties.instanceType, else sku.name; left
// out when neither is set): the catalog charts GPU metrics only for GPU VM sizes.
MetricDescriptor describeResource(const QJsonObject &item, const QString &type,
                                  const QList<Dimension> &inherited, const QString &fallbackLocation = {});

// Lists, through ARM, the Azure ML resources of the configured subscriptions (all visible ones
// when none is configured): workspaces, for each its storage account (properties.storageAccount;
// the account's location is not in the workspace and is left out), online endpoints and their
// deployments, and compute. `resourceTypes` limits what is reported (empty = everything) and
// skips listings nobody asked for. Pages are followed through nextLink until it is empty or
// repeats. Calls go one at a time, in the order found. `done` is called exactly once, unless
// `send` drops a callback (the provider's cancelAll reports those itself).
class AzureDiscovery : public std::enable_shared_from_this<AzureDiscovery> {
public:
    using ResponseDone = std::function<void(Result<HttpResponse>)>;
    // Sends an unauthorised GET (the provider adds the token, retries, and maps non-2xx answers
    // to Errors naming the request's callName); answers with a 2xx response or an Error.
    using Send = std::function<void(HttpRequest request, ResponseDone done)>;
    using Done = std::function<void(Result<QList<MetricDescriptor>>)>;

    // `account` names the account in the errors discovery itself finds (unreadable pages).
    static void run(const AzureEndpointConfig &endpoint, const QStringList &resourceTypes,
                    const QString &account, Send send, Done done);

    // A listing stops after this many pages even if nextLink keeps changing.
    static constexpr int kMaxPagesPerListing = 1000;

private:
    struct Listing {
        QUrl url;
        QString callName;
        std::function<void(const QList<QJsonObject> &)> onItems;
        int page = 1;
    };

    AzureDiscovery(AzureEndpointConfig endpoint, const QStringList &resourceTypes, QString account, Send send,
                   Done done);
    void start();
    void next();
    void onPage(const Listing &listing, Result<HttpResponse> response);
    bool wants(const char *type) const;
    void add(const MetricDescriptor &descriptor);
    void listWorkspaces(const QString &subscriptionId);
    void onWorkspace(const QJsonObject &workspace);
    void finish(Result<QList<MetricDescriptor>> result);

    AzureEndpointConfig m_endpoint;
    QStringList m_types;
    QString m_account;
    Send m_send;
    Done m_done;
    std::deque<Listing> m_queue;
    QSet<QString> m_requestedUrls;
    QSet<QString> m_seenIds;
    QList<MetricDescriptor> m_found;
    bool m_finished = false;
};

} // namespace mlwatch::azure
