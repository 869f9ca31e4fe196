#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace mlwatch::gcp {

// What kind of failure a Google answer is (cloud-apis.md §3.3).
enum class GcpFailureKind {
    Throttle,     // 429, or RESOURCE_EXHAUSTED in the error envelope
    Transient,    // 500, 502, 503 (UNAVAILABLE), 504 (DEADLINE_EXCEEDED), and no answer (network, timeout)
    Unauthorized, // 401: the provider fetches a fresh token once; the policy never retries it
    Permanent,    // anything else (400, 403, 404, 501 …)
};

// `httpStatus` 0 stands for "no HTTP answer"; `grpcStatus` is the envelope's "status" (may be empty).
// 502 is retried with the documented 500/503/504: Google's own client libraries retry every 5xx
// but 501, and a 502 comes from a front end that did not reach the service.
GcpFailureKind classifyGcpFailure(int httpStatus, const QString &grpcStatus = {});

struct GcpRetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    // What Retry-After asked for (seconds, or an HTTP date turned into seconds), when sent. Google
    // usually sends none (cloud-apis.md §3.3).
    std::optional<std::chrono::seconds> retryAfter;
    // Retry-After asked for more than maxRetryAfter: given up at once (reported as Throttled).
    bool waitTooLong = false;
};

// Google's retry rules: throttles and transient failures back off exponentially with "equal
// jitter" — a delay in [ceiling/2, ceiling], ceiling = min(base × 2^(attempt-1), maxBackoff), i.e.
// about 1 s, 2 s, 4 s … ≤ 32 s as the reference recommends — so a burst of failing calls does not
// retry in lockstep. A Retry-After, when Google sends one, is honoured instead (waited in full,
// unless beyond maxRetryAfter: then it gives up rather than stall a refresh for minutes). Attempts
// are capped (first try included).
// Time is the caller's: the policy only computes delays. `random` and `timeUnit` are injectable so
// tests never wait for real seconds.
class GcpRetryPolicy {
public:
    int maxAttempts = 5;
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds maxBackoff{32000};
    std::chrono::seconds maxRetryAfter{60};
    // The length of one second of Retry-After; base and maxBackoff are scaled by timeUnit / 1 s too.
    std::chrono::milliseconds timeUnit{1000};
    std::function<double()> random; // in [0, 1); default QRandomGenerator::global()

    // After attempt number `attempt` (1-based, the one that just failed) got `httpStatus`
    // (0 = no answer) with envelope status `grpcStatus`. `retryAfterHeader` is the raw Retry-After
    // value; `nowUtc` reads an HTTP-date form of it.
    GcpRetryDecision decide(int httpStatus, const QString &grpcStatus, const QByteArray &retryAfterHeader,
                            int attempt, const QDateTime &nowUtc = {}) const;

    // The jittered exponential delay before retry number `attempt`.
    std::chrono::milliseconds backoff(int attempt) const;

    // Retry-After as seconds: a number, or an HTTP date relative to `nowUtc`; nullopt if neither.
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &header,
                                                               const QDateTime &nowUtc);
};

} // namespace mlwatch::gcp
