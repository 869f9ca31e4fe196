#pragma once

#include "core/providers/aws/aws_credentials.h"
#include "core/providers/aws/aws_retry_policy.h"
#include "core/providers/aws/clock_skew.h"
#include "core/providers/aws/cloudwatch_request.h"
#include "core/providers/metric_provider.h"

#include <memory>

namespace mlwatch {
class Clock;
class HttpClient;
} // namespace mlwatch

namespace mlwatch::aws {

// CloudWatch behind the MetricProvider interface: plans GetMetricData batches, signs each call
// with SigV4 at the skew-corrected time, follows NextToken and appends pages per query id,
// retries throttling / 5xx / clock skew per AwsRetryPolicy, and turns every failure into an
// Error naming the account, the call and what to do. discover() lists metrics with ListMetrics,
// then asks the SageMaker API for the instance types of what it found (sagemaker_describe.h;
// best effort, never a discovery failure); fetch() makes no SageMaker calls.
class CloudWatchProvider final : public MetricProvider {
    Q_OBJECT
public:
    CloudWatchProvider(HttpClient &http, const Clock &clock, AwsCredentials credentials,
                       AwsEndpointConfig endpoint, QString accountLabel, QObject *parent = nullptr);

    QString accountLabel() const override { return m_accountLabel; }
    void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
               std::function<void(FetchReport)> done) override;
    void discover(const QStringList &namespaces,
                  std::function<void(Result<QList<MetricDescriptor>>)> done) override;
    void cancelAll() override;

    void setRetryPolicy(const AwsRetryPolicy &policy) { m_retry = policy; }
    const ClockSkew &clockSkew() const { return m_skew; }

private:
    struct Call;
    void fetchPage(const std::shared_ptr<Call> &call, const GetMetricDataBatch &batch,
                   const QString &nextToken);
    void parsePage(QByteArray body, std::function<void(Result<GetMetricDataPage>)> done);
    void sendSigned(HttpRequest request, int attempt, std::function<void(Result<HttpResponse>)> done);
    Error errorFor(const QString &callName, const HttpResponse &response) const;

    HttpClient &m_http;
    const Clock &m_clock;
    AwsCredentials m_credentials;
    AwsEndpointConfig m_endpoint;
    QString m_accountLabel;
    AwsRetryPolicy m_retry;
    ClockSkew m_skew;
    QObject *m_inflight = nullptr; // context of everything in flight; cancelAll() replaces it
    QList<std::shared_ptr<Call>> m_calls;
};

} // namespace mlwatch::aws
