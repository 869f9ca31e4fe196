#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QToolBar;
class QWidget;

namespace mlwatch {

class Clock;
class ComparePeriodSelector;
class CustomRangeDialog;
class MetricChartView;
class MonitorSession;
class RefreshIntervalSelector;
class SessionStatusView;
class TimeRangeSelector;

// The time toolbar beyond the range presets, wired to the session: the auto-refresh interval
// (remembered in SettingsKeys::kAutoRefreshSeconds), "compare with previous period" (the
// scheduler fetches the earlier copies, every chart overlays them) and "Custom range…" (the
// dialog; the scheduler then shows that fixed range without auto-refresh). Keeps the status
// bar's cost estimate current. Owns no services; the session, clock, selector and status view
// must outlive it.
class TimeToolbarController : public QObject {
    Q_OBJECT
public:
    // `window` parents the toolbar widgets and the dialog.
    TimeToolbarController(MonitorSession &session, const Clock &clock, TimeRangeSelector &range,
                          SessionStatusView &status, QWidget *window);

    // "Auto-refresh: [..]  Compare: [..] |" inserted before `before`.
    void addTo(QToolBar *toolBar, QAction *before);
    // Where the charts come from when the compare offset changes (the window's tabs).
    void setChartsSource(std::function<QList<MetricChartView *>()> charts) { m_charts = std::move(charts); }
    // A chart just built: gets the current compare offset.
    void prepareChart(MetricChartView *chart) const;

    RefreshIntervalSelector *refreshIntervalSelector() const { return m_refreshInterval; }
    ComparePeriodSelector *comparePeriodSelector() const { return m_compare; }

    // The "Custom range…" dialog, open (window-modal; deletes itself when closed), filled with
    // the custom range shown or the current window. Accepting applies it; cancelling puts the
    // selector back.
    CustomRangeDialog *openCustomRange();

private:
    void changeRefreshInterval(int seconds);
    void changeCompareOffset(qint64 seconds);

    MonitorSession &m_session;
    const Clock &m_clock;
    TimeRangeSelector &m_range;
    SessionStatusView &m_status;
    QWidget *m_window = nullptr;
    RefreshIntervalSelector *m_refreshInterval = nullptr;
    ComparePeriodSelector *m_compare = nullptr;
    std::function<QList<MetricChartView *>()> m_charts;
};

} // namespace mlwatch
