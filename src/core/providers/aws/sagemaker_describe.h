#pragma once

#include "core/model/metric_descriptor.h"
#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace mlwatch {
class Clock;
class HttpClient;
} // namespace mlwatch

namespace mlwatch::aws {

class ClockSkew;

// The attribute discovery puts on a resource descriptor to name its instance type (the same
// name Azure discovery uses for deployments); the catalog copies it to ChartSpec::instanceType.
inline constexpr char kInstanceTypeAttribute[] = "instanceType";

// The SageMaker control-plane endpoint: the account's endpoint override when it has one (the
// demo and tests answer both APIs on one port), else https://api.sagemaker.<region>.amazonaws.com/.
QUrl sageMakerEndpoint(const AwsEndpointConfig &endpoint);

// An unsigned SageMaker JSON 1.1 call (X-Amz-Target SageMaker.<operation>); `body` is a JSON object.
HttpRequest buildSageMakerRequest(const AwsEndpointConfig &endpoint, const QString &operation,
                                  const QByteArray &body);

// Learns the instance types of the SageMaker resources ListMetrics found — endpoint variants
// (DescribeEndpoint → DescribeEndpointConfig), training jobs (DescribeTrainingJob) and processing
// jobs (DescribeProcessingJob) — so per-device utilisations can be shown (UnitRegistry). For each
// resource whose type it learns it appends one resource descriptor: metricName empty, the
// resource's namespace and dimensions (EndpointName + VariantName, or Host per host) plus
// kInstanceTypeAttribute. Bounded: at most kMaxDescribeCalls calls per enrich(), newest jobs first
// (by name: SageMaker job names end in a timestamp), at most kConcurrency in flight. Never fails:
// a refused, throttled or unreadable answer is logged once per enrich() (no secrets) and that
// resource simply gets no descriptor ("sum of devices" stays on its charts).
class SageMakerDescribe : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxDescribeCalls = 50;
    static constexpr int kConcurrency = 4;

    SageMakerDescribe(HttpClient &http, const Clock &clock, const ClockSkew &skew, AwsCredentials credentials,
                      AwsEndpointConfig endpoint, QObject *parent = nullptr);

    // `done` gets `found` plus the resource descriptors; called exactly once, asynchronously
    // unless there is nothing to describe. Deleting this object abandons calls in flight
    // (`done` is then not called).
    void enrich(QList<MetricDescriptor> found, std::function<void(QList<MetricDescriptor>)> done);

private:
    struct Run;
    void pump(const std::shared_ptr<Run> &run);
    void call(const std::shared_ptr<Run> &run, const QString &operation, const QByteArray &body,
              std::function<void(QJsonObject)> onSuccess, std::function<void()> onFailure);

    HttpClient &m_http;
    const Clock &m_clock;
    const ClockSkew &m_skew;
    AwsCredentials m_credentials;
    AwsEndpointConfig m_endpoint;
};

} // namespace mlwatch::aws
