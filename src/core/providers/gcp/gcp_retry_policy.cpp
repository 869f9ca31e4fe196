#include "core/providers/gcp/gcp_retry_policy.h"

#include "core/providers/retry_backoff.h"

#include <algorithm>

namespace mlwatch::gcp {

GcpFailureKind classifyGcpFailure(int httpStatus, const QString &grpcStatus) {
    if (httpStatus == 429 || grpcStatus == QLatin1String("RESOURCE_EXHAUSTED"))
        return GcpFailureKind::Throttle;
    switch (httpStatus) {
    case 0:
    case 500:
    case 502:
    case 503:
    case 504:
        return GcpFailureKind::Transient;
    case 401:
        return GcpFailureKind::Unauthorized;
    default:
        return GcpFailureKind::Permanent;
    }
}

std::optional<std::chrono::seconds> GcpRetryPolicy::parseRetryAfter(const QByteArray &header,
                                                                    const QDateTime &nowUtc) {
    return mlwatch::parseRetryAfter(header, nowUtc);
}

std::chrono::milliseconds GcpRetryPolicy::backoff(int attempt) const {
    // base and maxBackoff are in real time; timeUnit scales them like Retry-After seconds.
    return jitteredBackoff(base, maxBackoff, attempt, random, double(timeUnit.count()) / 1000.0);
}

GcpRetryDecision GcpRetryPolicy::decide(int httpStatus, const QString &grpcStatus,
                                        const QByteArray &retryAfterHeader, int attempt,
                                        const QDateTime &nowUtc) const {
    GcpRetryDecision decision;
    const GcpFailureKind kind = classifyGcpFailure(httpStatus, grpcStatus);
    if (kind == GcpFailureKind::Unauthorized || kind == GcpFailureKind::Permanent)
        return decision;
    decision.retryAfter = parseRetryAfter(retryAfterHeader, nowUtc);
    if (decision.retryAfter && *decision.retryAfter > maxRetryAfter) {
        decision.waitTooLong = true;
        return decision;
    }
    if (attempt >= maxAttempts)
        return decision;
    decision.retry = true;
    decision.delay = decision.retryAfter ? timeUnit * decision.retryAfter->count() : backoff(attempt);
    return decision;
}

} // namespace mlwatch::gcp
