#pragma once

#include "core/common/result.h"
#include "core/export/buffered_device_writer.h"

#include <QList>
#include <QString>

class QIODevice;

namespace mlwatch {

struct SeriesData;

// One column of a wide-form CSV: its header text and its datapoints (borrowed: `data` must
// outlive the write call).
struct CsvColumn {
    QString name; // e.g. "AWS/SageMaker:ModelLatency{EndpointName=…}:Average [Milliseconds]"
    const SeriesData *data = nullptr;
};

// Writes wide-form CSV, the shape spreadsheets want (one timestamp column, one column per
// series; series do not share a time axis, so cells can be empty — anchors.md §3.8):
//   timestamp,<column 1>,<column 2>
//   2026-11-20T12:00:00Z,42,
//   2026-11-20T12:01:00Z,43,7
// Contract, pinned by tst_csv_wide_writer:
//  - one row per distinct timestamp of all columns together, ascending; a column with the same
//    timestamp twice fills two rows with that timestamp (nothing is dropped or averaged);
//  - a cell is empty where its column has no datapoint at that timestamp; a NaN is no
//    datapoint (never written, and a timestamp whose only values are NaN has no row);
//  - timestamps, numbers and quoting exactly as CsvWriter's (ISO 8601 UTC with 'Z', shortest
//    round-trip doubles, "inf"/"-inf", RFC 4180 quoting, '\n' line ends, UTF-8), independent
//    of the process's locales: same inputs, same bytes.
// Output is buffered; the device sees it in large writes.
class CsvWideWriter {
public:
    // `device` must be open for writing and outlive the writer.
    explicit CsvWideWriter(QIODevice &device);

    CsvWideWriter(const CsvWideWriter &) = delete;
    CsvWideWriter &operator=(const CsvWideWriter &) = delete;

    // Header and every row. Inputs must be sorted by time (SeriesData's contract). Reports the
    // first write error (ErrorCode::Io), if any.
    Result<void> write(const QList<CsvColumn> &columns);

private:
    BufferedDeviceWriter m_out;
};

} // namespace mlwatch
