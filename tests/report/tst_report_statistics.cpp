// ReportStatistics: the numbers of the weekly review's summary and week-over-week table.
// Pins nearest-rank percentiles, week statistics that skip NaN and stay inside the range, alert
// counts by level (entries and escalations, not every transition), time in alert as a union
// clipped to the range and to now, a rule already firing when the week starts, the noisiest
// order, and the replay of a rule over fetched data.
#include "report/report_statistics.h"

#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace mlwatch;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
const TimeRange kWeek{1'000 * kHour, 1'168 * kHour};

AlertTransition move(const char *rule, qint64 t, AlertStateKind from, AlertLevel fromLevel, AlertStateKind to,
                     AlertLevel toLevel) {
    AlertTransition out;
    out.ruleId = QString::fromLatin1(rule);
    out.timeMs = t;
    out.from = AlertState{from, fromLevel};
    out.to = AlertState{to, toLevel};
    return out;
}

AlertTransition fire(const char *rule, qint64 t, AlertLevel level = AlertLevel::Critical) {
    return move(rule, t, AlertStateKind::Ok, AlertLevel::None, AlertStateKind::Firing, level);
}

AlertTransition clear(const char *rule, qint64 t, AlertLevel level = AlertLevel::Critical) {
    return move(rule, t, AlertStateKind::Firing, level, AlertStateKind::Ok, AlertLevel::None);
}

AlertRule rule(const char *id) {
    AlertRule r;
    r.id = QString::fromLatin1(id);
    r.name = QStringLiteral("Rule ") + r.id;
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = QStringLiteral("ModelLatency");
    r.series.stat = QStringLiteral("Average");
    r.series.periodSeconds = 60;
    r.periodSeconds = 60;
    r.critical = 100;
    return r;
}

} // namespace

class TestReportStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nearestRank_data();
    void nearestRank();
    void weekStatsSkipNanAndStayInRange();
    void weekStatsOfNoDataAreNan();
    void metricRowsArePerDeviceForEachSeries();
    void alertCountsEntriesAndEscalationsByLevel();
    void timeInAlertIsAUnionClippedToRangeAndNow();
    void ruleFiringBeforeTheWeekCountsFromItsStart();
    void noisiestFirst();
    void replayFiresWhereTheDataBreaches();
};

void TestReportStatistics::nearestRank_data() {
    QTest::addColumn<QVector<double>>("sorted");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    const QVector<double> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QTest::newRow("median-of-ten-is-the-fifth") << ten << 50.0 << 5.0;
    QTest::newRow("p95-of-ten-is-the-tenth") << ten << 95.0 << 10.0;
    QTest::newRow("p90-of-ten-is-the-ninth") << ten << 90.0 << 9.0;
    QTest::newRow("single-value") << QVector<double>{42} << 95.0 << 42.0;
    QTest::newRow("a-value-that-occurred-not-an-interpolation") << QVector<double>{1, 100} << 50.0 << 1.0;
}

void TestReportStatistics::nearestRank() {
    QFETCH(QVector<double>, sorted);
    QFETCH(double, p);
    QFETCH(double, expected);
    QCOMPARE(ReportStatistics::nearestRank(sorted, p), expected);
}

void TestReportStatistics::weekStatsSkipNanAndStayInRange() {
    SeriesData data;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    data.timestampsMs = {kWeek.startMs - kMinute, kWeek.startMs, kWeek.startMs + kMinute,
                         kWeek.startMs + 2 * kMinute, kWeek.endMs};
    data.values = {1000, 10, nan, 30, 1000}; // the 1000s lie outside [start, end)
    const WeekStats stats = ReportStatistics::weekStats(data, 0.001, kWeek);
    QCOMPARE(stats.count, 2);
    QCOMPARE(stats.p50, 0.01);
    QCOMPARE(stats.max, 0.03);
}

void TestReportStatistics::weekStatsOfNoDataAreNan() {
    const WeekStats stats = ReportStatistics::weekStats(SeriesData{}, 1.0, kWeek);
    QCOMPARE(stats.count, 0);
    QVERIFY(std::isnan(stats.p50) && std::isnan(stats.p95) && std::isnan(stats.max));
}

void TestReportStatistics::metricRowsArePerDeviceForEachSeries() {
    // Training "CPU vs GPU" on ml.g5.2xlarge (8 vCPUs, 1 GPU): SageMaker sums CPU over the vCPUs.
    const ReportWeek week = ReportWeek::isoWeek(2026, 47, QTimeZone::utc());
    ReportChart chart;
    chart.spec.unit = Unit::Percent;
    chart.spec.instanceType = QStringLiteral("ml.g5.2xlarge");
    for (const char *metric : {"CPUUtilization", "GPUUtilization"}) {
        MetricQuery q;
        q.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
        q.metricName = QLatin1String(metric);
        q.stat = QStringLiteral("Average");
        chart.spec.series.append({q, q.metricName});
        SeriesData data;
        data.timestampsMs = {week.range().startMs + kHour};
        data.values = {metric[0] == 'C' ? 760.0 : 24.0};
        chart.thisWeek.append(data);
    }
    QList<ReportMetricRow> rows = ReportStatistics::metricRows({chart}, week);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).thisWeek.max, 95.0); // per vCPU
    QCOMPARE(rows.at(1).thisWeek.max, 24.0); // per GPU
    QVERIFY(rows.at(0).unit.note.isEmpty() && rows.at(1).unit.note.isEmpty());

    // Unknown instance type: the sums stay and each row says so.
    chart.spec.instanceType.clear();
    rows = ReportStatistics::metricRows({chart}, week);
    QCOMPARE(rows.at(0).thisWeek.max, 760.0);
    QCOMPARE(rows.at(0).unit.note, QStringLiteral("sum of devices"));
}

void TestReportStatistics::alertCountsEntriesAndEscalationsByLevel() {
    const qint64 t = kWeek.startMs;
    const QList<AlertTransition> transitions = {
        move("a", t + kHour, AlertStateKind::Ok, AlertLevel::None, AlertStateKind::Pending,
             AlertLevel::Warning),
        move("a", t + 2 * kHour, AlertStateKind::Pending, AlertLevel::Warning, AlertStateKind::Firing,
             AlertLevel::Warning), // warning entry
        move("a", t + 3 * kHour, AlertStateKind::Firing, AlertLevel::Warning, AlertStateKind::Firing,
             AlertLevel::Critical), // escalation
        move("a", t + 4 * kHour, AlertStateKind::Firing, AlertLevel::Critical, AlertStateKind::Firing,
             AlertLevel::Warning), // not a new alert
        clear("a", t + 5 * kHour, AlertLevel::Warning),
        fire("b", t - kHour), // before the week: not counted
        clear("b", t - kMinute),
    };
    const AlertWeekStats stats =
        ReportStatistics::alertStats({rule("a"), rule("b")}, transitions, kWeek, kWeek.endMs);
    QCOMPARE(stats.firedWarning, 1);
    QCOMPARE(stats.firedCritical, 1);
    QCOMPARE(stats.fired(), 2);
    QCOMPARE(stats.rulesThatFired, 1);
    QCOMPARE(stats.timeInAlertMs, 3 * kHour);
}

void TestReportStatistics::timeInAlertIsAUnionClippedToRangeAndNow() {
    const qint64 t = kWeek.startMs;
    const QList<AlertTransition> transitions = {
        fire("a", t + kHour),      clear("a", t + 3 * kHour), // 1 h – 3 h
        fire("b", t + 2 * kHour),  clear("b", t + 4 * kHour), // overlaps: union 1 h – 4 h = 3 h
        fire("c", t + 10 * kHour),                            // still firing at "now"
    };
    const qint64 now = t + 12 * kHour;
    const AlertWeekStats stats =
        ReportStatistics::alertStats({rule("a"), rule("b"), rule("c")}, transitions, kWeek, now);
    QCOMPARE(stats.timeInAlertMs, 3 * kHour + 2 * kHour);
    QCOMPARE(stats.fired(), 3);
    qint64 sumOverRules = 0;
    for (const RuleWeekStats &r : stats.rules)
        sumOverRules += r.timeInAlertMs;
    QCOMPARE(sumOverRules, 2 * kHour + 2 * kHour + 2 * kHour);
}

void TestReportStatistics::ruleFiringBeforeTheWeekCountsFromItsStart() {
    const QList<AlertTransition> transitions = {fire("a", kWeek.startMs - kHour),
                                                clear("a", kWeek.startMs + kHour)};
    const AlertWeekStats stats = ReportStatistics::alertStats({rule("a")}, transitions, kWeek, kWeek.endMs);
    QCOMPARE(stats.fired(), 0); // it fired last week
    QCOMPARE(stats.timeInAlertMs, kHour);
    QCOMPARE(stats.rules.size(), 1);
}

void TestReportStatistics::noisiestFirst() {
    const qint64 t = kWeek.startMs;
    const QList<AlertTransition> transitions = {
        fire("quiet", t + kHour),      clear("quiet", t + 30 * kHour),          // 1 fire, long
        fire("noisy", t + 2 * kHour),  clear("noisy", t + 2 * kHour + kMinute), // 2 fires
        fire("noisy", t + 5 * kHour),  clear("noisy", t + 5 * kHour + kMinute),
        fire("short", t + 40 * kHour), clear("short", t + 40 * kHour + kMinute), // 1 fire, short
    };
    const AlertWeekStats stats = ReportStatistics::alertStats({rule("quiet"), rule("short"), rule("noisy")},
                                                              transitions, kWeek, kWeek.endMs);
    QCOMPARE(stats.rules.size(), 3);
    QCOMPARE(stats.rules.at(0).ruleId, QStringLiteral("noisy"));
    QCOMPARE(stats.rules.at(1).ruleId, QStringLiteral("quiet"));
    QCOMPARE(stats.rules.at(2).ruleId, QStringLiteral("short"));
    QCOMPARE(stats.rules.at(0).ruleName, QStringLiteral("Rule noisy"));
}

void TestReportStatistics::replayFiresWhereTheDataBreaches() {
    const AlertRule r = rule("latency");
    SeriesData data;
    data.seriesKey = r.seriesKey();
    for (int i = 0; i < 30; ++i) {
        data.timestampsMs.append(kWeek.startMs + i * kMinute);
        data.values.append(i >= 10 && i < 20 ? 500 : 50); // breaches for 10 minutes
    }
    const QList<AlertTransition> transitions =
        ReportStatistics::replay({r}, QHash<QString, SeriesData>{{data.seriesKey, data}});
    QVERIFY(!transitions.isEmpty());
    QCOMPARE(transitions.first().timeMs, kWeek.startMs + 10 * kMinute);
    QVERIFY(transitions.first().to.isFiring());
    const AlertWeekStats stats = ReportStatistics::alertStats({r}, transitions, kWeek, kWeek.endMs);
    QCOMPARE(stats.firedCritical, 1);
    QCOMPARE(stats.timeInAlertMs, 10 * kMinute);
}

QTEST_GUILESS_MAIN(TestReportStatistics)
#include "tst_report_statistics.moc"
