#include "core/providers/gcp/gcp_retry_policy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

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
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional(std::chrono::seconds(seconds)) : std::nullopt;
    // RFC 9110 also allows an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser
    // wants a numeric zone, and HTTP dates always say "GMT".
    QString text = QString::fromLatin1(value);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid() || !nowUtc.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, nowUtc.secsTo(when)));
}

std::chrono::milliseconds GcpRetryPolicy::backoff(int attempt) const {
    const double unit = double(timeUnit.count()) / 1000.0;
    const int exponent = std::clamp(attempt - 1, 0, 30); // past 2^30 × base the cap has long won
    const double ceiling =
        std::min(double(base.count()) * std::ldexp(1.0, exponent), double(maxBackoff.count())) * unit;
    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::floor(ceiling / 2 + r * ceiling / 2)));
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
