#include "core/providers/aws/clock_skew.h"

#include <QDate>
#include <QTime>
#include <QTimeZone>

#include <array>
#include <cstdlib>
#include <optional>

namespace mlwatch::aws {

namespace {

// English names, as RFC 7231 fixes them; deliberately not QLocale (the user's locale would
// read "Tue"/"May" differently or not at all).
constexpr std::array<const char *, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<const char *, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
constexpr std::array<const char *, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N> bool isOneOf(QByteArrayView text, const std::array<const char *, N> &names) {
    for (const char *name : names) {
        if (text == QByteArrayView(name))
            return true;
    }
    return false;
}

int monthNumber(QByteArrayView text) {
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (text == QByteArrayView(kMonths[i]))
            return int(i) + 1;
    }
    return 0;
}

// Exactly `count` ASCII digits (a leading space allowed when `spacePadded`), else -1.
int digits(QByteArrayView text, bool spacePadded = false) {
    int value = 0;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' && spacePadded && i == 0 && text.size() > 1)
            continue;
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
        any = true;
    }
    return any ? value : -1;
}

// "HH:MM:SS" → time, or invalid.
QTime timeOfDay(QByteArrayView text) {
    if (text.size() != 8 || text[2] != ':' || text[5] != ':')
        return {};
    const int h = digits(text.sliced(0, 2));
    const int m = digits(text.sliced(3, 2));
    const int s = digits(text.sliced(6, 2));
    // 60 would be a leap second; QTime cannot hold it and a skew estimate does not need it.
    if (h < 0 || m < 0 || s < 0)
        return {};
    return QTime(h, m, s);
}

QDateTime utcDateTime(int year, int month, int day, const QTime &time) {
    // digits() reports garbage as -1, which QDate would accept as a year BCE.
    if (year <= 0 || month <= 0 || day <= 0)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

// IMF-fixdate, the only form servers may send: "Sun, 06 Nov 1994 08:49:37 GMT".
QDateTime parseImfFixdate(QByteArrayView h) {
    if (h.size() != 29 || h[3] != ',' || h[4] != ' ' || h[7] != ' ' || h[11] != ' ' || h[16] != ' ' ||
        h[25] != ' ' || h.sliced(26) != QByteArrayView("GMT") || !isOneOf(h.sliced(0, 3), kDays))
        return {};
    return utcDateTime(digits(h.sliced(12, 4)), monthNumber(h.sliced(8, 3)), digits(h.sliced(5, 2)),
                       timeOfDay(h.sliced(17, 8)));
}

// Obsolete RFC 850 form: "Sunday, 06-Nov-94 08:49:37 GMT". Two-digit years are read as the
// nearest century (RFC 7231 §7.1.1.1 says: more than 50 years ahead means the past century).
QDateTime parseRfc850(QByteArrayView h, int currentYear) {
    const qsizetype comma = h.indexOf(',');
    if (comma < 0 || !isOneOf(h.first(comma), kLongDays))
        return {};
    const QByteArrayView rest = h.sliced(comma);
    if (rest.size() != 24 || rest[1] != ' ' || rest[4] != '-' || rest[8] != '-' || rest[11] != ' ' ||
        rest[20] != ' ' || rest.sliced(21) != QByteArrayView("GMT"))
        return {};
    int year = digits(rest.sliced(9, 2));
    if (year < 0)
        return {};
    year += currentYear - currentYear % 100;
    if (year > currentYear + 50)
        year -= 100;
    return utcDateTime(year, monthNumber(rest.sliced(5, 3)), digits(rest.sliced(2, 2)),
                       timeOfDay(rest.sliced(12, 8)));
}

// Obsolete asctime form: "Sun Nov  6 08:49:37 1994" (day space-padded).
QDateTime parseAsctime(QByteArrayView h) {
    if (h.size() != 24 || h[3] != ' ' || h[7] != ' ' || h[10] != ' ' || h[19] != ' ' ||
        !isOneOf(h.sliced(0, 3), kDays))
        return {};
    return utcDateTime(digits(h.sliced(20, 4)), monthNumber(h.sliced(4, 3)), digits(h.sliced(8, 2), true),
                       timeOfDay(h.sliced(11, 8)));
}

std::optional<QDateTime> parseHttpDate(const QByteArray &header, int currentYear) {
    const QByteArray text = header.trimmed();
    QDateTime result = parseImfFixdate(text);
    if (!result.isValid())
        result = parseRfc850(text, currentYear);
    if (!result.isValid())
        result = parseAsctime(text);
    if (!result.isValid())
        return std::nullopt;
    return result;
}

} // namespace

void ClockSkew::observe(const QByteArray &dateHeader, const QDateTime &localNowUtc) {
    if (!localNowUtc.isValid())
        return;
    const std::optional<QDateTime> server = parseHttpDate(dateHeader, localNowUtc.toUTC().date().year());
    if (!server)
        return;
    const qint64 offset = localNowUtc.msecsTo(*server);
    // Below the threshold the difference is latency plus the header's one-second granularity:
    // correcting for it would only add noise, so the offset returns to zero.
    m_offsetMs = std::llabs(offset) >= kIgnoreBelowMs ? offset : 0;
}

} // namespace mlwatch::aws
