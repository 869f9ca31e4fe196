#include "demo/demo_azure_serving_story.h"

#include "core/catalog/azure_catalog.h"
#include "demo/demo_azure_resources.h"
#include "demo/demo_azure_shapes.h"

#include <array>
#include <memory>

namespace mlwatch::demo {

using namespace azure_shapes;

namespace {

// The status codes every deployment answers with: (statusCode, statusCodeClass).
constexpr std::array<std::pair<const char *, const char *>, 4> kCodes{
    {{"200", "2xx"}, {"400", "4xx"}, {"500", "5xx"}, {"503", "5xx"}}};
constexpr std::array<const char *, 4> kPercentiles{"P50", "P90", "P95", "P99"};

struct InstanceModel {
    QString id;
    qint64 liveFrom = 0; // minute the instance starts reporting
};

struct DeploymentModel {
    QString name;
    QString id;
    std::function<double(qint64)> share;        // of the endpoint's requests
    std::function<double(qint64)> unavailable;  // fraction answered 503 by the platform
    std::function<bool(int, qint64)> reporting; // instance i reports resource metrics at m
    std::function<double(int, qint64)> memory;  // instance i's memory percent at m
    double latencyMs = 30;                      // mean at low traffic
    double burstLatencyMs = 0;                  // mean while unavailable() > 0
    std::array<double, 4> percentileFactors{};  // P50, P90, P95, P99 relative to the mean
    double rpmPerInstanceAt60Percent = 600;     // CPU load model
    // GPU SKUs only (azure::isGpuInstanceType): GPU percent of instance i at minute m, and GPU
    // memory percent. Empty on CPU SKUs, which publish no GPU series at all.
    std::function<double(int, qint64)> gpu;
    std::function<double(int, qint64)> gpuMemory;
    QList<InstanceModel> instances;
    quint64 seed = 0;

    int liveInstances(qint64 m) const {
        int n = 0;
        for (const InstanceModel &i : instances)
            n += i.liveFrom <= m ? 1 : 0;
        return n;
    }
};

struct EndpointModel {
    QString id;
    std::function<double(qint64)> requests; // per minute, all deployments
    QList<DeploymentModel> deployments;

    double requestsOf(int d, qint64 m) const { return std::round(requests(m) * deployments.at(d).share(m)); }
    // Requests per status code (kCodes' order) of deployment d at minute m.
    std::array<double, 4> codes(int d, qint64 m) const {
        const DeploymentModel &dep = deployments.at(d);
        const double n = requestsOf(d, m);
        std::array<double, 4> c{};
        if (n <= 0)
            return c;
        c[1] = std::min(
            n, jitteredCount(n * 0.012 * (1.0 + 0.5 * noise::smooth(dep.seed, m, 180)), dep.seed ^ 4, m));
        c[2] = std::min(n - c[1], jitteredCount(n * 0.0005, dep.seed ^ 5, m));
        c[3] = std::min(n - c[1] - c[2], std::round(n * dep.unavailable(m)));
        c[0] = n - c[1] - c[2] - c[3];
        return c;
    }
    double meanLatency(int d, qint64 m) const {
        const DeploymentModel &dep = deployments.at(d);
        if (dep.unavailable(m) > 0)
            return dep.burstLatencyMs;
        return std::max(1.0, dep.latencyMs * (1.0 + 0.15 * traffic(m)) +
                                 0.1 * dep.latencyMs * noise::smooth(dep.seed ^ 6, m, 90) +
                                 0.05 * dep.latencyMs * noise::normal(dep.seed ^ 6, m));
    }
};

using Model = std::shared_ptr<const EndpointModel>;

void addSeries(DemoAzureWorld &world, const QString &resourceId, const char *ns, const QString &metric,
               QList<DemoAzureLeaf> leaves) {
    const DemoAzureMetricDefinition *definition = DemoAzureCatalog::find(QLatin1String(ns), metric);
    Q_ASSERT_X(definition, "DemoAzureServingStory", "metric name not in the catalogue");
    world.series.append(DemoAzureSeries{resourceId, definition, std::move(leaves)});
}

// Endpoint-level traffic metrics (the monitoring stage's RED view).
void addEndpointMetrics(DemoAzureWorld &world, const Model &model) {
    QList<DemoAzureLeaf> perMinute, latency;
    for (int d = 0; d < model->deployments.size(); ++d) {
        const QString name = model->deployments.at(d).name;
        for (int c = 0; c < int(kCodes.size()); ++c) {
            const QString code = QLatin1String(kCodes[c].first);
            perMinute.append({{name, code, QLatin1String(kCodes[c].second), code},
                              [model, d, c](qint64 m) -> std::optional<MinuteStats> {
                                  const double n = model->codes(d, m)[c];
                                  if (n <= 0)
                                      return std::nullopt;
                                  return single(n);
                              }});
        }
        latency.append({{name}, [model, d](qint64 m) -> std::optional<MinuteStats> {
                            const double n = model->requestsOf(d, m);
                            if (n <= 0)
                                return std::nullopt;
                            const double mean = model->meanLatency(d, m);
                            return MinuteStats{n, n * mean, std::round(mean * 0.4), std::round(mean * 4.5)};
                        }});
    }
    addSeries(world, model->id, kAzureEndpointType, QStringLiteral("RequestsPerMinute"), perMinute);
    addSeries(world, model->id, kAzureEndpointType, QStringLiteral("RequestLatency"), latency);
    for (int p = 0; p < int(kPercentiles.size()); ++p) {
        // The endpoint's percentile blends the deployments' by traffic share: crude, but it moves
        // the way a real tail does when a slower deployment takes traffic.
        addSeries(world, model->id, kAzureEndpointType,
                  QStringLiteral("RequestLatency_") + QLatin1String(kPercentiles[p]),
                  {{{}, [model, p](qint64 m) -> std::optional<MinuteStats> {
                        if (model->requests(m) <= 0)
                            return std::nullopt;
                        double value = 0;
                        for (int d = 0; d < model->deployments.size(); ++d) {
                            const DeploymentModel &dep = model->deployments.at(d);
                            value += dep.share(m) * dep.percentileFactors[p] * model->meanLatency(d, m);
                        }
                        return single(std::round(value * 10.0) / 10.0);
                    }}});
    }
}

// Deployment-level resource and traffic metrics (the deployment stage).
void addDeploymentMetrics(DemoAzureWorld &world, const Model &model, int d) {
    const DeploymentModel &dep = model->deployments.at(d);
    QList<DemoAzureLeaf> cpu, memory, capacity;
    for (int i = 0; i < dep.instances.size(); ++i) {
        const QString instance = dep.instances.at(i).id;
        const auto reports = [model, d, i](qint64 m) {
            const DeploymentModel &x = model->deployments.at(d);
            return x.instances.at(i).liveFrom <= m && x.reporting(i, m);
        };
        cpu.append({{instance}, [model, d, i, reports](qint64 m) -> std::optional<MinuteStats> {
                        if (!reports(m))
                            return std::nullopt;
                        const DeploymentModel &x = model->deployments.at(d);
                        const double perInstance = model->requestsOf(d, m) / std::max(1, x.liveInstances(m));
                        return single(clamp(5.0 + 55.0 * perInstance / x.rpmPerInstanceAt60Percent +
                                                2.5 * noise::normal(x.seed ^ quint64(10 + i), m),
                                            1, 100));
                    }});
        memory.append({{instance}, [model, d, i, reports](qint64 m) -> std::optional<MinuteStats> {
                           if (!reports(m))
                               return std::nullopt;
                           const DeploymentModel &x = model->deployments.at(d);
                           return single(clamp(
                               x.memory(i, m) + 0.3 * noise::normal(x.seed ^ quint64(20 + i), m), 1, 100));
                       }});
        capacity.append({{instance, QStringLiteral("Running")},
                         [model, d, reports](qint64 m) -> std::optional<MinuteStats> {
                             if (!reports(m))
                                 return std::nullopt;
                             return single(model->deployments.at(d).liveInstances(m));
                         }});
    }
    addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("CpuUtilizationPercentage"), cpu);
    addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("CpuMemoryUtilizationPercentage"), memory);
    addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("DeploymentCapacity"), capacity);
    if (dep.gpu) {
        QList<DemoAzureLeaf> gpu, gpuMemory;
        for (int i = 0; i < dep.instances.size(); ++i) {
            const auto reports = [model, d, i](qint64 m) {
                const DeploymentModel &x = model->deployments.at(d);
                return x.instances.at(i).liveFrom <= m && x.reporting(i, m);
            };
            gpu.append(
                {{dep.instances.at(i).id}, [model, d, i, reports](qint64 m) -> std::optional<MinuteStats> {
                     if (!reports(m))
                         return std::nullopt;
                     return single(clamp(model->deployments.at(d).gpu(i, m), 0, 100));
                 }});
            gpuMemory.append(
                {{dep.instances.at(i).id}, [model, d, i, reports](qint64 m) -> std::optional<MinuteStats> {
                     if (!reports(m))
                         return std::nullopt;
                     return single(clamp(model->deployments.at(d).gpuMemory(i, m), 0, 100));
                 }});
        }
        addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("GpuUtilizationPercentage"), gpu);
        addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("GpuMemoryUtilizationPercentage"),
                  gpuMemory);
    }

    QList<DemoAzureLeaf> envoy;
    for (int c = 0; c < int(kCodes.size()); ++c)
        envoy.append(
            {{QLatin1String(kCodes[c].first)}, [model, d, c](qint64 m) -> std::optional<MinuteStats> {
                 const double n = model->codes(d, m)[c];
                 if (n <= 0)
                     return std::nullopt;
                 return single(n);
             }});
    addSeries(world, dep.id, kAzureDeploymentType, QStringLiteral("RequestsPerMinute"), envoy);
    for (int p = 0; p < int(kPercentiles.size()); ++p)
        addSeries(world, dep.id, kAzureDeploymentType,
                  QStringLiteral("RequestLatency_") + QLatin1String(kPercentiles[p]),
                  {{{}, [model, d, p](qint64 m) -> std::optional<MinuteStats> {
                        if (model->requestsOf(d, m) <= 0)
                            return std::nullopt;
                        const double value =
                            model->deployments.at(d).percentileFactors[p] * model->meanLatency(d, m);
                        return single(std::round(value * 10.0) / 10.0);
                    }}});
}

void addEndpoint(DemoAzureWorld &world, const DemoAzureResource &endpoint,
                 const QList<DemoAzureResource> &deployments, const Model &model) {
    world.resources.append(endpoint);
    world.resources.append(deployments);
    addEndpointMetrics(world, model);
    for (int d = 0; d < model->deployments.size(); ++d)
        addDeploymentMetrics(world, model, d);
}

QString instanceId(const QString &deployment, int i) {
    return deployment + QLatin1Char('-') + nameSuffix(deployment + QString::number(i)) + QLatin1Char('-') +
           QString::number(i);
}

// fraud-scoring: blue serves alone until the green canary arrives; green leaks memory.
void addFraudScoring(DemoAzureWorld &world, const DemoAzureTimeline &t, const DemoAzureResource &workspace) {
    const DemoAzureResource endpoint =
        DemoAzureResources::onlineEndpoint(workspace, QStringLiteral("fraud-scoring"),
                                           {{QStringLiteral("blue"), 50}, {QStringLiteral("green"), 50}});
    const DemoAzureResource blue = DemoAzureResources::onlineDeployment(
        endpoint, QStringLiteral("blue"), QStringLiteral("Standard_DS3_v2"), 3,
        QStringLiteral("azureml:fraud-xgb:7"));
    const DemoAzureResource green = DemoAzureResources::onlineDeployment(
        endpoint, QStringLiteral("green"), QStringLiteral("Standard_DS3_v2"), 2,
        QStringLiteral("azureml:fraud-gnn:3"));

    auto model = std::make_shared<EndpointModel>();
    model->id = endpoint.id;
    const quint64 trafficSeed = seedFor(endpoint.id, QStringLiteral("RequestsPerMinute"));
    model->requests = [trafficSeed](qint64 m) {
        return std::max(
            0.0, std::round((400.0 + 1400.0 * traffic(m)) * (1.0 + 0.04 * noise::normal(trafficSeed, m))));
    };

    DeploymentModel b;
    b.name = blue.name;
    b.id = blue.id;
    b.share = [t](qint64 m) { return 1.0 - t.greenShare(m); };
    b.unavailable = [](qint64) { return 0.0; };
    b.reporting = [](int, qint64) { return true; };
    b.seed = seedFor(blue.id, QStringLiteral("deployment"));
    b.memory = [seed = b.seed](int i, qint64 m) {
        return 45.0 + 1.5 * noise::smooth(seed ^ quint64(i), m, 240);
    };
    b.latencyMs = 28;
    b.percentileFactors = {0.85, 2.2, 2.9, 3.9};
    b.rpmPerInstanceAt60Percent = 600;
    for (int i = 0; i < 3; ++i)
        b.instances.append({instanceId(b.name, i), std::numeric_limits<qint64>::min()});

    DeploymentModel g;
    g.name = green.name;
    g.id = green.id;
    g.share = [t](qint64 m) { return t.greenShare(m); };
    g.unavailable = [t](qint64 m) { return t.inOomBurst(m) ? 0.6 : 0.0; };
    // The OOM-killed container reports nothing for the three minutes it takes to come back.
    g.reporting = [t](int i, qint64 m) { return i != 0 || m < t.oomRestart || m >= t.oomRestart + 3; };
    g.memory = [t](int i, qint64 m) {
        const qint64 containerStart =
            i == 0 ? (m >= t.oomRestart ? t.oomRestart : t.greenCreated) : t.greenScaleOut;
        return std::min(97.5, 38.0 + 1.4 * double(m - containerStart) / 60.0);
    };
    g.latencyMs = 46;
    g.burstLatencyMs = 900;
    g.percentileFactors = {0.8, 2.6, 4.5, 15.6};
    g.rpmPerInstanceAt60Percent = 350;
    g.seed = seedFor(green.id, QStringLiteral("deployment"));
    g.instances = {{instanceId(g.name, 0), t.greenCreated}, {instanceId(g.name, 1), t.greenScaleOut}};

    model->deployments = {b, g};
    addEndpoint(world, endpoint, {blue, green}, model);
}

// An endpoint with one deployment, steady traffic, no incident.
void addQuietEndpoint(DemoAzureWorld &world, const DemoAzureResource &workspace, const QString &name,
                      const QString &deploymentName, const QString &instanceType, double peakRpm,
                      double latencyMs, double memoryPercent) {
    const DemoAzureResource endpoint =
        DemoAzureResources::onlineEndpoint(workspace, name, {{deploymentName, 100}});
    const DemoAzureResource deployment = DemoAzureResources::onlineDeployment(
        endpoint, deploymentName, instanceType, 1, QStringLiteral("azureml:%1:1").arg(name));
    auto model = std::make_shared<EndpointModel>();
    model->id = endpoint.id;
    const quint64 seed = seedFor(endpoint.id, QStringLiteral("RequestsPerMinute"));
    model->requests = [seed, peakRpm](qint64 m) {
        return std::max(
            0.0, std::round(peakRpm * (0.15 + 0.85 * traffic(m)) * (1.0 + 0.05 * noise::normal(seed, m))));
    };
    DeploymentModel d;
    d.name = deploymentName;
    d.id = deployment.id;
    d.seed = seedFor(deployment.id, QStringLiteral("deployment"));
    d.share = [](qint64) { return 1.0; };
    d.unavailable = [](qint64) { return 0.0; };
    d.reporting = [](int, qint64) { return true; };
    d.memory = [seed = d.seed, memoryPercent](int, qint64 m) {
        return memoryPercent + noise::smooth(seed, m, 300);
    };
    d.latencyMs = latencyMs;
    d.percentileFactors = {0.9, 2.0, 2.6, 3.5};
    d.rpmPerInstanceAt60Percent = std::max(1.0, peakRpm * 1.2);
    d.instances = {{instanceId(deploymentName, 0), std::numeric_limits<qint64>::min()}};
    if (azure::isGpuInstanceType(instanceType)) {
        // The GPU follows the traffic (batches fill up at the peak); the model's weights hold a
        // fixed share of its memory and the KV cache grows with the batch.
        d.gpu = [seed = d.seed](int, qint64 m) {
            return 18.0 + 64.0 * traffic(m) + 3.0 * noise::normal(seed ^ 30, m);
        };
        d.gpuMemory = [seed = d.seed](int, qint64 m) {
            return 62.0 + 14.0 * traffic(m) + 0.8 * noise::smooth(seed ^ 31, m, 120);
        };
    }
    model->deployments = {d};
    addEndpoint(world, endpoint, {deployment}, model);
}

} // namespace

void DemoAzureServingStory::add(DemoAzureWorld &world, const DemoAzureTimeline &timeline,
                                const DemoAzureResource &fraudMl, const DemoAzureResource &sharedInference,
                                const DemoAzureResource &research) {
    addFraudScoring(world, timeline, fraudMl);

    static const char *const teams[] = {"churn", "ltv",    "pricing",  "ranking", "reco", "eta", "kyc",
                                        "ocr",   "intent", "forecast", "ctr",     "geo",  "risk"};
    for (int i = 0; i < kFillerEndpoints; ++i) {
        const QString name = QStringLiteral("%1-%2").arg(QLatin1String(teams[i % 13])).arg(i / 13 + 1);
        const quint64 seed = noise::seedOf(name.toUtf8());
        addQuietEndpoint(world, sharedInference, name, QStringLiteral("default"),
                         QStringLiteral("Standard_DS2_v2"), 5.0 + 195.0 * noise::unit(seed, 1),
                         15.0 + 60.0 * noise::unit(seed, 2), 30.0 + 25.0 * noise::unit(seed, 3));
    }
    addQuietEndpoint(world, research, QStringLiteral("llm-eval"), QStringLiteral("main"),
                     QStringLiteral("Standard_NC6s_v3"), 12.0, 850.0, 71.0);
}

} // namespace mlwatch::demo
