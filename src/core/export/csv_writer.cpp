#include "core/export/csv_writer.h"

#include "core/model/series_data.h"

#include <QCoreApplication>
#include <QIODevice>

#include <charconv>
#include <cmath>
#include <cstring>

namespace mlwatch {

namespace {

constexpr qint64 kDayMs = 86'400'000;

// "00".."99", so two digits cost one copy.
constexpr char kTwoDigits[] = "00010203040506070809"
                              "10111213141516171819"
                              "20212223242526272829"
                              "30313233343536373839"
                              "40414243444546474849"
                              "50515253545556575859"
                              "60616263646566676869"
                              "70717273747576777879"
                              "80818283848586878889"
                              "90919293949596979899";

inline char *put2(char *out, int v) {
    std::memcpy(out, kTwoDigits + 2 * v, 2);
    return out + 2;
}

qint64 floorDiv(qint64 a, qint64 b) {
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// Civil date of a day number since 1970-01-01 (H. Hinnant's civil_from_days).
void civilFromDays(qint64 z, qint64 &y, int &m, int &d) {
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

// "YYYY-MM-DDT" of a day number; returns the length.
int formatDate(qint64 day, char *out) {
    qint64 y = 0;
    int m = 0, d = 0;
    civilFromDays(day, y, m, d);
    char *p = out;
    if (y >= 0 && y <= 9999) {
        p = put2(p, static_cast<int>(y / 100));
        p = put2(p, static_cast<int>(y % 100));
    } else {
        // ISO 8601's expanded years: a sign and at least four digits.
        *p++ = y < 0 ? '-' : '+';
        const qint64 absYear = y < 0 ? -y : y;
        char digits[24];
        auto r = std::to_chars(digits, digits + sizeof digits, absYear);
        const int n = static_cast<int>(r.ptr - digits);
        for (int i = n; i < 4; ++i)
            *p++ = '0';
        std::memcpy(p, digits, static_cast<size_t>(n));
        p += n;
    }
    *p++ = '-';
    p = put2(p, m);
    *p++ = '-';
    p = put2(p, d);
    *p++ = 'T';
    return static_cast<int>(p - out);
}

// "HH:MM:SS[.mmm]Z" of a millisecond of the day; returns the length.
int formatTimeOfDay(qint64 msOfDay, char *out) {
    const int ms = static_cast<int>(msOfDay % 1000);
    const int s = static_cast<int>(msOfDay / 1000);
    char *p = out;
    p = put2(p, s / 3600);
    *p++ = ':';
    p = put2(p, (s / 60) % 60);
    *p++ = ':';
    p = put2(p, s % 60);
    if (ms != 0) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + ms / 100);
        p = put2(p, ms % 100);
    }
    *p++ = 'Z';
    return static_cast<int>(p - out);
}

bool needsQuotes(const QString &text) {
    for (QChar c : text) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') ||
            c == QLatin1Char('\r'))
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device)
    : m_out(device) {}

int CsvWriter::formatIsoUtc(qint64 ms, char *out) {
    const qint64 day = floorDiv(ms, kDayMs);
    const int n = formatDate(day, out);
    return n + formatTimeOfDay(ms - day * kDayMs, out + n);
}

int CsvWriter::formatDouble(double value, char *out) {
    // Shortest round-trip form, always with '.' (to_chars ignores the locale); "inf"/"-inf"/"nan".
    const auto r = std::to_chars(out, out + kMaxDoubleChars, value);
    return static_cast<int>(r.ptr - out);
}

QByteArray CsvWriter::field(const QString &text) {
    if (!needsQuotes(text))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

int CsvWriter::formatTimestamp(qint64 ms, char *out) {
    const qint64 day = floorDiv(ms, kDayMs);
    if (m_cachedDateLength == 0 || day != m_cachedDay) {
        m_cachedDay = day;
        m_cachedDateLength = formatDate(day, m_cachedDate);
    }
    std::memcpy(out, m_cachedDate, static_cast<size_t>(m_cachedDateLength));
    return m_cachedDateLength + formatTimeOfDay(ms - day * kDayMs, out + m_cachedDateLength);
}

void CsvWriter::writeHeader() {
    static constexpr char kHeader[] = "timestamp,series,value,unit\n";
    constexpr qsizetype n = sizeof kHeader - 1;
    m_out.append(kHeader, n);
}

void CsvWriter::writeEncodedRow(qint64 ms, const QByteArray &series, double value, const QByteArray &unit) {
    if (std::isnan(value))
        return; // not a datapoint: missing data is absent, never a made-up value
    char *const start = m_out.reserve(kMaxIsoChars + kMaxDoubleChars + series.size() + unit.size() + 4);
    char *p = start;
    p += formatTimestamp(ms, p);
    *p++ = ',';
    std::memcpy(p, series.constData(), static_cast<size_t>(series.size()));
    p += series.size();
    *p++ = ',';
    p += formatDouble(value, p);
    *p++ = ',';
    std::memcpy(p, unit.constData(), static_cast<size_t>(unit.size()));
    p += unit.size();
    *p++ = '\n';
    m_out.commit(p - start);
}

void CsvWriter::writeRow(qint64 timestampMs, const QString &series, double value, const QString &unit) {
    writeEncodedRow(timestampMs, field(series), value, field(unit));
}

void CsvWriter::writeSeries(const QList<CsvSeries> &series) {
    struct Cursor {
        QByteArray name;
        QByteArray unit;
        const SeriesData *data;
        qsizetype next;
    };
    QList<Cursor> cursors;
    cursors.reserve(series.size());
    for (const CsvSeries &s : series) {
        if (s.data && s.data->size() > 0)
            cursors.append(Cursor{field(s.name), field(s.unit), s.data, 0});
    }
    if (cursors.size() == 1) {
        // The common case (one query): no merge.
        const Cursor &c = cursors.first();
        const qint64 *t = c.data->timestampsMs.constData();
        const double *v = c.data->values.constData();
        const qsizetype n = qMin(c.data->timestampsMs.size(), c.data->values.size());
        for (qsizetype i = 0; i < n; ++i)
            writeEncodedRow(t[i], c.name, v[i], c.unit);
        return;
    }
    // k-way merge by a linear scan: k is the number of series of one query, a handful.
    for (;;) {
        Cursor *best = nullptr;
        for (Cursor &c : cursors) {
            const qsizetype n = qMin(c.data->timestampsMs.size(), c.data->values.size());
            if (c.next >= n)
                continue;
            if (!best || c.data->timestampsMs[c.next] < best->data->timestampsMs[best->next])
                best = &c;
        }
        if (!best)
            break;
        writeEncodedRow(best->data->timestampsMs[best->next], best->name, best->data->values[best->next],
                        best->unit);
        ++best->next;
    }
}

Result<void> CsvWriter::finish() {
    return m_out.finish();
}

} // namespace mlwatch
