#include "core/providers/aws/aws_retry_policy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

namespace mlwatch::aws {

namespace {

// botocore retries/standard.py _THROTTLED_ERROR_CODES (cloud-apis.md §1.7).
constexpr std::array kThrottleCodes = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
};

// botocore _TRANSIENT_ERROR_CODES; the 5xx statuses are checked separately.
constexpr std::array kTransientCodes = {
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
};

// Codes that only ever mean "your clock is off" (AWS JS SDK v3 CLOCK_SKEW_ERROR_CODES minus
// the ambiguous ones below).
constexpr std::array kClockSkewCodes = {
    "RequestTimeTooSkewed",
    "RequestExpired",
    "RequestInTheFuture",
};

// Codes that mean either a skewed clock or a genuinely bad signature; the message decides
// (cloud-apis.md §1.3: "Signature expired: … is now earlier than …").
constexpr std::array kAmbiguousSignatureCodes = {
    "SignatureDoesNotMatch",
    "InvalidSignatureException",
    "AuthFailure",
};

constexpr std::array kAuthCodes = {
    "InvalidClientTokenId",  "UnrecognizedClientException",
    "AccessDenied",          "AccessDeniedException",
    "ExpiredToken",          "ExpiredTokenException",
    "SignatureDoesNotMatch", "MissingAuthenticationToken",
    "IncompleteSignature",   "InvalidSignatureException",
    "AuthFailure",           "NotAuthorized",
};

template <std::size_t N> bool isOneOf(const QString &code, const std::array<const char *, N> &codes) {
    return std::any_of(codes.begin(), codes.end(),
                       [&code](const char *c) { return code == QLatin1StringView(c); });
}

bool messageSaysClockSkew(const QString &message) {
    return message.contains(QLatin1StringView("expired"), Qt::CaseInsensitive) ||
           message.contains(QLatin1StringView("earlier than"), Qt::CaseInsensitive) ||
           message.contains(QLatin1StringView("in the future"), Qt::CaseInsensitive);
}

} // namespace

FailureKind classifyAwsError(const AwsError &error) {
    // Order matters: a throttle code wins over its HTTP 400, a skew message over the auth code
    // it arrives with.
    if (isOneOf(error.code, kThrottleCodes) || error.httpStatus == 429)
        return FailureKind::Throttle;
    if (isOneOf(error.code, kClockSkewCodes) ||
        (isOneOf(error.code, kAmbiguousSignatureCodes) && messageSaysClockSkew(error.message)))
        return FailureKind::ClockSkew;
    if (isOneOf(error.code, kAuthCodes))
        return FailureKind::Auth;
    if (isOneOf(error.code, kTransientCodes))
        return FailureKind::Transient;
    switch (error.httpStatus) {
    case 500:
    case 502:
    case 503:
    case 504:
        return FailureKind::Transient;
    case 401:
    case 403:
        // No readable code (e.g. a proxy's page): the credentials or the signature were refused.
        if (error.code.isEmpty())
            return FailureKind::Auth;
        break;
    default:
        break;
    }
    return FailureKind::Permanent;
}

bool AwsRetryPolicy::shouldRetry(FailureKind kind, int attempt) const {
    switch (kind) {
    case FailureKind::Throttle:
    case FailureKind::Transient:
    case FailureKind::ClockSkew:
        return attempt < maxAttempts;
    case FailureKind::Auth:
    case FailureKind::Permanent:
        return false;
    }
    return false;
}

std::chrono::milliseconds AwsRetryPolicy::delayBeforeRetry(FailureKind kind, int attempt,
                                                           const QByteArray &retryAfterHeader) const {
    using std::chrono::milliseconds;
    // The server's own hint wins, but never beyond the cap: a fetch must not stall for minutes
    // on one header.
    if (!retryAfterHeader.isEmpty()) {
        bool ok = false;
        const qint64 hintMs = retryAfterHeader.trimmed().toLongLong(&ok);
        if (ok && hintMs >= 0)
            return std::min(milliseconds(hintMs), cap);
    }

    const milliseconds scale = kind == FailureKind::Throttle ? throttleScale : transientScale;
    // 2^(attempt-1) overflows nothing as long as the exponent is bounded; past 2^30 × scale the
    // cap has long been reached.
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceilingMs = std::min(double(scale.count()) * std::ldexp(1.0, exponent), double(cap.count()));
    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return milliseconds(qint64(std::floor(r * ceilingMs)));
}

} // namespace mlwatch::aws
