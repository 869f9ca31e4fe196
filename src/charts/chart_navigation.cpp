#include "charts/chart_navigation.h"

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {
constexpr qint64 kMinSpanFloorMs = 60'000;
constexpr qint64 kMinSpanPeriods = 2;
} // namespace

qint64 ChartNavigation::minimumSpanMs(int periodSeconds) {
    return std::max<qint64>(kMinSpanFloorMs, kMinSpanPeriods * std::max(1, periodSeconds) * 1000LL);
}

TimeRange ChartNavigation::clamped(const TimeRange &range, const TimeRange &window, qint64 minSpanMs) {
    if (!window.isValid())
        return range;
    if (!range.isValid() || range.durationMs() >= window.durationMs())
        return window;
    const qint64 span = std::min(window.durationMs(), std::max(range.durationMs(), minSpanMs));
    // Widened around the middle when below the minimum, then moved inside the window.
    qint64 start = range.startMs + (range.durationMs() - span) / 2;
    start = std::clamp(start, window.startMs, window.endMs - span);
    return TimeRange{start, start + span};
}

TimeRange ChartNavigation::zoomed(const TimeRange &range, qint64 anchorMs, double factor,
                                  const TimeRange &window, qint64 minSpanMs) {
    if (!range.isValid() || !(factor > 0))
        return range;
    const qint64 span = std::max<qint64>(minSpanMs, std::llround(double(range.durationMs()) * factor));
    if (window.isValid() && span >= window.durationMs())
        return window;
    // The anchor keeps its fraction of the way across the axis.
    const double fraction = double(anchorMs - range.startMs) / double(range.durationMs());
    const qint64 start = anchorMs - std::llround(fraction * double(span));
    return clamped(TimeRange{start, start + span}, window, minSpanMs);
}

TimeRange ChartNavigation::panned(const TimeRange &range, qint64 deltaMs, const TimeRange &window) {
    if (!range.isValid())
        return range;
    qint64 start = range.startMs + deltaMs;
    if (window.isValid())
        start =
            std::clamp(start, window.startMs, std::max(window.startMs, window.endMs - range.durationMs()));
    return TimeRange{start, start + range.durationMs()};
}

qint64 ChartNavigation::timeAt(double xPx, double leftPx, double widthPx, const TimeRange &range) {
    if (!(widthPx > 0))
        return range.startMs;
    return range.startMs + std::llround((xPx - leftPx) / widthPx * double(range.durationMs()));
}

double ChartNavigation::xAt(qint64 timeMs, double leftPx, double widthPx, const TimeRange &range) {
    if (!range.isValid())
        return leftPx;
    return leftPx + double(timeMs - range.startMs) / double(range.durationMs()) * widthPx;
}

} // namespace mlwatch
