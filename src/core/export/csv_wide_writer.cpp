#include "core/export/csv_wide_writer.h"

#include "core/export/csv_writer.h"
#include "core/model/series_data.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cmath>
#include <cstring>
#include <limits>

namespace mlwatch {

namespace {

struct Cursor {
    const qint64 *t = nullptr;
    const double *v = nullptr;
    qsizetype n = 0;
    qsizetype next = 0;

    // Skips NaN points: they are not datapoints.
    void skipMissing() {
        while (next < n && std::isnan(v[next]))
            ++next;
    }
    bool done() const { return next >= n; }
};

} // namespace

CsvWideWriter::CsvWideWriter(QIODevice &device)
    : m_out(device) {}

Result<void> CsvWideWriter::write(const QList<CsvColumn> &columns) {
    QByteArray header = "timestamp";
    for (const CsvColumn &c : columns)
        header += ',' + CsvWriter::field(c.name);
    header += '\n';
    m_out.append(header.constData(), header.size());

    QList<Cursor> cursors;
    cursors.reserve(columns.size());
    for (const CsvColumn &c : columns) {
        Cursor cursor;
        if (c.data) {
            cursor.t = c.data->timestampsMs.constData();
            cursor.v = c.data->values.constData();
            cursor.n = std::min(c.data->timestampsMs.size(), c.data->values.size());
        }
        cursor.skipMissing();
        cursors.append(cursor);
    }

    // A k-way merge by linear scan: k is the number of series on one chart, a handful.
    const qsizetype rowBytes =
        CsvWriter::kMaxIsoChars + columns.size() * (CsvWriter::kMaxDoubleChars + 1) + 1;
    for (;;) {
        qint64 t = std::numeric_limits<qint64>::max();
        bool any = false;
        for (const Cursor &c : std::as_const(cursors)) {
            if (!c.done() && (!any || c.t[c.next] < t)) {
                t = c.t[c.next];
                any = true;
            }
        }
        if (!any)
            break;
        char *const start = m_out.reserve(rowBytes);
        char *p = start;
        p += CsvWriter::formatIsoUtc(t, p);
        for (Cursor &c : cursors) {
            *p++ = ',';
            if (!c.done() && c.t[c.next] == t) {
                p += CsvWriter::formatDouble(c.v[c.next], p);
                ++c.next;
                c.skipMissing();
            }
        }
        *p++ = '\n';
        m_out.commit(p - start);
    }

    return m_out.finish();
}

} // namespace mlwatch
