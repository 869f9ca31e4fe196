#pragma once

#include "core/common/result.h"

#include <QByteArray>

class QIODevice;

namespace mlwatch {

// Collects bytes in a large buffer and hands them to a device in big writes: the CSV writers
// format straight into reserve()d space, then commit() what they wrote. The first write error
// is kept and reported by finish(); later writes are dropped so a full disk fails once.
class BufferedDeviceWriter {
public:
    // `device` must be open for writing and outlive the writer.
    explicit BufferedDeviceWriter(QIODevice &device);
    ~BufferedDeviceWriter(); // flushes (an error then goes unreported: call finish())

    BufferedDeviceWriter(const BufferedDeviceWriter &) = delete;
    BufferedDeviceWriter &operator=(const BufferedDeviceWriter &) = delete;

    // Room for at least `bytes` more bytes; valid until the next reserve() or flush().
    char *reserve(qsizetype bytes);
    // Marks `bytes` of the reserved room as written.
    void commit(qsizetype bytes) { m_used += bytes; }
    void append(const char *data, qsizetype bytes);

    void flush();
    // Flushes and reports the first write error (ErrorCode::Io), if any.
    Result<void> finish();

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_used = 0;
    Error m_error;
    bool m_failed = false;
};

} // namespace mlwatch
