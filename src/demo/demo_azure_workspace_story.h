#pragma once

#include "demo/demo_azure_story.h"

namespace mlwatch::demo {

// The workspace half of the Azure story (see demo_azure_story.h): data preparation on
// cpu-cluster, training on gpu-cluster, run and model counts on the workspace, and the storage
// accounts' UsedCapacity (evaluation). Appends series to `world`; the resources exist already.
class DemoAzureWorkspaceStory {
public:
    struct Resources {
        DemoAzureResource workspace;  // fraud-ml
        DemoAzureResource cpuCluster; // 6 × Standard_D16s_v3
        DemoAzureResource gpuCluster; // 4 × Standard_NC6s_v3
        DemoAzureResource storage;    // fraudmldata01
    };
    static void add(DemoAzureWorld &world, const DemoAzureTimeline &timeline, const Resources &resources);

    // UsedCapacity of a storage account: `startGiB` at the start of the window, growing by
    // `gibPerDay`, hourly samples (the story's step changes belong to fraud-ml's account only).
    static void addStorageGrowth(DemoAzureWorld &world, const DemoAzureTimeline &timeline,
                                 const DemoAzureResource &storage, double startGiB, double gibPerDay);
};

} // namespace mlwatch::demo
