#pragma once

#include <QDateTime>

namespace mlwatch {

// The source of "now" for everything that schedules, signs or ages data. Injected so tests
// drive time by hand (ManualClock in tests/support) and never sleep.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    qint64 nowMs() const { return nowUtc().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace mlwatch
