#include "core/providers/aws/sagemaker_describe.h"

#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/aws/clock_skew.h"
#include "core/providers/aws/sigv4_signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <map>

namespace mlwatch::aws {

namespace {

const QString kEndpointsNs = QStringLiteral("/aws/sagemaker/Endpoints");
const QString kInvocationsNs = QStringLiteral("AWS/SageMaker");
const QString kTrainingNs = QStringLiteral("/aws/sagemaker/TrainingJobs");
const QString kProcessingNs = QStringLiteral("/aws/sagemaker/ProcessingJobs");

QByteArray jsonBody(const char *member, const QString &value) {
    return QJsonDocument(QJsonObject{{QLatin1String(member), value}}).toJson(QJsonDocument::Compact);
}

// "churn-train-2026-11-25-0600/algo-1" → "churn-train-2026-11-25-0600"
QString jobOfHost(const QString &host) {
    const qsizetype slash = host.lastIndexOf(QLatin1Char('/'));
    return slash > 0 ? host.left(slash) : host;
}

// The short error code of a SageMaker JSON error ("…#AccessDeniedException" → "AccessDeniedException").
QString errorCodeOf(const HttpResponse &response) {
    QString type = QJsonDocument::fromJson(response.body).object().value(QLatin1String("__type")).toString();
    if (type.isEmpty())
        type = QString::fromLatin1(response.header("x-amzn-ErrorType"));
    type = type.section(QLatin1Char(':'), 0, 0);
    return type.section(QLatin1Char('#'), -1);
}

} // namespace

QUrl sageMakerEndpoint(const AwsEndpointConfig &endpoint) {
    if (!endpoint.endpoint.isEmpty())
        return endpoint.endpoint;
    if (endpoint.region.isEmpty())
        return {};
    const QString suffix = endpoint.region.startsWith(QLatin1String("cn-"))
                               ? QStringLiteral("amazonaws.com.cn")
                               : QStringLiteral("amazonaws.com");
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("api.sagemaker.") + endpoint.region + QLatin1Char('.') + suffix);
    url.setPath(QStringLiteral("/"));
    return url;
}

HttpRequest buildSageMakerRequest(const AwsEndpointConfig &endpoint, const QString &operation,
                                  const QByteArray &body) {
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = sageMakerEndpoint(endpoint);
    request.callName = operation;
    request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-amz-json-1.1"));
    request.setHeader(QByteArrayLiteral("X-Amz-Target"),
                      QByteArrayLiteral("SageMaker.") + operation.toLatin1());
    request.body = body;
    return request;
}

// One enrich(): the work queue, the budget and what was learnt.
struct SageMakerDescribe::Run {
    QList<MetricDescriptor> found;
    std::function<void(QList<MetricDescriptor>)> done;
    // Each task starts one resource's calls and calls `over` when they are done. Tasks do not
    // hold the run (pump() passes it), so an abandoned run is freed with its replies.
    QList<std::function<void(const std::shared_ptr<Run> &, std::function<void()> over)>> tasks;
    int active = 0;
    int callsLeft = kMaxDescribeCalls;
    bool stopped = false;       // throttled: no more calls this run
    bool failureLogged = false; // one log line per run, not one per resource
    QSet<QString> denied;       // operations refused with AccessDenied: not asked again
    QList<MetricDescriptor> learnt;
};

SageMakerDescribe::SageMakerDescribe(HttpClient &http, const Clock &clock, const ClockSkew &skew,
                                     AwsCredentials credentials, AwsEndpointConfig endpoint, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock)
    , m_skew(skew)
    , m_credentials(std::move(credentials))
    , m_endpoint(std::move(endpoint)) {}

void SageMakerDescribe::enrich(QList<MetricDescriptor> found,
                               std::function<void(QList<MetricDescriptor>)> done) {
    auto fresh = std::make_shared<Run>();
    fresh->done = std::move(done);

    // endpoint → variant → the namespaces its metrics are in; job → host → namespace
    std::map<QString, std::map<QString, QSet<QString>>> endpoints;
    std::map<QString, QStringList, std::greater<>> trainingJobs;   // newest (largest name) first
    std::map<QString, QStringList, std::greater<>> processingJobs; // likewise
    for (const MetricDescriptor &d : found) {
        if (d.metricName.isEmpty())
            continue;
        if (d.namespaceName == kEndpointsNs || d.namespaceName == kInvocationsNs) {
            const QString endpoint = d.dimensionValue(QStringLiteral("EndpointName"));
            const QString variant = d.dimensionValue(QStringLiteral("VariantName"));
            if (!endpoint.isEmpty() && !variant.isEmpty())
                endpoints[endpoint][variant].insert(d.namespaceName);
        } else if (d.namespaceName == kTrainingNs || d.namespaceName == kProcessingNs) {
            const QString host = d.dimensionValue(QStringLiteral("Host"));
            if (host.isEmpty())
                continue;
            QStringList &hosts =
                (d.namespaceName == kTrainingNs ? trainingJobs : processingJobs)[jobOfHost(host)];
            if (!hosts.contains(host))
                hosts.append(host);
        }
    }
    fresh->found = std::move(found);

    const auto learn = [](Run &into, const QString &ns, QList<Dimension> dims, const QString &instanceType) {
        dims.append({QLatin1String(kInstanceTypeAttribute), instanceType});
        into.learnt.append(MetricDescriptor{ns, QString(), std::move(dims)});
    };

    for (const auto &[endpointName, variants] : endpoints) {
        fresh->tasks.append([this, learn, endpointName, variants](const std::shared_ptr<Run> &run,
                                                                  std::function<void()> over) {
            call(
                run, QStringLiteral("DescribeEndpoint"), jsonBody("EndpointName", endpointName),
                [this, run, learn, endpointName, variants, over](QJsonObject endpoint) {
                    const QString config = endpoint.value(QLatin1String("EndpointConfigName")).toString();
                    if (config.isEmpty())
                        return over();
                    call(
                        run, QStringLiteral("DescribeEndpointConfig"), jsonBody("EndpointConfigName", config),
                        [run, learn, endpointName, variants, over](QJsonObject answer) {
                            const QJsonArray list =
                                answer.value(QLatin1String("ProductionVariants")).toArray();
                            for (const QJsonValue &v : list) {
                                const QString name = v[QLatin1String("VariantName")].toString();
                                const QString type = v[QLatin1String("InstanceType")].toString();
                                const auto it = variants.find(name);
                                if (type.isEmpty() || it == variants.end())
                                    continue; // serverless, or a variant without metrics
                                for (const QString &ns : it->second)
                                    learn(*run, ns,
                                          {{QStringLiteral("EndpointName"), endpointName},
                                           {QStringLiteral("VariantName"), name}},
                                          type);
                            }
                            over();
                        },
                        over);
                },
                over);
        });
    }
    // Jobs: newest first across both kinds, so the budget goes to what people look at.
    struct JobRef {
        QString name;
        bool training;
        QStringList hosts;
    };
    QList<JobRef> jobs;
    for (const auto &[name, hosts] : trainingJobs)
        jobs.append({name, true, hosts});
    for (const auto &[name, hosts] : processingJobs)
        jobs.append({name, false, hosts});
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const JobRef &a, const JobRef &b) { return a.name > b.name; });
    for (const JobRef &job : std::as_const(jobs)) {
        fresh->tasks.append([this, learn, job](const std::shared_ptr<Run> &run, std::function<void()> over) {
            const QString operation = job.training ? QStringLiteral("DescribeTrainingJob")
                                                   : QStringLiteral("DescribeProcessingJob");
            const QByteArray body =
                jsonBody(job.training ? "TrainingJobName" : "ProcessingJobName", job.name);
            call(
                run, operation, body,
                [run, learn, job, over](QJsonObject answer) {
                    const QJsonObject resources =
                        job.training ? answer.value(QLatin1String("ResourceConfig")).toObject()
                                     : answer.value(QLatin1String("ProcessingResources"))
                                           .toObject()
                                           .value(QLatin1String("ClusterConfig"))
                                           .toObject();
                    const QString type = resources.value(QLatin1String("InstanceType")).toString();
                    if (!type.isEmpty())
                        for (const QString &host : job.hosts)
                            learn(*run, job.training ? kTrainingNs : kProcessingNs,
                                  {{QStringLiteral("Host"), host}}, type);
                    over();
                },
                over);
        });
    }
    pump(fresh);
}

void SageMakerDescribe::pump(const std::shared_ptr<Run> &run) {
    while (run->active < kConcurrency && !run->tasks.isEmpty() && !run->stopped && run->callsLeft > 0) {
        const auto task = run->tasks.takeFirst();
        ++run->active;
        task(run, [this, run]() {
            --run->active;
            pump(run);
        });
    }
    if (run->active > 0 || !run->done)
        return;
    if (!run->learnt.isEmpty())
        qCInfo(lcAws) << "SageMaker: learnt the instance type of" << run->learnt.size() << "resources";
    QList<MetricDescriptor> out = std::move(run->found);
    out.append(run->learnt);
    const auto done = std::exchange(run->done, nullptr);
    done(std::move(out));
}

void SageMakerDescribe::call(const std::shared_ptr<Run> &run, const QString &operation,
                             const QByteArray &body, std::function<void(QJsonObject)> onSuccess,
                             std::function<void()> onFailure) {
    if (run->stopped || run->callsLeft <= 0 || run->denied.contains(operation))
        return onFailure();
    --run->callsLeft;
    HttpRequest request = buildSageMakerRequest(m_endpoint, operation, body);
    SigV4Signer::sign(request, SigV4Params{m_endpoint.region, QStringLiteral("sagemaker"), m_credentials,
                                           m_skew.corrected(m_clock.nowUtc())});
    m_http.send(request, this,
                [run, operation, onSuccess = std::move(onSuccess),
                 onFailure = std::move(onFailure)](Result<HttpResponse> result) {
                    QString problem;
                    if (!result) {
                        problem = result.error().message;
                    } else if (!result->isSuccess()) {
                        const QString code = errorCodeOf(*result);
                        if (code.startsWith(QLatin1String("AccessDenied")))
                            run->denied.insert(operation);
                        if (code.startsWith(QLatin1String("Throttling")))
                            run->stopped = true;
                        problem = QStringLiteral("HTTP %1 %2").arg(result->status).arg(code);
                    } else {
                        QJsonParseError error;
                        const QJsonDocument doc = QJsonDocument::fromJson(result->body, &error);
                        if (doc.isObject())
                            return onSuccess(doc.object());
                        problem = QStringLiteral("unreadable answer (%1)").arg(error.errorString());
                    }
                    if (!run->failureLogged) {
                        run->failureLogged = true;
                        // The operation and the error code only: no request, no credentials.
                        qCWarning(lcAws).noquote()
                            << "SageMaker" << operation << "failed:" << problem
                            << "- charts of such resources keep utilisation summed over devices";
                    }
                    onFailure();
                });
}

} // namespace mlwatch::aws
