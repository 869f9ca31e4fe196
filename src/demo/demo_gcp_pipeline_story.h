#pragma once

#include "demo/demo_gcp_story.h"

namespace mlwatch::demo {

// The data-preparation, training and evaluation halves of the Google story (see
// demo_gcp_story.h): Dataflow jobs, Vertex AI custom jobs, BigQuery and Cloud Storage.
class DemoGcpPipelineStory {
public:
    static void add(DemoGcpWorld &world, const DemoGcpTimeline &timeline);
};

} // namespace mlwatch::demo
