#pragma once

#include "charts/chart_renderer.h"

#include <QString>

namespace mlwatch {

struct ReportChart;
class ReportWeek;

// The render request for one report chart: this week over the week's range, last week as the
// faint overlay lined up by wall clock (a fixed shift, or each instant moved when a
// daylight-saving change lies between the weeks), labelled `overlayLegend`. One function, so
// the PNG and the PDF page show the same chart.
ChartRenderRequest reportChartRequest(const ReportChart &chart, const ReportWeek &week,
                                      const QString &overlayLegend);

} // namespace mlwatch
