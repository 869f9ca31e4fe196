#pragma once

#include "core/model/time_range.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace mlwatch {

class MetricChartView;
class TimeDisplay;

// Keeps the charts of one tab moving together, like Grafana's shared time: zooming or panning
// one chart shows the same range on every other (MetricChartView::viewRangeChanged →
// setViewRange), hovering one draws the crosshair at the same time on all of them (only the
// hovered chart shows the tooltip), and all follow one TimeDisplay (local time or UTC).
// The charts of a tab share one fetch window, so one range fits all of them.
//
// Holds the charts weakly (a chart may be deleted by StageTab::setCharts at any time).
class ChartViewSync : public QObject {
    Q_OBJECT
public:
    explicit ChartViewSync(QObject *parent = nullptr);

    // Replaces the synchronised charts (they start unzoomed, like any new chart).
    void setCharts(const QList<MetricChartView *> &charts);
    QList<MetricChartView *> charts() const;

    // The display-wide time zone choice (null: leave the charts' own setting). Not owned.
    void setTimeDisplay(TimeDisplay *display);

private:
    void attach(MetricChartView *chart);
    void shareRange(MetricChartView *from, const TimeRange &range);
    void shareHover(MetricChartView *from, qint64 timeMs);
    void shareLeave(MetricChartView *from);
    void applyTimeZone();

    QList<QPointer<MetricChartView>> m_charts;
    QPointer<TimeDisplay> m_display;
    QMetaObject::Connection m_displayConnection;
    bool m_sharing = false; // a range being handed on: the charts' own signals are not re-shared
};

} // namespace mlwatch
