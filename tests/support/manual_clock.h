#pragma once

#include "core/common/clock.h"

namespace mlwatch::test {

// A clock that moves only when the test says so.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC))
        : m_now(std::move(start)) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &utc) { m_now = utc; }
    void advanceSeconds(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace mlwatch::test
