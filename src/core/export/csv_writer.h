#pragma once

#include "core/common/result.h"
#include "core/export/buffered_device_writer.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace mlwatch {

struct SeriesData;

// One series as it goes into a long-form CSV: its readable name, its unit name (may be empty)
// and its datapoints. `data` is borrowed and must outlive the write call.
struct CsvSeries {
    QString name; // "AWS/SageMaker:Invocations{EndpointName=…}:Sum"
    QString unit; // CloudWatch unit name ("Microseconds"), or empty when unknown
    const SeriesData *data = nullptr;
};

// Writes long-form CSV (RFC 4180 fields, '\n' line ends, UTF-8):
//   timestamp,series,value,unit
//   2026-11-20T12:00:00Z,AWS/SageMaker:Invocations{…}:Sum,42,None
// Contract, pinned by tst_csv_writer:
//  - timestamp: ISO 8601 UTC with 'Z'; whole seconds as "YYYY-MM-DDTHH:MM:SSZ", otherwise with
//    milliseconds "YYYY-MM-DDTHH:MM:SS.mmmZ";
//  - value: the shortest text that reads back as the same double (std::to_chars); +inf and
//    -inf as "inf" / "-inf"; a NaN is no datapoint, so its row is left out;
//  - a field containing ',', '"', CR or LF is quoted, with '"' doubled;
//  - independent of the process's C and Qt locales.
// Output is buffered; the device sees it in large writes and at finish().
// Throughput: about 10 M rows/s of formatting on the reference VM (see bench notes).
class CsvWriter {
public:
    static constexpr int kMaxIsoChars = 32;    // longest formatIsoUtc() output, with room
    static constexpr int kMaxDoubleChars = 32; // longest formatDouble() output, with room

    // `device` must be open for writing and outlive the writer.
    explicit CsvWriter(QIODevice &device);
    // Destruction flushes what is buffered (errors then go unreported: call finish()).

    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void writeHeader();

    // Writes every datapoint of every series, merged into one ascending timestamp order; rows
    // with equal timestamps keep the order of `series`.
    void writeSeries(const QList<CsvSeries> &series);

    // One row; the slow path for callers that do not have a SeriesData.
    void writeRow(qint64 timestampMs, const QString &series, double value, const QString &unit);

    // Flushes and reports the first write error (ErrorCode::Io), if any.
    Result<void> finish();

    // Formats `ms` since the epoch as ISO 8601 UTC into `out` (at least kMaxIsoChars bytes);
    // returns the number of bytes written. Years outside 0000–9999 get a sign and more digits.
    static int formatIsoUtc(qint64 ms, char *out);
    // Shortest round-trip text of `value` into `out` (at least kMaxDoubleChars bytes).
    static int formatDouble(double value, char *out);
    // The field as RFC 4180 wants it: quoted only when needed.
    static QByteArray field(const QString &text);

private:
    int formatTimestamp(qint64 ms, char *out); // formatIsoUtc with a per-day cache
    void writeEncodedRow(qint64 ms, const QByteArray &series, double value, const QByteArray &unit);

    BufferedDeviceWriter m_out;
    // The cached "YYYY-MM-DDT" of the last day formatted: rows mostly share a day.
    qint64 m_cachedDay = 0;
    char m_cachedDate[kMaxIsoChars] = {};
    int m_cachedDateLength = 0;
};

} // namespace mlwatch
