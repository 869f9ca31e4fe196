#pragma once

#include "core/providers/aws/cloudwatch_response.h"

#include <QByteArray>

#include <chrono>
#include <functional>

namespace mlwatch::aws {

// What kind of failure an AWS answer is, following botocore's "standard" retry mode
// (cloud-apis.md §1.3, §1.7).
enum class FailureKind {
    Throttle,  // Throttling, ThrottlingException, TooManyRequestsException, … (HTTP 400!)
    Transient, // 500/502/503/504, RequestTimeout, …
    ClockSkew, // SignatureDoesNotMatch "Signature expired …", RequestTimeTooSkewed, …
    Auth,      // InvalidClientTokenId, SignatureDoesNotMatch (real), AccessDenied, ExpiredToken …
    Permanent, // anything else: validation, bad parameters
};

FailureKind classifyAwsError(const AwsError &error);

// The standard mode's backoff: delay = random(0,1) × min(scale × 2^(attempt-1), 20 s) with
// scale 1 s for throttles and 50 ms otherwise; an x-amz-retry-after header (ms) wins.
// Attempts are capped (3 by default, first try included). Randomness and scale are
// injectable so tests do not wait.
class AwsRetryPolicy {
public:
    int maxAttempts = 3;
    std::chrono::milliseconds throttleScale{1000};
    std::chrono::milliseconds transientScale{50};
    std::chrono::milliseconds cap{20000};
    std::function<double()> random; // in [0, 1); default: QRandomGenerator::global()

    // Whether attempt number `attempt` (1-based; the one that just failed) may be retried.
    bool shouldRetry(FailureKind kind, int attempt) const;
    std::chrono::milliseconds delayBeforeRetry(FailureKind kind, int attempt,
                                               const QByteArray &retryAfterHeader = {}) const;
};

} // namespace mlwatch::aws
