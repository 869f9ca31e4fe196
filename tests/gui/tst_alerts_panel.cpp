// The alerts dock and its models against a real AlertEngine fed through a real SeriesStore, with
// real widgets (offscreen) and a ManualClock: QAbstractItemModelTester watches both models while
// rules go pending, fire and resolve; a firing transition shows up now and in the history; the
// panel's acknowledge / snooze / silence reach the engine; the tray icon counts what fires.
#include "../support/manual_clock.h"
#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/store/series_store.h"
#include "gui/active_alerts_model.h"
#include "gui/alert_history_model.h"
#include "gui/alert_tray_icon.h"
#include "gui/alerts_panel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AlertStateKind)
Q_DECLARE_METATYPE(mlwatch::AlertLevel)

namespace {

constexpr qint64 kMinuteMs = 60'000;

MetricQuery latencyQuery(const QString &endpoint = QStringLiteral("churn-endpoint")) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QStringLiteral("ModelLatency");
    q.dimensions = {{QStringLiteral("EndpointName"), endpoint}};
    return q;
}

// Above: warning 800 ms, critical 1000 ms; one breaching minute is enough; no delay, so the
// newest complete minute is judged at once.
AlertRule rule(const QString &id, const QString &endpoint, int pendingForSeconds = 0) {
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("Latency — ") + endpoint;
    r.series = latencyQuery(endpoint);
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Milliseconds;
    r.critical = 1000;
    r.warning = 800;
    r.pendingForSeconds = pendingForSeconds;
    r.evaluationDelaySeconds = 0;
    return r;
}

// The engine, its store and clock, the panel, and model testers that abort on any misstep.
struct Fixture {
    QTemporaryDir dir;
    // Minute-aligned, so that "now" ends the newest period exactly.
    test::ManualClock clock{QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC)};
    SeriesStore store;
    AlertEngine engine{clock, store};
    std::unique_ptr<AlertsPanel> panel;
    std::unique_ptr<QAbstractItemModelTester> activeTester;
    std::unique_ptr<QAbstractItemModelTester> historyTester;

    bool start(const QList<AlertRule> &rules) {
        if (!dir.isValid() || !engine.attachHistory(std::make_unique<AlertHistory>(dir.path())))
            return false;
        if (!engine.setRules(rules))
            return false;
        panel = std::make_unique<AlertsPanel>(engine, clock);
        activeTester = std::make_unique<QAbstractItemModelTester>(
            panel->activeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        historyTester = std::make_unique<QAbstractItemModelTester>(
            panel->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->resize(900, 300);
        panel->show();
        return QTest::qWaitForWindowExposed(panel.get());
    }

    // One datapoint for the minute that just ended, then the store announces it.
    void feed(const QString &endpoint, double milliseconds) {
        SeriesData data = store.series(latencyQuery(endpoint).seriesKey());
        data.seriesKey = latencyQuery(endpoint).seriesKey();
        data.timestampsMs.append(clock.nowMs() - kMinuteMs);
        data.values.append(milliseconds);
        store.replace(data);
    }
    void nextMinute() { clock.advanceSeconds(60); }

    QString cell(QAbstractItemModel *model, int row, int column) const {
        return model->index(row, column).data().toString();
    }
};

} // namespace

class TestAlertsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firingTransitionAppears_data();
    void firingTransitionAppears();
    void pendingBecomesFiringInPlaceThenResolves();
    void rowsKeepTheEnginesRuleOrder();
    void acknowledgeSnoozeAndSilenceCallThrough();
    void deleteRuleAsksFirst_data();
    void deleteRuleAsksFirst();
    void historyIsLoadedAndExportedAsCsv();
    void doubleClickAsksForTheRulesChart();
    void trayIconCountsFiringAlerts();
};

void TestAlertsPanel::firingTransitionAppears_data() {
    QTest::addColumn<double>("milliseconds");
    QTest::addColumn<AlertLevel>("level");
    QTest::addColumn<QString>("stateText");
    QTest::newRow("above critical fires critical")
        << 1300.0 << AlertLevel::Critical << QStringLiteral("Firing (critical)");
    QTest::newRow("between warning and critical fires warning")
        << 900.0 << AlertLevel::Warning << QStringLiteral("Firing (warning)");
}

void TestAlertsPanel::firingTransitionAppears() {
    QFETCH(double, milliseconds);
    QFETCH(AlertLevel, level);
    QFETCH(QString, stateText);

    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("r1"), QStringLiteral("churn-endpoint"))}));
    ActiveAlertsModel *active = f.panel->activeModel();
    AlertHistoryModel *history = f.panel->historyModel();
    QCOMPARE(active->rowCount(), 0);
    QCOMPARE(history->rowCount(), 0);

    QSignalSpy inserted(active, &QAbstractItemModel::rowsInserted);
    QSignalSpy transitions(&f.engine, &AlertEngine::transitionOccurred);
    f.feed(QStringLiteral("churn-endpoint"), milliseconds);
    QTRY_COMPARE(transitions.count(), 1); // the engine evaluates on the store's signal

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(active->rowCount(), 1);
    QCOMPARE(active->ruleIdAt(0), QStringLiteral("r1"));
    QCOMPARE(f.cell(active, 0, ActiveAlertsModel::StateColumn), stateText);
    QCOMPARE(f.cell(active, 0, ActiveAlertsModel::RuleColumn), QStringLiteral("Latency — churn-endpoint"));
    QVERIFY(f.cell(active, 0, ActiveAlertsModel::ValueColumn)
                .startsWith(QLocale().toString(milliseconds, 'g', 6)));
    QVERIFY(f.cell(active, 0, ActiveAlertsModel::ValueColumn).endsWith(QStringLiteral("ms")));
    QCOMPARE(active->firingCount(), 1);

    QCOMPARE(history->rowCount(), 1);
    const AlertTransition t = history->transitionAt(0);
    QCOMPARE(t.ruleId, QStringLiteral("r1"));
    QCOMPARE(t.to.kind, AlertStateKind::Firing);
    QCOMPARE(t.to.level, level);
    QCOMPARE(f.cell(history, 0, AlertHistoryModel::FromColumn), QStringLiteral("OK"));
    QCOMPARE(f.cell(history, 0, AlertHistoryModel::ToColumn), stateText);
    QVERIFY(history->headerData(AlertHistoryModel::TimeColumn, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("UTC")));

    auto *tabs = f.panel->findChild<QTabWidget *>(QStringLiteral("alertsTabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Now: 1 firing, 0 pending"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("History (1)"));
    QCOMPARE(f.panel->windowTitle(), QStringLiteral("Alerts (1 firing)"));
}

void TestAlertsPanel::pendingBecomesFiringInPlaceThenResolves() {
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("slow"), QStringLiteral("churn-endpoint"), 120)}));
    ActiveAlertsModel *active = f.panel->activeModel();
    QSignalSpy transitions(&f.engine, &AlertEngine::transitionOccurred);

    f.feed(QStringLiteral("churn-endpoint"), 1300);
    QTRY_COMPARE(transitions.count(), 1);
    QCOMPARE(active->rowCount(), 1);
    QCOMPARE(f.cell(active, 0, ActiveAlertsModel::StateColumn), QStringLiteral("Pending (critical)"));
    QCOMPARE(active->firingCount(), 0);

    // Two minutes later the pending clock has run out: the same row now says firing.
    QSignalSpy inserted(active, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(active, &QAbstractItemModel::dataChanged);
    for (int minute = 0; minute < 2; ++minute) {
        f.nextMinute();
        f.feed(QStringLiteral("churn-endpoint"), 1300);
    }
    QTRY_COMPARE(f.engine.status(QStringLiteral("slow")).state.kind, AlertStateKind::Firing);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(f.cell(active, 0, ActiveAlertsModel::StateColumn), QStringLiteral("Firing (critical)"));

    // Back under both thresholds: the row goes, the history keeps all three transitions.
    QSignalSpy removed(active, &QAbstractItemModel::rowsRemoved);
    f.nextMinute();
    f.feed(QStringLiteral("churn-endpoint"), 200);
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(active->rowCount(), 0);
    QCOMPARE(f.panel->historyModel()->rowCount(), 3);
    QCOMPARE(f.panel->historyModel()->transitionAt(0).to.kind, AlertStateKind::Ok); // newest first
}

void TestAlertsPanel::rowsKeepTheEnginesRuleOrder() {
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("a"), QStringLiteral("ep-a")),
                     rule(QStringLiteral("b"), QStringLiteral("ep-b")),
                     rule(QStringLiteral("c"), QStringLiteral("ep-c"))}));
    ActiveAlertsModel *active = f.panel->activeModel();
    f.feed(QStringLiteral("ep-c"), 1300);
    f.feed(QStringLiteral("ep-a"), 1300);
    f.feed(QStringLiteral("ep-b"), 1300);
    QTRY_COMPARE(active->rowCount(), 3);
    QCOMPARE(active->ruleIdAt(0), QStringLiteral("a"));
    QCOMPARE(active->ruleIdAt(1), QStringLiteral("b"));
    QCOMPARE(active->ruleIdAt(2), QStringLiteral("c"));
    // A new rule set resets the model (the tester checks the reset).
    QSignalSpy reset(active, &QAbstractItemModel::modelReset);
    QVERIFY(f.engine.removeRule(QStringLiteral("b")));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(active->rowCount(), 2);
    QCOMPARE(active->ruleIdAt(1), QStringLiteral("c"));
}

void TestAlertsPanel::acknowledgeSnoozeAndSilenceCallThrough() {
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("r1"), QStringLiteral("churn-endpoint"))}));
    f.feed(QStringLiteral("churn-endpoint"), 1300);
    QTRY_COMPARE(f.panel->activeModel()->rowCount(), 1);
    const QString id = QStringLiteral("r1");

    auto *acknowledge = f.panel->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"));
    auto *snooze = f.panel->findChild<QPushButton *>(QStringLiteral("snoozeButton"));
    auto *silence = f.panel->findChild<QToolButton *>(QStringLiteral("silenceButton"));
    QVERIFY(acknowledge && snooze && silence);
    QVERIFY(!acknowledge->isEnabled()); // nothing selected yet
    QVERIFY(f.panel->selectRule(id));
    QCOMPARE(f.panel->selectedRuleId(), id);
    QVERIFY(acknowledge->isEnabled());

    QTest::mouseClick(acknowledge, Qt::LeftButton);
    QVERIFY(f.engine.status(id).acknowledged);
    QVERIFY(!acknowledge->isEnabled()); // once is enough
    QCOMPARE(f.cell(f.panel->activeModel(), 0, ActiveAlertsModel::NoteColumn),
             QStringLiteral("Acknowledged"));

    QTest::mouseClick(snooze, Qt::LeftButton);
    QCOMPARE(f.engine.status(id).snoozedUntilMs, f.clock.nowMs() + AlertsPanel::kSnoozeSeconds * 1000);
    QVERIFY(f.cell(f.panel->activeModel(), 0, ActiveAlertsModel::NoteColumn)
                .contains(QStringLiteral("Snoozed until")));

    QMenu *menu = silence->menu();
    QVERIFY(menu);
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.at(2)->text(), QStringLiteral("1 day"));
    actions.at(2)->trigger();
    QCOMPARE(f.engine.status(id).silencedUntilMs, f.clock.nowMs() + 24 * 3600 * 1000LL);
    actions.last()->trigger(); // "End silence"
    QCOMPARE(f.engine.status(id).silencedUntilMs, 0);
}

void TestAlertsPanel::deleteRuleAsksFirst_data() {
    QTest::addColumn<bool>("confirm");
    QTest::newRow("Delete asks the owner to delete the rule") << true;
    QTest::newRow("Cancel keeps the rule") << false;
}

// The panel asks before anything happens, and then only states the intent: whoever owns the
// rules (MainWindow with its UserRuleStore) removes and records it.
void TestAlertsPanel::deleteRuleAsksFirst() {
    QFETCH(bool, confirm);
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("r1"), QStringLiteral("churn-endpoint"))}));
    auto *remove = f.panel->findChild<QPushButton *>(QStringLiteral("deleteRuleButton"));
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled()); // nothing selected
    QVERIFY(!f.panel->deleteSelected());
    f.feed(QStringLiteral("churn-endpoint"), 1300);
    QTRY_COMPARE(f.panel->activeModel()->rowCount(), 1);
    QVERIFY(f.panel->selectRule(QStringLiteral("r1")));
    QVERIFY(remove->isEnabled());

    QSignalSpy requested(f.panel.get(), &AlertsPanel::deleteRuleRequested);
    QTest::mouseClick(remove, Qt::LeftButton);
    auto *box = f.panel->findChild<QMessageBox *>(QStringLiteral("deleteRuleConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("Latency — churn-endpoint"))); // names the rule
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));          // Enter keeps it
    QCOMPARE(requested.count(), 0);                                            // nothing before the answer

    auto *button = confirm ? box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))
                           : qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), confirm ? 1 : 0);
    if (confirm)
        QCOMPARE(requested.first().first().toString(), QStringLiteral("r1"));
    QVERIFY(f.engine.contains(QStringLiteral("r1"))); // the panel itself removes nothing
}

void TestAlertsPanel::historyIsLoadedAndExportedAsCsv() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("r1"), QStringLiteral("churn-endpoint"))}));
    f.feed(QStringLiteral("churn-endpoint"), 1300);
    f.nextMinute();
    f.feed(QStringLiteral("churn-endpoint"), 100);
    QTRY_COMPARE(f.panel->historyModel()->rowCount(), 2);

    // A second panel over the same engine starts from the engine's history.
    AlertsPanel second(f.engine, f.clock);
    QCOMPARE(second.historyModel()->rowCount(), 2);
    QCOMPARE(second.historyModel()->transitions(), f.engine.history()->transitions());

    const QString path = dir.filePath(QStringLiteral("history.csv"));
    const Result<void> written = f.panel->exportHistory(path);
    QVERIFY2(written.has_value(), qPrintable(written.has_value() ? QString() : written.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("timestamp,rule,from,from_level,to,level,value,recorded_at"));
    QCOMPARE(lines.at(1).split(',').at(1), QByteArray("r1"));
    QCOMPARE(lines.at(1).split(',').at(4), QByteArray("firing"));
    QCOMPARE(lines.at(2).split(',').at(4), QByteArray("ok"));
}

void TestAlertsPanel::doubleClickAsksForTheRulesChart() {
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("r1"), QStringLiteral("churn-endpoint"))}));
    f.feed(QStringLiteral("churn-endpoint"), 1300);
    QTRY_COMPARE(f.panel->activeModel()->rowCount(), 1);
    auto *view = f.panel->findChild<QTableView *>(QStringLiteral("activeAlertsView"));
    QVERIFY(view);
    QSignalSpy activated(f.panel.get(), &AlertsPanel::ruleActivated);
    const QRect cell = view->visualRect(view->model()->index(0, ActiveAlertsModel::RuleColumn));
    QVERIFY(cell.isValid());
    // A double-click is a click and then a double-click event at the same place.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("r1"));
}

void TestAlertsPanel::trayIconCountsFiringAlerts() {
    Fixture f;
    QVERIFY(f.start({rule(QStringLiteral("a"), QStringLiteral("ep-a")),
                     rule(QStringLiteral("b"), QStringLiteral("ep-b"))}));
    AlertTrayIcon tray(f.engine);
    QCOMPARE(tray.firingCount(), 0);
    QCOMPARE(tray.toolTip(), QStringLiteral("MLWatch: no alerts firing"));
    const qint64 plainIcon = tray.icon().cacheKey();

    f.feed(QStringLiteral("ep-a"), 1300);
    f.feed(QStringLiteral("ep-b"), 900);
    QTRY_COMPARE(tray.firingCount(), 2);
    QVERIFY(tray.toolTip().startsWith(QStringLiteral("MLWatch: alerts firing: 2")));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Latency — ep-a (critical)")));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Latency — ep-b (warning)")));
    QVERIFY(tray.icon().cacheKey() != plainIcon); // the badge

    // The menu's entries are intents.
    QSignalSpy showAlerts(&tray, &AlertTrayIcon::showAlertsRequested);
    QSignalSpy quit(&tray, &AlertTrayIcon::quitRequested);
    tray.menu()->findChild<QAction *>(QStringLiteral("trayShowAlertsAction"))->trigger();
    tray.menu()->findChild<QAction *>(QStringLiteral("trayQuitAction"))->trigger();
    QCOMPARE(showAlerts.count(), 1);
    QCOMPARE(quit.count(), 1);
}

QTEST_MAIN(TestAlertsPanel)
#include "tst_alerts_panel.moc"
