#include "demo/demo_azure_story.h"

#include "demo/demo_azure_resources.h"
#include "demo/demo_azure_serving_story.h"
#include "demo/demo_azure_shapes.h"
#include "demo/demo_azure_workspace_story.h"

namespace mlwatch::demo {

using namespace azure_shapes;

DemoAzureTimeline DemoAzureTimeline::from(const QDateTime &anchorUtc) {
    DemoAzureTimeline t;
    t.anchorMinute = floorDiv(anchorUtc.toSecsSinceEpoch(), 60);
    t.anchorHour = floorDiv(t.anchorMinute, kHour) * kHour;
    t.historyStart = t.anchorMinute - 30 * kDay;
    const qint64 h = t.anchorHour;
    // fraud-gnn-train on gpu-cluster: weekly until a data-loader change 7 days ago starved the
    // GPU; the fix landed 3 days ago, and the latest run (started 40 h ago) is still running.
    t.trainingRuns = {{h - 27 * kDay + 9 * kHour, h - 27 * kDay + 27 * kHour, false},
                      {h - 20 * kDay + 8 * kHour, h - 20 * kDay + 26 * kHour, false},
                      {h - 13 * kDay + 10 * kHour, h - 13 * kDay + 29 * kHour, false},
                      {h - 7 * kDay + 2 * kHour, h - 7 * kDay + 46 * kHour, true},
                      {h - 4 * kDay + 6 * kHour, h - 4 * kDay + 36 * kHour, true},
                      {h - 40 * kHour, h + 12 * kHour, false}};
    t.badDayStart = dayStart(t.anchorMinute - 9 * kDay);
    t.greenCreated = h - 72 * kHour;
    t.greenScaleOut = h - 24 * kHour;
    t.oomRestart = h - 30 * kHour + 17;
    t.snapshotLanded = h - 10 * kDay + 3 * kHour;
    t.checkpointPurge = h - 4 * kDay + 22 * kHour;
    return t;
}

double DemoAzureTimeline::greenShare(qint64 m) const {
    if (m < greenCreated)
        return 0.0;
    return m < greenScaleOut ? 0.1 : 0.5;
}

DemoAzureWorld DemoAzureStory::build(const QDateTime &anchorUtc) {
    const DemoAzureTimeline timeline = DemoAzureTimeline::from(anchorUtc);
    const QString westeurope = QLatin1String(kRegion);
    const QString eastus = QLatin1String(kOtherRegion);

    DemoAzureWorld world;
    const DemoAzureResource fraudMl =
        DemoAzureResources::workspace(QStringLiteral("rg-fraud-ml"), QStringLiteral("fraud-ml"), westeurope,
                                      QStringLiteral("fraudmldata01"));
    const DemoAzureResource shared = DemoAzureResources::workspace(
        QStringLiteral("rg-shared-inference"), QStringLiteral("shared-inference"), westeurope,
        QStringLiteral("sharedinferdata01"));
    const DemoAzureResource research =
        DemoAzureResources::workspace(QStringLiteral("rg-research"), QStringLiteral("research-ml"), eastus,
                                      QStringLiteral("researchmldata01"));
    const DemoAzureResource fraudStorage = DemoAzureResources::storageAccount(
        QStringLiteral("rg-fraud-ml"), QStringLiteral("fraudmldata01"), westeurope);
    const DemoAzureResource sharedStorage = DemoAzureResources::storageAccount(
        QStringLiteral("rg-shared-inference"), QStringLiteral("sharedinferdata01"), westeurope);
    const DemoAzureResource researchStorage = DemoAzureResources::storageAccount(
        QStringLiteral("rg-research"), QStringLiteral("researchmldata01"), eastus);
    const DemoAzureResource cpuCluster = DemoAzureResources::amlCompute(
        fraudMl, QStringLiteral("cpu-cluster"), QStringLiteral("Standard_D16s_v3"), 6);
    const DemoAzureResource gpuCluster = DemoAzureResources::amlCompute(
        fraudMl, QStringLiteral("gpu-cluster"), QStringLiteral("Standard_NC6s_v3"), 4);
    world.resources = {fraudMl,       shared,          research,   fraudStorage,
                       sharedStorage, researchStorage, cpuCluster, gpuCluster};

    DemoAzureWorkspaceStory::add(world, timeline, {fraudMl, cpuCluster, gpuCluster, fraudStorage});
    DemoAzureWorkspaceStory::addStorageGrowth(world, timeline, sharedStorage, 640.0, 3.0);
    DemoAzureWorkspaceStory::addStorageGrowth(world, timeline, researchStorage, 4300.0, 60.0);
    DemoAzureServingStory::add(world, timeline, fraudMl, shared, research);
    return world;
}

} // namespace mlwatch::demo
