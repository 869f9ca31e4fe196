#include "demo/demo_gcp_catalog.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace mlwatch::demo {

namespace {

using K = DemoGcpKind;
using V = DemoGcpValueType;

const QString kEndpoint = QStringLiteral("aiplatform.googleapis.com/Endpoint");
const QStringList kCommon{QStringLiteral("deployed_model_id"), QStringLiteral("spot")};
const QStringList kRequest{QStringLiteral("deployed_model_id"), QStringLiteral("spot"),
                           QStringLiteral("model_display_name"), QStringLiteral("endpoint_display_name")};
const QStringList kReplica{QStringLiteral("deployed_model_id"), QStringLiteral("spot"),
                           QStringLiteral("replica_id")};

// Latency buckets: 1 ms · 1.3^i, the last finite bound ~36 s; execution-time buckets: 10 ms ·
// 1.3^i, ~6 min. Google does not publish these services' bucket layouts; any exponential layout
// is a legal one for a client to read.
constexpr DemoGcpBuckets kLatencyBuckets{40, 1.3, 1.0};
constexpr DemoGcpBuckets kExecutionBuckets{40, 1.3, 0.01};

DemoGcpMetricType metricType(QString type, QString resourceType, DemoGcpKind kind, DemoGcpValueType valueType,
                             QString unit, QStringList labels, QString displayName, QString description,
                             DemoGcpBuckets buckets = {}) {
    DemoGcpMetricType t;
    t.type = std::move(type);
    t.resourceType = std::move(resourceType);
    t.kind = kind;
    t.valueType = valueType;
    t.unit = std::move(unit);
    t.labels = std::move(labels);
    t.displayName = std::move(displayName);
    t.description = std::move(description);
    t.buckets = buckets;
    return t;
}

QString vertex(const char *path) {
    return QStringLiteral("aiplatform.googleapis.com/") + QLatin1String(path);
}

QList<DemoGcpMetricType> build() {
    QList<DemoGcpMetricType> c;
    // Vertex AI online prediction: kinds, types and units exactly as cloud-apis.md §3.4 lists them.
    // The reference gives no unit for the counts and replica gauges; Google's unit for counts is "1".
    c.append(metricType(vertex("prediction/online/prediction_count"), kEndpoint, K::Delta, V::Int64,
                        QStringLiteral("1"), kRequest, QStringLiteral("Prediction count"),
                        QStringLiteral("Number of online predictions.")));
    c.append(metricType(vertex("prediction/online/error_count"), kEndpoint, K::Delta, V::Int64,
                        QStringLiteral("1"), kRequest, QStringLiteral("Error count"),
                        QStringLiteral("Number of online prediction errors.")));
    c.append(metricType(vertex("prediction/online/response_count"), kEndpoint, K::Delta, V::Int64,
                        QStringLiteral("1"), kRequest + QStringList{QStringLiteral("response_code")},
                        QStringLiteral("Response count"),
                        QStringLiteral("Number of online prediction responses, by response code class.")));
    c.append(metricType(
        vertex("prediction/online/prediction_latencies"), kEndpoint, K::Delta, V::Distribution,
        QStringLiteral("ms"), kRequest + QStringList{QStringLiteral("latency_type")},
        QStringLiteral("Prediction latencies"),
        QStringLiteral(
            "Online prediction latency of the deployed model; latency_type total, model or overhead."),
        kLatencyBuckets));
    c.append(metricType(vertex("prediction/online/replicas"), kEndpoint, K::Gauge, V::Int64,
                        QStringLiteral("1"), kCommon, QStringLiteral("Replica count"),
                        QStringLiteral("Number of active replicas of the deployed model.")));
    c.append(metricType(vertex("prediction/online/target_replicas"), kEndpoint, K::Gauge, V::Int64,
                        QStringLiteral("1"), kCommon, QStringLiteral("Replica target"),
                        QStringLiteral("Number of replicas the autoscaler aims for.")));
    c.append(metricType(
        vertex("prediction/online/cpu/utilization"), kEndpoint, K::Gauge, V::Double, QStringLiteral("10^2.%"),
        kReplica, QStringLiteral("CPU usage"),
        QStringLiteral("Fraction of the replica's CPU in use; may exceed 1.0 on multi-core machines.")));
    c.append(metricType(vertex("prediction/online/memory/bytes_used"), kEndpoint, K::Gauge, V::Int64,
                        QStringLiteral("By"), kReplica, QStringLiteral("Memory usage"),
                        QStringLiteral("Memory used by the replica.")));
    c.append(metricType(vertex("prediction/online/accelerator/duty_cycle"), kEndpoint, K::Gauge, V::Double,
                        QStringLiteral("10^2.%"), kReplica, QStringLiteral("Accelerator duty cycle"),
                        QStringLiteral("Fraction of time the replica's accelerators were busy.")));
    c.append(metricType(vertex("prediction/online/accelerator/memory/bytes_used"), kEndpoint, K::Gauge,
                        V::Int64, QStringLiteral("By"), kReplica, QStringLiteral("Accelerator memory usage"),
                        QStringLiteral("Accelerator memory used by the replica.")));

    // Vertex AI Model Monitoring (drift): resource, kind, value type and labels from the reference;
    // the unit ("1", a distance without unit) is the demo's reading.
    const QString model = QStringLiteral("aiplatform.googleapis.com/Model");
    const QStringList monitoring{QStringLiteral("schedule_id"), QStringLiteral("feature_name"),
                                 QStringLiteral("algorithm")};
    c.append(metricType(vertex("model_monitoring/feature_drift_deviation"), model, K::Gauge, V::Double,
                        QStringLiteral("1"), monitoring, QStringLiteral("Feature drift deviation"),
                        QStringLiteral("Distance of a feature's serving distribution from its baseline.")));
    c.append(metricType(vertex("model_monitoring/prediction_output_drift_deviation"), model, K::Gauge,
                        V::Double, QStringLiteral("1"), monitoring,
                        QStringLiteral("Prediction output drift deviation"),
                        QStringLiteral("Distance of the predictions' distribution from its baseline.")));
    c.append(metricType(vertex("model_monitoring/feature_attribution_deviation"), model, K::Gauge, V::Double,
                        QStringLiteral("1"), monitoring, QStringLiteral("Feature attribution deviation"),
                        QStringLiteral("Change of a feature's attribution score from its baseline.")));

    // Training (Vertex AI custom jobs report on cloudml_job). The reference says "percent" and
    // gives no kind or value type: served as GAUGE DOUBLE fractions with unit 10^2.%, the
    // convention of the Vertex prediction utilisation metrics (verify against Google's list).
    const QString job = QStringLiteral("cloudml_job");
    const auto training = [&](const char *path, const char *name, const char *what) {
        c.append(metricType(QStringLiteral("ml.googleapis.com/") + QLatin1String(path), job, K::Gauge,
                            V::Double, QStringLiteral("10^2.%"), {}, QLatin1String(name),
                            QLatin1String(what)));
    };
    training("training/cpu/utilization", "CPU utilization", "Fraction of the job's allocated CPU in use.");
    training("training/memory/utilization", "Memory utilization",
             "Fraction of the job's allocated memory in use.");
    training("training/accelerator/utilization", "Accelerator utilization",
             "Fraction of the job's allocated accelerators in use.");
    training("training/accelerator/memory/utilization", "Accelerator memory utilization",
             "Fraction of the job's accelerator memory in use.");

    // BigQuery: kind, type and unit from the reference.
    c.append(metricType(QStringLiteral("bigquery.googleapis.com/query/execution_times"),
                        QStringLiteral("bigquery_project"), K::Gauge, V::Distribution, QStringLiteral("s"),
                        {QStringLiteral("priority")}, QStringLiteral("Query execution times"),
                        QStringLiteral("Distribution of successful queries' execution times."),
                        kExecutionBuckets));

    // Cloud Storage: the reference says GAUGE; value types (DOUBLE bytes, INT64 count) and units
    // are Google's usual ones for these metrics (verify).
    const QString bucket = QStringLiteral("gcs_bucket");
    const QStringList storageLabels{QStringLiteral("storage_class"), QStringLiteral("type")};
    c.append(metricType(QStringLiteral("storage.googleapis.com/storage/v2/total_bytes"), bucket, K::Gauge,
                        V::Double, QStringLiteral("By"), storageLabels, QStringLiteral("Total bytes"),
                        QStringLiteral("Total size of the bucket's objects, sampled once a day.")));
    c.append(metricType(QStringLiteral("storage.googleapis.com/storage/v2/total_count"), bucket, K::Gauge,
                        V::Int64, QStringLiteral("1"), storageLabels, QStringLiteral("Total count"),
                        QStringLiteral("Number of the bucket's objects, sampled once a day.")));

    // Dataflow: the reference gives GAUGE INT64 GBy.s for total_memory_usage_time (cumulative
    // since the job started); the others follow the same conventions (verify).
    const QString dataflow = QStringLiteral("dataflow_job");
    const QStringList jobId{QStringLiteral("job_id")};
    const auto df = [&](const char *path, const char *unit, const char *name, const char *what) {
        c.append(metricType(QStringLiteral("dataflow.googleapis.com/") + QLatin1String(path), dataflow,
                            K::Gauge, V::Int64, QLatin1String(unit), jobId, QLatin1String(name),
                            QLatin1String(what)));
    };
    df("job/total_memory_usage_time", "GBy.s", "Total memory usage time",
       "Memory allocated to the job's workers, GB-seconds since the job started.");
    df("job/total_vcpu_time", "s", "Total vCPU time", "vCPU-seconds used by the job since it started.");
    df("job/current_num_vcpus", "1", "Current number of vCPUs in use", "vCPUs the job's workers use now.");
    df("job/elapsed_time", "s", "Elapsed time", "Seconds since the job started.");
    df("job/system_lag", "s", "System lag", "Longest time an element has waited inside the job.");
    return c;
}

} // namespace

double DemoGcpBuckets::lowerBound(int bucket) const {
    if (bucket <= 0)
        return -std::numeric_limits<double>::infinity();
    return scale * std::pow(growthFactor, bucket - 1);
}

double DemoGcpBuckets::upperBound(int bucket) const {
    if (bucket > numFiniteBuckets)
        return std::numeric_limits<double>::infinity();
    return scale * std::pow(growthFactor, bucket);
}

const QList<DemoGcpMetricType> &DemoGcpCatalog::all() {
    static const QList<DemoGcpMetricType> catalog = build();
    return catalog;
}

const DemoGcpMetricType *DemoGcpCatalog::find(const QString &type) {
    for (const DemoGcpMetricType &t : all())
        if (t.type == type)
            return &t;
    return nullptr;
}

QString DemoGcpCatalog::kindName(DemoGcpKind kind) {
    switch (kind) {
    case DemoGcpKind::Gauge:
        return QStringLiteral("GAUGE");
    case DemoGcpKind::Delta:
        return QStringLiteral("DELTA");
    case DemoGcpKind::Cumulative:
        return QStringLiteral("CUMULATIVE");
    }
    return {};
}

QString DemoGcpCatalog::valueTypeName(DemoGcpValueType valueType) {
    switch (valueType) {
    case DemoGcpValueType::Int64:
        return QStringLiteral("INT64");
    case DemoGcpValueType::Double:
        return QStringLiteral("DOUBLE");
    case DemoGcpValueType::Distribution:
        return QStringLiteral("DISTRIBUTION");
    }
    return {};
}

QJsonObject DemoGcpCatalog::descriptor(const DemoGcpMetricType &type, const QString &project) {
    QJsonArray labels;
    for (const QString &key : type.labels)
        labels.append(
            QJsonObject{{QStringLiteral("key"), key}}); // valueType STRING is proto3's default: omitted
    QJsonObject d{
        {QStringLiteral("name"), QStringLiteral("projects/%1/metricDescriptors/%2").arg(project, type.type)},
        {QStringLiteral("type"), type.type},
        {QStringLiteral("metricKind"), kindName(type.kind)},
        {QStringLiteral("valueType"), valueTypeName(type.valueType)},
        {QStringLiteral("unit"), type.unit},
        {QStringLiteral("description"), type.description},
        {QStringLiteral("displayName"), type.displayName},
        {QStringLiteral("launchStage"), QStringLiteral("GA")},
        {QStringLiteral("monitoredResourceTypes"), QJsonArray{type.resourceType}}};
    if (!labels.isEmpty())
        d.insert(QStringLiteral("labels"), labels);
    return d;
}

QJsonObject DemoGcpCatalog::bucketOptions(const DemoGcpBuckets &buckets) {
    return QJsonObject{{QStringLiteral("exponentialBuckets"),
                        QJsonObject{{QStringLiteral("numFiniteBuckets"), buckets.numFiniteBuckets},
                                    {QStringLiteral("growthFactor"), buckets.growthFactor},
                                    {QStringLiteral("scale"), buckets.scale}}}};
}

} // namespace mlwatch::demo
