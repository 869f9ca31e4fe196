#pragma once

#include "demo/demo_gcp_story.h"

namespace mlwatch::demo {

// The deployment and monitoring halves of the Google story (see demo_gcp_story.h): Vertex AI
// endpoints, their deployed models' replicas and their request metrics.
class DemoGcpServingStory {
public:
    static void add(DemoGcpWorld &world, const DemoGcpTimeline &timeline);
};

} // namespace mlwatch::demo
