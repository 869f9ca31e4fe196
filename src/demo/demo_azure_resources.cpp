#include "demo/demo_azure_resources.h"

#include "demo/demo_azure_shapes.h"

namespace mlwatch::demo {

namespace {

const QString kMl = QStringLiteral("/providers/Microsoft.MachineLearningServices/workspaces/");

// A GUID-shaped, stable id derived from a name (workspaceId and the like).
QString stableGuid(const QString &seedText) {
    const quint64 a = noise::seedOf(seedText.toUtf8());
    const quint64 b = noise::mix(a);
    const QString hex =
        QString::number(a, 16).rightJustified(16, u'0') + QString::number(b, 16).rightJustified(16, u'0');
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3) +
           QStringLiteral("-a") + hex.mid(17, 3) + QLatin1Char('-') + hex.mid(20, 12);
}

DemoAzureResource base(const QString &id, const QString &name, const QString &type, const QString &location,
                       const QString &resourceGroup, const QString &parentId) {
    DemoAzureResource r{id, name, type, location, resourceGroup, parentId, {}};
    r.json = QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), type},
        {QStringLiteral("location"), location},
        {QStringLiteral("tags"), QJsonObject{{QStringLiteral("team"), QStringLiteral("ml-platform")}}}};
    return r;
}

} // namespace

QString DemoAzureResources::resourceGroupId(const QString &resourceGroup) {
    return QStringLiteral("/subscriptions/") + QLatin1String(DemoAzureStory::kSubscriptionId) +
           QStringLiteral("/resourceGroups/") + resourceGroup;
}

DemoAzureResource DemoAzureResources::workspace(const QString &resourceGroup, const QString &name,
                                                const QString &location, const QString &storageAccountName) {
    const QString rg = resourceGroupId(resourceGroup);
    DemoAzureResource r =
        base(rg + kMl + name, name, QLatin1String(kAzureWorkspaceType), location, resourceGroup, {});
    r.json.insert(QStringLiteral("kind"), QStringLiteral("Default"));
    r.json.insert(QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Basic")},
                                                     {QStringLiteral("tier"), QStringLiteral("Basic")}});
    r.json.insert(QStringLiteral("identity"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")}});
    const QString stem = name;
    r.json.insert(
        QStringLiteral("properties"),
        QJsonObject{{QStringLiteral("friendlyName"), name},
                    {QStringLiteral("workspaceId"), stableGuid(r.id)},
                    {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
                    {QStringLiteral("storageAccount"),
                     QString(rg + QStringLiteral("/providers/Microsoft.Storage/storageAccounts/") +
                             storageAccountName)},
                    {QStringLiteral("keyVault"),
                     QString(rg + QStringLiteral("/providers/Microsoft.KeyVault/vaults/kv-") + stem)},
                    {QStringLiteral("applicationInsights"),
                     QString(rg + QStringLiteral("/providers/Microsoft.Insights/components/appi-") + stem)},
                    {QStringLiteral("containerRegistry"),
                     QString(rg + QStringLiteral("/providers/Microsoft.ContainerRegistry/registries/acr") +
                             QString(stem).remove(u'-'))},
                    {QStringLiteral("discoveryUrl"),
                     QStringLiteral("https://%1.api.azureml.ms/discovery").arg(location)},
                    {QStringLiteral("hbiWorkspace"), false},
                    {QStringLiteral("publicNetworkAccess"), QStringLiteral("Enabled")}});
    return r;
}

DemoAzureResource DemoAzureResources::storageAccount(const QString &resourceGroup, const QString &name,
                                                     const QString &location) {
    DemoAzureResource r = base(resourceGroupId(resourceGroup) +
                                   QStringLiteral("/providers/Microsoft.Storage/storageAccounts/") + name,
                               name, QLatin1String(kAzureStorageType), location, resourceGroup, {});
    r.json.insert(QStringLiteral("kind"), QStringLiteral("StorageV2"));
    r.json.insert(QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Standard_LRS")},
                                                     {QStringLiteral("tier"), QStringLiteral("Standard")}});
    r.json.insert(QStringLiteral("properties"),
                  QJsonObject{{QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
                              {QStringLiteral("accessTier"), QStringLiteral("Hot")},
                              {QStringLiteral("primaryLocation"), location}});
    return r;
}

DemoAzureResource DemoAzureResources::amlCompute(const DemoAzureResource &workspace, const QString &name,
                                                 const QString &vmSize, int maxNodes) {
    DemoAzureResource r =
        base(workspace.id + QStringLiteral("/computes/") + name, name, QLatin1String(kAzureComputeType),
             workspace.location, workspace.resourceGroup, workspace.id);
    r.json.insert(QStringLiteral("properties"),
                  QJsonObject{{QStringLiteral("computeType"), QStringLiteral("AmlCompute")},
                              {QStringLiteral("computeLocation"), workspace.location},
                              {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
                              {QStringLiteral("properties"),
                               QJsonObject{{QStringLiteral("vmSize"), vmSize},
                                           {QStringLiteral("vmPriority"), QStringLiteral("Dedicated")},
                                           {QStringLiteral("osType"), QStringLiteral("Linux")},
                                           {QStringLiteral("allocationState"), QStringLiteral("Steady")},
                                           {QStringLiteral("scaleSettings"),
                                            QJsonObject{{QStringLiteral("minNodeCount"), 0},
                                                        {QStringLiteral("maxNodeCount"), maxNodes},
                                                        {QStringLiteral("nodeIdleTimeBeforeScaleDown"),
                                                         QStringLiteral("PT30M")}}}}}});
    return r;
}

DemoAzureResource DemoAzureResources::onlineEndpoint(const DemoAzureResource &workspace, const QString &name,
                                                     const QList<QPair<QString, int>> &traffic) {
    DemoAzureResource r =
        base(workspace.id + QStringLiteral("/onlineEndpoints/") + name, name,
             QLatin1String(kAzureEndpointType), workspace.location, workspace.resourceGroup, workspace.id);
    QJsonObject split;
    for (const auto &[deployment, percent] : traffic)
        split.insert(deployment, percent);
    r.json.insert(QStringLiteral("kind"), QStringLiteral("Managed"));
    r.json.insert(QStringLiteral("identity"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")}});
    r.json.insert(
        QStringLiteral("properties"),
        QJsonObject{
            {QStringLiteral("authMode"), QStringLiteral("Key")},
            {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
            {QStringLiteral("scoringUri"),
             QStringLiteral("https://%1.%2.inference.ml.azure.com/score").arg(name, workspace.location)},
            {QStringLiteral("traffic"), split}});
    return r;
}

DemoAzureResource DemoAzureResources::onlineDeployment(const DemoAzureResource &endpoint, const QString &name,
                                                       const QString &instanceType, int instances,
                                                       const QString &model) {
    DemoAzureResource r =
        base(endpoint.id + QStringLiteral("/deployments/") + name, name, QLatin1String(kAzureDeploymentType),
             endpoint.location, endpoint.resourceGroup, endpoint.id);
    r.json.insert(QStringLiteral("kind"), QStringLiteral("Managed"));
    r.json.insert(QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Default")},
                                                     {QStringLiteral("capacity"), instances}});
    r.json.insert(QStringLiteral("properties"),
                  QJsonObject{{QStringLiteral("endpointComputeType"), QStringLiteral("Managed")},
                              {QStringLiteral("instanceType"), instanceType},
                              {QStringLiteral("model"), model},
                              {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
                              {QStringLiteral("scaleSettings"),
                               QJsonObject{{QStringLiteral("scaleType"), QStringLiteral("Default")}}}});
    return r;
}

} // namespace mlwatch::demo
