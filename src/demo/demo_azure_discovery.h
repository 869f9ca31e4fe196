#pragma once

#include "demo/demo_azure_dataset.h"
#include "demo/demo_azure_wire.h"

#include <QUrl>

namespace mlwatch::demo {

// The simulated ARM's read side for discovery (cloud-apis.md §2.2): the subscription itself,
// subscription and resource-group listings of Azure ML workspaces, a workspace's online
// endpoints and computes, an endpoint's deployments, the generic resource list with a
// `resourceType eq '…'` filter, and GET of any resource by id. Every list pages through
// `nextLink` (an absolute URL carrying api-version and a $skiptoken) with a small page size, so
// clients must follow it to the end. api-version is required, as on ARM.
class DemoAzureDiscovery {
public:
    DemoAzureDiscovery(const DemoAzureDataset &dataset, QString tenantId);

    void setPageSize(int items) { m_pageSize = std::max(1, items); }

    // Answers GET `path` (decoded, without empty segments doubled). `base` is the ARM endpoint
    // that nextLinks point at. `call` gets the call's name for the server's log:
    // "subscription", "list-subscriptions", "list-resources", "list-workspaces",
    // "list-online-endpoints", "list-deployments", "list-computes" or "get-resource".
    DemoAzureReply get(const QString &path, const DemoAzureParams &params, const QUrl &base,
                       QString *call) const;

private:
    DemoAzureReply page(const QList<QJsonObject> &items, const QString &path, const DemoAzureParams &params,
                        const QUrl &base) const;

    const DemoAzureDataset &m_dataset;
    QString m_tenantId;
    int m_pageSize = 2;
};

} // namespace mlwatch::demo
