#include "core/providers/azure/azure_retry_policy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

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
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional(std::chrono::seconds(seconds)) : std::nullopt;
    // RFC 9110 also allows an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT").
    // Qt's RFC 2822 parser wants a numeric zone; HTTP dates always say "GMT".
    QString text = QString::fromLatin1(value);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid() || !nowUtc.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, nowUtc.secsTo(when)));
}

std::chrono::milliseconds AzureRetryPolicy::backoff(AzureFailureKind kind, int attempt) const {
    using std::chrono::milliseconds;
    const milliseconds base = kind == AzureFailureKind::Throttle ? throttleBase : transientBase;
    const int exponent = std::clamp(attempt - 1, 0, 30); // past 2^30 × base the cap has long won
    const double ceiling =
        std::min(double(base.count()) * std::ldexp(1.0, exponent), double(maxBackoff.count()));
    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return milliseconds(qint64(std::floor(ceiling / 2 + r * ceiling / 2)));
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
