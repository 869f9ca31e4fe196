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

constexpr qsizetype kBufferBytes = 256 * 1024;

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
    : m_device(device) {
    m_buffer.resize(kBufferBytes);
}

CsvWideWriter::~CsvWideWriter() {
    flush();
}

char *CsvWideWriter::reserve(qsizetype bytes) {
    if (m_used + bytes > m_buffer.size()) {
        flush();
        if (bytes > m_buffer.size())
            m_buffer.resize(bytes);
    }
    return m_buffer.data() + m_used;
}

void CsvWideWriter::flush() {
    if (m_used == 0)
        return;
    if (!m_failed && m_device.write(m_buffer.constData(), m_used) != m_used) {
        m_failed = true;
        m_error = Error{ErrorCode::Io,
                        QCoreApplication::translate("mlwatch::CsvWriter", "Could not write the CSV."),
                        m_device.errorString()};
    }
    m_used = 0;
}

Result<void> CsvWideWriter::write(const QList<CsvColumn> &columns) {
    QByteArray header = "timestamp";
    for (const CsvColumn &c : columns)
        header += ',' + CsvWriter::field(c.name);
    header += '\n';
    std::memcpy(reserve(header.size()), header.constData(), static_cast<size_t>(header.size()));
    m_used += header.size();

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
        char *const start = reserve(rowBytes);
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
        m_used += p - start;
    }

    flush();
    if (m_failed)
        return m_error;
    return {};
}

} // namespace mlwatch
