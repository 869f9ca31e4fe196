#include "demo/demo_sagemaker.h"

#include "demo/demo_dataset.h"
#include "demo/demo_story.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlwatch::demo {

namespace {

const QByteArray kTargetPrefix = QByteArrayLiteral("SageMaker.");
const QByteArray kJsonType = QByteArrayLiteral("application/x-amz-json-1.1");
const QString kArnPrefix = QStringLiteral("arn:aws:sagemaker:us-east-1:123456789012:");
const QString kConfigSuffix = QStringLiteral("-config");

DemoReply ok(const QJsonObject &object) {
    return DemoReply{200, kJsonType, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

DemoReply notFound(const QString &what) {
    return DemoSageMaker::error(400, QStringLiteral("ValidationException"),
                                QStringLiteral("Could not find %1.").arg(what));
}

// True when the story publishes a metric of `ns` whose `dimension` is `value` (or, for Host,
// whose Host is "<value>/algo-N").
bool publishes(const DemoDataset &dataset, const QString &ns, const QString &dimension,
               const QString &value) {
    for (const DemoSeries &s : dataset.series()) {
        if (s.metric.namespaceName != ns)
            continue;
        const QString v = s.metric.dimensionValue(dimension);
        if (v == value ||
            (dimension == QLatin1String("Host") && v.startsWith(value + QStringLiteral("/algo-"))))
            return true;
    }
    return false;
}

// The endpoint's variants, from its metrics.
QStringList variantsOf(const DemoDataset &dataset, const QString &endpoint) {
    QStringList variants;
    for (const DemoSeries &s : dataset.series()) {
        if (s.metric.dimensionValue(QStringLiteral("EndpointName")) != endpoint)
            continue;
        const QString v = s.metric.dimensionValue(QStringLiteral("VariantName"));
        if (!v.isEmpty() && !variants.contains(v))
            variants.append(v);
    }
    return variants;
}

QString instanceType(const DemoInstance &instance) {
    return QLatin1String(instance.type);
}

} // namespace

bool DemoSageMaker::isSageMakerTarget(const QByteArray &targetHeader) {
    return targetHeader.startsWith(kTargetPrefix);
}

DemoReply DemoSageMaker::error(int status, const QString &code, const QString &message) {
    return DemoReply{
        status,
        kJsonType,
        QJsonDocument(QJsonObject{{QStringLiteral("__type"), code}, {QStringLiteral("message"), message}})
            .toJson(QJsonDocument::Compact),
        {}};
}

DemoReply DemoSageMaker::answer(const QByteArray &targetHeader, const QByteArray &body,
                                const DemoDataset &dataset, const QString &fault) {
    const QString operation = QString::fromLatin1(targetHeader.mid(kTargetPrefix.size()));
    const QJsonObject in = QJsonDocument::fromJson(body).object();
    if (!fault.isEmpty() && fault != QLatin1String("AccessDeniedException"))
        return error(400, fault, QStringLiteral("Rate exceeded"));
    if (!fault.isEmpty())
        return error(400, fault,
                     QStringLiteral("User: arn:aws:iam::123456789012:user/mlwatch-demo is not authorized to "
                                    "perform: sagemaker:%1")
                         .arg(operation));
    const auto name = [&in](const char *member) { return in.value(QLatin1String(member)).toString(); };
    const QString endpointsNs = QStringLiteral("/aws/sagemaker/Endpoints");

    if (operation == QLatin1String("DescribeEndpoint")) {
        const QString endpoint = name("EndpointName");
        if (endpoint.isEmpty() || !publishes(dataset, endpointsNs, QStringLiteral("EndpointName"), endpoint))
            return notFound(QStringLiteral("endpoint \"%1\"").arg(endpoint));
        QJsonArray variants;
        for (const QString &v : variantsOf(dataset, endpoint))
            variants.append(QJsonObject{{QStringLiteral("VariantName"), v},
                                        {QStringLiteral("CurrentInstanceCount"), 1},
                                        {QStringLiteral("DesiredInstanceCount"), 1},
                                        {QStringLiteral("CurrentWeight"), 1.0}});
        return ok(
            {{QStringLiteral("EndpointName"), endpoint},
             {QStringLiteral("EndpointArn"), QString(kArnPrefix + QStringLiteral("endpoint/") + endpoint)},
             {QStringLiteral("EndpointConfigName"), QString(endpoint + kConfigSuffix)},
             {QStringLiteral("ProductionVariants"), variants},
             {QStringLiteral("EndpointStatus"), QStringLiteral("InService")}});
    }
    if (operation == QLatin1String("DescribeEndpointConfig")) {
        const QString config = name("EndpointConfigName");
        const QString endpoint =
            config.endsWith(kConfigSuffix) ? config.chopped(kConfigSuffix.size()) : QString();
        if (endpoint.isEmpty() || !publishes(dataset, endpointsNs, QStringLiteral("EndpointName"), endpoint))
            return notFound(QStringLiteral("endpoint configuration \"%1\"").arg(config));
        QJsonArray variants;
        for (const QString &v : variantsOf(dataset, endpoint))
            variants.append(
                QJsonObject{{QStringLiteral("VariantName"), v},
                            {QStringLiteral("ModelName"), QString(endpoint + QStringLiteral("-model"))},
                            {QStringLiteral("InitialInstanceCount"), 1},
                            {QStringLiteral("InstanceType"), instanceType(kDemoEndpointInstance)},
                            {QStringLiteral("InitialVariantWeight"), 1.0}});
        return ok({{QStringLiteral("EndpointConfigName"), config},
                   {QStringLiteral("EndpointConfigArn"),
                    QString(kArnPrefix + QStringLiteral("endpoint-config/") + config)},
                   {QStringLiteral("ProductionVariants"), variants}});
    }
    if (operation == QLatin1String("DescribeTrainingJob")) {
        const QString job = name("TrainingJobName");
        if (job.isEmpty() ||
            !publishes(dataset, QStringLiteral("/aws/sagemaker/TrainingJobs"), QStringLiteral("Host"), job))
            return notFound(QStringLiteral("training job \"%1\"").arg(job));
        return ok(
            {{QStringLiteral("TrainingJobName"), job},
             {QStringLiteral("TrainingJobArn"), QString(kArnPrefix + QStringLiteral("training-job/") + job)},
             {QStringLiteral("TrainingJobStatus"), QStringLiteral("Completed")},
             {QStringLiteral("ResourceConfig"),
              QJsonObject{{QStringLiteral("InstanceType"), instanceType(kDemoTrainingInstance)},
                          {QStringLiteral("InstanceCount"), 1},
                          {QStringLiteral("VolumeSizeInGB"), 50}}}});
    }
    if (operation == QLatin1String("DescribeProcessingJob")) {
        const QString job = name("ProcessingJobName");
        if (job.isEmpty() ||
            !publishes(dataset, QStringLiteral("/aws/sagemaker/ProcessingJobs"), QStringLiteral("Host"), job))
            return notFound(QStringLiteral("processing job \"%1\"").arg(job));
        return ok({{QStringLiteral("ProcessingJobName"), job},
                   {QStringLiteral("ProcessingJobArn"),
                    QString(kArnPrefix + QStringLiteral("processing-job/") + job)},
                   {QStringLiteral("ProcessingJobStatus"), QStringLiteral("Completed")},
                   {QStringLiteral("ProcessingResources"),
                    QJsonObject{
                        {QStringLiteral("ClusterConfig"),
                         QJsonObject{{QStringLiteral("InstanceType"), instanceType(kDemoProcessingInstance)},
                                     {QStringLiteral("InstanceCount"), 1},
                                     {QStringLiteral("VolumeSizeInGB"), 30}}}}}});
    }
    return error(400, QStringLiteral("UnknownOperationException"),
                 QStringLiteral("The demo SageMaker API does not answer %1.").arg(operation));
}

} // namespace mlwatch::demo
