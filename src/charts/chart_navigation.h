#pragma once

#include "core/model/time_range.h"

namespace mlwatch {

// The arithmetic of zooming and panning a chart's time axis, kept pure so the view's event
// handling stays thin. A view range is always a sub-range of the fetched window (the data of
// anything outside it is not in the store); zooming or panning past the window's ends stops at
// them, keeping the span. Times in ms since the epoch (UTC), positions in pixels.
struct ChartNavigation {
    // The smallest span a zoom may reach for data fetched every `periodSeconds`: a couple of
    // periods (closer in shows nothing new) but never under a minute.
    static qint64 minimumSpanMs(int periodSeconds);

    // `range` made a valid sub-range of `window` at least `minSpanMs` long (or the whole window
    // when that is shorter): moved inside it when it sticks out, cut to it when it is longer.
    static TimeRange clamped(const TimeRange &range, const TimeRange &window, qint64 minSpanMs);

    // `range` scaled by `factor` (< 1 zooms in) around `anchorMs`, which stays at the same
    // place on the axis unless the window's ends or the minimum span stop it.
    static TimeRange zoomed(const TimeRange &range, qint64 anchorMs, double factor, const TimeRange &window,
                            qint64 minSpanMs);

    // `range` moved by `deltaMs` (positive = later), stopping at the window's ends.
    static TimeRange panned(const TimeRange &range, qint64 deltaMs, const TimeRange &window);

    // Pixel ↔ time on a plot `widthPx` wide whose left edge is at `leftPx`, showing `range`.
    static qint64 timeAt(double xPx, double leftPx, double widthPx, const TimeRange &range);
    static double xAt(qint64 timeMs, double leftPx, double widthPx, const TimeRange &range);
};

} // namespace mlwatch
