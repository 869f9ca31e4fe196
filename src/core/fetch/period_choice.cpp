#include "core/fetch/period_choice.h"

namespace mlwatch {

int choosePeriodSeconds(const TimeRange &range, qint64 nowMs, int maxPoints) {
    constexpr int kPeriods[] = {60, 300, 900, 3600, 21600, 86400};
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    const qint64 ageMs = nowMs - range.startMs;
    int minimum = 60;
    if (ageMs > 63 * kDayMs)
        minimum = 3600;
    else if (ageMs > 15 * kDayMs)
        minimum = 300;
    const qint64 durationS = std::max<qint64>(1, range.durationMs() / 1000);
    for (int period : kPeriods) {
        if (period < minimum)
            continue;
        if (durationS / period <= maxPoints)
            return period;
    }
    return kPeriods[std::size(kPeriods) - 1];
}

} // namespace mlwatch
