#include "charts/chart_view_sync.h"

#include "charts/metric_chart_view.h"
#include "charts/time_display.h"

namespace mlwatch {

ChartViewSync::ChartViewSync(QObject *parent)
    : QObject(parent) {}

void ChartViewSync::setCharts(const QList<MetricChartView *> &charts) {
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart)
            disconnect(chart, nullptr, this, nullptr);
    m_charts.clear();
    for (MetricChartView *chart : charts)
        attach(chart);
    applyTimeZone();
}

QList<MetricChartView *> ChartViewSync::charts() const {
    QList<MetricChartView *> out;
    for (const QPointer<MetricChartView> &chart : m_charts)
        if (chart)
            out.append(chart);
    return out;
}

void ChartViewSync::attach(MetricChartView *chart) {
    if (!chart)
        return;
    m_charts.append(chart);
    connect(chart, &MetricChartView::viewRangeChanged, this,
            [this, chart](const TimeRange &range) { shareRange(chart, range); });
    connect(chart, &MetricChartView::hoverTimeChanged, this,
            [this, chart](qint64 timeMs) { shareHover(chart, timeMs); });
    connect(chart, &MetricChartView::hoverLeft, this, [this, chart] { shareLeave(chart); });
}

void ChartViewSync::shareRange(MetricChartView *from, const TimeRange &range) {
    if (m_sharing)
        return;
    m_sharing = true;
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart && chart != from)
            chart->setViewRange(from->isZoomed() ? range : TimeRange{});
    m_sharing = false;
}

void ChartViewSync::shareHover(MetricChartView *from, qint64 timeMs) {
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart && chart != from)
            chart->setCrosshairTime(timeMs);
}

void ChartViewSync::shareLeave(MetricChartView *from) {
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart && chart != from)
            chart->clearCrosshair();
}

void ChartViewSync::setTimeDisplay(TimeDisplay *display) {
    disconnect(m_displayConnection);
    m_display = display;
    if (display)
        m_displayConnection =
            connect(display, &TimeDisplay::modeChanged, this, &ChartViewSync::applyTimeZone);
    applyTimeZone();
}

void ChartViewSync::applyTimeZone() {
    if (!m_display)
        return;
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart)
            chart->setTimeZoneMode(m_display->mode());
}

} // namespace mlwatch
