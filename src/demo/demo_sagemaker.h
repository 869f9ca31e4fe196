#pragma once

#include "demo/demo_response_writer.h"

#include <QByteArray>
#include <QString>

namespace mlwatch::demo {

class DemoDataset;

// The demo account's SageMaker control plane (AWS JSON 1.1, X-Amz-Target SageMaker.<operation>):
// DescribeEndpoint, DescribeEndpointConfig, DescribeTrainingJob and DescribeProcessingJob for
// the resources the story publishes metrics for, with the instance types the story's summed
// utilisations assume (demo_story.h). The caller verifies the signature (service "sagemaker").
// Unknown names answer ValidationException, other operations UnknownOperationException, and
// with a `fault` (an error type such as AccessDeniedException) every call answers it — AWS's
// JSON error shapes.
class DemoSageMaker {
public:
    static bool isSageMakerTarget(const QByteArray &targetHeader);
    static DemoReply answer(const QByteArray &targetHeader, const QByteArray &body,
                            const DemoDataset &dataset, const QString &fault);
    // The JSON 1.1 error reply: {"__type":code,"message":message}.
    static DemoReply error(int status, const QString &code, const QString &message);
};

} // namespace mlwatch::demo
