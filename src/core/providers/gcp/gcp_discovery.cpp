#include "core/providers/gcp/gcp_discovery.h"

#include "core/common/logging.h"
#include "core/providers/gcp/gcp_error.h"
#include "core/providers/gcp/gcp_time_series_response.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mlwatch::gcp {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::gcp", text);
}

QString latin1(const char *text) {
    return QString::fromLatin1(text);
}

constexpr qint64 kFallbackLookbackMs = 24LL * 3600 * 1000;

// "projects/123/locations/us-central1/endpoints/456" → "456"; "" stays "".
QString lastSegment(const QString &name) {
    return name.section(QLatin1Char('/'), -1);
}

// The location segment of a Vertex resource name, else `fallback`.
QString locationOf(const QString &name, const QString &fallback) {
    const QStringList parts = name.split(QLatin1Char('/'));
    const qsizetype i = parts.indexOf(QStringLiteral("locations"));
    return i >= 0 && i + 1 < parts.size() && !parts.at(i + 1).isEmpty() ? parts.at(i + 1) : fallback;
}

MetricDescriptor endpointDescriptor(const QString &project, const QString &endpointId,
                                    const QString &location, const QString &name) {
    MetricDescriptor d;
    d.namespaceName = latin1(kEndpointResourceType);
    d.dimensions.append({QStringLiteral("project"), project});
    d.dimensions.append({QStringLiteral("resource.labels.endpoint_id"), endpointId});
    if (!location.isEmpty())
        d.dimensions.append({QStringLiteral("resource.labels.location"), location});
    d.dimensions.append({QStringLiteral("name"), name.isEmpty() ? endpointId : name});
    if (!location.isEmpty())
        d.dimensions.append({QStringLiteral("location"), location});
    return d;
}

MetricDescriptor deployedModelDescriptor(const MetricDescriptor &endpoint, const QString &deployedModelId,
                                         const QString &name) {
    MetricDescriptor d;
    d.namespaceName = endpoint.namespaceName;
    for (const Dimension &dim : endpoint.dimensions) {
        if (dim.name == QLatin1String("name"))
            d.dimensions.append({QStringLiteral("metric.labels.deployed_model_id"), deployedModelId});
        else
            d.dimensions.append(dim);
    }
    d.dimensions.append({QStringLiteral("name"), name.isEmpty() ? deployedModelId : name});
    d.dimensions.append({QStringLiteral("endpoint"), endpoint.dimensionValue(QStringLiteral("name"))});
    return d;
}

MetricDescriptor trainingDescriptor(const QString &project, const QString &jobId, const QString &location,
                                    const QString &name) {
    MetricDescriptor d;
    d.namespaceName = latin1(kTrainingJobResourceType);
    d.dimensions.append({QStringLiteral("project"), project});
    d.dimensions.append({QStringLiteral("resource.labels.job_id"), jobId});
    d.dimensions.append({QStringLiteral("name"), name.isEmpty() ? jobId : name});
    if (!location.isEmpty())
        d.dimensions.append({QStringLiteral("location"), location});
    return d;
}

// What makes a descriptor one resource: its type and identifying labels.
QString identityOf(const MetricDescriptor &d) {
    QString id = d.namespaceName + QLatin1Char('|') + d.dimensionValue(QStringLiteral("project"));
    for (const Dimension &dim : d.dimensions)
        if (dim.name.startsWith(QLatin1String("resource.labels.")) ||
            dim.name.startsWith(QLatin1String("metric.labels.")))
            id += QLatin1Char('|') + dim.name + QLatin1Char('=') + dim.value;
    return id;
}

} // namespace

Result<VertexListPage> parseVertexListPage(const QByteArray &body, const QString &collection) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{ErrorCode::BadResponse, tr("The list is not valid JSON; it may have been cut off."),
                     error.errorString()};
    if (!doc.isObject())
        return Error{ErrorCode::BadResponse, tr("The list is not a JSON object."), QString()};
    const QJsonValue items = doc.object().value(collection);
    if (!items.isUndefined() && !items.isArray())
        return Error{ErrorCode::BadResponse, tr("The list's \"%1\" is not a list.").arg(collection),
                     QString()};
    VertexListPage page;
    for (const QJsonValue &item : items.toArray())
        if (item.isObject())
            page.items.append(item.toObject());
    page.nextPageToken = doc.object().value(QLatin1String("nextPageToken")).toString();
    return page;
}

QUrl vertexListUrl(const GcpEndpointConfig &endpoint, const QString &project, const QString &location,
                   const QString &collection, const QString &pageToken) {
    QByteArray url = endpoint.aiplatformEndpointFor(location).toEncoded(
        QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url += "/v1/projects/" + QUrl::toPercentEncoding(project) + "/locations/" +
           QUrl::toPercentEncoding(location) + '/' + QUrl::toPercentEncoding(collection) +
           "?pageSize=" + QByteArray::number(kVertexPageSize);
    if (!pageToken.isEmpty())
        url += "&pageToken=" + QUrl::toPercentEncoding(pageToken);
    return QUrl::fromEncoded(url, QUrl::StrictMode);
}

QList<MetricDescriptor> describeEndpoint(const QJsonObject &endpoint, const QString &project,
                                         const QString &location) {
    const QString name = endpoint.value(QLatin1String("name")).toString();
    const QString id = lastSegment(name);
    if (id.isEmpty())
        return {};
    const MetricDescriptor e = endpointDescriptor(project, id, locationOf(name, location),
                                                  endpoint.value(QLatin1String("displayName")).toString());
    QList<MetricDescriptor> out{e};
    for (const QJsonValue &m : endpoint.value(QLatin1String("deployedModels")).toArray()) {
        const QJsonObject model = m.toObject();
        const QString modelId = model.value(QLatin1String("id")).toString();
        if (modelId.isEmpty())
            continue;
        MetricDescriptor d =
            deployedModelDescriptor(e, modelId, model.value(QLatin1String("displayName")).toString());
        // What the model's replicas run on: the catalog charts accelerators only where there are
        // some. (Automatic resources name no machine.)
        const QJsonObject spec = model.value(QLatin1String("dedicatedResources"))
                                     .toObject()
                                     .value(QLatin1String("machineSpec"))
                                     .toObject();
        const QString machineType = spec.value(QLatin1String("machineType")).toString();
        if (!machineType.isEmpty())
            d.dimensions.append({QStringLiteral("machineType"), machineType});
        const QString acceleratorType = spec.value(QLatin1String("acceleratorType")).toString();
        // acceleratorCount is an int32; proto3 JSON leaves 0 out, and a type without a count is one.
        const int acceleratorCount = std::max(1, spec.value(QLatin1String("acceleratorCount")).toInt(1));
        if (!acceleratorType.isEmpty() && acceleratorType != QLatin1String("ACCELERATOR_TYPE_UNSPECIFIED")) {
            d.dimensions.append({QStringLiteral("acceleratorType"), acceleratorType});
            d.dimensions.append({QStringLiteral("acceleratorCount"), QString::number(acceleratorCount)});
        }
        out.append(d);
    }
    return out;
}

std::optional<MetricDescriptor> describeTrainingJob(const QJsonObject &job, const QString &project,
                                                    const QString &location) {
    const QString name = job.value(QLatin1String("name")).toString();
    QString jobName = name;
    if (!name.contains(QLatin1String("/customJobs/")))
        jobName = job.value(QLatin1String("trainingTaskMetadata"))
                      .toObject()
                      .value(QLatin1String("backingCustomJob"))
                      .toString();
    const QString jobId = lastSegment(jobName);
    if (jobId.isEmpty())
        return std::nullopt;
    return trainingDescriptor(project, jobId, locationOf(name, location),
                              job.value(QLatin1String("displayName")).toString());
}

QList<MetricDescriptor> describeSeriesHeaders(const QList<GcpTimeSeries> &series, const QString &project) {
    QList<MetricDescriptor> out;
    for (const GcpTimeSeries &ts : series) {
        if (ts.resourceType == QLatin1String(kEndpointResourceType)) {
            const QString id = ts.resourceLabels.value(QStringLiteral("endpoint_id"));
            if (id.isEmpty())
                continue;
            const MetricDescriptor e =
                endpointDescriptor(project, id, ts.resourceLabels.value(QStringLiteral("location")),
                                   ts.metricLabels.value(QStringLiteral("endpoint_display_name")));
            out.append(e);
            const QString modelId = ts.metricLabels.value(QStringLiteral("deployed_model_id"));
            if (!modelId.isEmpty()) {
                MetricDescriptor d = deployedModelDescriptor(
                    e, modelId, ts.metricLabels.value(QStringLiteral("model_display_name")));
                if (ts.metricType == QLatin1String(kAcceleratorDutyCycleMetric))
                    d.dimensions.append({QStringLiteral("acceleratorType"), latin1(kAcceleratorReported)});
                out.append(d);
            }
        } else if (ts.resourceType == QLatin1String(kTrainingJobResourceType)) {
            const QString jobId = ts.resourceLabels.value(QStringLiteral("job_id"));
            if (!jobId.isEmpty())
                out.append(trainingDescriptor(project, jobId, QString(), QString()));
        }
    }
    return out;
}

// ---- the crawl ----------------------------------------------------------------------------------

GcpDiscovery::GcpDiscovery(GcpEndpointConfig endpoint, const QStringList &resourceTypes, QString account,
                           QDateTime nowUtc, Send send, Done done)
    : m_endpoint(std::move(endpoint))
    , m_types(resourceTypes)
    , m_account(std::move(account))
    , m_now(std::move(nowUtc))
    , m_send(std::move(send))
    , m_done(std::move(done)) {}

void GcpDiscovery::run(const GcpEndpointConfig &endpoint, const QStringList &resourceTypes,
                       const QString &account, const QDateTime &nowUtc, Send send, Done done) {
    std::shared_ptr<GcpDiscovery> crawl(
        new GcpDiscovery(endpoint, resourceTypes, account, nowUtc, std::move(send), std::move(done)));
    crawl->start();
}

bool GcpDiscovery::wants(const char *type) const {
    return m_types.isEmpty() || m_types.contains(latin1(type));
}

void GcpDiscovery::start() {
    if (m_endpoint.projectIds.isEmpty()) {
        finish(Error{
            ErrorCode::BadArgument,
            tr("%1: no Google Cloud project to look in. Add the project id to the account.").arg(m_account),
            QString()});
        return;
    }
    const QStringList locations =
        m_endpoint.locations.isEmpty() ? QStringList{latin1(kDefaultLocation)} : m_endpoint.locations;
    for (const QString &project : std::as_const(m_endpoint.projectIds)) {
        for (const QString &location : locations) {
            if (wants(kEndpointResourceType))
                m_queue.push_back(
                    Listing{true,
                            project,
                            location,
                            QStringLiteral("endpoints"),
                            {},
                            tr("listing Vertex AI endpoints in %1 (project %2)").arg(location, project),
                            {},
                            1,
                            {}});
            if (wants(kTrainingJobResourceType)) {
                // Pipelines first: their display names win over their backing jobs' generated ones.
                m_queue.push_back(Listing{
                    true,
                    project,
                    location,
                    QStringLiteral("trainingPipelines"),
                    {},
                    tr("listing Vertex AI training pipelines in %1 (project %2)").arg(location, project),
                    {},
                    1,
                    {}});
                m_queue.push_back(
                    Listing{true,
                            project,
                            location,
                            QStringLiteral("customJobs"),
                            {},
                            tr("listing Vertex AI custom jobs in %1 (project %2)").arg(location, project),
                            {},
                            1,
                            {}});
            }
        }
    }
    next();
}

void GcpDiscovery::fallBack(const QString &project) {
    if (m_fellBack.contains(project))
        return;
    m_fellBack.insert(project);
    qCInfo(lcGcp) << "Vertex AI listings forbidden in a project; discovering from Cloud Monitoring series";
    std::erase_if(m_queue, [&](const Listing &l) { return l.vertex && l.project == project; });
    QList<std::pair<const char *, const char *>> metrics;
    if (wants(kEndpointResourceType)) {
        // Duty cycles first: a model found there keeps its accelerator mark (the first report wins).
        metrics.append(std::pair{kAcceleratorDutyCycleMetric, kEndpointResourceType});
        metrics.append(std::pair{kReplicasMetric, kEndpointResourceType});
        metrics.append(std::pair{kPredictionCountMetric, kEndpointResourceType});
    }
    if (wants(kTrainingJobResourceType))
        metrics.append(std::pair{kTrainingCpuMetric, kTrainingJobResourceType});
    const qint64 now = m_now.toMSecsSinceEpoch();
    for (const auto &[metric, resource] : metrics) {
        Listing l;
        l.vertex = false;
        l.project = project;
        l.headers.project = project;
        l.headers.metricType = latin1(metric);
        l.headers.resourceType = latin1(resource);
        l.headers.view = GcpView::Headers;
        l.headers.range = TimeRange{(now - kFallbackLookbackMs) / 1000 * 1000, (now + 999) / 1000 * 1000};
        l.callName = timeSeriesCallName(l.headers);
        m_queue.push_back(std::move(l));
    }
}

void GcpDiscovery::add(const MetricDescriptor &descriptor) {
    const QString id = identityOf(descriptor);
    if (m_seen.contains(id))
        return;
    m_seen.insert(id);
    m_found.append(descriptor);
}

void GcpDiscovery::next() {
    if (m_finished)
        return;
    if (m_queue.empty()) {
        finish(m_found);
        return;
    }
    Listing listing = std::move(m_queue.front());
    m_queue.pop_front();
    HttpRequest request;
    if (listing.vertex) {
        request.method = QByteArrayLiteral("GET");
        request.url = vertexListUrl(m_endpoint, listing.project, listing.location, listing.collection,
                                    listing.pageToken);
        request.callName = listing.callName;
    } else {
        request = buildTimeSeriesRequest(m_endpoint, listing.headers, listing.pageToken);
    }
    auto self = shared_from_this();
    m_send(request, [self, listing](Result<HttpResponse> answer, int attempts) {
        self->onAnswer(listing, std::move(answer), attempts);
    });
}

void GcpDiscovery::onAnswer(const Listing &listing, Result<HttpResponse> answer, int attempts) {
    if (m_finished)
        return;
    if (!answer) {
        finish(answer.error());
        return;
    }
    if (!answer->isSuccess()) {
        if (listing.vertex && answer->status == 403) {
            fallBack(listing.project);
            next();
            return;
        }
        finish(gcpHttpError(*answer,
                            GcpCallDescription{m_account, listing.callName, listing.project, listing.vertex},
                            attempts));
        return;
    }
    QString nextPageToken;
    if (!onPage(listing, answer->body, &nextPageToken))
        return;
    if (!nextPageToken.isEmpty() && !listing.tokensSeen.contains(nextPageToken) &&
        listing.page < kMaxPagesPerListing) {
        Listing continuation = listing;
        continuation.tokensSeen.insert(nextPageToken);
        continuation.pageToken = nextPageToken;
        ++continuation.page;
        m_queue.push_front(std::move(continuation)); // finish this listing before the next one
    }
    next();
}

bool GcpDiscovery::onPage(const Listing &listing, const QByteArray &body, QString *nextPageToken) {
    const auto unreadable = [&](const Error &error) {
        finish(Error{error.code,
                     tr("%1: %2 answered with something MLWatch cannot read: %3")
                         .arg(m_account, listing.callName, error.message),
                     error.detail});
        return false;
    };
    if (!listing.vertex) {
        Result<GcpTimeSeriesPage> page = parseTimeSeriesPage(body);
        if (!page)
            return unreadable(page.error());
        for (const MetricDescriptor &d : describeSeriesHeaders(page->series, listing.project))
            add(d);
        *nextPageToken = page->nextPageToken;
        return true;
    }
    Result<VertexListPage> page = parseVertexListPage(body, listing.collection);
    if (!page)
        return unreadable(page.error());
    for (const QJsonObject &item : std::as_const(page->items)) {
        if (listing.collection == QLatin1String("endpoints")) {
            for (const MetricDescriptor &d : describeEndpoint(item, listing.project, listing.location))
                add(d);
        } else if (const std::optional<MetricDescriptor> job =
                       describeTrainingJob(item, listing.project, listing.location)) {
            add(*job);
        }
    }
    *nextPageToken = page->nextPageToken;
    return true;
}

void GcpDiscovery::finish(Result<QList<MetricDescriptor>> result) {
    if (m_finished)
        return;
    m_finished = true;
    m_queue.clear();
    const Done done = std::move(m_done);
    m_done = nullptr;
    done(std::move(result));
}

} // namespace mlwatch::gcp
