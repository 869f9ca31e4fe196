#include "gui/main_window.h"

#include "ui_main_window.h"

#include "charts/metric_chart_view.h"
#include "core/alerts/alert_engine.h"
#include "core/common/error.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "gui/alert_rule_editor.h"
#include "gui/alerts_panel.h"
#include "gui/chart_feed.h"
#include "gui/notification_settings_dialog.h"
#include "gui/session_status_view.h"
#include "gui/stage_tab.h"
#include "gui/time_range_selector.h"
#include "gui/user_rule_store.h"
#include "gui/weekly_review_dialog.h"

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
    , m_clock(clock) {
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
    m_ui->actionRefresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    m_status = new SessionStatusView(session, accountLabel, this);
    m_ui->statusBar->addWidget(m_status, 1);

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
            connect(view, &MetricChartView::alertRequested, m_ruleEditor,
                    [this, view](int series) { m_ruleEditor->editForChart(view->spec(), series); });
        }
    }
    m_ruleEditor->setCharts(all);
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
