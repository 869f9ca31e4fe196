#include "core/export/buffered_device_writer.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstring>

namespace mlwatch {

namespace {
constexpr qsizetype kBufferBytes = 256 * 1024;
} // namespace

BufferedDeviceWriter::BufferedDeviceWriter(QIODevice &device)
    : m_device(device) {
    m_buffer.resize(kBufferBytes);
}

BufferedDeviceWriter::~BufferedDeviceWriter() {
    flush();
}

char *BufferedDeviceWriter::reserve(qsizetype bytes) {
    if (m_used + bytes > m_buffer.size()) {
        flush();
        if (bytes > m_buffer.size())
            m_buffer.resize(bytes);
    }
    return m_buffer.data() + m_used;
}

void BufferedDeviceWriter::append(const char *data, qsizetype bytes) {
    std::memcpy(reserve(bytes), data, static_cast<size_t>(bytes));
    commit(bytes);
}

void BufferedDeviceWriter::flush() {
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

Result<void> BufferedDeviceWriter::finish() {
    flush();
    if (m_failed)
        return m_error;
    return {};
}

} // namespace mlwatch
