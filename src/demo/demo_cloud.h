#pragma once

#include "core/providers/aws/aws_environment.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace mlwatch::demo {

// Faults the simulated cloud can inject, for tests and for trying the app's error paths.
enum class DemoFault {
    Throttle,    // HTTP 400, code Throttling "Rate exceeded" (what CloudWatch really sends)
    ServerError, // HTTP 500, code InternalServiceError
    Garbage,     // HTTP 200 with a body that is not CloudWatch's
};

// A simulated AWS CloudWatch on 127.0.0.1 (random port), served from inside the process with
// QHttpServer. It speaks the real wire formats — GetMetricData and ListMetrics over JSON 1.0
// (X-Amz-Target) and over the query protocol (form body, XML answer) — and checks each request's
// SigV4 signature against the dummy demo credentials, so the demo runs the very code path that
// talks to AWS. It also answers the SageMaker control plane's Describe* calls for its resources
// (demo_sagemaker.h; signing name "sagemaker") on the same port. Its data is deterministic and
// covers the 30 days before `nowUtc` at 1-minute resolution, telling the story of the five
// workflow stages (see demo_dataset.h).
class DemoCloud : public QObject {
    Q_OBJECT
public:
    explicit DemoCloud(QObject *parent = nullptr);
    ~DemoCloud() override;

    // Listens on 127.0.0.1 with a random port. `nowUtc` anchors the simulated history (and is
    // the server's clock, see setClockOffsetSeconds). Returns false when it cannot listen.
    bool start(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    QUrl endpoint() const; // "http://127.0.0.1:PORT/"

    // Dummy credentials, never stored anywhere; region "us-east-1".
    static aws::AwsCredentials credentials();
    static QString region();
    // Accept these credentials instead of the dummy ones (the secret-leak test signs with marker
    // strings). Requests signed with the session token must carry it, as with AWS.
    void setAcceptedCredentials(const aws::AwsCredentials &credentials);
    // Credentials + endpoint for a client of this server (the accepted ones).
    aws::AwsResolved resolved(aws::CloudWatchProtocol protocol = aws::CloudWatchProtocol::Json) const;

    // The next `count` requests fail with `fault`, then the server behaves again.
    void injectFaults(DemoFault fault, int count);
    // Makes the server's clock differ from the anchor by `seconds` (it then rejects requests
    // signed more than 5 minutes away from its clock with "Signature expired", and tells its
    // time in every response's Date header, as AWS does).
    void setClockOffsetSeconds(qint64 seconds);
    // Makes every SageMaker call (DescribeEndpoint …) answer this error type (HTTP 400):
    // "AccessDeniedException" as for an IAM user with CloudWatch permissions only,
    // "ThrottlingException"; empty: answer normally.
    void setSageMakerFault(const QString &errorType);
    // Caps datapoints per GetMetricData page (default 100,800) so tests can force NextToken paging.
    void setMaxDatapointsPerPage(int maxDatapoints);

    quint64 requestCount() const;
    // "GetMetricData", "ListMetrics", "SageMaker.DescribeEndpoint", …, in order
    QStringList receivedCalls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mlwatch::demo
