#pragma once

#include "core/model/stage.h"

#include <QList>
#include <QMainWindow>

#include <memory>

class QTimer;

namespace Ui {
class MainWindow;
}

namespace mlwatch {

class AlertRuleEditor;
class AlertsPanel;
class ChartFeed;
class Clock;
class MonitorSession;
class SessionStatusView;
class StageTab;
class TimeRangeSelector;
struct Error;

// The main window: wiring only. Five stage tabs in workflow order, a toolbar with the time
// range and Refresh, the status bar, the alerts dock, File → Weekly review… / Quit,
// Alerts → panel / New rule… and Help → About. Everything it shows comes from the session
// passed in (which must outlive the window, as must the clock); it owns no services.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(MonitorSession &session, const Clock &clock, const QString &accountLabel,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    StageTab *stageTab(Stage stage) const;
    void showStage(Stage stage);
    TimeRangeSelector *timeRangeSelector() const { return m_timeRange; }
    AlertsPanel *alertsPanel() const { return m_alertsPanel; }
    AlertRuleEditor *ruleEditor() const { return m_ruleEditor; }

    // Shows the window (restored, raised, active): from the tray or a notification.
    void bringToFront();
    void showAlertsPanel();
    // Selects the tab of the chart the rule watches and scrolls to it. False when no chart shows
    // the rule's series (the rule is unknown, or its resource was not discovered).
    bool revealRule(const QString &ruleId);

    // How often the scheduler is asked whether a fetch is due (it decides; this only polls).
    static constexpr int kTickIntervalMs = 15'000;
    // Initial height of the alerts dock: a handful of rows and its buttons.
    static constexpr int kAlertsPanelHeight = 220;

private:
    void buildCharts();
    void onDiscoveryFailed(const mlwatch::Error &error);
    void changeWindow(qint64 seconds);
    void showAbout();
    void openWeeklyReview();

    std::unique_ptr<Ui::MainWindow> m_ui;
    MonitorSession &m_session;
    const Clock &m_clock;
    AlertsPanel *m_alertsPanel = nullptr;
    AlertRuleEditor *m_ruleEditor = nullptr;
    ChartFeed *m_feed = nullptr;
    SessionStatusView *m_status = nullptr;
    TimeRangeSelector *m_timeRange = nullptr;
    QTimer *m_tickTimer = nullptr;
    QList<StageTab *> m_tabs; // in allStages() order
};

} // namespace mlwatch
