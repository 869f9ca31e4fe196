#pragma once

#include "core/insights/insight.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace mlwatch {

class Clock;
class MetricChartView;
class SeriesStore;

// The insights strip at the top of a stage tab: one compact chip per InsightEngine finding
// (severity icon from the style, the short title; tooltip and accessible description = the
// evidence), or "No findings for this window". Clicking a chip, or Enter / Space on it, emits
// chartRequested with the chart that shows the evidence; the tab scrolls to it.
//
// Recomputed on the next event-loop turn (coalesced) whenever one of its charts' series changes
// in the store or a chart changes state, and by scheduleRefresh() — a window change reaches it
// that way: a new window means a fetch, and the fetch replaces the series. The window is the
// one the charts show (MetricChartView::window()), so the strip and the charts always agree.
class InsightsStrip : public QWidget {
    Q_OBJECT
public:
    // `store` must outlive the strip.
    explicit InsightsStrip(const SeriesStore &store, QWidget *parent = nullptr);
    ~InsightsStrip() override;

    // The charts whose data the rules read (the tab's views; held by QPointer). Refreshes.
    void setCharts(const QList<MetricChartView *> &charts);
    // The clock the forecasts count days from (null = the system clock); must outlive the strip.
    void setClock(const Clock *clock);
    // The zone the evidence states its dates in (default: the system's). Refreshes.
    void setTimeZone(const QTimeZone &zone);

    void scheduleRefresh();
    void refreshNow();

    QList<Insight> insights() const { return m_insights; }
    // At most kMaxChips chips, most severe first; the other findings are in moreButton()'s menu.
    static constexpr int kMaxChips = 4;
    QList<QToolButton *> chips() const { return m_chips; }
    QToolButton *moreButton() const { return m_more; }
    QString emptyText() const; // shown when there is nothing to report; empty while there are chips

Q_SIGNALS:
    void chartRequested(const QString &chartId);
    void refreshed(); // after each recomputation (for tests and accessibility announcements)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSeriesChanged(const QString &seriesKey);
    void rebuildChips();
    QString chipText(const Insight &insight) const;

    static constexpr int kResourceWidth = 220; // pixels of the resource name on a chip

    const SeriesStore &m_store;
    const Clock *m_clock = nullptr;
    QTimeZone m_zone;
    QList<QPointer<MetricChartView>> m_charts;
    QSet<QString> m_keys; // series keys of m_charts
    QList<Insight> m_insights;
    QList<QToolButton *> m_chips;
    QHBoxLayout *m_layout = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_empty = nullptr;
    QToolButton *m_more = nullptr; // "2 more": a menu of the findings past kMaxChips
    bool m_refreshQueued = false;
};

} // namespace mlwatch
