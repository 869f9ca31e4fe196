#pragma once

#include <QColor>
#include <QList>

class QPalette;

namespace mlwatch {

// The colours of a chart, derived from the widget's palette so charts follow the system's light
// or dark mode (never a hard-coded white background). Series colours come from the Okabe–Ito
// colour-blind-safe set, lightened on dark backgrounds; orange and vermillion are left out of the
// series set because they mean "warning" and "critical" on threshold lines.
struct ChartPalette {
    QColor background;     // around the plot
    QColor plotBackground; // inside the plot area
    QColor text;           // titles and axis labels
    QColor mutedText;      // status text ("Loading…", "No data …")
    QColor grid;
    QColor warning;       // amber, dashed threshold lines
    QColor critical;      // red, dashed threshold lines
    QList<QColor> series; // cycled through in the order of ChartSpec::series
    bool dark = false;

    static ChartPalette fromPalette(const QPalette &palette);
    // Light colours on white, whatever the desktop's mode: for paper, PDF and review packs.
    static ChartPalette print();
    QColor seriesColor(qsizetype index) const { return series.at(index % series.size()); }
};

} // namespace mlwatch
