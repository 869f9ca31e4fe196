// AlertEngine with the real SeriesStore and a real history directory: a store change evaluates
// the rules watching that series at the clock's now; state and marks survive a restart without a
// duplicate notification; the history reloads and exports as CSV.
#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/store/series_store.h"
#include "support/manual_clock.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mlwatch;
using mlwatch::test::ManualClock;

namespace {

const QDateTime kStart(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const qint64 kT0 = kStart.toMSecsSinceEpoch();
constexpr qint64 kMinute = 60'000;

AlertRule latencyRule(const QString &id = QStringLiteral("latency")) {
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("Model latency");
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = QStringLiteral("ModelLatency");
    r.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")}};
    r.series.stat = QStringLiteral("Average");
    r.series.periodSeconds = 60;
    r.critical = 1000;
    r.criticalRecovery = 900;
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Microseconds;
    r.evaluationPeriods = 5;
    r.datapointsToAlarm = 3;
    r.evaluationDelaySeconds = 0;
    return r;
}

// One value per minute from kT0, in milliseconds (stored as microseconds, the raw unit).
SeriesData latencySeries(const QList<double> &ms) {
    SeriesData d;
    d.seriesKey = latencyRule().seriesKey();
    for (qsizetype i = 0; i < ms.size(); ++i) {
        d.timestampsMs.append(kT0 + i * kMinute);
        d.values.append(ms.at(i) * 1000.0);
    }
    return d;
}

AlertTransition transitionAt(const QSignalSpy &spy, qsizetype i) {
    return spy.at(i).at(0).value<AlertTransition>();
}

} // namespace

class TestAlertEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();

    void storeChangeEvaluatesTheRulesOfThatSeries();
    void otherSeriesDoNotEvaluate();
    void disabledRuleIsNotEvaluated();
    void evaluateAllFindsNoData();
    void setRulesRefusesInvalidOrDuplicateRules();
    void replacingARuleKeepsItsState();

    void restartKeepsFiringWithoutDuplicateNotification();
    void restartThenResolveNotifiesOnce();
    void marksPersistAndEndWithTheEpisode();

    void historyReloadsEveryTransition();
    void historySkipsATornLastLine();
    void historyExportsCsv();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAlertEngine::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAlertEngine::storeChangeEvaluatesTheRulesOfThatSeries() {
    ManualClock clock(kStart.addSecs(5 * 60)); // periods 0..4 are due
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule()}));
    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    QSignalSpy states(&engine, &AlertEngine::stateChanged);

    store.replace(latencySeries({800, 1200, 1100, 950, 1300}));
    QCOMPARE(transitions.size(), 1);
    const AlertTransition t = transitionAt(transitions, 0);
    QCOMPARE(t.ruleId, QStringLiteral("latency"));
    QCOMPARE(t.timeMs, kT0 + 4 * kMinute);
    QCOMPARE(t.to, (AlertState{AlertStateKind::Firing, AlertLevel::Critical}));
    QCOMPARE(t.value, 1300.0); // converted from microseconds
    QCOMPARE(t.recordedAtMs, clock.nowMs());
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.at(0).at(0).toString(), QStringLiteral("latency"));
    QCOMPARE(engine.status(QStringLiteral("latency")).state.kind, AlertStateKind::Firing);
    QCOMPARE(engine.status(QStringLiteral("latency")).sinceMs, kT0 + 4 * kMinute);
    QCOMPARE(engine.firingRuleIds(), QStringList{QStringLiteral("latency")});
}

void TestAlertEngine::otherSeriesDoNotEvaluate() {
    ManualClock clock(kStart.addSecs(5 * 60));
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule()}));
    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    SeriesData other = latencySeries({5000, 5000, 5000, 5000, 5000});
    other.seriesKey = QStringLiteral("AWS/SageMaker|Invocations||Sum");
    store.replace(other);
    QCOMPARE(transitions.size(), 0);
    QCOMPARE(engine.status(QStringLiteral("latency")).lastPeriodMs, AlertEvaluator::kNever);
}

void TestAlertEngine::disabledRuleIsNotEvaluated() {
    ManualClock clock(kStart.addSecs(5 * 60));
    SeriesStore store;
    AlertEngine engine(clock, store);
    AlertRule rule = latencyRule();
    rule.enabled = false;
    QVERIFY(engine.setRules({rule}));
    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    store.replace(latencySeries({1300, 1300, 1300, 1300, 1300}));
    QCOMPARE(transitions.size(), 0);
}

void TestAlertEngine::evaluateAllFindsNoData() {
    ManualClock clock(kStart.addSecs(5 * 60));
    SeriesStore store; // nothing fetched
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule()}));
    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    engine.evaluateAll();
    QCOMPARE(transitions.size(), 1);
    QCOMPARE(transitionAt(transitions, 0).to.kind, AlertStateKind::NoData);
}

void TestAlertEngine::setRulesRefusesInvalidOrDuplicateRules() {
    ManualClock clock;
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule(QStringLiteral("a"))}));
    AlertRule bad = latencyRule(QStringLiteral("b"));
    bad.datapointsToAlarm = 9;
    Result<void> r = engine.setRules({latencyRule(QStringLiteral("a")), bad});
    QVERIFY(!r);
    QVERIFY2(r.error().message.startsWith(QStringLiteral("rules[1].datapointsToAlarm")),
             qPrintable(r.error().message));
    r = engine.setRules({latencyRule(QStringLiteral("a")), latencyRule(QStringLiteral("a"))});
    QVERIFY(!r);
    QVERIFY2(r.error().message.startsWith(QStringLiteral("rules[1].id")), qPrintable(r.error().message));
    QCOMPARE(engine.rules().size(), 1); // nothing changed
}

void TestAlertEngine::replacingARuleKeepsItsState() {
    ManualClock clock(kStart.addSecs(5 * 60));
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule()}));
    store.replace(latencySeries({800, 1200, 1100, 950, 1300}));
    QVERIFY(engine.status(QStringLiteral("latency")).state.isFiring());

    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    AlertRule renamed = latencyRule();
    renamed.name = QStringLiteral("Renamed");
    QVERIFY(engine.addOrReplaceRule(renamed));
    AlertRule stricter = latencyRule();
    stricter.critical = 1100;
    stricter.criticalRecovery = 1000;
    QVERIFY(engine.addOrReplaceRule(stricter));
    QVERIFY(engine.status(QStringLiteral("latency")).state.isFiring());
    QCOMPARE(engine.rule(QStringLiteral("latency"))->critical, 1100.0);
    QCOMPARE(transitions.size(), 0);
}

void TestAlertEngine::restartKeepsFiringWithoutDuplicateNotification() {
    ManualClock clock(kStart.addSecs(5 * 60));
    {
        SeriesStore store;
        AlertEngine engine(clock, store);
        QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
        QVERIFY(engine.setRules({latencyRule()}));
        QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
        store.replace(latencySeries({800, 1200, 1100, 950, 1300}));
        QCOMPARE(transitions.size(), 1);
    } // the app quits

    clock.advanceSeconds(2 * 60);
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.setRules({latencyRule()})); // rules first, history second: either order works
    QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
    QVERIFY(engine.status(QStringLiteral("latency")).state.isFiring());
    QCOMPARE(engine.status(QStringLiteral("latency")).sinceMs, kT0 + 4 * kMinute);
    QCOMPARE(engine.history()->transitions().size(), 1);

    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    // The first fetch after the restart still breaches on recovery values: no new transition.
    store.replace(latencySeries({800, 1200, 1100, 950, 1300, 950, 920}));
    QCOMPARE(transitions.size(), 0);
    QVERIFY(engine.status(QStringLiteral("latency")).state.isFiring());
    QCOMPARE(engine.status(QStringLiteral("latency")).lastPeriodMs, kT0 + 6 * kMinute);
}

void TestAlertEngine::restartThenResolveNotifiesOnce() {
    ManualClock clock(kStart.addSecs(5 * 60));
    {
        SeriesStore store;
        AlertEngine engine(clock, store);
        QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
        QVERIFY(engine.setRules({latencyRule()}));
        store.replace(latencySeries({800, 1200, 1100, 950, 1300}));
    }
    clock.advanceSeconds(5 * 60);
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
    QVERIFY(engine.setRules({latencyRule()}));
    QSignalSpy transitions(&engine, &AlertEngine::transitionOccurred);
    store.replace(latencySeries({800, 1200, 1100, 950, 1300, 950, 920, 880, 870, 860}));
    QCOMPARE(transitions.size(), 1);
    QCOMPARE(transitionAt(transitions, 0).timeMs, kT0 + 9 * kMinute);
    QCOMPARE(transitionAt(transitions, 0).to.kind, AlertStateKind::Ok);

    AlertHistory reread(m_dir->path());
    QVERIFY(reread.load());
    QCOMPARE(reread.transitions().size(), 2);
}

void TestAlertEngine::marksPersistAndEndWithTheEpisode() {
    ManualClock clock(kStart.addSecs(5 * 60));
    const qint64 until = kT0 + 3600'000;
    {
        SeriesStore store;
        AlertEngine engine(clock, store);
        QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
        QVERIFY(engine.setRules({latencyRule()}));
        store.replace(latencySeries({800, 1200, 1100, 950, 1300}));
        QSignalSpy states(&engine, &AlertEngine::stateChanged);
        engine.acknowledge(QStringLiteral("latency"));
        engine.snooze(QStringLiteral("latency"), until);
        engine.silence(QStringLiteral("latency"), until + 1);
        QCOMPARE(states.size(), 3);
        QVERIFY(engine.status(QStringLiteral("latency")).isMuted(clock.nowMs()));
        QVERIFY(engine.status(QStringLiteral("latency")).state.isFiring()); // marks do not change evaluation
    }
    clock.advanceSeconds(5 * 60);
    SeriesStore store;
    AlertEngine engine(clock, store);
    QVERIFY(engine.attachHistory(std::make_unique<AlertHistory>(m_dir->path())));
    QVERIFY(engine.setRules({latencyRule()}));
    AlertRuleStatus s = engine.status(QStringLiteral("latency"));
    QVERIFY(s.acknowledged);
    QCOMPARE(s.snoozedUntilMs, until);
    QCOMPARE(s.silencedUntilMs, until + 1);

    store.replace(latencySeries({800, 1200, 1100, 950, 1300, 950, 920, 880, 870, 860}));
    s = engine.status(QStringLiteral("latency"));
    QCOMPARE(s.state.kind, AlertStateKind::Ok);
    QVERIFY(!s.acknowledged);               // the episode is over
    QCOMPARE(s.silencedUntilMs, until + 1); // a silence lasts its time
}

void TestAlertEngine::historyReloadsEveryTransition() {
    AlertHistory history(m_dir->path() + QStringLiteral("/nested"));
    AlertTransition a{
        QStringLiteral("r1"), kT0, {}, {AlertStateKind::Pending, AlertLevel::Warning}, 512.25, kT0 + 1};
    AlertTransition b{QStringLiteral("r,2"),
                      kT0 + kMinute,
                      {AlertStateKind::Firing, AlertLevel::Critical},
                      {AlertStateKind::NoData, AlertLevel::None},
                      std::nan(""),
                      kT0 + 2};
    QVERIFY(history.append({a}));
    QVERIFY(history.append({b}));
    AlertHistory reread(m_dir->path() + QStringLiteral("/nested"));
    QVERIFY(reread.load());
    QCOMPARE(reread.transitions().size(), 2);
    QCOMPARE(reread.transitions().at(0), a);
    const AlertTransition &rb = reread.transitions().at(1);
    QCOMPARE(rb.ruleId, b.ruleId);
    QCOMPARE(rb.from, b.from);
    QCOMPARE(rb.to, b.to);
    QVERIFY(!rb.hasValue());
    QCOMPARE(reread.skippedLines(), 0);
}

void TestAlertEngine::historySkipsATornLastLine() {
    AlertHistory history(m_dir->path());
    QVERIFY(history.append({AlertTransition{
        QStringLiteral("r"), kT0, {}, {AlertStateKind::Firing, AlertLevel::Critical}, 1, 0}}));
    QFile file(history.historyPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"rule\":\"r\",\"time\":\"2026-11-20T12:0"); // a crash mid-write
    file.close();
    AlertHistory reread(m_dir->path());
    QVERIFY(reread.load());
    QCOMPARE(reread.transitions().size(), 1);
    QCOMPARE(reread.skippedLines(), 1);
}

void TestAlertEngine::historyExportsCsv() {
    const QList<AlertTransition> ts{
        {QStringLiteral("latency"),
         kT0,
         {},
         {AlertStateKind::Firing, AlertLevel::Critical},
         1300,
         kT0 + 5 * kMinute},
        {QStringLiteral("a,b"),
         kT0 + 90'500,
         {AlertStateKind::Firing, AlertLevel::Critical},
         {},
         std::nan(""),
         0},
    };
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(AlertHistory::exportCsv(out, ts));
    QCOMPARE(out.data(),
             QByteArray("timestamp,rule,from,from_level,to,level,value,recorded_at\n"
                        "2026-11-20T12:00:00Z,latency,ok,,firing,critical,1300,2026-11-20T12:05:00Z\n"
                        "2026-11-20T12:01:30.500Z,\"a,b\",firing,critical,ok,,,\n"));
}

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alert_engine.moc"
