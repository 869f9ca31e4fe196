#include "gui/main_window.h"

#include "ui_main_window.h"

#include "charts/metric_chart_view.h"
#include "core/common/error.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "gui/chart_feed.h"
#include "gui/session_status_view.h"
#include "gui/stage_tab.h"
#include "gui/time_range_selector.h"

#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QTimer>

namespace mlwatch {

MainWindow::MainWindow(MonitorSession &session, const QString &accountLabel, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session) {
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
        for (MetricChartView *view : tab->setCharts(mine))
            m_feed->addChart(view);
    }
}

void MainWindow::onDiscoveryFailed(const Error &error) {
    const QString text = tr("Could not list the account's resources: %1").arg(error.message);
    for (StageTab *tab : std::as_const(m_tabs))
        tab->showMessage(text);
    m_status->showErrors({error});
}

void MainWindow::changeWindow(qint64 seconds) {
    FetchScheduler &scheduler = m_session.scheduler();
    scheduler.setWindowSeconds(seconds); // makes a fetch due (or restarts a running one)
    scheduler.tick();
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
