#pragma once

#include <QByteArray>
#include <QDateTime>

namespace mlwatch::aws {

// Tracks the difference between the cloud's clock (from each response's Date header) and
// ours, so requests are signed with the cloud's idea of now (cloud-apis.md §1.3).
class ClockSkew {
public:
    // Feeds an HTTP Date header ("Tue, 01 May 2024 12:00:00 GMT"); ignores it when unreadable.
    void observe(const QByteArray &dateHeader, const QDateTime &localNowUtc);
    qint64 offsetMs() const { return m_offsetMs; }
    QDateTime corrected(const QDateTime &localNowUtc) const { return localNowUtc.addMSecs(m_offsetMs); }

    // Offsets under this are ignored (normal network latency and second-granular Date headers).
    static constexpr qint64 kIgnoreBelowMs = 60 * 1000;

private:
    qint64 m_offsetMs = 0;
};

} // namespace mlwatch::aws
