#include "core/providers/retry_backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace mlwatch {

std::chrono::milliseconds jitteredBackoff(std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                          int attempt, const std::function<double()> &random, double scale) {
    const int exponent = std::clamp(attempt - 1, 0, 30); // past 2^30 × base the cap has long won
    const double ceiling =
        std::min(double(base.count()) * std::ldexp(1.0, exponent), double(cap.count())) * scale;
    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::floor(ceiling / 2 + r * ceiling / 2)));
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &header, const QDateTime &nowUtc) {
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

} // namespace mlwatch
