#include "core/providers/azure/azure_retry_policy.h"

#include "core/providers/retry_backoff.h"

#include <algorithm>
#include <array>

namespace mlwatch::azure {

AzureFailureKind classifyAzureStatus(int httpStatus) {
    switch (httpStatus) {
    case 429:
        return AzureFailureKind::Throttle;
    case 0:
    case 408:
    case 500:
    case 502:
    case 503:
    case 504:
        return AzureFailureKind::Transient;
    case 401:
        return AzureFailureKind::Unauthorized;
    default:
        return AzureFailureKind::Permanent;
    }
}

std::optional<std::chrono::seconds> AzureRetryPolicy::parseRetryAfter(const QByteArray &header,
                                                                      const QDateTime &nowUtc) {
    return mlwatch::parseRetryAfter(header, nowUtc);
}

std::chrono::milliseconds AzureRetryPolicy::backoff(AzureFailureKind kind, int attempt) const {
    return jitteredBackoff(kind == AzureFailureKind::Throttle ? throttleBase : transientBase, maxBackoff,
                           attempt, random);
}

AzureRetryDecision AzureRetryPolicy::decide(int httpStatus, const QByteArray &retryAfterHeader, int attempt,
                                            const QDateTime &nowUtc) const {
    AzureRetryDecision decision;
    const AzureFailureKind kind = classifyAzureStatus(httpStatus);
    if (kind == AzureFailureKind::Unauthorized || kind == AzureFailureKind::Permanent)
        return decision;
    if (kind == AzureFailureKind::Throttle) {
        decision.retryAfter = parseRetryAfter(retryAfterHeader, nowUtc);
        if (decision.retryAfter && *decision.retryAfter > maxRetryAfter) {
            decision.waitTooLong = true;
            return decision;
        }
    }
    if (attempt >= maxAttempts)
        return decision;
    decision.retry = true;
    decision.delay =
        decision.retryAfter ? retryAfterUnit * decision.retryAfter->count() : backoff(kind, attempt);
    return decision;
}

std::chrono::milliseconds AzureRetryPolicy::paceDelay(const HttpHeaders &headers) const {
    constexpr std::array kBudgetHeaders = {
        "x-ms-ratelimit-remaining-subscription-reads",
        "x-ms-ratelimit-remaining-subscription-global-reads",
        "x-ms-ratelimit-remaining-tenant-reads",
    };
    std::optional<qint64> lowest;
    for (const char *name : kBudgetHeaders) {
        bool ok = false;
        const qint64 remaining = headerValue(headers, name).trimmed().toLongLong(&ok);
        if (ok && remaining >= 0)
            lowest = lowest ? std::min(*lowest, remaining) : remaining;
    }
    if (!lowest || *lowest >= lowReadsThreshold)
        return std::chrono::milliseconds(0);
    return paceStep * (lowReadsThreshold - *lowest);
}

} // namespace mlwatch::azure
