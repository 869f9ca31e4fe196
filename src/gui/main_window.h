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

class ChartFeed;
class MonitorSession;
class SessionStatusView;
class StageTab;
class TimeRangeSelector;
struct Error;

// The main window: wiring only. Five stage tabs in workflow order, a toolbar with the time
// range and Refresh, the status bar, File → Quit and Help → About. Everything it shows comes
// from the session passed in (which must outlive the window); it owns no services.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(MonitorSession &session, const QString &accountLabel, QWidget *parent = nullptr);
    ~MainWindow() override;

    StageTab *stageTab(Stage stage) const;
    void showStage(Stage stage);
    TimeRangeSelector *timeRangeSelector() const { return m_timeRange; }

    // How often the scheduler is asked whether a fetch is due (it decides; this only polls).
    static constexpr int kTickIntervalMs = 15'000;

private:
    void buildCharts();
    void onDiscoveryFailed(const mlwatch::Error &error);
    void changeWindow(qint64 seconds);
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    MonitorSession &m_session;
    ChartFeed *m_feed = nullptr;
    SessionStatusView *m_status = nullptr;
    TimeRangeSelector *m_timeRange = nullptr;
    QTimer *m_tickTimer = nullptr;
    QList<StageTab *> m_tabs; // in allStages() order
};

} // namespace mlwatch
