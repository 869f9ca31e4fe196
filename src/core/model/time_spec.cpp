#include "core/model/time_spec.h"

#include <QCoreApplication>

#include <limits>

namespace mlwatch {

namespace {

constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kWeekMs = 7 * kDayMs;

Error timeError(const QString &text, const QString &why) {
    return Error{
        ErrorCode::BadArgument,
        QCoreApplication::translate("mlwatch::TimeSpec",
                                    "\"%1\" is not a valid time: use ISO 8601 with a zone such as "
                                    "2026-11-20T12:00:00Z, or a relative time such as -30m, -1h, -7d or now")
            .arg(text),
        why};
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// A cursor over the (ASCII) text; every reader returns false when the expected thing is absent.
class Cursor {
public:
    explicit Cursor(QStringView s)
        : m_s(s) {}

    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_s.at(m_pos); }
    bool accept(char c) {
        if (atEnd() || m_s.at(m_pos).toLower() != QLatin1Char(c))
            return false;
        ++m_pos;
        return true;
    }
    // Exactly `count` decimal digits.
    bool digits(int count, int &out) {
        if (m_pos + count > m_s.size())
            return false;
        int v = 0;
        for (int i = 0; i < count; ++i) {
            const char16_t c = m_s.at(m_pos + i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + (c - u'0');
        }
        m_pos += count;
        out = v;
        return true;
    }
    // One or more digits; the value and how many digits were read (capped to avoid overflow).
    bool number(qint64 &out, int &count, int maxDigits) {
        qint64 v = 0;
        count = 0;
        while (!atEnd() && peek().isDigit() && peek().unicode() < 128) {
            if (count == maxDigits)
                return false;
            v = v * 10 + (peek().unicode() - u'0');
            ++m_pos;
            ++count;
        }
        out = v;
        return count > 0;
    }

private:
    QStringView m_s;
    qsizetype m_pos = 0;
};

Result<qint64> parseRelative(const QString &text, qint64 nowMs) {
    Cursor c(QStringView(text).mid(1));
    qint64 amount = 0;
    int count = 0;
    if (!c.number(amount, count, 12))
        return timeError(text, QStringLiteral("expected a number after '-'"));
    qint64 unitMs = 0;
    if (c.accept('s'))
        unitMs = kSecondMs;
    else if (c.accept('m'))
        unitMs = kMinuteMs;
    else if (c.accept('h'))
        unitMs = kHourMs;
    else if (c.accept('d'))
        unitMs = kDayMs;
    else if (c.accept('w'))
        unitMs = kWeekMs;
    else
        return timeError(text, QStringLiteral("expected a unit: s, m, h, d or w"));
    if (!c.atEnd())
        return timeError(text, QStringLiteral("unexpected text after the unit"));
    // 12 digits of weeks is far below qint64's range, but `now - offset` must not wrap either.
    const qint64 offset = amount * unitMs;
    if (nowMs < std::numeric_limits<qint64>::min() + offset)
        return timeError(text, QStringLiteral("too far in the past"));
    return nowMs - offset;
}

Result<qint64> parseIso(const QString &text) {
    Cursor c(text);
    int year = 0, month = 0, day = 0;
    if (!c.digits(4, year) || !c.accept('-') || !c.digits(2, month) || !c.accept('-') || !c.digits(2, day))
        return timeError(text, QStringLiteral("expected a date YYYY-MM-DD"));
    if (month < 1 || month > 12)
        return timeError(text, QStringLiteral("month out of range"));
    if (day < 1 || day > daysInMonth(year, month))
        return timeError(text, QStringLiteral("day out of range"));
    const qint64 dayMs = daysFromCivil(year, month, day) * kDayMs;
    if (c.atEnd())
        return dayMs; // a bare date: midnight UTC

    if (!c.accept('t') && !c.accept(' '))
        return timeError(text, QStringLiteral("expected 'T' between date and time"));
    int hour = 0, minute = 0, second = 0;
    qint64 fractionMs = 0;
    if (!c.digits(2, hour) || !c.accept(':') || !c.digits(2, minute))
        return timeError(text, QStringLiteral("expected a time HH:MM[:SS]"));
    if (c.accept(':')) {
        if (!c.digits(2, second))
            return timeError(text, QStringLiteral("expected seconds SS"));
        if (c.accept('.') || c.accept(',')) {
            qint64 fraction = 0;
            int count = 0;
            if (!c.number(fraction, count, 9))
                return timeError(text, QStringLiteral("expected 1 to 9 digits of fraction"));
            // Keep milliseconds, truncating finer digits.
            while (count > 3) {
                fraction /= 10;
                --count;
            }
            while (count < 3) {
                fraction *= 10;
                ++count;
            }
            fractionMs = fraction;
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return timeError(text, QStringLiteral("time of day out of range"));

    qint64 offsetMs = 0;
    if (c.accept('z')) {
        // UTC
    } else if (c.peek() == QLatin1Char('+') || c.peek() == QLatin1Char('-')) {
        const bool negative = c.peek() == QLatin1Char('-');
        c.accept(negative ? '-' : '+');
        int offHours = 0, offMinutes = 0;
        if (!c.digits(2, offHours))
            return timeError(text, QStringLiteral("expected a zone offset ±HH[:MM]"));
        if (c.accept(':')) {
            if (!c.digits(2, offMinutes))
                return timeError(text, QStringLiteral("expected a zone offset ±HH:MM"));
        } else if (!c.atEnd() && !c.digits(2, offMinutes)) {
            return timeError(text, QStringLiteral("expected a zone offset ±HHMM"));
        }
        if (offHours > 23 || offMinutes > 59)
            return timeError(text, QStringLiteral("zone offset out of range"));
        offsetMs = (offHours * kHourMs + offMinutes * kMinuteMs) * (negative ? -1 : 1);
    } else if (c.atEnd()) {
        return timeError(text, QStringLiteral("the time zone is missing: add Z for UTC"));
    } else {
        return timeError(text, QStringLiteral("expected a zone: Z or ±HH:MM"));
    }
    if (!c.atEnd())
        return timeError(text, QStringLiteral("unexpected text after the zone"));

    // Local time minus its offset from UTC is UTC.
    return dayMs + hour * kHourMs + minute * kMinuteMs + second * kSecondMs + fractionMs - offsetMs;
}

} // namespace

Result<qint64> parseTimeSpec(const QString &rawText, qint64 nowMs) {
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        return timeError(rawText, QStringLiteral("empty"));
    if (text.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return nowMs;
    if (text.startsWith(QLatin1Char('-')))
        return parseRelative(text, nowMs);
    return parseIso(text);
}

} // namespace mlwatch
