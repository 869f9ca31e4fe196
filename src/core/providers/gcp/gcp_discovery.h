#pragma once

#include "core/common/result.h"
#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/gcp/gcp_config.h"
#include "core/providers/gcp/gcp_time_series_request.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace mlwatch::gcp {

struct GcpTimeSeries;

// Monitored-resource types discovery reports in MetricDescriptor::namespaceName (cloud-apis.md §3.4).
// A deployed model has no resource of its own: it is an Endpoint series with the metric label
// deployed_model_id, so its descriptor has the Endpoint type and that label.
inline constexpr char kEndpointResourceType[] = "aiplatform.googleapis.com/Endpoint";
// Custom training reports ml.googleapis.com/training/* on cloudml_job, label job_id (the reference
// says "verify" for Vertex CustomJobs; the job id is the last segment of the CustomJob's name).
inline constexpr char kTrainingJobResourceType[] = "cloudml_job";
inline constexpr int kVertexPageSize = 100;

// Metric types whose series headers reveal resources when the Vertex AI list calls are forbidden:
// replicas reports every deployed model while it is deployed, with or without traffic;
// prediction_count adds the display-name labels of the request metrics.
inline constexpr char kReplicasMetric[] = "aiplatform.googleapis.com/prediction/online/replicas";
inline constexpr char kPredictionCountMetric[] =
    "aiplatform.googleapis.com/prediction/online/prediction_count";
inline constexpr char kTrainingCpuMetric[] = "ml.googleapis.com/training/cpu/utilization";
// Reported only by replicas with accelerators: its series mark deployed models that have them.
inline constexpr char kAcceleratorDutyCycleMetric[] =
    "aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle";
// The "acceleratorType" a deployed model found through series headers gets when it reports
// accelerator/duty_cycle (the headers do not name the accelerator).
inline constexpr char kAcceleratorReported[] = "reported";

// One page of a Vertex AI list: {"<collection>":[…],"nextPageToken":"…"}; `{}` is an empty page.
struct VertexListPage {
    QList<QJsonObject> items;
    QString nextPageToken;
};
Result<VertexListPage> parseVertexListPage(const QByteArray &body, const QString &collection);

// GET {aiplatform for location}/v1/projects/{p}/locations/{l}/{collection}?pageSize=100[&pageToken=…]
// ("endpoints", "customJobs", "trainingPipelines").
QUrl vertexListUrl(const GcpEndpointConfig &endpoint, const QString &project, const QString &location,
                   const QString &collection, const QString &pageToken = {});

// Descriptors, one per resource, metricName empty (the shared contract of issue 5): dimensions
// "project", then the resource's labels as "resource.labels.X" (and "metric.labels.deployed_model_id"
// for a deployed model), "name" (the display name, else the id), "location" where known, and for a
// deployed model "endpoint" (its endpoint's display name) and, where its
// dedicatedResources.machineSpec says so, "machineType" ("n1-standard-4"), "acceleratorType"
// ("NVIDIA_TESLA_T4") and "acceleratorCount" — from headers, "acceleratorType" is
// kAcceleratorReported when the model reports accelerator/duty_cycle.
// An endpoint of a Vertex list and its deployedModels[].
QList<MetricDescriptor> describeEndpoint(const QJsonObject &endpoint, const QString &project,
                                         const QString &location);
// A customJob, or a trainingPipeline through its trainingTaskMetadata.backingCustomJob; nullopt for
// a pipeline without one (AutoML: no ml.googleapis.com metrics to chart).
std::optional<MetricDescriptor> describeTrainingJob(const QJsonObject &job, const QString &project,
                                                    const QString &location);
// Endpoints, deployed models and training jobs named by series headers (view=HEADERS).
QList<MetricDescriptor> describeSeriesHeaders(const QList<GcpTimeSeries> &series, const QString &project);

// Finds the Vertex AI resources of the configured projects: for each project and location the
// endpoints (with their deployed models), training pipelines and custom jobs, all pages
// (pageToken). When a project's Vertex AI list calls are forbidden (403: missing permission, a
// monitoring.read token without the cloud-platform scope, the Vertex AI API not enabled) its
// resources come from the series Cloud Monitoring has of them in the last day instead
// (timeSeries.list, view=HEADERS: Endpoint accelerator duty cycles, replicas and prediction
// counts, cloudml_job CPU) — no
// Vertex permission needed, but only resources that reported data. `resourceTypes` limits what is
// reported (empty = both types) and skips listings nobody asked for. A resource found twice is
// reported once (the first, so a pipeline's name wins over its backing job's). Calls go one at a
// time. `done` is called exactly once, unless `send` drops a callback (the provider's cancelAll
// reports those itself).
class GcpDiscovery : public std::enable_shared_from_this<GcpDiscovery> {
public:
    // Gets the final answer to an unauthorised GET after the provider's token handling and retries:
    // any HTTP status (non-2xx included, with how many attempts were made), or an Error when there
    // was no answer (network, token).
    using ResponseDone = std::function<void(Result<HttpResponse> answer, int attempts)>;
    using Send = std::function<void(HttpRequest request, ResponseDone done)>;
    using Done = std::function<void(Result<QList<MetricDescriptor>>)>;

    // `account` names the account in errors; `nowUtc` ends the day the metric fallback looks at.
    static void run(const GcpEndpointConfig &endpoint, const QStringList &resourceTypes,
                    const QString &account, const QDateTime &nowUtc, Send send, Done done);

    // A listing stops after this many pages even if the page token keeps changing.
    static constexpr int kMaxPagesPerListing = 1000;

private:
    struct Listing {
        bool vertex = true;
        QString project;
        QString location;          // Vertex
        QString collection;        // Vertex
        GcpTimeSeriesCall headers; // timeSeries.list view=HEADERS
        QString callName;
        QString pageToken;
        int page = 1;
        QSet<QString> tokensSeen; // a token seen before would loop: the listing ends there
    };

    GcpDiscovery(GcpEndpointConfig endpoint, const QStringList &resourceTypes, QString account,
                 QDateTime nowUtc, Send send, Done done);
    void start();
    void next();
    void onAnswer(const Listing &listing, Result<HttpResponse> answer, int attempts);
    bool onPage(const Listing &listing, const QByteArray &body, QString *nextPageToken);
    void fallBack(const QString &project);
    bool wants(const char *type) const;
    void add(const MetricDescriptor &descriptor);
    void finish(Result<QList<MetricDescriptor>> result);

    GcpEndpointConfig m_endpoint;
    QStringList m_types;
    QString m_account;
    QDateTime m_now;
    Send m_send;
    Done m_done;
    std::deque<Listing> m_queue;
    QSet<QString> m_fellBack; // projects whose Vertex listings were forbidden
    QSet<QString> m_seen;     // resource identities already reported
    QList<MetricDescriptor> m_found;
    bool m_finished = false;
};

} // namespace mlwatch::gcp
