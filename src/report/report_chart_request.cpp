#include "report/report_chart_request.h"

#include "report/report_data.h"
#include "report/report_week.h"

namespace mlwatch {

ChartRenderRequest reportChartRequest(const ReportChart &chart, const ReportWeek &week,
                                      const QString &overlayLegend) {
    ChartRenderRequest request;
    request.spec = chart.spec;
    request.series = chart.thisWeek;
    request.window = week.range();
    request.periodSeconds = chart.periodSeconds;
    if (!chart.hasLastWeekData())
        return request;
    request.overlayLegend = overlayLegend;
    const TimeRange before = week.previousRange();
    const qint64 shiftAtStart = week.toOverlayMs(before.startMs) - before.startMs;
    const qint64 shiftAtEnd = week.toOverlayMs(before.endMs) - before.endMs;
    if (shiftAtStart == shiftAtEnd) {
        request.overlay = chart.lastWeek; // implicitly shared: no copy
        request.overlayShiftMs = shiftAtStart;
        return request;
    }
    for (SeriesData s : chart.lastWeek) {
        for (qint64 &t : s.timestampsMs)
            t = week.toOverlayMs(t);
        request.overlay.append(s);
    }
    return request;
}

} // namespace mlwatch
