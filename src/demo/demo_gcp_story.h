#pragma once

#include "demo/demo_gcp_distribution.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <functional>
#include <limits>
#include <optional>

namespace mlwatch::demo {

// One raw point of a series: a number (INT64 values are whole) or a distribution.
struct DemoGcpSample {
    double value = 0;
    DemoGcpDistribution distribution;
};

// One time series of the simulated project: a metric type, its monitored resource's and its own
// labels, and a pure function of the absolute minute (minutes since the Unix epoch, UTC) that
// gives the minute's point or nullopt. A GAUGE point of minute m is stamped at m:00 (start = end
// time); a DELTA point covers [m, m+1). `sample` is called only for minutes in [from, to).
struct DemoGcpSeries {
    const DemoGcpMetricType *metric = nullptr;
    QMap<QString, QString> resourceLabels;
    QMap<QString, QString> metricLabels;
    std::function<std::optional<DemoGcpSample>(qint64 minute)> sample;
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
};

struct DemoGcpWorld {
    QList<DemoGcpSeries> series;   // in story order (timeSeries.list answers in this order)
    QList<QJsonObject> endpoints;  // Vertex AI REST Endpoint representations, in listing order
    QList<QJsonObject> customJobs; // Vertex AI REST CustomJob representations, newest first
};

// The instants the story turns on, in minutes since the Unix epoch (UTC). Schedules are relative
// to the anchor floored to the hour, so the same anchor always tells the same story; noise and
// daily rhythms are absolute.
struct DemoGcpTimeline {
    struct Run {
        qint64 start = 0;
        qint64 end = 0; // exclusive
        bool inputBound = false;
        bool failed = false;
        bool runs(qint64 m) const { return m >= start && m < end; }
    };
    qint64 anchorMinute = 0;
    qint64 anchorHour = 0;
    qint64 historyStart = 0; // 30 days before the anchor
    qint64 dataEnd = 0;      // 7 days after the anchor: the precomputed simulations stop here
    // data preparation
    qint64 streamingStart = 0; // clickstream-features started three days before the window
    qint64 backlogStart = 0;   // 3 h of 30 % more input than max_num_workers can take
    qint64 backlogEnd = 0;
    // training (custom jobs on cloudml_job), in start order; the last one is still running
    QList<Run> trainingRuns;
    // evaluation
    qint64 snapshotDay = 0; // 00:00 UTC of the first daily sample with the new snapshot (+600 GiB)
    qint64 cleanupDay = 0;  // first daily sample after old shards were deleted (-200 GiB live)
    // deployment and monitoring (endpoint churn-scoring)
    qint64 v8Deployed = 0;      // churn-tf-v8 replaces churn-xgb-v7 (100 % of the traffic)
    qint64 errorBurstStart = 0; // 28 minutes of 5xx while the feature store was unreachable
    qint64 surgeStart = 0;      // a campaign: 2.2× traffic for 3 h, the autoscaler lags
    qint64 surgeEnd = 0;

    static constexpr qint64 kErrorBurstMinutes = 28;
    static constexpr qint64 kWarmUpMinutes = 15; // a deployed model's replicas run before traffic
    static DemoGcpTimeline from(const QDateTime &anchorUtc);
    bool inErrorBurst(qint64 m) const {
        return m >= errorBurstStart && m < errorBurstStart + kErrorBurstMinutes;
    }
    // Nightly feature-build runs start at 01:00 UTC of day `day` and take longer every night.
    static qint64 featureBuildMinutes(qint64 dayIndex) { return 40 + (3 * dayIndex) / 2; }
};

// The story the simulated Google Cloud project tells over the 30 days before the anchor, with
// metric types from cloud-apis.md §3.4 only. Project "mlwatch-demo-gcp" (number 271828182845),
// region us-central1:
//  - data preparation (Dataflow): the streaming job clickstream-features autoscales between 2
//    and 6 n1-standard-4 workers (8–24 vCPUs) with the traffic; 6 days before the anchor, from
//    13:00 UTC, 3 h of 30 % more input than max_num_workers = 6 can take pin it at 24 vCPUs and
//    job/system_lag climbs from ~15 s to ~45 min, draining ~1.5 h after the input calms down. A
//    nightly batch job feature-build-YYYYMMDD (n1-highmem-4, 6.5 GB per vCPU) starts 01:00 UTC,
//    scales to 32 vCPUs and takes longer every night as the data grows: 41 min a month ago, 85
//    min last night (job/elapsed_time). job/total_vcpu_time and job/total_memory_usage_time are
//    cumulative since each job's start.
//  - training (Vertex AI custom jobs churn-model-train-*, a2-highgpu-1g, on cloudml_job): healthy
//    weekly runs use the accelerator ~82 % with CPU ~45 %; a run 9 days before failed after 12
//    minutes; the two runs of the last week (from 6 days before) had a new augmentation step on
//    the CPU: accelerator ~22 %, CPU ~96 % (an input-bound pipeline); the run started 20 h before
//    the anchor, with the augmentation moved to the GPU, is still running at ~86 % / ~52 %.
//  - evaluation: the nightly evaluation queries (BigQuery query/execution_times, priority
//    "batch", 03:00–04:00 UTC, 2–3 a minute) get slower week over week, ×1.35 a week: median
//    ~10 s in the first week, ~30 s in the last (the evaluation table grew without partition
//    pruning); interactive queries (weekdays 08:00–18:00) stay at ~1.8 s. The dataset bucket
//    mlwatch-demo-datasets (storage/v2/total_bytes, live objects, one sample a day at 00:00 UTC)
//    grows from 2.4 TiB by 35 GiB a day, +600 GiB when a new snapshot landed (8 days before),
//    −200 GiB of old shards deleted 3 days before, which then show as soft-deleted bytes.
//  - deployment (endpoint churn-scoring, n1-standard-4, 2–8 replicas, autoscaling at 60 % CPU):
//    churn-xgb-v7 (CPU only, ~420 requests a minute per replica at full CPU) served until 5 days
//    before (14:00 UTC) when churn-tf-v8 (one NVIDIA_TESLA_T4 per replica, ~300 a minute)
//    replaced it. replicas follow target_replicas 9 minutes after it rises, then one every 4
//    minutes; 2 days before at 15:00 UTC a campaign brings 2.2× traffic for 3 h within 3 minutes
//    and the lag shows: replicas trail the target for ~13 minutes, CPU utilisation ~1.2, p99
//    ~350 ms. Memory ~2.1 GiB (v7) / ~5.6 GiB (v8) per replica; v8's accelerator duty cycle
//    follows its CPU (v7 has no accelerator series).
//  - monitoring (churn-scoring): prediction_count with a daily rhythm (peak ~900 a minute at
//    15:00 UTC on weekdays, a third lower on weekends); response_count by class 2xx / 4xx (~0.4 %)
//    / 5xx (~0.05 %); error_count = 4xx + 5xx, except a 28-minute burst 3 days before (09:12
//    UTC) when 30 % of the requests failed with 5xx; prediction_latencies (total / model /
//    overhead, ms): total p50 ~21 ms and p99 ~68 ms with v7, ~42 ms / ~138 ms with v8 (the latency
//    regression), ~350 ms while the autoscaler lags. Vertex AI Model Monitoring watches
//    churn-tf-v8 hourly (model_monitoring/feature_drift_deviation per feature,
//    prediction_output_drift_deviation, on aiplatform.googleapis.com/Model): a price change 3 days
//    before the anchor drifts monthly_charges from ~0.06 to ~0.45 within two days, the
//    predictions from ~0.05 to ~0.23; tenure_months and contract_type stay below ~0.05.
//  - image-tagger (one T4 replica, 40–90 requests a minute, ~85 ms) and search-rerank (one idle
//    replica, no traffic: what a forgotten endpoint looks like) are the other endpoints;
//    churn-scoring-staging has no model deployed (it shows in discovery only).
// Names, ids, machine types and label values the reference does not give (replica_id, job ids,
// response_code classes) are the demo's inventions.
class DemoGcpStory {
public:
    static DemoGcpWorld build(const QDateTime &anchorUtc);
};

} // namespace mlwatch::demo
