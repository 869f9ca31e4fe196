#include "demo/demo_gcp_story.h"

#include "demo/demo_gcp_pipeline_story.h"
#include "demo/demo_gcp_serving_story.h"
#include "demo/demo_gcp_shapes.h"

namespace mlwatch::demo {

using namespace gcp_shapes;

DemoGcpTimeline DemoGcpTimeline::from(const QDateTime &anchorUtc) {
    DemoGcpTimeline t;
    t.anchorMinute = floorDiv(anchorUtc.toSecsSinceEpoch(), 60);
    t.anchorHour = floorDiv(t.anchorMinute, kHour) * kHour;
    t.historyStart = t.anchorMinute - 30 * kDay;
    t.dataEnd = t.anchorMinute + 7 * kDay;
    const qint64 h = t.anchorHour;
    t.streamingStart = h - 33 * kDay + 6 * kHour + 12;
    t.backlogStart = dayStart(h - 6 * kDay) + 13 * kHour;
    t.backlogEnd = t.backlogStart + 3 * kHour;
    // churn-model-train: weekly, a failure, two input-bound runs this week, the fixed one running.
    t.trainingRuns = {{h - 27 * kDay + 9 * kHour, h - 27 * kDay + 29 * kHour, false, false},
                      {h - 20 * kDay + 9 * kHour, h - 20 * kDay + 30 * kHour, false, false},
                      {h - 13 * kDay + 9 * kHour, h - 13 * kDay + 29 * kHour, false, false},
                      {h - 9 * kDay + 14 * kHour, h - 9 * kDay + 14 * kHour + 12, false, true},
                      {h - 6 * kDay + 8 * kHour, h - 6 * kDay + 50 * kHour, true, false},
                      {h - 4 * kDay + 4 * kHour, h - 4 * kDay + 50 * kHour, true, false},
                      {h - 20 * kHour, h + 6 * kHour, false, false}};
    t.snapshotDay = dayStart(h - 8 * kDay);
    t.cleanupDay = dayStart(h - 3 * kDay);
    t.v8Deployed = dayStart(h - 5 * kDay) + 14 * kHour;
    t.errorBurstStart = dayStart(h - 3 * kDay) + 9 * kHour + 12;
    t.surgeStart = dayStart(h - 2 * kDay) + 15 * kHour;
    t.surgeEnd = t.surgeStart + 3 * kHour;
    return t;
}

DemoGcpWorld DemoGcpStory::build(const QDateTime &anchorUtc) {
    const DemoGcpTimeline timeline = DemoGcpTimeline::from(anchorUtc);
    DemoGcpWorld world;
    DemoGcpPipelineStory::add(world, timeline);
    DemoGcpServingStory::add(world, timeline);
    return world;
}

} // namespace mlwatch::demo
