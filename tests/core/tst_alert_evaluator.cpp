// The alert semantics of issue 7, one behaviour per row. Each row is a rule (a JSON override of
// a base rule: above, critical 1000 ms, N 1, M 1, period 60 s, no delay, missingData missing) and
// one value per period ("_" = no datapoint in that period); the expected text lists every
// transition as "<period index>:<state>[/<level>]".
#include "core/alerts/alert_evaluator.h"
#include "core/model/series_data.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace mlwatch;

namespace {

// 2026-11-20T12:00:00Z: a multiple of every period used here.
constexpr qint64 kT0 = 1'795'176'000'000;
constexpr qint64 kMinute = 60'000;

AlertRule makeRule(const QByteArray &overrides) {
    QJsonObject o = QJsonDocument::fromJson(R"({
        "id": "latency", "name": "Model latency",
        "series": {"namespace": "AWS/SageMaker", "metric": "ModelLatency",
                   "dimensions": {"EndpointName": "churn", "VariantName": "AllTraffic"}, "stat": "Average"},
        "comparison": "above", "critical": 1000, "unit": "ms", "period": 60,
        "evaluationPeriods": 1, "datapointsToAlarm": 1, "missingData": "missing", "evaluationDelay": 0})")
                        .object();
    const QJsonObject extra = QJsonDocument::fromJson(overrides).object();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    Result<AlertRule> rule = AlertRule::fromJson(o);
    if (!rule)
        qFatal("bad test rule: %s", qPrintable(rule.error().message));
    return *rule;
}

QString describe(qsizetype index, const AlertTransition &t) {
    QString s = QString::number(index) + QLatin1Char(':') + alertStateName(t.to.kind);
    if (t.to.level != AlertLevel::None)
        s += QLatin1Char('/') + alertLevelName(t.to.level);
    return s;
}

QList<double> parseValues(const QString &values) {
    QList<double> out;
    for (const QString &v : values.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(v.trimmed() == QLatin1String("_") ? std::nan("") : v.trimmed().toDouble());
    return out;
}

// Feeds one value per period through step() and describes the transitions.
QString runSteps(const AlertRule &rule, const QString &values) {
    AlertEvaluator evaluator(rule);
    const QList<double> vs = parseValues(values);
    QStringList out;
    for (qsizetype i = 0; i < vs.size(); ++i)
        if (std::optional<AlertTransition> t =
                evaluator.step(kT0 + i * rule.periodSeconds * 1000LL, vs.at(i)))
            out.append(describe(i, *t));
    return out.join(QLatin1Char(' '));
}

SeriesData seriesOf(const QList<double> &values, qint64 start, qint64 step) {
    SeriesData d;
    d.seriesKey = QStringLiteral("k");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (std::isnan(values.at(i)))
            continue;
        d.timestampsMs.append(start + i * step);
        d.values.append(values.at(i));
    }
    return d;
}

} // namespace

class TestAlertEvaluator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void semantics_data();
    void semantics();

    void transitionCarriesNewestPeriodTimeAndValue();
    void missingNewestPeriodHasNoValue();

    void backtestLastDatapointInInputOrderWins_data();
    void backtestLastDatapointInInputOrderWins();
    void backtestStartsAtFirstDatapointsPeriod();
    void backtestAlignsPeriodsToTheEpoch();

    void newestDuePeriodHonoursDelay_data();
    void newestDuePeriodHonoursDelay();
    void evaluateWaitsForTheDelay();
    void evaluateJudgesEachPeriodOnce();
    void evaluateConvertsRawToDisplayUnit();
    void evaluateComparesPerDeviceOnAKnownInstanceType_data();
    void evaluateComparesPerDeviceOnAKnownInstanceType();
    void evaluateMatchesStepByStepReplay();
    void evaluateCatchUpIsBounded();
    void restoredFiringStateContinuesWithoutTransition();
    void restoreWithChangedPeriodStartsAfresh();
};

void TestAlertEvaluator::semantics_data() {
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("expected");

    const QByteArray worked = R"({"criticalRecovery": 900, "evaluationPeriods": 5, "datapointsToAlarm": 3})";
    // --- the issue's worked example, verbatim -------------------------------------------------
    QTest::newRow("worked example: firing/critical at the 5th value") << worked << "800,1200,1100,950,1300"
                                                                      << "4:firing/critical";
    QTest::newRow("worked example: 950,920,880,870 keep it firing (>= 3 of 5 above 900)")
        << worked << "800,1200,1100,950,1300,950,920,880,870"
        << "4:firing/critical";
    QTest::newRow("worked example: the next value 860 resolves it to ok")
        << worked << "800,1200,1100,950,1300,950,920,880,870,860"
        << "4:firing/critical 9:ok";
    QTest::newRow("worked example: pendingFor 180 fires at t + 180 s, the 4th evaluation")
        << QByteArray(R"({"pendingFor": 180})") << "1200,1200,1200,1200"
        << "0:pending/critical 3:firing/critical";
    QTest::newRow("pendingFor 180 has not fired after 120 s")
        << QByteArray(R"({"pendingFor": 180})") << "1200,1200,1200"
        << "0:pending/critical";

    // --- comparison ---------------------------------------------------------------------------
    QTest::newRow("above is strict: equal to critical does not breach") << QByteArray("{}") << "1000"
                                                                        << "";
    QTest::newRow("above: just past critical breaches") << QByteArray("{}") << "1000.001"
                                                        << "0:firing/critical";
    QTest::newRow("below is strict: equal does not breach")
        << QByteArray(R"({"comparison": "below", "critical": 10})") << "10"
        << "";
    QTest::newRow("below: under critical breaches")
        << QByteArray(R"({"comparison": "below", "critical": 10})") << "9.99"
        << "0:firing/critical";
    QTest::newRow("pendingFor 0 fires at once") << QByteArray("{}") << "900,1100"
                                                << "1:firing/critical";

    // --- hysteresis -----------------------------------------------------------------------------
    QTest::newRow("without recovery values the trigger value resolves (no hysteresis)")
        << QByteArray("{}") << "1100,950"
        << "0:firing/critical 1:ok";
    QTest::newRow("hysteresis above: firing while above recovery, resolves at recovery (strict)")
        << QByteArray(R"({"criticalRecovery": 900})") << "1100,950,900"
        << "0:firing/critical 2:ok";
    QTest::newRow("hysteresis below: firing while below recovery, resolves at recovery (strict)")
        << QByteArray(R"({"comparison": "below", "critical": 10, "criticalRecovery": 12})") << "9,11,12"
        << "0:firing/critical 2:ok";
    QTest::newRow("recovery values do not apply while pending")
        << QByteArray(R"({"criticalRecovery": 900, "pendingFor": 120})") << "1100,950"
        << "0:pending/critical 1:ok";
    QTest::newRow("recovery values apply during keep-firing")
        << QByteArray(R"({"criticalRecovery": 900, "keepFiringFor": 120})") << "1100,850,950,850,850,850"
        << "0:firing/critical 5:ok";

    // --- levels -------------------------------------------------------------------------------
    const QByteArray levels = R"({"warning": 500, "warningRecovery": 450, "criticalRecovery": 900})";
    QTest::newRow("warning level fires below critical") << levels << "600"
                                                        << "0:firing/warning";
    QTest::newRow("highest level met wins (critical over warning)") << levels << "1100"
                                                                    << "0:firing/critical";
    QTest::newRow("escalation warning -> critical is a transition") << levels << "600,1100"
                                                                    << "0:firing/warning 1:firing/critical";
    QTest::newRow("firing at warning tests critical against its trigger") << levels << "600,950"
                                                                          << "0:firing/warning";
    QTest::newRow("de-escalation critical -> warning uses the warning recovery value")
        << levels << "1100,480,440"
        << "0:firing/critical 1:firing/warning 2:ok";
    QTest::newRow("firing at critical tests warning against its recovery value")
        << levels << "1100,460"
        << "0:firing/critical 1:firing/warning";
    QTest::newRow("level change while pending is a transition, the clock keeps running")
        << QByteArray(R"({"warning": 500, "pendingFor": 120})") << "600,1100,1100"
        << "0:pending/warning 1:pending/critical 2:firing/critical";
    QTest::newRow("level change during keep-firing continues firing at that level")
        << QByteArray(R"({"warning": 500, "keepFiringFor": 180})") << "1100,400,600"
        << "0:firing/critical 2:firing/warning";

    // --- pending and keep-firing clocks ---------------------------------------------------------
    QTest::newRow("pending resets when the condition is not met")
        << QByteArray(R"({"pendingFor": 120})") << "1100,900,1100,1100,1100"
        << "0:pending/critical 1:ok 2:pending/critical 4:firing/critical";
    QTest::newRow("keepFiringFor delays resolution since the first evaluation without the condition")
        << QByteArray(R"({"keepFiringFor": 120})") << "1100,900,900,900"
        << "0:firing/critical 3:ok";
    QTest::newRow("a condition returning during keep-firing restarts the keep-firing clock")
        << QByteArray(R"({"keepFiringFor": 120})") << "1100,900,1100,900,900,900"
        << "0:firing/critical 5:ok";

    // --- M of N ---------------------------------------------------------------------------------
    QTest::newRow("M of N: 2 of 3 breaching fires")
        << QByteArray(R"({"evaluationPeriods": 3, "datapointsToAlarm": 2})") << "1100,900,1100"
        << "2:firing/critical";
    QTest::newRow("M of N: never 2 in the same window of 3 does not fire")
        << QByteArray(R"({"evaluationPeriods": 3, "datapointsToAlarm": 2})") << "1100,900,900,1100"
        << "";

    // --- missing data ---------------------------------------------------------------------------
    QTest::newRow("missing: a window without datapoints goes to nodata")
        << QByteArray(R"({"evaluationPeriods": 2})") << "1100,_,_"
        << "0:firing/critical 2:nodata";
    QTest::newRow("missing: missing periods are left out, not counted as breaching")
        << QByteArray(R"({"evaluationPeriods": 3, "datapointsToAlarm": 3})") << "1100,_,1100"
        << "";
    QTest::newRow("missing: missing periods are left out, not counted as ok")
        << QByteArray(R"({"evaluationPeriods": 3, "datapointsToAlarm": 1})") << "1100,_,_"
        << "0:firing/critical";
    QTest::newRow("missing: nodata is not delayed by keepFiringFor")
        << QByteArray(R"({"keepFiringFor": 600})") << "1100,_"
        << "0:firing/critical 1:nodata";
    QTest::newRow("missing: leaving nodata is a fresh start judged on trigger values")
        << QByteArray(R"({"criticalRecovery": 900})") << "1100,_,950"
        << "0:firing/critical 1:nodata 2:ok";
    QTest::newRow("missing: leaving nodata starts a new pending clock")
        << QByteArray(R"({"pendingFor": 60})") << "1100,1100,_,1100,1100"
        << "0:pending/critical 1:firing/critical 2:nodata 3:pending/critical 4:firing/critical";
    QTest::newRow("notBreaching: a missing period counts as not breaching")
        << QByteArray(R"({"missingData": "notBreaching"})") << "1100,_"
        << "0:firing/critical 1:ok";
    QTest::newRow("notBreaching: a window without data is ok, never nodata")
        << QByteArray(R"({"missingData": "notBreaching", "evaluationPeriods": 2})") << "1100,_,_,_"
        << "0:firing/critical 2:ok";
    QTest::newRow("notBreaching: missing periods count against M of N")
        << QByteArray(R"({"missingData": "notBreaching", "evaluationPeriods": 3, "datapointsToAlarm": 2})")
        << "1100,_,1100,_,_"
        << "2:firing/critical 3:ok";
    QTest::newRow("breaching: a missing period breaches")
        << QByteArray(R"({"missingData": "breaching"})") << "900,_"
        << "1:firing/critical";
    QTest::newRow("breaching: a missing period breaches every level (critical over warning)")
        << QByteArray(R"({"missingData": "breaching", "warning": 500})") << "100,_"
        << "1:firing/critical";
    QTest::newRow("breaching: periods before the first datapoint count as missing")
        << QByteArray(R"({"missingData": "breaching", "evaluationPeriods": 3, "datapointsToAlarm": 2})")
        << "500"
        << "0:firing/critical";
    QTest::newRow("ignore: a window without data keeps the state")
        << QByteArray(R"({"missingData": "ignore"})") << "1100,_,_,_"
        << "0:firing/critical";
    QTest::newRow("ignore: a window without data keeps ok (no nodata)")
        << QByteArray(R"({"missingData": "ignore"})") << "900,_,_"
        << "";
    QTest::newRow("ignore: missing periods are left out of M of N")
        << QByteArray(R"({"missingData": "ignore", "evaluationPeriods": 3, "datapointsToAlarm": 2})")
        << "1100,_,1100"
        << "2:firing/critical";
    QTest::newRow("ignore: the pending clock keeps running through skipped evaluations")
        << QByteArray(R"({"missingData": "ignore", "pendingFor": 120})") << "1100,_,1100"
        << "0:pending/critical 2:firing/critical";
    QTest::newRow("ignore: the keep-firing clock keeps running through skipped evaluations")
        << QByteArray(R"({"missingData": "ignore", "keepFiringFor": 120})") << "1100,900,_,900"
        << "0:firing/critical 3:ok";
    QTest::newRow("ignore: a skipped evaluation does not fire a ripe pending clock")
        << QByteArray(R"({"missingData": "ignore", "pendingFor": 60})") << "1100,_"
        << "0:pending/critical";
}

void TestAlertEvaluator::semantics() {
    QFETCH(QByteArray, rule);
    QFETCH(QString, values);
    QFETCH(QString, expected);
    QCOMPARE(runSteps(makeRule(rule), values), expected);
}

void TestAlertEvaluator::transitionCarriesNewestPeriodTimeAndValue() {
    AlertEvaluator evaluator(makeRule(R"({"evaluationPeriods": 3, "datapointsToAlarm": 2})"));
    QVERIFY(!evaluator.step(kT0, 1100));
    const std::optional<AlertTransition> t = evaluator.step(kT0 + kMinute, 1300);
    QVERIFY(t);
    QCOMPARE(t->ruleId, QStringLiteral("latency"));
    QCOMPARE(t->timeMs, kT0 + kMinute);
    QCOMPARE(t->from, (AlertState{AlertStateKind::Ok, AlertLevel::None}));
    QCOMPARE(t->to, (AlertState{AlertStateKind::Firing, AlertLevel::Critical}));
    QCOMPARE(t->level(), AlertLevel::Critical);
    QCOMPARE(t->value, 1300.0);
}

void TestAlertEvaluator::missingNewestPeriodHasNoValue() {
    AlertEvaluator evaluator(makeRule(R"({"missingData": "breaching"})"));
    const std::optional<AlertTransition> t = evaluator.step(kT0, std::nan(""));
    QVERIFY(t);
    QVERIFY(!t->hasValue());
}

void TestAlertEvaluator::backtestLastDatapointInInputOrderWins_data() {
    QTest::addColumn<QVector<qint64>>("times");
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<int>("transitions");
    QTest::newRow("later timestamp last in input: 900 counts, no alert")
        << QVector<qint64>{kT0 + 10'000, kT0 + 20'000} << QVector<double>{1100, 900} << 0;
    QTest::newRow("earlier timestamp last in input: 1100 counts, alert")
        << QVector<qint64>{kT0 + 20'000, kT0 + 10'000} << QVector<double>{900, 1100} << 1;
}

void TestAlertEvaluator::backtestLastDatapointInInputOrderWins() {
    QFETCH(QVector<qint64>, times);
    QFETCH(QVector<double>, values);
    QFETCH(int, transitions);
    QCOMPARE(AlertEvaluator::backtest(makeRule("{}"), times, values).size(), transitions);
}

void TestAlertEvaluator::backtestStartsAtFirstDatapointsPeriod() {
    // Datapoints in periods 0 and 3 only: periods 1 and 2 are evaluated (as missing), nothing after 3.
    const QList<AlertTransition> ts = AlertEvaluator::backtest(
        makeRule(R"({"evaluationPeriods": 2})"), {kT0 + 5'000, kT0 + 3 * kMinute + 5'000}, {1100, 1100});
    QCOMPARE(ts.size(), 3);
    QCOMPARE(ts.at(0).timeMs, kT0);
    QCOMPARE(ts.at(0).to.kind, AlertStateKind::Firing);
    QCOMPARE(ts.at(1).timeMs, kT0 + 2 * kMinute);
    QCOMPARE(ts.at(1).to.kind, AlertStateKind::NoData);
    QCOMPARE(ts.at(2).timeMs, kT0 + 3 * kMinute);
    QCOMPARE(ts.at(2).to.kind, AlertStateKind::Firing);
}

void TestAlertEvaluator::backtestAlignsPeriodsToTheEpoch() {
    // 300 s periods: 12:04:59 and 12:00:00 share the period named 12:00:00; 12:05:00 starts the next.
    const AlertRule rule = makeRule(R"({"period": 300})");
    const QList<AlertTransition> ts =
        AlertEvaluator::backtest(rule, {kT0 + 299'000, kT0, kT0 + 300'000}, {1100, 900, 1100});
    QCOMPARE(ts.size(), 1);
    QCOMPARE(ts.at(0).timeMs, kT0 + 300'000);
}

void TestAlertEvaluator::newestDuePeriodHonoursDelay_data() {
    QTest::addColumn<int>("delay");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("newest");
    // A period [P, P+60 s) is due once P + 60 s + delay <= now.
    QTest::newRow("no delay: the period that just ended") << 0 << kT0 + 3 * kMinute << kT0 + 2 * kMinute;
    QTest::newRow("no delay: one ms earlier, the one before") << 0 << kT0 + 3 * kMinute - 1 << kT0 + kMinute;
    QTest::newRow("120 s delay: two periods further back") << 120 << kT0 + 3 * kMinute << kT0;
    QTest::newRow("120 s delay: not yet due one ms before") << 120 << kT0 + 3 * kMinute - 1 << kT0 - kMinute;
}

void TestAlertEvaluator::newestDuePeriodHonoursDelay() {
    QFETCH(int, delay);
    QFETCH(qint64, now);
    QFETCH(qint64, newest);
    const AlertRule rule = makeRule(QStringLiteral(R"({"evaluationDelay": %1})").arg(delay).toUtf8());
    QCOMPARE(AlertEvaluator::newestDuePeriodMs(rule, now), newest);
}

void TestAlertEvaluator::evaluateWaitsForTheDelay() {
    // A breaching datapoint at 12:05 is judged only once its period is 120 s old (12:08).
    AlertEvaluator evaluator(makeRule(R"({"evaluationDelay": 120, "missingData": "notBreaching"})"));
    const SeriesData data = seriesOf({900, 900, 900, 900, 900, 1100}, kT0, kMinute);
    QVERIFY(evaluator.evaluate(data, kT0 + 8 * kMinute - 1).isEmpty());
    const QList<AlertTransition> ts = evaluator.evaluate(data, kT0 + 8 * kMinute);
    QCOMPARE(ts.size(), 1);
    QCOMPARE(ts.at(0).timeMs, kT0 + 5 * kMinute);
    QCOMPARE(ts.at(0).recordedAtMs, kT0 + 8 * kMinute);
}

void TestAlertEvaluator::evaluateJudgesEachPeriodOnce() {
    AlertEvaluator evaluator(makeRule(R"({"missingData": "notBreaching"})"));
    SeriesData data = seriesOf({1100}, kT0, kMinute);
    QCOMPARE(evaluator.evaluate(data, kT0 + kMinute).size(), 1);
    // Later in the same period, even with a changed value: already judged.
    data.values[0] = 900;
    QVERIFY(evaluator.evaluate(data, kT0 + kMinute + 59'000).isEmpty());
    QCOMPARE(evaluator.snapshot().lastPeriodMs, kT0);
}

void TestAlertEvaluator::evaluateConvertsRawToDisplayUnit() {
    // ModelLatency arrives in microseconds; the rule's 1000 is in ms. 1.2e6 µs = 1200 ms breaches.
    AlertRule rule = makeRule("{}");
    rule.seriesUnit = Unit::Microseconds;
    AlertEvaluator evaluator(rule);
    const QList<AlertTransition> ts =
        evaluator.evaluate(seriesOf({900'000, 1'200'000}, kT0, kMinute), kT0 + 2 * kMinute);
    QCOMPARE(ts.size(), 1);
    QCOMPARE(ts.at(0).value, 1200.0);
}

// SageMaker sums CPUUtilization over vCPUs (0–400 % on ml.m5.xlarge); a rule that knows the
// instance type compares the per-vCPU value against its 90 %, as the chart shows it.
void TestAlertEvaluator::evaluateComparesPerDeviceOnAKnownInstanceType_data() {
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<double>("raw");
    QTest::addColumn<bool>("breaching");
    QTest::addColumn<double>("display");
    QTest::newRow("raw 380 on 4 vCPUs is 95 %: breaching") << "ml.m5.xlarge" << 380.0 << true << 95.0;
    QTest::newRow("raw 300 on 4 vCPUs is 75 %: not breaching") << "ml.m5.xlarge" << 300.0 << false << 75.0;
    QTest::newRow("unknown type: the sum is compared") << "" << 300.0 << true << 300.0;
}

void TestAlertEvaluator::evaluateComparesPerDeviceOnAKnownInstanceType() {
    QFETCH(QString, instanceType);
    QFETCH(double, raw);
    QFETCH(bool, breaching);
    QFETCH(double, display);
    AlertRule rule = makeRule(R"({"series": {"namespace": "/aws/sagemaker/TrainingJobs",
        "metric": "CPUUtilization", "dimensions": {"Host": "train/algo-1"}, "stat": "Average"},
        "critical": 90, "unit": "%", "seriesUnit": "Percent"})");
    rule.instanceType = instanceType;
    QVERIFY(rule.validate());
    AlertEvaluator evaluator(rule);
    const QList<AlertTransition> ts = evaluator.evaluate(seriesOf({raw}, kT0, kMinute), kT0 + kMinute);
    QCOMPARE(evaluator.state().kind, breaching ? AlertStateKind::Firing : AlertStateKind::Ok);
    QCOMPARE(ts.size(), breaching ? 1 : 0); // from ok: only a breach is a transition
    QCOMPARE(evaluator.snapshot().lastValue, display);
}

void TestAlertEvaluator::evaluateMatchesStepByStepReplay() {
    // Incremental evaluation (ticks at odd times, sometimes skipping periods) gives the same
    // transitions as judging every period in order.
    const AlertRule rule = makeRule(R"({"warning": 500, "warningRecovery": 450, "criticalRecovery": 900,
        "evaluationPeriods": 4, "datapointsToAlarm": 2, "pendingFor": 120, "keepFiringFor": 60,
        "evaluationDelay": 90})");
    QRandomGenerator rng(7);
    QList<double> values;
    for (int i = 0; i < 400; ++i)
        values.append(rng.bounded(10) == 0 ? std::nan("") : rng.bounded(1400.0));
    const SeriesData data = seriesOf(values, kT0, kMinute);

    AlertEvaluator reference(rule);
    QList<AlertTransition> expected;
    for (qsizetype i = 0; i < values.size(); ++i)
        if (std::optional<AlertTransition> t = reference.step(kT0 + i * kMinute, values.at(i)))
            expected.append(*t);

    AlertEvaluator incremental(rule);
    // The first call judges only the newest due period; start where the reference has no history.
    QList<AlertTransition> actual = incremental.evaluate(data, kT0 + kMinute + 90'000);
    for (qint64 now = kT0 + kMinute + 90'000; now <= kT0 + 400 * kMinute + 90'000;
         now += 17'000 + rng.bounded(150'000))
        actual += incremental.evaluate(data, now);
    actual += incremental.evaluate(data, kT0 + 400 * kMinute + 90'000);
    for (AlertTransition &t : actual)
        t.recordedAtMs = 0;
    QCOMPARE(actual.size(), expected.size());
    QVERIFY(expected.size() > 10);
    for (qsizetype i = 0; i < actual.size(); ++i) {
        // NaN != NaN: compare what matters
        QCOMPARE(actual.at(i).timeMs, expected.at(i).timeMs);
        QCOMPARE(actual.at(i).to, expected.at(i).to);
        QCOMPARE(actual.at(i).from, expected.at(i).from);
    }
}

void TestAlertEvaluator::evaluateCatchUpIsBounded() {
    AlertEvaluator evaluator(makeRule(R"({"missingData": "notBreaching"})"));
    const SeriesData data = seriesOf({900}, kT0, kMinute);
    (void)evaluator.evaluate(data, kT0 + kMinute);
    // 1000 periods later: only the newest kMaxCatchUpPeriods are judged.
    QList<double> values(1001, 900.0);
    values[1001 - AlertEvaluator::kMaxCatchUpPeriods - 1] = 1100; // outside the replayed range
    values[1001 - AlertEvaluator::kMaxCatchUpPeriods] = 1100;     // the oldest replayed period
    const QList<AlertTransition> ts =
        evaluator.evaluate(seriesOf(values, kT0, kMinute), kT0 + 1001 * kMinute);
    QCOMPARE(ts.size(), 2);
    QCOMPARE(ts.at(0).timeMs, kT0 + (1001 - AlertEvaluator::kMaxCatchUpPeriods) * kMinute);
}

void TestAlertEvaluator::restoredFiringStateContinuesWithoutTransition() {
    const AlertRule rule =
        makeRule(R"({"criticalRecovery": 900, "evaluationPeriods": 5, "datapointsToAlarm": 3})");
    const SeriesData data = seriesOf({800, 1200, 1100, 950, 1300, 950, 920}, kT0, kMinute);
    AlertEvaluator before(rule);
    QList<AlertTransition> ts;
    for (int i = 1; i <= 5; ++i)
        ts += before.evaluate(data, kT0 + i * kMinute);
    QCOMPARE(ts.size(), 1);
    QVERIFY(before.state().isFiring());

    AlertEvaluator after(rule);
    after.restore(before.snapshot());
    QVERIFY(after.state().isFiring());
    // The window is re-read from the series: 950 and 920 keep it firing on recovery values.
    QVERIFY(after.evaluate(data, kT0 + 7 * kMinute).isEmpty());
    QCOMPARE(after.snapshot().lastPeriodMs, kT0 + 6 * kMinute);
    QVERIFY(after.state().isFiring());
}

void TestAlertEvaluator::restoreWithChangedPeriodStartsAfresh() {
    AlertEvaluator::Snapshot s;
    s.state = {AlertStateKind::Firing, AlertLevel::Critical};
    s.lastPeriodMs = kT0 + kMinute; // not a multiple of 300 s
    AlertEvaluator evaluator(makeRule(R"({"period": 300})"));
    evaluator.restore(s);
    QCOMPARE(evaluator.snapshot().lastPeriodMs, AlertEvaluator::kNever);
    QVERIFY(evaluator.state().isFiring());
}

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alert_evaluator.moc"
