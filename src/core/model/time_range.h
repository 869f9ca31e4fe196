#pragma once

#include <QtGlobal>

namespace mlwatch {

// A half-open interval [startMs, endMs) in milliseconds since the Unix epoch, UTC.
struct TimeRange {
    qint64 startMs = 0;
    qint64 endMs = 0;

    qint64 durationMs() const { return endMs - startMs; }
    bool isValid() const { return endMs > startMs; }
    bool contains(qint64 ms) const { return ms >= startMs && ms < endMs; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

} // namespace mlwatch
