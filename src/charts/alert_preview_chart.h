#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QList>
#include <QVector>
#include <QWidget>

#include <memory>

namespace mlwatch {

// The backtest preview of an alert rule: one series over a window, the rule's trigger and
// recovery lines, shaded bands where the rule would have been pending or firing (and where it
// would have had no data), and markers where it fired and resolved.
//
// A plain drawing widget: the caller runs the evaluator and hands over values. Everything is in
// display units (the rule's unit) and UTC ms; times are shown in local time with the zone named.
// Updates are coalesced into one redraw per event-loop turn; `redrawn` follows each one.
// Qt Charts types stay inside src/charts, which is why this header names none of them.
class AlertPreviewChart : public QWidget {
    Q_OBJECT
public:
    enum class BandKind { Pending, FiringWarning, FiringCritical, NoData };
    struct Band {
        qint64 startMs = 0;
        qint64 endMs = 0; // exclusive
        BandKind kind = BandKind::Pending;
    };
    enum class MarkerKind { Fired, Resolved };
    struct Marker {
        qint64 timeMs = 0;
        double value = 0; // NaN: drawn on the critical line
        MarkerKind kind = MarkerKind::Fired;
    };
    struct Threshold {
        double value = 0;
        ThresholdLevel level = ThresholdLevel::Critical;
        bool recovery = false; // a recovery line is dotted and named "… recovery …"
    };

    explicit AlertPreviewChart(QWidget *parent = nullptr);
    ~AlertPreviewChart() override;

    // The series in display units (`unit.scale` is not applied again), ascending timestamps.
    // A hole longer than `gapMs` (0 = never) is drawn as a break in the line.
    void setSeries(const QString &legend, const DisplayUnit &unit, const QVector<qint64> &timestampsMs,
                   const QVector<double> &displayValues, qint64 gapMs);
    // The time range to show; invalid = the series' own extent.
    void setWindow(const TimeRange &window);
    void setThresholds(const QList<Threshold> &thresholds);
    void setOutcome(const QList<Band> &bands, const QList<Marker> &markers);
    // A sentence shown over the plot (why there is no preview); empty hides it.
    void setMessage(const QString &text);
    QString message() const;

    // What the latest redraw handed to Qt Charts: for tests and diagnostics.
    struct RenderStats {
        int redraws = 0;
        qsizetype points = 0; // series points after M4
        int thresholdLines = 0;
        int pendingBands = 0;
        int firingBands = 0; // warning and critical
        int noDataBands = 0;
        int firedMarkers = 0;
        int resolvedMarkers = 0;
    };
    RenderStats renderStats() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void redrawn();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRedraw();
    void redraw();
    void applyPalette();
    void placeMessage();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mlwatch
