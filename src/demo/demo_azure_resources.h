#pragma once

#include "demo/demo_azure_story.h"

namespace mlwatch::demo {

// Builds the ARM representations of the story's resources in the shapes the Machine Learning
// and Storage resource providers list them (cloud-apis.md §2.2): full `id`, `name`, `type`,
// `location`, and the properties discovery reads — a workspace's properties.storageAccount,
// an endpoint's traffic split, a deployment's sku.capacity, a cluster's scale settings.
class DemoAzureResources {
public:
    static QString resourceGroupId(const QString &resourceGroup);

    static DemoAzureResource workspace(const QString &resourceGroup, const QString &name,
                                       const QString &location, const QString &storageAccountName);
    static DemoAzureResource storageAccount(const QString &resourceGroup, const QString &name,
                                            const QString &location);
    static DemoAzureResource amlCompute(const DemoAzureResource &workspace, const QString &name,
                                        const QString &vmSize, int maxNodes);
    // `traffic`: deployment name → percent of the endpoint's traffic.
    static DemoAzureResource onlineEndpoint(const DemoAzureResource &workspace, const QString &name,
                                            const QList<QPair<QString, int>> &traffic);
    static DemoAzureResource onlineDeployment(const DemoAzureResource &endpoint, const QString &name,
                                              const QString &instanceType, int instances,
                                              const QString &model);
};

} // namespace mlwatch::demo
