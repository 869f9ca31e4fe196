#pragma once

#include "core/model/metric_descriptor.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace mlwatch::demo {

// What CloudWatch keeps for one metric in one minute: a statistic set. A utilisation gauge has
// one sample per minute ({1, v, v, v}); per-request metrics such as ModelLatency have one sample
// per request, summarised (SampleCount = requests, Sum, Minimum, Maximum).
struct MinuteStats {
    double sampleCount = 0;
    double sum = 0;
    double minimum = 0;
    double maximum = 0;
};

// One metric of the simulated account. `sample` is a pure function of the absolute minute
// (minutes since the Unix epoch, UTC): nullopt when the metric has no data that minute.
struct DemoSeries {
    MetricDescriptor metric;
    QString unit; // CloudWatch's unit name ("Percent", "Microseconds", …); filters like AWS's Unit
    std::function<std::optional<MinuteStats>(qint64 minute)> sample;
};

// The instance types the demo's SageMaker API reports (demo_sagemaker.h). SageMaker publishes
// CPUUtilization summed over the vCPUs (0–100 % × vCPUs) and GPUUtilization / GPUMemoryUtilization
// summed over the GPUs, so the story multiplies its per-device shapes by these counts.
struct DemoInstance {
    const char *type;
    int vcpus;
    int gpus;
};
inline constexpr DemoInstance kDemoTrainingInstance{"ml.g5.2xlarge", 8, 1};
inline constexpr DemoInstance kDemoEndpointInstance{"ml.m5.xlarge", 4, 0};
inline constexpr DemoInstance kDemoProcessingInstance{"ml.m5.4xlarge", 16, 0};

// The story the demo account tells over the 30 days before `anchorUtc`, one workflow stage at a
// time (the numbers are the shape the tests pin):
//  - data preparation: SageMaker processing jobs (a few hours each, nothing in between) whose
//    memory climbs past 90 %;
//  - training: GPU training jobs with CPU pegged near 95 % and the GPU near 25 % (an input-bound
//    data loader); the latest job started 17 h before the anchor and is still running;
//  - evaluation: Athena query time of the evaluation workgroup growing ~4x over the month, and the
//    dataset bucket's daily size (00:00 UTC) growing;
//  - deployment: the endpoint's CPU follows traffic, with five over-provisioned days near 3 %;
//  - monitoring: invocations with a daily rhythm, 4XX / 5XX errors, ModelLatency (microseconds)
//    with two 20-minute spikes above one second (5 h and 4 days before the anchor), overhead
//    latency, and a Model Monitor drift metric that rises;
//  - plus an EC2 fleet at 5-minute resolution ("the rest of the account"), which no stage charts
//    and which makes ListMetrics page.
// Job schedules are relative to the anchor (floored to the hour); noise, calendars and the
// daily / hourly publication times are absolute, so the same anchor always gives the same data.
class DemoStory {
public:
    static QList<DemoSeries> build(const QDateTime &anchorUtc);
};

} // namespace mlwatch::demo
