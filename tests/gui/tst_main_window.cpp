// The main window against the real thing: a DemoCloud on loopback (real CloudWatch wire format,
// real SigV4), a real MonitorSession, real widgets under the offscreen platform.
#include "../support/demo_window_fixture.h"
#include "charts/metric_chart_view.h"
#include "core/alerts/alert_engine.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/alert_backtest.h"
#include "gui/alert_rule_dialog.h"
#include "gui/alert_rule_editor.h"
#include "gui/alerts_panel.h"
#include "gui/main_window.h"
#include "gui/session_status_view.h"
#include "gui/stage_tab.h"
#include "gui/time_range_selector.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)

namespace {

constexpr int kNetworkTimeoutMs = test::kDemoNetworkTimeoutMs;
constexpr qint64 kDaySeconds = 24 * 3600;

// Demo cloud, session and window; start() leaves the session unstarted, so that tests can look
// before discovery; startAndFetch() (DemoSessionFixture) then starts it and awaits the first fetch.
struct Fixture : test::DemoWindowFixture {
    Fixture() {
        options.accountLabel = QStringLiteral("Demo cloud (simulated AWS)");
        options.awaitFirstFetch = false;
    }

    QTabWidget *tabs() const { return window->findChild<QTabWidget *>(QStringLiteral("stageTabs")); }
    QString label(const char *name) const {
        auto *l = window->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
    }
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tabsInWorkflowOrder_data();
    void tabsInWorkflowOrder();
    void everyStageShowsDataAndThresholds_data();
    void everyStageShowsDataAndThresholds();
    void timeRangeChangeRefetches_data();
    void timeRangeChangeRefetches();
    void statusBarShowsRequestsRefreshAndAccount();
    void failedFetchIsExplained();
    void fileMenuOffersAccounts();
    void alertOnThisOpensTheRuleDialogAndTheEngineGetsTheRule();
    void revealRuleShowsTheChartsTab_data();
    void revealRuleShowsTheChartsTab();
    void alertsMenuTogglesThePanel();
    void alertNoticesAreShortWithTheFullTextInTheTooltip();
};

void TestMainWindow::tabsInWorkflowOrder_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<Stage>("stage");
    QTest::addColumn<QString>("title");

    QTest::newRow("data preparation comes first")
        << 0 << Stage::DataPreparation << QStringLiteral("Data preparation");
    QTest::newRow("then training") << 1 << Stage::Training << QStringLiteral("Training");
    QTest::newRow("then evaluation") << 2 << Stage::Evaluation << QStringLiteral("Evaluation");
    QTest::newRow("then deployment") << 3 << Stage::Deployment << QStringLiteral("Deployment");
    QTest::newRow("monitoring comes last") << 4 << Stage::Monitoring << QStringLiteral("Monitoring");
}

void TestMainWindow::tabsInWorkflowOrder() {
    QFETCH(int, index);
    QFETCH(Stage, stage);
    QFETCH(QString, title);

    Fixture f;
    QVERIFY(f.start());
    QTabWidget *tabs = f.tabs();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 5);
    QCOMPARE(tabs->tabText(index), title);
    auto *tab = qobject_cast<StageTab *>(tabs->widget(index));
    QVERIFY(tab);
    QCOMPARE(tab->stage(), stage);
    QCOMPARE(f.window->stageTab(stage), tab);
    // Before discovery answers the tab says what is happening rather than showing nothing.
    auto *message = tab->findChild<QLabel *>(QStringLiteral("stageMessage"));
    QVERIFY(message && message->isVisibleTo(tab));
    QVERIFY(!message->text().isEmpty());
    QVERIFY(!tab->findChild<QLabel *>(QStringLiteral("stageDescription"))->text().isEmpty());
}

void TestMainWindow::everyStageShowsDataAndThresholds_data() {
    QTest::addColumn<Stage>("stage");
    QTest::newRow("data preparation") << Stage::DataPreparation;
    QTest::newRow("training") << Stage::Training;
    QTest::newRow("evaluation") << Stage::Evaluation;
    QTest::newRow("deployment") << Stage::Deployment;
    QTest::newRow("monitoring") << Stage::Monitoring;
}

void TestMainWindow::everyStageShowsDataAndThresholds() {
    QFETCH(Stage, stage);

    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.startAndFetch());
    f.window->showStage(stage);
    StageTab *tab = f.window->stageTab(stage);
    QCOMPARE(f.tabs()->currentWidget(), tab);
    QVERIFY2(!tab->charts().isEmpty(), "the demo account has resources for every stage");

    // Some chart of the stage has datapoints in the window and draws its threshold lines.
    auto drawnWithThresholds = [tab] {
        for (MetricChartView *chart : tab->charts()) {
            const MetricChartView::RenderStats stats = chart->renderStats();
            if (chart->state() == MetricChartView::State::Data && stats.seriesWithData > 0 &&
                stats.points > 0 && stats.thresholdLines > 0 &&
                stats.thresholdLines == chart->spec().thresholds.size())
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drawnWithThresholds(), kNetworkTimeoutMs);

    // And no chart of the stage is left blank without saying why.
    for (MetricChartView *chart : tab->charts()) {
        QVERIFY(chart->state() != MetricChartView::State::Loading);
        if (chart->state() != MetricChartView::State::Data)
            QVERIFY2(!chart->statusText().isEmpty(), qPrintable(chart->spec().title));
        QCOMPARE(chart->accessibleName(), chart->spec().title);
    }
}

void TestMainWindow::timeRangeChangeRefetches_data() {
    QTest::addColumn<bool>("viaShortcutAction");
    QTest::newRow("picked in the toolbar combo box") << false;
    QTest::newRow("picked with Ctrl+4") << true;
}

void TestMainWindow::timeRangeChangeRefetches() {
    QFETCH(bool, viaShortcutAction);

    Fixture f;
    QVERIFY(f.start());
    TimeRangeSelector *range = f.window->timeRangeSelector();
    QCOMPARE(range->windowSeconds(), kDaySeconds); // the default is the last 24 hours
    QVERIFY(!range->accessibleName().isEmpty());
    QVERIFY(f.startAndFetch());
    FetchScheduler &scheduler = f.session->scheduler();
    QCOMPARE(scheduler.windowSeconds(), kDaySeconds);
    const quint64 requestsBefore = f.session->http().requestCount();
    QVERIFY(requestsBefore > 0);

    QSignalSpy fetched(&scheduler, &FetchScheduler::fetchFinished);
    if (viaShortcutAction) {
        QAction *lastWeek = range->choiceActions().at(3);
        QCOMPARE(lastWeek->shortcut(), QKeySequence(QStringLiteral("Ctrl+4")));
        lastWeek->trigger();
    } else {
        range->setCurrentIndex(range->findData(7 * kDaySeconds));
    }
    QCOMPARE(range->windowSeconds(), 7 * kDaySeconds);
    QCOMPARE(scheduler.windowSeconds(), 7 * kDaySeconds);
    QVERIFY(fetched.wait(kNetworkTimeoutMs) || !fetched.isEmpty());

    QVERIFY(f.session->http().requestCount() > requestsBefore);
    QCOMPARE(scheduler.currentRange().durationMs(), 7 * kDaySeconds * 1000);
    // The charts show the new window.
    for (MetricChartView *chart : f.window->stageTab(Stage::Monitoring)->charts())
        QCOMPARE(chart->window(), scheduler.currentRange());
}

void TestMainWindow::statusBarShowsRequestsRefreshAndAccount() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.startAndFetch());

    const QString requests = QLocale().toString(f.session->http().requestCount());
    QTRY_COMPARE(f.label("requestCountLabel"), QStringLiteral("API requests: %1").arg(requests));
    // "Last refresh: 12:00 (UTC)": local clock time and the zone (the tests run with TZ=UTC).
    const QString refresh = f.label("lastRefreshLabel");
    QVERIFY2(
        QRegularExpression(QStringLiteral("^Last refresh: .*\\d\\d.*\\(UTC\\)$")).match(refresh).hasMatch(),
        qPrintable(refresh));
    QCOMPARE(f.label("accountLabel"), QStringLiteral("Demo cloud (simulated AWS)"));
    QVERIFY(f.label("fetchErrorLabel").isEmpty());

    // The meter is live: a manual refresh (F5) sends more requests and the label follows.
    QSignalSpy fetched(&f.session->scheduler(), &FetchScheduler::fetchFinished);
    const quint64 before = f.session->http().requestCount();
    auto *refreshAction = f.window->findChild<QAction *>(QStringLiteral("actionRefresh"));
    QVERIFY(refreshAction);
    QCOMPARE(refreshAction->shortcut(), QKeySequence(Qt::Key_F5));
    refreshAction->trigger();
    QVERIFY(fetched.wait(kNetworkTimeoutMs) || !fetched.isEmpty());
    QVERIFY(f.session->http().requestCount() > before);
    QCOMPARE(f.label("requestCountLabel"),
             QStringLiteral("API requests: %1").arg(QLocale().toString(f.session->http().requestCount())));
}

void TestMainWindow::failedFetchIsExplained() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.startAndFetch());

    // Every request of the next refresh fails, retries included.
    f.cloud.injectFaults(demo::DemoFault::ServerError, 1000);
    QSignalSpy fetched(&f.session->scheduler(), &FetchScheduler::fetchFinished);
    f.session->scheduler().refreshNow();
    QVERIFY(fetched.wait(kNetworkTimeoutMs) || !fetched.isEmpty());
    const auto errors = fetched.first().at(1).value<QList<Error>>();
    QVERIFY(!errors.isEmpty());

    auto *errorLabel = f.window->findChild<QLabel *>(QStringLiteral("fetchErrorLabel"));
    QVERIFY(errorLabel);
    QVERIFY(errorLabel->text().contains(errors.first().message));
    QVERIFY(errorLabel->toolTip().contains(errors.first().message));
    // The charts whose data did not arrive say so, with the error.
    MetricChartView *chart = f.window->stageTab(Stage::Monitoring)->charts().value(0);
    QVERIFY(chart);
    QCOMPARE(chart->state(), MetricChartView::State::Error);
    QVERIFY(chart->statusText().contains(errors.first().message));
}

// File → Accounts… (Ctrl+Shift+A) asks the app for the accounts dialog; the alerts panel's toggle
// moved to Ctrl+Shift+L so that no shortcut is ambiguous (Qt fires neither of two equal ones).
void TestMainWindow::fileMenuOffersAccounts() {
    Fixture f;
    QVERIFY(f.start());
    auto *accounts = f.window->findChild<QAction *>(QStringLiteral("actionAccounts"));
    QVERIFY(accounts);
    QCOMPARE(accounts->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    QVERIFY(!accounts->toolTip().isEmpty());
    QList<QKeySequence> shortcuts;
    for (const QAction *action : f.window->findChildren<QAction *>())
        if (!action->shortcut().isEmpty())
            shortcuts.append(action->shortcut());
    QCOMPARE(shortcuts.count(accounts->shortcut()), 1);
    QSignalSpy requested(f.window.get(), &MainWindow::accountsRequested);
    accounts->trigger();
    QCOMPARE(requested.count(), 1);
}

void TestMainWindow::alertOnThisOpensTheRuleDialogAndTheEngineGetsTheRule() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.startAndFetch());
    f.window->showStage(Stage::Monitoring);
    MetricChartView *chart = f.window->stageTab(Stage::Monitoring)->charts().value(0);
    QVERIFY(chart);
    QAction *alertOnThis = nullptr;
    for (QAction *action : chart->actions())
        if (action->objectName().startsWith(QStringLiteral("alertOnThisAction")))
            alertOnThis = action;
    QVERIFY2(alertOnThis, "every chart offers \"Alert on this…\"");

    QSignalSpy opened(f.window->ruleEditor(), &AlertRuleEditor::dialogOpened);
    alertOnThis->trigger();
    QCOMPARE(opened.count(), 1);
    AlertRuleDialog *dialog = f.window->ruleEditor()->currentDialog();
    QVERIFY(dialog && dialog->isVisible());
    // The dialog starts on the chart's series, with the chart's window for its preview.
    const QString key = chart->spec().series.first().query.seriesKey();
    QCOMPARE(dialog->rule().seriesKey(), key);
    QTRY_VERIFY(!dialog->isRefreshPending());
    QVERIFY(dialog->preview().datapoints > 0); // the demo's data, backtested

    // OK hands the rule to the engine (the dialog itself saves nothing).
    AlertRule edited = dialog->rule();
    QSignalSpy saved(f.window->ruleEditor(), &AlertRuleEditor::ruleSaved);
    dialog->accept();
    QCOMPARE(saved.count(), 1);
    QCOMPARE(f.session->alerts().rule(edited.id), std::optional<AlertRule>(edited));
}

void TestMainWindow::revealRuleShowsTheChartsTab_data() {
    QTest::addColumn<Stage>("stage");
    QTest::newRow("a monitoring rule") << Stage::Monitoring;
    QTest::newRow("a deployment rule") << Stage::Deployment;
}

void TestMainWindow::revealRuleShowsTheChartsTab() {
    QFETCH(Stage, stage);
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.startAndFetch());
    // A default rule (the session adds them for its charts) that watches a chart of the stage.
    QString ruleId;
    MetricChartView *target = nullptr;
    for (const AlertRule &rule : f.session->alerts().rules())
        if (MetricChartView *chart = f.window->stageTab(stage)->chartWatching(rule.seriesKey());
            chart && !target) {
            ruleId = rule.id;
            target = chart;
        }
    QVERIFY2(target, "the demo has a default rule for this stage");
    f.window->showStage(Stage::DataPreparation);
    QVERIFY(f.window->revealRule(ruleId));
    QCOMPARE(f.tabs()->currentWidget(), f.window->stageTab(stage));
    QVERIFY(!f.window->revealRule(QStringLiteral("no-such-rule")));
}

void TestMainWindow::alertsMenuTogglesThePanel() {
    Fixture f;
    QVERIFY(f.start());
    AlertsPanel *panel = f.window->alertsPanel();
    QVERIFY(panel && !panel->isVisible()); // out of the way until asked for
    auto *toggle = f.window->findChild<QAction *>(QStringLiteral("actionAlertsPanel"));
    QVERIFY(toggle);
    toggle->trigger();
    QVERIFY(panel->isVisible());
    toggle->trigger();
    QVERIFY(!panel->isVisible());
    f.window->showAlertsPanel();
    QVERIFY(panel->isVisible());
}

// Alert delivery problems (desktop notifications, webhooks, the rules file) in the status bar:
// the newest in short, "+N more" for the others, every one in full in the tooltip; a notice under
// the same key replaces the old one, and clearing the last hides the label.
void TestMainWindow::alertNoticesAreShortWithTheFullTextInTheTooltip() {
    Fixture f;
    QVERIFY(f.start());
    SessionStatusView *status = f.window->statusView();
    auto *label = f.window->findChild<QLabel *>(QStringLiteral("alertNoticeLabel"));
    QVERIFY(status && label);
    QVERIFY(!label->isVisible());

    status->showNotice(QStringLiteral("desktop"), QStringLiteral("Desktop notifications unavailable"),
                       QStringLiteral("Desktop notifications are off: no notification service."));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("⚠ Desktop notifications unavailable"));
    QCOMPARE(label->toolTip(), QStringLiteral("Desktop notifications are off: no notification service."));

    status->showNotice(QStringLiteral("webhook:r1"), QStringLiteral("Webhook of \"Latency\" failed"),
                       QStringLiteral("The webhook at hooks.example.com answered HTTP 500."));
    QCOMPARE(label->text(), QStringLiteral("⚠ Webhook of \"Latency\" failed (+1 more)"));
    QCOMPARE(label->toolTip(), QStringLiteral("The webhook at hooks.example.com answered HTTP 500.\n\n"
                                              "Desktop notifications are off: no notification service."));
    status->showNotice(QStringLiteral("webhook:r1"), QStringLiteral("Webhook of \"Latency\" failed"),
                       QStringLiteral("The webhook at hooks.example.com answered HTTP 404."));
    QCOMPARE(status->noticeKeys(), (QStringList{QStringLiteral("webhook:r1"), QStringLiteral("desktop")}));
    QVERIFY(!label->toolTip().contains(QStringLiteral("HTTP 500"))); // replaced, not piled up

    status->clearNotice(QStringLiteral("webhook:r1"));
    QCOMPARE(label->text(), QStringLiteral("⚠ Desktop notifications unavailable"));
    status->clearNotice(QStringLiteral("desktop"));
    QVERIFY(!label->isVisible());
    QVERIFY(label->toolTip().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
