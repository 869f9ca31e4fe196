#pragma once

#include <QLabel>

namespace mlwatch {

struct ChartPalette;

// The text a chart shows over its plot when it cannot show (only) data: "Loading…", "No data in
// this window: …", a fetch error. One widget class so the screen (a child of MetricChartView)
// and exports (ChartRenderer paints a throw-away instance) look the same: a veil of the plot
// background, muted text (critical colour for errors), three quarters of the chart wide,
// centred — or near the top when it sits over stale data.
class ChartStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit ChartStatusLabel(QWidget *parent = nullptr);

    // Colours from the chart's palette; `error` uses the critical colour for the text.
    void applyStyle(const ChartPalette &palette, bool error);
    // Moves and sizes the label inside a chart of `chartSize` (the parent's coordinates).
    void place(const QSize &chartSize, bool overData);
};

} // namespace mlwatch
