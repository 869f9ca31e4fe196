#pragma once

#include "demo/demo_azure_catalog.h"
#include "demo/demo_story.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace mlwatch::demo {

// One ARM resource of the simulated subscription, as discovery lists it.
struct DemoAzureResource {
    QString id; // the full ARM id, "/subscriptions/…/providers/…/name"
    QString name;
    QString type; // "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", …
    QString location;
    QString resourceGroup;
    QString parentId; // workspace of an endpoint / compute, endpoint of a deployment; else empty
    QJsonObject json; // the full ARM representation (GET and list items)
};

// One dimension combination of a metric: a statistic set per minute, like CloudWatch's (see
// MinuteStats). A gauge has one sample a minute ({1, v, v, v}); RequestLatency keeps one
// sample per request, summarised, so the unsplit average is request-weighted as in Azure.
struct DemoAzureLeaf {
    QStringList dimensionValues; // in the definition's dimension order
    std::function<std::optional<MinuteStats>(qint64 minute)> sample;
};

// A metric of a resource and its leaves (none: the metric exists but the resource is idle).
struct DemoAzureSeries {
    QString resourceId;
    const DemoAzureMetricDefinition *definition = nullptr;
    QList<DemoAzureLeaf> leaves;
};

struct DemoAzureWorld {
    QList<DemoAzureResource> resources; // in listing order
    QList<DemoAzureSeries> series;
};

// The instants the story turns on, in minutes since the Unix epoch (UTC). Schedules are
// relative to the anchor floored to the hour, so the same anchor always tells the same story;
// noise and daily rhythms are absolute.
struct DemoAzureTimeline {
    struct Run {
        qint64 start = 0;
        qint64 end = 0; // exclusive
        bool starved = false;
        bool runs(qint64 m) const { return m >= start && m < end; }
    };
    qint64 anchorMinute = 0;
    qint64 anchorHour = 0;
    qint64 historyStart = 0; // 30 days before the anchor
    QList<Run> trainingRuns;
    qint64 badDayStart = 0;     // 00:00 UTC of the day when every run failed
    qint64 greenCreated = 0;    // the canary deployment goes live with 10 % of the traffic
    qint64 greenScaleOut = 0;   // green gets a second instance and 50 % of the traffic
    qint64 oomRestart = 0;      // green's container is OOM-killed: a 25-minute 5xx burst
    qint64 snapshotLanded = 0;  // +350 GiB in the workspace's storage account
    qint64 checkpointPurge = 0; // -120 GiB

    static constexpr qint64 kOomBurstMinutes = 25;
    static DemoAzureTimeline from(const QDateTime &anchorUtc);
    bool inOomBurst(qint64 m) const { return m >= oomRestart && m < oomRestart + kOomBurstMinutes; }
    // The share of fraud-scoring's traffic that green takes at minute m (0 before it exists).
    double greenShare(qint64 m) const;
};

// The story the simulated Azure subscription tells over the 30 days before the anchor, with
// Azure's own metric names (cloud-apis.md §2.6) only. Subscription 00000000-de70-4000-8000-
// 000000000003 ("MLWatch demo (simulated Azure)"), mostly in westeurope:
//  - data preparation (workspace fraud-ml, cluster cpu-cluster, 6 × Standard_D16s_v3 = 96 of
//    the family's 100 cores): the nightly feature build starts 01:00 UTC and takes longer every
//    night (2 h a month ago, 4 h last night); Active Nodes / Cores 6 / 96 while it runs, Idle
//    Nodes / Cores for the 30 minutes before scale-down, Quota Utilization Percentage 96 % at
//    night; CpuUtilization of the cpu-cluster nodes ~80 %.
//  - training (gpu-cluster, 4 × Standard_NC6s_v3, one GPU each): six runs of fraud-gnn-train.
//    A data-loader change 7 days before the anchor starved the GPU: the runs started between
//    -7 d and -3 d show GpuUtilization ~24 % with CpuUtilization ~97 %; the fix (3 days before)
//    brought the latest run, started 40 h before the anchor and still running, to ~86 % GPU and
//    ~55 % CPU. GpuMemoryUtilization ~70 % throughout. Completed / Started / Failed Runs for the
//    feature-build pipeline steps, the training runs and a daily fraud-xgb-sweep (~6 child runs
//    an hour, 09:00–18:00 UTC); on the bad day, 9 days before the anchor, a broken base image
//    fails ~90 % of the sweep and the whole nightly pipeline (45 failed runs that day, at most 3
//    on any other day).
//  - evaluation: the storage account behind the workspace (fraudmldata01) grows from 1.8 TiB
//    by ~22 GiB a day, +350 GiB when a transaction snapshot lands (10 days before), -120 GiB
//    when old checkpoints are purged (4 days before); UsedCapacity is hourly. Models that pass
//    evaluation are registered (Model Register Succeeded, 45 min after each healthy run; the
//    two starved runs: Model Register Failed).
//  - deployment (online endpoint fraud-scoring): blue (3 instances, ~45 % memory) has served
//    since before the window; the canary green went live 72 h before the anchor with 10 % of
//    the traffic (a first attempt 2 h earlier failed: Model Deploy Failed) and got a second
//    instance and 50 % 24 h before. Green leaks memory, ~1.4 %/h from 38 %: it reached ~97 % and
//    was OOM-killed 30 h before the anchor, and is climbing again. CpuUtilizationPercentage
//    follows each instance's traffic. DeploymentCapacity: each instance reports its
//    deployment's instance count (3 for blue; 1, then 2 for green).
//  - monitoring (fraud-scoring): RequestsPerMinute with a daily rhythm (peak 15:00 UTC, ~1,800
//    a minute; weekends a third lower) split by deployment / statusCode / statusCodeClass /
//    modelStatusCode; 4xx ~1.2 %, 5xx ~0.05 % except the OOM burst, when ~60 % of green's
//    requests are 503s; RequestLatency (request-weighted: blue ~28 ms, green ~46 ms) and the
//    percentiles RequestLatency_P50…P99 at the endpoint: P99 ~110 ms while blue served alone,
//    ~420 ms since green took half the traffic (the latency regression).
//  - 52 filler endpoints in workspace shared-inference (each with one deployment "default",
//    5–200 requests a minute), so that getBatch's limit of 50 resources matters; workspace
//    research-ml in eastus with endpoint llm-eval, so that a batch mixing regions can be tried.
//    Every deployment names its VM size in properties.instanceType: fraud-scoring's and the
//    fillers' are CPU SKUs (Standard_DS3_v2, Standard_DS2_v2) and publish no GPU metric;
//    llm-eval/main runs on Standard_NC6s_v3 and publishes GpuUtilizationPercentage (~18 % at
//    night, ~80 % at the daily peak) and GpuMemoryUtilizationPercentage (~62–76 %).
// Dimension values that the reference does not give (Scenario "AmlCompute", RunType, State
// "Running", instance and node ids) are the demo's inventions.
class DemoAzureStory {
public:
    static constexpr char kTenantId[] = "00000000-de70-4000-8000-000000000001";
    static constexpr char kClientId[] = "00000000-de70-4000-8000-000000000002";
    static constexpr char kSubscriptionId[] = "00000000-de70-4000-8000-000000000003";
    static constexpr char kRegion[] = "westeurope";
    static constexpr char kOtherRegion[] = "eastus";

    static DemoAzureWorld build(const QDateTime &anchorUtc);
};

} // namespace mlwatch::demo
