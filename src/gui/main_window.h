#pragma once

#include "core/common/result.h"
#include "core/model/stage.h"
#include "gui/notification_settings.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QTimer;

namespace Ui {
class MainWindow;
}

namespace mlwatch {

class AlertRuleEditor;
class AlertsPanel;
class ChartEditor;
class ChartFeed;
class Clock;
class MonitorSession;
class MetricBrowserDialog;
class NotificationSettingsDialog;
class SessionStatusView;
class StageTab;
class TimeRangeSelector;
class TimeToolbarController;
class UserRuleStore;
class WorkspaceController;
struct Error;

// The main window: wiring only. Five stage tabs in workflow order, a toolbar with the time
// range and Refresh, the status bar, the alerts dock, File → Accounts… / Weekly review… / Quit,
// View → Metric browser…, every chart's Rename / Move / Remove (ChartEditor),
// Alerts → panel / New rule… / Notification settings… and Help → About. Everything it shows
// comes from the session passed in (which must outlive the window, as must the clock); it owns
// no services. With a UserRuleStore set, the rules people save or delete are kept across restarts.
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
    SessionStatusView *statusView() const { return m_status; }
    // Auto-refresh interval, compare with previous period, View → Custom range… (Ctrl+6).
    TimeToolbarController *timeToolbar() const { return m_timeToolbar; }
    // File → Open workspace… / Open recent / Save workspace (as…); the title names its file.
    WorkspaceController *workspace() const { return m_workspace; }

    // Where saved and deleted rules are recorded (not owned; may be null: then changes last until
    // the session ends). Shows in the status bar when its file could not be read.
    void setUserRuleStore(UserRuleStore *store);
    // The alerts panel's confirmed "Delete rule…": through the store when there is one.
    void deleteRule(const QString &ruleId);

    // Alerts → Notification settings…: opens the dialog on the stored settings (returned; it
    // deletes itself when closed). Accepting stores them and emits notificationSettingsChanged.
    NotificationSettingsDialog *openNotificationSettings();

    // Shows the window (restored, raised, active): from the tray or a notification.
    void bringToFront();
    void showAlertsPanel();
    // Selects the tab of the chart the rule watches and scrolls to it. False when no chart shows
    // the rule's series (the rule is unknown, or its resource was not discovered).
    bool revealRule(const QString &ruleId);
    // Selects the tab of the chart with this ChartSpec::id and scrolls to it; false when none has it.
    bool revealChart(const QString &chartId);

    // View → Metric browser… (Ctrl+B): the one browser (created on first use, raised after), adding
    // to the current tab; a chart it adds is revealed.
    MetricBrowserDialog *openMetricBrowser();
    // Rename / move / remove, in every chart's menu.
    ChartEditor *chartEditor() const { return m_chartEditor; }

    // How often the scheduler is asked whether a fetch is due (it decides; this only polls).
    static constexpr int kTickIntervalMs = 15'000;
    // Initial height of the alerts dock: a handful of rows and its buttons.
    static constexpr int kAlertsPanelHeight = 220;

Q_SIGNALS:
    void notificationSettingsChanged(const mlwatch::NotificationSettings &settings);
    // File → Accounts… (Ctrl+Shift+A): the app opens the accounts dialog.
    void accountsRequested();

private:
    void buildCharts();
    void onDiscoveryFailed(const mlwatch::Error &error);
    void changeWindow(qint64 seconds);
    void showAbout();
    void openWeeklyReview();
    void reportRulesSaved(const Result<void> &saved);
    void updateTitle();

    std::unique_ptr<Ui::MainWindow> m_ui;
    MonitorSession &m_session;
    const Clock &m_clock;
    AlertsPanel *m_alertsPanel = nullptr;
    AlertRuleEditor *m_ruleEditor = nullptr;
    ChartFeed *m_feed = nullptr;
    SessionStatusView *m_status = nullptr;
    TimeRangeSelector *m_timeRange = nullptr;
    TimeToolbarController *m_timeToolbar = nullptr;
    QTimer *m_tickTimer = nullptr;
    QPointer<UserRuleStore> m_userRules;
    QList<StageTab *> m_tabs; // in allStages() order
    ChartEditor *m_chartEditor = nullptr;
    QPointer<MetricBrowserDialog> m_metricBrowser;
    WorkspaceController *m_workspace = nullptr;
    QString m_accountLabel;
};

} // namespace mlwatch
