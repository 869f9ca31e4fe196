#pragma once

#include "core/net/http_types.h"

#include <QDateTime>

#include <chrono>
#include <functional>
#include <optional>

namespace mlwatch::azure {

// What kind of failure an Azure answer is (cloud-apis.md §2.5).
enum class AzureFailureKind {
    Throttle,     // 429: wait what Retry-After says
    Transient,    // 408, 500, 502, 503, 504, and transport failures (network error, timeout)
    Unauthorized, // 401: the provider refreshes the token once, the policy never retries it
    Permanent,    // anything else (400, 403, 404, 501 …)
};

// 0 stands for "no HTTP answer" (network error or timeout): transient.
AzureFailureKind classifyAzureStatus(int httpStatus);

struct AzureRetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    // What Retry-After asked for (seconds, or an HTTP date turned into seconds), when sent.
    std::optional<std::chrono::seconds> retryAfter;
    // The wait asked for exceeds maxRetryAfter: given up at once (reported as Throttled).
    bool waitTooLong = false;
};

// Azure's retry rules: 429 waits at least Retry-After (a bounded wait: beyond maxRetryAfter it
// gives up rather than stall a refresh for minutes; without the header it backs off like a
// transient failure, from a larger base); 408/5xx and transport failures back off exponentially
// with "equal jitter" — a delay in [ceiling/2, ceiling], ceiling = min(base × 2^(attempt-1),
// maxBackoff) — so a burst of failing calls does not retry in lockstep. Attempts are capped
// (first try included). A low x-ms-ratelimit-remaining-*-reads budget paces the next calls
// before the subscription gets throttled at all.
// Time is the caller's: the policy only computes delays. `random` and `retryAfterUnit` are
// injectable so tests never wait for real seconds.
class AzureRetryPolicy {
public:
    int maxAttempts = 4;
    std::chrono::milliseconds transientBase{500};
    std::chrono::milliseconds throttleBase{2000}; // 429 without Retry-After
    std::chrono::milliseconds maxBackoff{20000};
    std::chrono::seconds maxRetryAfter{60};
    std::chrono::milliseconds retryAfterUnit{1000}; // the length of one Retry-After second
    int lowReadsThreshold = 10;                     // remaining reads below this slow calls down
    std::chrono::milliseconds paceStep{100};        // per read below the threshold
    std::function<double()> random;                 // in [0, 1); default QRandomGenerator::global()

    // After attempt number `attempt` (1-based, the one that just failed) got `httpStatus`
    // (0 = no answer). `retryAfterHeader` is the raw Retry-After value; `nowUtc` reads an
    // HTTP-date form of it.
    AzureRetryDecision decide(int httpStatus, const QByteArray &retryAfterHeader, int attempt,
                              const QDateTime &nowUtc = {}) const;

    // The jittered exponential delay before retry number `attempt` of this kind.
    std::chrono::milliseconds backoff(AzureFailureKind kind, int attempt) const;

    // The pause before the next call, from the remaining-reads headers of the last answer
    // (x-ms-ratelimit-remaining-subscription-reads, -subscription-global-reads, -tenant-reads;
    // the lowest counts): paceStep × (threshold − remaining) when below the threshold, else 0.
    std::chrono::milliseconds paceDelay(const HttpHeaders &headers) const;

    // Retry-After as seconds: a number, or an HTTP date relative to `nowUtc`; nullopt if neither.
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &header,
                                                               const QDateTime &nowUtc);
};

} // namespace mlwatch::azure
