#include "gui/main_window.h"

#include "ui_main_window.h"

#include "charts/chart_view_sync.h"
#include "charts/metric_chart_view.h"
#include "charts/time_display.h"
#include "core/alerts/alert_engine.h"
#include "core/common/error.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "gui/alert_rule_editor.h"
#include "gui/alerts_panel.h"
#include "gui/chart_editor.h"
#include "gui/chart_feed.h"
#include "gui/metric_browser_dialog.h"
#include "gui/notification_settings_dialog.h"
#include "gui/session_status_view.h"
#include "gui/settings_keys.h"
#include "gui/stage_tab.h"
#include "gui/time_range_selector.h"
#include "gui/time_toolbar_controller.h"
#include "gui/user_rule_store.h"
#include "gui/weekly_review_dialog.h"
#include "gui/workspace_controller.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QTimer>

namespace mlwatch {

MainWindow::MainWindow(MonitorSession &session, const Clock &clock, const QString &accountLabel,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session)
    , m_clock(clock)
    , m_accountLabel(accountLabel) {
    m_ui->setupUi(this);
    setWindowTitle(tr("MLWatch — %1").arg(accountLabel));

    for (Stage stage : allStages()) {
        auto *tab = new StageTab(stage, session.store(), m_ui->stageTabs);
        m_ui->stageTabs->addTab(tab, StageTab::titleFor(stage));
        m_tabs.append(tab);
    }

    // Toolbar: time range first (it decides what every chart shows), then Refresh.
    m_timeRange = new TimeRangeSelector(this);
    auto *rangeLabel = new QLabel(tr("Time range:"), this);
    rangeLabel->setBuddy(m_timeRange);
    rangeLabel->setContentsMargins(4, 0, 4, 0);
    m_ui->mainToolBar->insertWidget(m_ui->actionRefresh, rangeLabel);
    m_ui->mainToolBar->insertWidget(m_ui->actionRefresh, m_timeRange);
    m_ui->mainToolBar->insertSeparator(m_ui->actionRefresh);
    m_ui->menuView->addActions(m_timeRange->choiceActions());
    m_ui->menuView->addAction(m_timeRange->customRangeAction());
    // Next / previous tab (QTabWidget's own Ctrl+Tab works only while focus is inside it).
    auto *nextTab = new QAction(tr("&Next tab"), this);
    nextTab->setObjectName(QStringLiteral("actionNextTab"));
    nextTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    auto *previousTab = new QAction(tr("&Previous tab"), this);
    previousTab->setObjectName(QStringLiteral("actionPreviousTab"));
    previousTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(nextTab);
    m_ui->menuView->addAction(previousTab);
    for (const auto &[action, step] : {std::pair{nextTab, 1}, std::pair{previousTab, -1}})
        connect(action, &QAction::triggered, this, [this, step = step] {
            const int n = m_ui->stageTabs->count();
            if (n > 0)
                m_ui->stageTabs->setCurrentIndex((m_ui->stageTabs->currentIndex() + step + n) % n);
        });
    // View → Show times in UTC: one display-wide choice, kept in the settings; every tab's
    // charts (axis, tooltip, zoom indicator) follow it and always name the zone.
    auto *timeDisplay = new TimeDisplay(this);
    timeDisplay->setMode(
        TimeDisplay::modeFromSettingsValue(QSettings().value(SettingsKeys::kDisplayTimeZone).toString()));
    for (StageTab *tab : std::as_const(m_tabs))
        tab->viewSync()->setTimeDisplay(timeDisplay);
    auto *showUtc = new QAction(tr("Show times in &UTC"), this);
    showUtc->setObjectName(QStringLiteral("actionShowUtc"));
    showUtc->setCheckable(true);
    showUtc->setChecked(timeDisplay->isUtc());
    showUtc->setShortcut(QKeySequence(tr("Ctrl+U")));
    showUtc->setToolTip(tr("Show chart times in UTC instead of this computer's time zone"));
    showUtc->setStatusTip(showUtc->toolTip());
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(showUtc);
    connect(showUtc, &QAction::toggled, timeDisplay, [timeDisplay](bool utc) {
        timeDisplay->setMode(utc ? TimeZoneMode::Utc : TimeZoneMode::Local);
        QSettings().setValue(SettingsKeys::kDisplayTimeZone, TimeDisplay::settingsValue(timeDisplay->mode()));
    });
    // View → Reset zoom: the whole time range again on the current tab's charts (a focused
    // chart also takes Escape; a double-click on a chart does the same).
    auto *resetZoom = new QAction(tr("&Reset zoom"), this);
    resetZoom->setObjectName(QStringLiteral("actionResetZoom"));
    resetZoom->setShortcut(QKeySequence(tr("Ctrl+0")));
    m_ui->menuView->addAction(resetZoom);
    connect(resetZoom, &QAction::triggered, this, [this] {
        if (auto *tab = qobject_cast<StageTab *>(m_ui->stageTabs->currentWidget()))
            for (MetricChartView *chart : tab->charts())
                chart->resetZoom();
    });
    m_ui->actionRefresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    m_status = new SessionStatusView(session, accountLabel, this);
    m_ui->statusBar->addWidget(m_status, 1);
    // Auto-refresh interval, compare with previous period, Custom range… (after the range box).
    m_timeToolbar = new TimeToolbarController(session, clock, *m_timeRange, *m_status, this);
    m_timeToolbar->addTo(m_ui->mainToolBar, m_ui->actionRefresh);
    m_timeToolbar->setChartsSource([this] {
        QList<MetricChartView *> charts;
        for (StageTab *tab : std::as_const(m_tabs))
            charts += tab->charts();
        return charts;
    });

    m_feed = new ChartFeed(session.scheduler(), session.store(), this);
    session.scheduler().setWindowSeconds(m_timeRange->windowSeconds());

    // Alerts: the dock (hidden until asked for), its toggle and "New rule…" in the Alerts menu.
    m_alertsPanel = new AlertsPanel(session.alerts(), clock, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_alertsPanel);
    resizeDocks({m_alertsPanel}, {kAlertsPanelHeight}, Qt::Vertical); // the charts keep most room
    m_alertsPanel->hide();
    QAction *panelToggle = m_alertsPanel->toggleViewAction();
    panelToggle->setObjectName(QStringLiteral("actionAlertsPanel"));
    panelToggle->setText(tr("Alerts &panel"));
    // Ctrl+Shift+A is File → Accounts…; L as in aLerts.
    panelToggle->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_ui->menuAlerts->insertAction(m_ui->actionNewRule, panelToggle);
    m_ruleEditor = new AlertRuleEditor(session.alerts(), session.store(), session.scheduler(), this);
    connect(m_ui->actionNewRule, &QAction::triggered, m_ruleEditor, &AlertRuleEditor::newRule);
    connect(m_alertsPanel, &AlertsPanel::editRuleRequested, m_ruleEditor, &AlertRuleEditor::editRule);
    connect(m_alertsPanel, &AlertsPanel::ruleActivated, this, &MainWindow::revealRule);
    connect(m_alertsPanel, &AlertsPanel::deleteRuleRequested, this, &MainWindow::deleteRule);
    connect(m_ruleEditor, &AlertRuleEditor::ruleSaved, this, [this](const QString &ruleId) {
        if (m_userRules)
            reportRulesSaved(m_userRules->recordSaved(ruleId));
    });
    m_chartEditor = new ChartEditor(session, this);

    // View → Metric browser…: choose what is charted.
    auto *browser = new QAction(tr("&Metric browser…"), this);
    browser->setObjectName(QStringLiteral("actionMetricBrowser"));
    browser->setShortcut(QKeySequence(tr("Ctrl+B")));
    browser->setToolTip(tr("Browse the discovered resources and their metrics, and add charts"));
    browser->setStatusTip(browser->toolTip());
    m_ui->menuView->insertAction(m_ui->menuView->actions().value(0), browser);
    m_ui->menuView->insertSeparator(m_ui->menuView->actions().value(1));
    connect(browser, &QAction::triggered, this, [this] { (void)openMetricBrowser(); });

    auto *notificationSettings = new QAction(tr("&Notification settings…"), this);
    notificationSettings->setObjectName(QStringLiteral("actionNotificationSettings"));
    m_ui->menuAlerts->addSeparator();
    m_ui->menuAlerts->addAction(notificationSettings);
    connect(notificationSettings, &QAction::triggered, this, [this] { (void)openNotificationSettings(); });

    // File → Accounts…: the app owns the account store and opens the dialog (accountsRequested).
    auto *accounts = new QAction(tr("&Accounts…"), this);
    accounts->setObjectName(QStringLiteral("actionAccounts"));
    accounts->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    accounts->setToolTip(tr("Add, import, test and remove cloud accounts"));
    accounts->setStatusTip(accounts->toolTip());
    accounts->setWhatsThis(accounts->toolTip()); // what screen readers announce beside the text
    m_ui->menuFile->insertAction(m_ui->actionQuit, accounts);
    connect(accounts, &QAction::triggered, this, &MainWindow::accountsRequested);

    // File → Weekly review… (the dialog does the work; see WeeklyReviewDialog).
    auto *weeklyReview = new QAction(tr("&Weekly review…"), this);
    weeklyReview->setObjectName(QStringLiteral("actionWeeklyReview"));
    m_ui->menuFile->insertAction(m_ui->actionQuit, weeklyReview);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    connect(weeklyReview, &QAction::triggered, this, &MainWindow::openWeeklyReview);

    // File → Open workspace… / Open recent / Save workspace (as…), at the top of the File menu.
    m_workspace = new WorkspaceController(session, this, this);
    m_workspace->addActionsTo(m_ui->menuFile, m_ui->menuFile->actions().value(0));
    connect(m_workspace, &WorkspaceController::documentChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &WorkspaceController::noticeRaised, m_status, &SessionStatusView::showNotice);
    connect(m_workspace, &WorkspaceController::noticeCleared, m_status, &SessionStatusView::clearNotice);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionRefresh, &QAction::triggered, &session.scheduler(), &FetchScheduler::refreshNow);
    connect(m_timeRange, &TimeRangeSelector::windowSecondsChanged, this, &MainWindow::changeWindow);
    connect(&session, &MonitorSession::chartsReady, this, &MainWindow::buildCharts);
    connect(&session, &MonitorSession::discoveryFailed, this, &MainWindow::onDiscoveryFailed);

    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(kTickIntervalMs);
    connect(m_tickTimer, &QTimer::timeout, &session.scheduler(), &FetchScheduler::tick);
    m_tickTimer->start();

    if (!session.charts().isEmpty()) // the session was started before the window existed
        buildCharts();
}

MainWindow::~MainWindow() = default;

StageTab *MainWindow::stageTab(Stage stage) const {
    return m_tabs.value(allStages().indexOf(stage));
}

void MainWindow::showStage(Stage stage) {
    if (StageTab *tab = stageTab(stage))
        m_ui->stageTabs->setCurrentWidget(tab);
}

void MainWindow::buildCharts() {
    m_feed->clearCharts();
    const QList<ChartSpec> all = m_session.charts();
    for (StageTab *tab : std::as_const(m_tabs)) {
        QList<ChartSpec> mine;
        for (const ChartSpec &spec : all)
            if (spec.stage == tab->stage())
                mine.append(spec);
        for (MetricChartView *view : tab->setCharts(mine)) {
            m_feed->addChart(view);
            m_timeToolbar->prepareChart(view);
            connect(view, &MetricChartView::alertRequested, m_ruleEditor,
                    [this, view](int series) { m_ruleEditor->editForChart(view->spec(), series); });
            m_chartEditor->attach(view);
        }
    }
    m_ruleEditor->setCharts(all);
}

void MainWindow::updateTitle() {
    const QString path = m_workspace->currentPath();
    // "[*]" is where Qt shows the modified mark ("*") while the workspace has unsaved changes.
    setWindowTitle(path.isEmpty()
                       ? tr("MLWatch — %1").arg(m_accountLabel)
                       : tr("%1[*] — MLWatch — %2").arg(QFileInfo(path).fileName(), m_accountLabel));
    setWindowModified(m_workspace->isModified());
}

void MainWindow::bringToFront() {
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::showAlertsPanel() {
    m_alertsPanel->show();
    m_alertsPanel->raise();
}

bool MainWindow::revealRule(const QString &ruleId) {
    const std::optional<AlertRule> rule = m_session.alerts().rule(ruleId);
    if (!rule)
        return false;
    for (StageTab *tab : std::as_const(m_tabs)) {
        if (MetricChartView *chart = tab->chartWatching(rule->seriesKey())) {
            showStage(tab->stage());
            tab->revealChart(chart);
            return true;
        }
    }
    return false;
}

bool MainWindow::revealChart(const QString &chartId) {
    for (StageTab *tab : std::as_const(m_tabs))
        for (MetricChartView *chart : tab->charts())
            if (chart->spec().id == chartId) {
                showStage(tab->stage());
                tab->revealChart(chart);
                return true;
            }
    return false;
}

MetricBrowserDialog *MainWindow::openMetricBrowser() {
    if (!m_metricBrowser) {
        m_metricBrowser = new MetricBrowserDialog(m_session, this);
        connect(m_metricBrowser, &MetricBrowserDialog::chartAdded, this,
                [this](const QString &chartId) { (void)revealChart(chartId); });
    }
    if (auto *tab = qobject_cast<StageTab *>(m_ui->stageTabs->currentWidget()))
        m_metricBrowser->setStage(tab->stage());
    m_metricBrowser->show();
    m_metricBrowser->raise();
    m_metricBrowser->activateWindow();
    return m_metricBrowser;
}

void MainWindow::setUserRuleStore(UserRuleStore *store) {
    m_userRules = store;
    if (!store || !store->loadError())
        return;
    m_status->showNotice(
        QStringLiteral("rules-file"), tr("Your alert rules could not be read: default rules in use"),
        tr("%1\n\nMLWatch started with the default rules. The file is left as it is until you save or "
           "delete a rule; then it is kept as %2 and a new one is written.")
            .arg(store->loadError()->message, store->brokenCopyPath()));
}

void MainWindow::deleteRule(const QString &ruleId) {
    if (m_userRules)
        reportRulesSaved(m_userRules->deleteRule(ruleId));
    else
        m_session.alerts().removeRule(ruleId);
}

void MainWindow::reportRulesSaved(const Result<void> &saved) {
    if (saved)
        m_status->clearNotice(QStringLiteral("rules-save"));
    else
        m_status->showNotice(
            QStringLiteral("rules-save"), tr("Alert rules not saved"),
            tr("%1\n\nThe change is in effect until MLWatch quits.").arg(saved.error().toString()));
}

NotificationSettingsDialog *MainWindow::openNotificationSettings() {
    auto *dialog = new NotificationSettingsDialog(m_clock, this);
    dialog->setObjectName(QStringLiteral("notificationSettingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSettings(NotificationSettings::load(QSettings()));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const NotificationSettings settings = dialog->settings();
        QSettings stored;
        settings.save(stored);
        Q_EMIT notificationSettingsChanged(settings);
    });
    dialog->open(); // window-modal, without a nested event loop
    return dialog;
}

void MainWindow::onDiscoveryFailed(const Error &error) {
    const QString text = tr("Could not list the account's resources: %1").arg(error.message);
    for (StageTab *tab : std::as_const(m_tabs))
        tab->showMessage(text);
    m_status->showErrors({error});
    // With several accounts the others' charts follow and the next refresh clears the errors
    // above: the account that could not be listed stays named in the status bar.
    m_status->showNotice(QStringLiteral("discovery:") + error.message, tr("An account could not be listed"),
                         text);
}

void MainWindow::changeWindow(qint64 seconds) {
    FetchScheduler &scheduler = m_session.scheduler();
    scheduler.setWindowSeconds(seconds); // makes a fetch due (or restarts a running one)
    scheduler.tick();
}

void MainWindow::openWeeklyReview() {
    auto *dialog = new WeeklyReviewDialog(m_session, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About MLWatch"),
        tr("<h3>MLWatch %1</h3>"
           "<p>Watches machine-learning workloads through the clouds' metrics APIs and shows them as the "
           "five steps of the ML workflow, with thresholds on every chart.</p>"
           "<p>Your metrics go only between this computer and your cloud; MLWatch has no server and "
           "sends no telemetry.</p>")
            .arg(QStringLiteral(MLWATCH_VERSION)));
}

} // namespace mlwatch
