#pragma once

#include "demo/demo_azure_story.h"

namespace mlwatch::demo {

// The serving half of the Azure story (see demo_azure_story.h): online endpoint fraud-scoring
// with deployments blue and green in workspace fraud-ml (deployment and monitoring stages), 52
// filler endpoints in shared-inference and llm-eval in research-ml. Appends the endpoints and
// deployments to world.resources (each endpoint followed by its deployments) and their metrics
// to world.series.
class DemoAzureServingStory {
public:
    static constexpr int kFillerEndpoints = 52;

    static void add(DemoAzureWorld &world, const DemoAzureTimeline &timeline,
                    const DemoAzureResource &fraudMl, const DemoAzureResource &sharedInference,
                    const DemoAzureResource &research);
};

} // namespace mlwatch::demo
