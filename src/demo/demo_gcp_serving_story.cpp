#include "demo/demo_gcp_serving_story.h"

#include "demo/demo_gcp_key.h"
#include "demo/demo_gcp_shapes.h"
#include "demo/demo_gcp_wire.h"

#include <QJsonArray>

#include <array>
#include <memory>

namespace mlwatch::demo {

using namespace gcp_shapes;

namespace {

using Labels = QMap<QString, QString>;
using SampleFn = std::function<std::optional<DemoGcpSample>(qint64)>;

const QString kProject = QLatin1String(DemoGcpKey::kProjectId);
const QString kRegion = QLatin1String(DemoGcpKey::kRegion);
constexpr std::array<const char *, 3> kClasses{"2xx", "4xx", "5xx"};
constexpr std::array<const char *, 3> kLatencyTypes{"total", "model", "overhead"};

std::optional<DemoGcpSample> number(double value) {
    DemoGcpSample s;
    s.value = value;
    return s;
}

void addSeries(DemoGcpWorld &world, const char *type, const Labels &resource, Labels labels, SampleFn sample,
               qint64 from, qint64 to) {
    const DemoGcpMetricType *metric =
        DemoGcpCatalog::find(QStringLiteral("aiplatform.googleapis.com/") + QLatin1String(type));
    Q_ASSERT_X(metric, "DemoGcpServingStory", "metric type not in the catalogue");
    world.series.append(DemoGcpSeries{metric, resource, std::move(labels), std::move(sample), from, to});
}

struct DeployedModel {
    QString id;
    QString displayName;
    QString modelId;
    QString acceleratorType;         // empty: CPU only
    qint64 from = 0;                 // takes traffic from here; its replicas run kWarmUpMinutes earlier
    qint64 to = 0;                   // undeployed (exclusive)
    double capacityPerReplica = 400; // requests a minute at CPU 1.0
    double modelMedianMs = 20;
    double overheadMedianMs = 4;
    double memoryGiB = 2;
    double acceleratorMemoryGiB = 0;
};

// An endpoint and its autoscaler, simulated minute by minute over [start, end).
struct Endpoint {
    QString id;
    QString displayName;
    int minReplicas = 1;
    int maxReplicas = 1;
    qint64 start = 0;
    qint64 end = 0;
    QList<DeployedModel> models; // consecutive: model d+1 replaces model d
    QList<double> requests;      // per minute
    QList<int> target;
    QList<int> replicas;
    std::function<bool(qint64)> errorBurst;
    quint64 seed = 0;

    qsizetype at(qint64 m) const { return qsizetype(m - start); }
    bool serves(int d, qint64 m) const { return m >= models.at(d).from && m < models.at(d).to; }
    bool warming(int d, qint64 m) const {
        return m >= models.at(d).from - DemoGcpTimeline::kWarmUpMinutes && m < models.at(d).from;
    }
    int replicasOf(int d, qint64 m) const {
        return serves(d, m) ? replicas.at(at(m)) : warming(d, m) ? minReplicas : 0;
    }
    int targetOf(int d, qint64 m) const {
        return serves(d, m) ? target.at(at(m)) : warming(d, m) ? minReplicas : 0;
    }
    double requestsOf(int d, qint64 m) const { return serves(d, m) ? requests.at(at(m)) : 0.0; }
    double load(int d, qint64 m) const {
        const int n = replicasOf(d, m);
        return n > 0 ? requestsOf(d, m) / (n * models.at(d).capacityPerReplica) : 0.0;
    }
    double cpu(int d, int replica, qint64 m) const {
        return std::clamp(0.03 + load(d, m) + 0.02 * noise::normal(seed ^ quint64(100 + replica), m), 0.005,
                          1.9);
    }
    // Latency grows with queueing once the replicas run hot.
    double queueFactor(int d, qint64 m) const { return 1.0 + 5.0 * std::max(0.0, load(d, m) - 0.8); }
    // Requests of deployed model d at m by class (2xx, 4xx, 5xx).
    std::array<double, 3> codes(int d, qint64 m) const {
        const double n = requestsOf(d, m);
        std::array<double, 3> c{};
        if (n <= 0)
            return c;
        c[1] = std::min(n, jitteredCount(n * 0.004, seed ^ 7, m));
        c[2] = errorBurst && errorBurst(m) ? std::round(n * 0.3)
                                           : std::min(n - c[1], jitteredCount(n * 0.0005, seed ^ 8, m));
        c[2] = std::min(c[2], n - c[1]);
        c[0] = n - c[1] - c[2];
        return c;
    }

    // replicas follow target 9 minutes after it rises (a new node and the model load), then one
    // every 4 minutes; they drop with it (the target itself holds the 10-minute maximum of the
    // desired count).
    void simulate(const std::function<double(qint64)> &traffic) {
        QList<int> desired;
        int current = minReplicas;
        qint64 pendingSince = -1;
        qint64 lastAdd = start;
        for (qint64 m = start; m < end; ++m) {
            requests.append(traffic(m));
            int d = 0;
            while (d < models.size() - 1 && m >= models.at(d).to)
                ++d;
            desired.append(
                std::clamp(int(std::ceil(requests.last() / (0.6 * models.at(d).capacityPerReplica))),
                           minReplicas, maxReplicas));
            int t = 0;
            for (qsizetype k = std::max<qsizetype>(0, desired.size() - 10); k < desired.size(); ++k)
                t = std::max(t, desired.at(k));
            target.append(t);
            if (t > current) {
                if (pendingSince < 0)
                    pendingSince = m;
                if (m - pendingSince >= 9 && m - lastAdd >= 4) {
                    ++current;
                    lastAdd = m;
                }
            } else {
                current = t;
                pendingSince = -1;
            }
            if (current >= t)
                pendingSince = -1;
            replicas.append(current);
        }
    }
};

using EndpointPtr = std::shared_ptr<const Endpoint>;

void addDeployedModelSeries(DemoGcpWorld &world, const EndpointPtr &e, int d) {
    const DeployedModel &model = e->models.at(d);
    const Labels resource{{QStringLiteral("resource_container"), kProject},
                          {QStringLiteral("location"), kRegion},
                          {QStringLiteral("endpoint_id"), e->id}};
    const Labels common{{QStringLiteral("deployed_model_id"), model.id},
                        {QStringLiteral("spot"), QStringLiteral("false")}};
    const qint64 from = std::max(model.from - DemoGcpTimeline::kWarmUpMinutes, e->start);
    const qint64 to = std::min(model.to, e->end);
    addSeries(
        world, "prediction/online/replicas", resource, common,
        [e, d](qint64 m) { return number(e->replicasOf(d, m)); }, from, to);
    addSeries(
        world, "prediction/online/target_replicas", resource, common,
        [e, d](qint64 m) { return number(e->targetOf(d, m)); }, from, to);

    for (int i = 0; i < e->maxReplicas; ++i) {
        Labels replica = common;
        replica.insert(QStringLiteral("replica_id"), model.displayName + QLatin1Char('-') +
                                                         nameSuffix(model.id, 9) + QLatin1Char('-') +
                                                         nameSuffix(model.id + QString::number(i)));
        const auto alive = [e, d, i](qint64 m) { return i < e->replicasOf(d, m); };
        addSeries(
            world, "prediction/online/cpu/utilization", resource, replica,
            [e, d, i, alive](qint64 m) -> std::optional<DemoGcpSample> {
                if (!alive(m))
                    return std::nullopt;
                return number(std::round(e->cpu(d, i, m) * 10000.0) / 10000.0);
            },
            from, to);
        const double memory = model.memoryGiB;
        addSeries(
            world, "prediction/online/memory/bytes_used", resource, replica,
            [e, i, alive, memory](qint64 m) -> std::optional<DemoGcpSample> {
                if (!alive(m))
                    return std::nullopt;
                return number(
                    std::round((memory + 0.05 * noise::smooth(e->seed ^ quint64(200 + i), m, 90)) * kGiB));
            },
            from, to);
        if (model.acceleratorType.isEmpty())
            continue;
        addSeries(
            world, "prediction/online/accelerator/duty_cycle", resource, replica,
            [e, d, i, alive](qint64 m) -> std::optional<DemoGcpSample> {
                if (!alive(m))
                    return std::nullopt;
                return number(std::round(std::min(0.99, 0.8 * e->cpu(d, i, m)) * 10000.0) / 10000.0);
            },
            from, to);
        const double acceleratorMemory = model.acceleratorMemoryGiB;
        addSeries(
            world, "prediction/online/accelerator/memory/bytes_used", resource, replica,
            [alive, acceleratorMemory](qint64 m) -> std::optional<DemoGcpSample> {
                if (!alive(m))
                    return std::nullopt;
                return number(std::round(acceleratorMemory * kGiB));
            },
            from, to);
    }

    const qint64 serving = std::max(model.from, e->start);
    if (serving >= to) // never took traffic inside the simulated window
        return;
    Labels request = common;
    request.insert(QStringLiteral("model_display_name"), model.displayName);
    request.insert(QStringLiteral("endpoint_display_name"), e->displayName);
    const auto count = [e, d](std::function<double(const std::array<double, 3> &)> pick) {
        return [e, d, pick](qint64 m) -> std::optional<DemoGcpSample> {
            const double n = pick(e->codes(d, m));
            if (n <= 0)
                return std::nullopt;
            return number(n);
        };
    };
    addSeries(world, "prediction/online/prediction_count", resource, request,
              count([](const std::array<double, 3> &c) { return c[0] + c[1] + c[2]; }), serving, to);
    addSeries(world, "prediction/online/error_count", resource, request,
              count([](const std::array<double, 3> &c) { return c[1] + c[2]; }), serving, to);
    for (int c = 0; c < int(kClasses.size()); ++c) {
        Labels labels = request;
        labels.insert(QStringLiteral("response_code"), QLatin1String(kClasses[c]));
        addSeries(world, "prediction/online/response_count", resource, labels,
                  count([c](const std::array<double, 3> &codes) { return codes[c]; }), serving, to);
    }
    const DemoGcpBuckets buckets =
        DemoGcpCatalog::find(
            QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_latencies"))
            ->buckets;
    for (int l = 0; l < int(kLatencyTypes.size()); ++l) {
        Labels labels = request;
        labels.insert(QStringLiteral("latency_type"), QLatin1String(kLatencyTypes[l]));
        addSeries(
            world, "prediction/online/prediction_latencies", resource, labels,
            [e, d, l, buckets](qint64 m) -> std::optional<DemoGcpSample> {
                const qint64 n = qint64(e->codes(d, m)[0]);
                if (n <= 0)
                    return std::nullopt;
                const DeployedModel &x = e->models.at(d);
                const double drift = 1.0 + 0.06 * noise::smooth(e->seed ^ quint64(300 + l), m, 120);
                const double modelMs = x.modelMedianMs * e->queueFactor(d, m) * drift;
                const double median = l == 0   ? modelMs + x.overheadMedianMs
                                      : l == 1 ? modelMs
                                               : x.overheadMedianMs;
                DemoGcpSample s;
                s.distribution = DemoGcpDistribution::logNormal(buckets, n, median, l == 2 ? 0.3 : 0.5);
                return s;
            },
            serving, to);
    }
}

// Vertex AI Model Monitoring on churn-tf-v8: a schedule that runs hourly from a day after the model
// was deployed and writes one point a run (at :05) per feature, on the model (resource
// aiplatform.googleapis.com/Model; its labels resource_container, location and model are the
// demo's reading). A price change 3 days before the anchor moves monthly_charges away from the
// training baseline: its drift climbs from ~0.06 to ~0.45 over two days, and the predictions'
// drift follows at about half; the other features stay near their baselines.
void addModelMonitoring(DemoGcpWorld &world, const DemoGcpTimeline &t, const DeployedModel &model) {
    const Labels resource{{QStringLiteral("resource_container"), kProject},
                          {QStringLiteral("location"), kRegion},
                          {QStringLiteral("model"), model.modelId}};
    const QString schedule = numericId(QStringLiteral("schedule/") + model.displayName);
    const qint64 from = model.from + kDay;
    const qint64 priceChange = t.anchorHour - 3 * kDay;
    const quint64 seed = seedFor(QStringLiteral("model-monitoring/") + model.displayName);
    // How far the price change has moved the inputs at minute m: 0 before it, 1 two days later.
    const auto shifted = [priceChange](qint64 m) {
        return std::clamp(double(m - priceChange) / double(2 * kDay), 0.0, 1.0);
    };
    const auto run = [](qint64 m) { return floorDiv(m, kHour) * kHour + 5 == m; };
    struct Feature {
        const char *name;
        double baseline;
        double shift; // added at full effect of the price change
    };
    for (const Feature &f : {Feature{"monthly_charges", 0.06, 0.39}, Feature{"tenure_months", 0.04, 0.0},
                             Feature{"contract_type", 0.03, 0.02}}) {
        const quint64 featureSeed = seed ^ noise::seedOf(QByteArray(f.name));
        addSeries(
            world, "model_monitoring/feature_drift_deviation", resource,
            {{QStringLiteral("schedule_id"), schedule},
             {QStringLiteral("feature_name"), QLatin1String(f.name)},
             {QStringLiteral("algorithm"), QStringLiteral("jensen_shannon_divergence")}},
            [f, featureSeed, shifted, run](qint64 m) -> std::optional<DemoGcpSample> {
                if (!run(m))
                    return std::nullopt;
                const double v = f.baseline + f.shift * shifted(m) + 0.008 * noise::normal(featureSeed, m);
                return number(std::round(std::max(0.0, v) * 10000.0) / 10000.0);
            },
            from, t.dataEnd);
    }
    addSeries(
        world, "model_monitoring/prediction_output_drift_deviation", resource,
        {{QStringLiteral("schedule_id"), schedule},
         {QStringLiteral("feature_name"), QStringLiteral("churn_probability")},
         {QStringLiteral("algorithm"), QStringLiteral("jensen_shannon_divergence")}},
        [seed, shifted, run](qint64 m) -> std::optional<DemoGcpSample> {
            if (!run(m))
                return std::nullopt;
            const double v = 0.05 + 0.18 * shifted(m) + 0.006 * noise::normal(seed ^ 1, m);
            return number(std::round(std::max(0.0, v) * 10000.0) / 10000.0);
        },
        from, t.dataEnd);
}

QJsonObject endpointJson(const Endpoint &e, qint64 createdMinute, qint64 anchorMinute) {
    const QString base =
        QStringLiteral("projects/%1/locations/%2/").arg(QLatin1String(DemoGcpKey::kProjectNumber), kRegion);
    QJsonArray deployed;
    QJsonObject split;
    for (const DeployedModel &m : e.models) {
        if (m.from > anchorMinute || m.to <= anchorMinute)
            continue; // only what is deployed now
        QJsonObject machine{{QStringLiteral("machineType"), QStringLiteral("n1-standard-4")}};
        if (!m.acceleratorType.isEmpty()) {
            machine.insert(QStringLiteral("acceleratorType"), m.acceleratorType);
            machine.insert(QStringLiteral("acceleratorCount"), 1);
        }
        deployed.append(QJsonObject{
            {QStringLiteral("id"), m.id},
            {QStringLiteral("model"), QString(base + QStringLiteral("models/") + m.modelId)},
            {QStringLiteral("modelVersionId"), QStringLiteral("1")},
            {QStringLiteral("displayName"), m.displayName},
            {QStringLiteral("createTime"),
             DemoGcpWire::formatTimestamp((m.from - DemoGcpTimeline::kWarmUpMinutes) * 60000)},
            {QStringLiteral("dedicatedResources"),
             QJsonObject{{QStringLiteral("machineSpec"), machine},
                         {QStringLiteral("minReplicaCount"), e.minReplicas},
                         {QStringLiteral("maxReplicaCount"), e.maxReplicas},
                         {QStringLiteral("autoscalingMetricSpecs"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("metricName"),
                               QStringLiteral("aiplatform.googleapis.com/prediction/online/cpu/utilization")},
                              {QStringLiteral("target"), 60}}}}}}});
        split.insert(m.id, 100);
    }
    QJsonObject json{{QStringLiteral("name"), QString(base + QStringLiteral("endpoints/") + e.id)},
                     {QStringLiteral("displayName"), e.displayName},
                     {QStringLiteral("etag"), QString(QStringLiteral("AMEw9yP") + nameSuffix(e.id, 12))},
                     {QStringLiteral("createTime"), DemoGcpWire::formatTimestamp(createdMinute * 60000)},
                     {QStringLiteral("updateTime"), DemoGcpWire::formatTimestamp(createdMinute * 60000)}};
    if (!deployed.isEmpty()) {
        json.insert(QStringLiteral("deployedModels"), deployed);
        json.insert(QStringLiteral("trafficSplit"), split);
    }
    return json;
}

void addEndpoint(DemoGcpWorld &world, const DemoGcpTimeline &t, std::shared_ptr<Endpoint> e,
                 const std::function<double(qint64)> &traffic, qint64 created) {
    e->start = t.historyStart - 60;
    e->end = t.dataEnd;
    e->seed = seedFor(e->id);
    e->simulate(traffic);
    const EndpointPtr endpoint = e;
    for (int d = 0; d < endpoint->models.size(); ++d)
        addDeployedModelSeries(world, endpoint, d);
    world.endpoints.append(endpointJson(*endpoint, created, t.anchorMinute));
}

DeployedModel deployedModel(const QString &name, qint64 from, qint64 to) {
    DeployedModel m;
    m.displayName = name;
    m.id = numericId(QStringLiteral("deployed/") + name);
    m.modelId = numericId(QStringLiteral("model/") + name);
    m.from = from;
    m.to = to;
    return m;
}

} // namespace

void DemoGcpServingStory::add(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    const qint64 forever = std::numeric_limits<qint64>::max();
    const qint64 before = t.historyStart - 90 * kDay;

    auto churn = std::make_shared<Endpoint>();
    churn->id = numericId(QStringLiteral("endpoint/churn-scoring"));
    churn->displayName = QStringLiteral("churn-scoring");
    churn->minReplicas = 2;
    churn->maxReplicas = 8;
    DeployedModel v7 = deployedModel(QStringLiteral("churn-xgb-v7"), before, t.v8Deployed);
    v7.capacityPerReplica = 420;
    v7.modelMedianMs = 17;
    v7.overheadMedianMs = 4;
    v7.memoryGiB = 2.1;
    DeployedModel v8 = deployedModel(QStringLiteral("churn-tf-v8"), t.v8Deployed, forever);
    v8.acceleratorType = QStringLiteral("NVIDIA_TESLA_T4");
    v8.capacityPerReplica = 300;
    v8.modelMedianMs = 36;
    v8.overheadMedianMs = 5;
    v8.memoryGiB = 5.6;
    v8.acceleratorMemoryGiB = 3.4;
    churn->models = {v7, v8};
    addModelMonitoring(world, t, v8);
    churn->errorBurst = [t](qint64 m) { return t.inErrorBurst(m); };
    const quint64 churnSeed = seedFor(QStringLiteral("churn-scoring/requests"));
    addEndpoint(
        world, t, churn,
        [t, churnSeed](qint64 m) {
            double surge = 1.0;
            if (m >= t.surgeStart && m < t.surgeEnd)
                surge = 1.0 + 1.2 * std::min(1.0, double(m - t.surgeStart + 1) / 3.0);
            return std::max(0.0, std::round((150.0 + 750.0 * traffic(m)) * surge *
                                            (1.0 + 0.04 * noise::normal(churnSeed, m))));
        },
        t.historyStart - 200 * kDay);

    auto tagger = std::make_shared<Endpoint>();
    tagger->id = numericId(QStringLiteral("endpoint/image-tagger"));
    tagger->displayName = QStringLiteral("image-tagger");
    DeployedModel vit = deployedModel(QStringLiteral("image-tagger-vit-b16"), before, forever);
    vit.acceleratorType = QStringLiteral("NVIDIA_TESLA_T4");
    vit.capacityPerReplica = 260;
    vit.modelMedianMs = 78;
    vit.overheadMedianMs = 7;
    vit.memoryGiB = 4.2;
    vit.acceleratorMemoryGiB = 6.8;
    tagger->models = {vit};
    const quint64 taggerSeed = seedFor(QStringLiteral("image-tagger/requests"));
    addEndpoint(
        world, t, tagger,
        [taggerSeed](qint64 m) {
            return std::max(
                0.0, std::round((40.0 + 50.0 * traffic(m)) * (1.0 + 0.08 * noise::normal(taggerSeed, m))));
        },
        t.historyStart - 120 * kDay);

    auto rerank = std::make_shared<Endpoint>();
    rerank->id = numericId(QStringLiteral("endpoint/search-rerank"));
    rerank->displayName = QStringLiteral("search-rerank");
    DeployedModel minilm = deployedModel(QStringLiteral("rerank-minilm-v2"), before, forever);
    minilm.memoryGiB = 1.3;
    rerank->models = {minilm};
    addEndpoint(
        world, t, rerank, [](qint64) { return 0.0; }, t.historyStart - 75 * kDay);

    Endpoint staging;
    staging.id = numericId(QStringLiteral("endpoint/churn-scoring-staging"));
    staging.displayName = QStringLiteral("churn-scoring-staging");
    world.endpoints.append(endpointJson(staging, t.historyStart + 4 * kDay, t.anchorMinute));
}

} // namespace mlwatch::demo
