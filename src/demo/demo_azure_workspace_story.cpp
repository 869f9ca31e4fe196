#include "demo/demo_azure_workspace_story.h"

#include "demo/demo_azure_shapes.h"

#include <QTimeZone>

namespace mlwatch::demo {

using namespace azure_shapes;

namespace {

const QString kScenario = QStringLiteral("AmlCompute"); // the reference gives the name, not the values
const QString kPipelineId = QStringLiteral("5b0f2c3e-7d41-4f0a-9c55-2f1e8b6d9a10");

constexpr int kCpuNodes = 6;
constexpr int kCpuCoresPerNode = 16; // Standard_D16s_v3
constexpr int kCpuFamilyQuota = 100;
constexpr int kGpuNodes = 4;
constexpr int kGpuCoresPerNode = 6; // Standard_NC6s_v3, one V100 each
constexpr int kGpuFamilyQuota = 48;
constexpr qint64 kIdleBeforeScaleDown = 30; // minutes (the clusters' nodeIdleTimeBeforeScaleDown)
constexpr int kPipelineSteps = 5;

void addSeries(DemoAzureWorld &world, const QString &resourceId, const char *ns, const QString &metric,
               QList<DemoAzureLeaf> leaves) {
    const DemoAzureMetricDefinition *definition = DemoAzureCatalog::find(QLatin1String(ns), metric);
    Q_ASSERT_X(definition, "DemoAzureWorkspaceStory", "metric name not in the catalogue");
    world.series.append(DemoAzureSeries{resourceId, definition, std::move(leaves)});
}

std::optional<MinuteStats> events(double n) {
    if (n <= 0)
        return std::nullopt; // run metrics are published when something happens
    return single(n);
}

// The nightly feature build of one day: 01:00 UTC, 2 h a month ago growing to 4 h; on the bad
// day its first step fails after 20 minutes.
struct Build {
    qint64 start = 0;
    qint64 end = 0;
    bool failed = false;

    bool runs(qint64 m) const { return m >= start && m < end; }
    bool idles(qint64 m) const { return m >= end && m < end + kIdleBeforeScaleDown; }
    qint64 stepBoundary(int k) const { return start + (end - start) * k / kPipelineSteps; }
};

Build buildOf(const DemoAzureTimeline &t, qint64 day) {
    Build b;
    b.start = day + kHour;
    const double progress =
        clamp(double(b.start - t.historyStart) / double(t.anchorMinute - t.historyStart), 0, 1);
    b.failed = day == t.badDayStart;
    b.end = b.start + (b.failed ? 20 : qint64(std::round(120.0 + 120.0 * progress)));
    return b;
}

// Pipeline runs carry their start, as Azure ML's generated names do; digits only, so no locale.
QString buildRunId(const Build &b) {
    return QStringLiteral("feature-build_") + QDateTime::fromSecsSinceEpoch(b.start * 60, QTimeZone::utc())
                                                  .toString(QStringLiteral("yyyyMMdd_HHmm"));
}

QString trainingRunId(const DemoAzureTimeline::Run &run) {
    return QStringLiteral("fraud-gnn-train_") + QString::number(run.start * 60) + QLatin1Char('_') +
           nameSuffix(QString::number(run.start), 8);
}

QString nodeId(const QString &runId, int node) {
    return QStringLiteral("tvmps_") + nameSuffix(runId + QString::number(node), 16) + QStringLiteral("_d");
}

// --- data preparation and training: the clusters' quota metrics --------------------------------

struct ClusterState {
    int active = 0;
    int idle = 0;
};

ClusterState cpuCluster(const DemoAzureTimeline &t, qint64 m) {
    const Build b = buildOf(t, dayStart(m));
    return {b.runs(m) ? kCpuNodes : 0, b.idles(m) ? kCpuNodes : 0};
}

ClusterState gpuCluster(const DemoAzureTimeline &t, qint64 m) {
    ClusterState s;
    for (const DemoAzureTimeline::Run &r : t.trainingRuns) {
        if (r.runs(m))
            s.active = kGpuNodes;
        else if (m >= r.end && m < r.end + kIdleBeforeScaleDown)
            s.idle = kGpuNodes;
    }
    if (s.active > 0)
        s.idle = 0;
    return s;
}

void addQuotaMetrics(DemoAzureWorld &world, const DemoAzureTimeline &t, const QString &workspaceId) {
    struct Cluster {
        QString name;
        std::function<ClusterState(qint64)> state;
        int coresPerNode;
        int familyQuota;
        QString family;
    };
    const QList<Cluster> clusters{{QStringLiteral("cpu-cluster"), [t](qint64 m) { return cpuCluster(t, m); },
                                   kCpuCoresPerNode, kCpuFamilyQuota, QStringLiteral("standardDSv3Family")},
                                  {QStringLiteral("gpu-cluster"), [t](qint64 m) { return gpuCluster(t, m); },
                                   kGpuCoresPerNode, kGpuFamilyQuota, QStringLiteral("standardNCSv3Family")}};
    using Value = std::function<double(const ClusterState &, int coresPerNode)>;
    const QList<QPair<QString, Value>> metrics{
        {QStringLiteral("Active Nodes"), [](const ClusterState &s, int) { return double(s.active); }},
        {QStringLiteral("Idle Nodes"), [](const ClusterState &s, int) { return double(s.idle); }},
        {QStringLiteral("Total Nodes"), [](const ClusterState &s, int) { return double(s.active + s.idle); }},
        {QStringLiteral("Active Cores"), [](const ClusterState &s, int c) { return double(s.active * c); }},
        {QStringLiteral("Idle Cores"), [](const ClusterState &s, int c) { return double(s.idle * c); }},
        {QStringLiteral("Total Cores"),
         [](const ClusterState &s, int c) { return double((s.active + s.idle) * c); }},
    };
    for (const auto &[metric, value] : metrics) {
        QList<DemoAzureLeaf> leaves;
        for (const Cluster &c : clusters)
            leaves.append({{kScenario, c.name}, [state = c.state, value, cores = c.coresPerNode](qint64 m) {
                               return std::optional<MinuteStats>(single(value(state(m), cores)));
                           }});
        addSeries(world, workspaceId, kAzureWorkspaceType, metric, leaves);
    }
    QList<DemoAzureLeaf> quota;
    for (const Cluster &c : clusters)
        quota.append({{kScenario, c.name, c.family, QStringLiteral("Dedicated")}, [c](qint64 m) {
                          const ClusterState s = c.state(m);
                          return std::optional<MinuteStats>(
                              single(100.0 * (s.active + s.idle) * c.coresPerNode / c.familyQuota));
                      }});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Quota Utilization Percentage"), quota);
}

// --- node utilisation: the nightly builds on cpu-cluster, the training runs on gpu-cluster ------

void addNodeUtilisation(DemoAzureWorld &world, const DemoAzureTimeline &t, const QString &workspaceId) {
    constexpr qint64 kWarmUp = 5; // minutes of container start: data loading, GPU idle
    QList<DemoAzureLeaf> cpu, gpu, gpuMemory;
    for (qint64 day = dayStart(t.historyStart); day <= t.anchorMinute; day += kDay) {
        const Build b = buildOf(t, day);
        const QString runId = buildRunId(b);
        for (int node = 0; node < kCpuNodes; ++node) {
            const QString id = nodeId(runId, node);
            const quint64 seed = seedFor(workspaceId, QStringLiteral("CpuUtilization"), id);
            cpu.append({{kScenario, runId, id, QStringLiteral("cpu-cluster")},
                        [b, seed](qint64 m) -> std::optional<MinuteStats> {
                            if (!b.runs(m))
                                return std::nullopt;
                            return single(
                                clamp(78.0 + 8.0 * noise::smooth(seed, m, 20) + 3.0 * noise::normal(seed, m),
                                      1, 100));
                        }});
        }
    }
    for (const DemoAzureTimeline::Run &run : t.trainingRuns) {
        const QString runId = trainingRunId(run);
        for (int node = 0; node < kGpuNodes; ++node) {
            const QString id = nodeId(runId, node);
            const quint64 seed = seedFor(workspaceId, QStringLiteral("node"), id);
            cpu.append({{kScenario, runId, id, QStringLiteral("gpu-cluster")},
                        [run, seed](qint64 m) -> std::optional<MinuteStats> {
                            if (!run.runs(m))
                                return std::nullopt;
                            if (m - run.start < kWarmUp)
                                return single(clamp(30.0 + 5.0 * noise::normal(seed, m), 0, 100));
                            const double level = run.starved ? 97.0 + 1.2 * noise::smooth(seed, m, 45)
                                                             : 55.0 + 6.0 * noise::smooth(seed, m, 45);
                            return single(clamp(level + 1.2 * noise::normal(seed, m), 0, 99.9));
                        }});
            const QStringList gpuDims{kScenario, runId, id, QStringLiteral("0"),
                                      QStringLiteral("gpu-cluster")};
            gpu.append({gpuDims, [run, seed](qint64 m) -> std::optional<MinuteStats> {
                            if (!run.runs(m))
                                return std::nullopt;
                            if (m - run.start < kWarmUp)
                                return single(0.0);
                            const double level = run.starved ? 24.0 + 5.0 * noise::smooth(seed ^ 1, m, 30)
                                                             : 86.0 + 4.0 * noise::smooth(seed ^ 1, m, 30);
                            return single(clamp(level + 2.5 * noise::normal(seed ^ 1, m), 0, 100));
                        }});
            gpuMemory.append({gpuDims, [run, seed](qint64 m) -> std::optional<MinuteStats> {
                                  if (!run.runs(m))
                                      return std::nullopt;
                                  if (m - run.start < kWarmUp)
                                      return single(3.0);
                                  return single(clamp(70.0 + 2.0 * noise::smooth(seed ^ 2, m, 60) +
                                                          0.8 * noise::normal(seed ^ 2, m),
                                                      0, 100));
                              }});
        }
    }
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("CpuUtilization"), cpu);
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("GpuUtilization"), gpu);
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("GpuMemoryUtilization"), gpuMemory);
}

// --- run counts: feature-build steps, training runs, the daily sweep -----------------------------

void addRunCounts(DemoAzureWorld &world, const DemoAzureTimeline &t, const QString &workspaceId) {
    const QStringList featureDims{kScenario,
                                  QStringLiteral("azureml.StepRun"),
                                  kPipelineId,
                                  QStringLiteral("AmlCompute"),
                                  QStringLiteral("PythonScriptStep"),
                                  QStringLiteral("feature-build")};
    const auto scriptDims = [](const char *experiment) {
        return QStringList{kScenario, QStringLiteral("azureml.scriptrun"),
                           QString(), QStringLiteral("AmlCompute"),
                           QString(), QLatin1String(experiment)};
    };
    const quint64 sweepSeed = seedFor(workspaceId, QStringLiteral("sweep"));
    // A sweep child run finishes in ~10 % of the minutes between 09:00 and 18:00 UTC, every day.
    const auto sweepFinishes = [sweepSeed](qint64 m) {
        const qint64 minuteOfDay = m - dayStart(m);
        return minuteOfDay >= 9 * kHour && minuteOfDay < 18 * kHour && noise::unit(sweepSeed, m) < 0.1;
    };
    const auto sweepFails = [t, sweepSeed](qint64 m) {
        return noise::unit(sweepSeed ^ 0xFA11ULL, m) < (dayStart(m) == t.badDayStart ? 0.9 : 0.01);
    };

    const DemoAzureLeaf featureCompleted{featureDims, [t](qint64 m) {
                                             const Build b = buildOf(t, dayStart(m));
                                             int n = 0;
                                             for (int k = 1; k <= kPipelineSteps && !b.failed; ++k)
                                                 n += b.stepBoundary(k) == m ? 1 : 0;
                                             return events(n);
                                         }};
    const DemoAzureLeaf featureStarted{featureDims, [t](qint64 m) {
                                           const Build b = buildOf(t, dayStart(m));
                                           if (b.failed)
                                               return events(m == b.start ? 1 : 0);
                                           int n = 0;
                                           for (int k = 0; k < kPipelineSteps; ++k)
                                               n += b.stepBoundary(k) == m ? 1 : 0;
                                           return events(n);
                                       }};
    const DemoAzureLeaf featureFailed{featureDims, [t](qint64 m) {
                                          const Build b = buildOf(t, dayStart(m));
                                          return events(b.failed && m == b.end ? 1 : 0);
                                      }};
    const auto trainingEvent = [t](bool atStart) {
        return [t, atStart](qint64 m) {
            int n = 0;
            for (const DemoAzureTimeline::Run &r : t.trainingRuns)
                n += (atStart ? r.start : r.end) == m ? 1 : 0;
            return events(n);
        };
    };
    const QStringList sweepDims = scriptDims("fraud-xgb-sweep");
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Completed Runs"),
              {featureCompleted,
               {scriptDims("fraud-gnn-train"), trainingEvent(false)},
               {sweepDims, [sweepFinishes, sweepFails](qint64 m) {
                    return events(sweepFinishes(m) && !sweepFails(m) ? 1 : 0);
                }}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Started Runs"),
              {featureStarted,
               {scriptDims("fraud-gnn-train"), trainingEvent(true)},
               {sweepDims, [sweepFinishes](qint64 m) { return events(sweepFinishes(m + 12) ? 1 : 0); }}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Failed Runs"),
              {featureFailed, {sweepDims, [sweepFinishes, sweepFails](qint64 m) {
                                   return events(sweepFinishes(m) && sweepFails(m) ? 1 : 0);
                               }}});
}

// --- model registry and deployments (evaluation gate, the green canary) ---------------------------

void addModelEvents(DemoAzureWorld &world, const DemoAzureTimeline &t, const QString &workspaceId) {
    const auto registered = [t](bool starved) {
        return [t, starved](qint64 m) {
            int n = 0;
            for (const DemoAzureTimeline::Run &r : t.trainingRuns)
                n += r.starved == starved && m == r.end + 45 ? 1 : 0;
            return events(n);
        };
    };
    const auto at = [](QList<qint64> minutes) {
        return [minutes](qint64 m) { return events(minutes.contains(m) ? 1 : 0); };
    };
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Model Register Succeeded"),
              {{{}, registered(false)}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Model Register Failed"),
              {{{}, registered(true)}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Model Deploy Started"),
              {{{}, at({t.greenCreated - 150, t.greenCreated - 30})}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Model Deploy Failed"),
              {{{}, at({t.greenCreated - 120})}});
    addSeries(world, workspaceId, kAzureWorkspaceType, QStringLiteral("Model Deploy Succeeded"),
              {{{}, at({t.greenCreated})}});
}

} // namespace

void DemoAzureWorkspaceStory::add(DemoAzureWorld &world, const DemoAzureTimeline &timeline,
                                  const Resources &resources) {
    addQuotaMetrics(world, timeline, resources.workspace.id);
    addNodeUtilisation(world, timeline, resources.workspace.id);
    addRunCounts(world, timeline, resources.workspace.id);
    addModelEvents(world, timeline, resources.workspace.id);

    // Evaluation: the dataset storage grows, jumps when a snapshot lands, drops after a purge.
    const quint64 seed = seedFor(resources.storage.id, QStringLiteral("UsedCapacity"));
    const DemoAzureTimeline t = timeline;
    addSeries(world, resources.storage.id, kAzureStorageType, QStringLiteral("UsedCapacity"),
              {{{}, [t, seed](qint64 m) -> std::optional<MinuteStats> {
                    if (m % kHour != 0)
                        return std::nullopt; // hourly grain
                    const double days = double(m - t.historyStart) / double(kDay);
                    double gib = 1843.2 + 22.0 * days + 0.3 * noise::unit(seed, m);
                    if (m >= t.snapshotLanded)
                        gib += 350.0;
                    if (m >= t.checkpointPurge)
                        gib -= 120.0;
                    return single(std::round(gib * kGiB));
                }}});
}

void DemoAzureWorkspaceStory::addStorageGrowth(DemoAzureWorld &world, const DemoAzureTimeline &timeline,
                                               const DemoAzureResource &storage, double startGiB,
                                               double gibPerDay) {
    const quint64 seed = seedFor(storage.id, QStringLiteral("UsedCapacity"));
    const qint64 historyStart = timeline.historyStart;
    addSeries(world, storage.id, kAzureStorageType, QStringLiteral("UsedCapacity"),
              {{{}, [historyStart, seed, startGiB, gibPerDay](qint64 m) -> std::optional<MinuteStats> {
                    if (m % kHour != 0)
                        return std::nullopt;
                    const double days = double(m - historyStart) / double(kDay);
                    return single(
                        std::round((startGiB + gibPerDay * days + 0.2 * noise::unit(seed, m)) * kGiB));
                }}});
}

} // namespace mlwatch::demo
