// The alert rule dialog with real widgets (offscreen), a real SeriesStore and the real evaluator:
// every field round-trips a rule, invalid input shows AlertRule's message next to its field and
// disables OK, and the backtest preview counts what the evaluator's transitions say.
#include "charts/alert_preview_chart.h"
#include "core/alerts/alert_evaluator.h"
#include "core/store/series_store.h"
#include "gui/alert_backtest.h"
#include "gui/alert_rule_dialog.h"
#include "gui/alert_rule_editor.h"
#include "gui/duration_spin_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <functional>
#include <optional>

using namespace mlwatch;

using Breaker = std::function<void(QWidget &)>; // puts the dialog's fields into an invalid state
using OptionalValue = std::optional<double>;

Q_DECLARE_METATYPE(mlwatch::AlertRule)
Q_DECLARE_METATYPE(Breaker)
Q_DECLARE_METATYPE(OptionalValue)

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z, on a minute boundary
constexpr int kTimeoutMs = 10'000;

MetricQuery latencyQuery() {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QStringLiteral("ModelLatency");
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    q.stat = QStringLiteral("Average");
    q.periodSeconds = 60;
    return q;
}

MetricQuery cpuQuery() {
    MetricQuery q;
    q.namespaceName = QStringLiteral("/aws/sagemaker/Endpoints");
    q.metricName = QStringLiteral("CPUUtilization");
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")}};
    q.periodSeconds = 60;
    return q;
}

QList<AlertSeriesChoice> choices() {
    return {{QStringLiteral("Model latency — churn-endpoint"), latencyQuery(), Unit::Microseconds, QString()},
            {QStringLiteral("Endpoint CPU — churn-endpoint"), cpuQuery(), Unit::Percent, QString()}};
}

// The worked example as a rule: above, critical 1000 ms recovering at 900 ms, 3 of 5.
AlertRule latencyRule() {
    AlertRule r;
    r.id = QStringLiteral("rule:latency");
    r.name = QStringLiteral("Model latency — churn-endpoint");
    r.series = latencyQuery();
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Microseconds;
    r.critical = 1000;
    r.criticalRecovery = 900;
    r.periodSeconds = 60;
    r.evaluationPeriods = 5;
    r.datapointsToAlarm = 3;
    return r;
}

// One datapoint a minute from kT0, in raw microseconds (the dialog converts to ms).
SeriesData latencySeries(const QList<double> &milliseconds) {
    SeriesData data;
    data.seriesKey = latencyQuery().seriesKey();
    for (qsizetype i = 0; i < milliseconds.size(); ++i) {
        data.timestampsMs.append(kT0 + i * kMinuteMs);
        data.values.append(milliseconds.at(i) * 1000.0);
    }
    return data;
}

// Waits until the dialog has validated and backtested every edit so far (one coalesced refresh
// per event-loop turn, announced by previewUpdated).
bool refreshed(AlertRuleDialog &dialog) {
    if (!dialog.isRefreshPending())
        return true;
    QSignalSpy spy(&dialog, &AlertRuleDialog::previewUpdated);
    return spy.wait(kTimeoutMs) && !dialog.isRefreshPending();
}

QPushButton *okButton(AlertRuleDialog &dialog) {
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
}

template <typename T> T *child(QWidget &parent, const char *name) {
    T *w = parent.findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

} // namespace

class TestAlertRuleDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fieldsRoundTripARule_data();
    void fieldsRoundTripARule();
    void invalidInputShowsTheFieldMessageAndDisablesOk_data();
    void invalidInputShowsTheFieldMessageAndDisablesOk();
    void previewCountsMatchTheEvaluator_data();
    void previewCountsMatchTheEvaluator();
    void previewSaysWhyItIsEmpty();
    void choosingASeriesTakesItsDisplayUnit();
    void ruleForChartTakesTheChartsThresholds();
    void ruleForASummedUtilisationComparesPerDevice();
    void durationsReadTheWayPeopleSayThem_data();
    void durationsReadTheWayPeopleSayThem();
};

void TestAlertRuleDialog::fieldsRoundTripARule_data() {
    QTest::addColumn<AlertRule>("rule");

    QTest::newRow("the worked example with its recovery value") << latencyRule();

    AlertRule everything = latencyRule();
    everything.description = QStringLiteral("Interactive models must answer within a second.");
    everything.warning = 800;
    everything.warningRecovery = 700.5;
    everything.pendingForSeconds = 180;
    everything.keepFiringForSeconds = 300;
    everything.missingData = MissingDataPolicy::Breaching;
    everything.evaluationDelaySeconds = 240;
    everything.notifications.desktop = false;
    everything.notifications.webhookUrl = QUrl(QStringLiteral("https://hooks.example.com/services/T0/B0"));
    everything.notifications.repeatIntervalSeconds = 0;
    everything.enabled = false;
    QTest::newRow("every optional field set") << everything;

    AlertRule below;
    below.id = QStringLiteral("rule:cpu-idle");
    below.name = QStringLiteral("Endpoint idle");
    below.series = cpuQuery();
    below.unit = QStringLiteral("%");
    below.seriesUnit = Unit::Percent;
    below.comparison = AlertComparison::Below;
    below.critical = 5;
    below.warning = 10;
    below.periodSeconds = 300;
    below.series.periodSeconds = 300;
    below.evaluationPeriods = 12;
    below.datapointsToAlarm = 12;
    below.missingData = MissingDataPolicy::Ignore;
    below.evaluationDelaySeconds = 0; // zero is a value, not "the cloud's default"
    QTest::newRow("below, warning without recovery, zero delay") << below;

    AlertRule foreign = latencyRule();
    foreign.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("gone-endpoint")}};
    foreign.missingData = MissingDataPolicy::NotBreaching;
    QTest::newRow("a series no chart shows any more is kept") << foreign;
}

void TestAlertRuleDialog::fieldsRoundTripARule() {
    QFETCH(AlertRule, rule);
    SeriesStore store;
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices());
    dialog.setRule(rule);
    QCOMPARE(dialog.rule(), rule);
    QVERIFY(refreshed(dialog));
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().value(0).message));
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.rule().toJson(), rule.toJson());
}

void TestAlertRuleDialog::invalidInputShowsTheFieldMessageAndDisablesOk_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("errorLabel");
    QTest::addColumn<Breaker>("breakIt");

    QTest::newRow("M greater than N") << QStringLiteral("datapointsToAlarm")
                                      << QStringLiteral("datapointsToAlarmError") << Breaker([](QWidget &d) {
                                             child<QSpinBox>(d, "evaluationPeriodsSpin")->setValue(2);
                                             child<QSpinBox>(d, "datapointsToAlarmSpin")->setValue(3);
                                         });
    QTest::newRow("critical recovery above the trigger of an above rule")
        << QStringLiteral("criticalRecovery") << QStringLiteral("criticalRecoveryError")
        << Breaker([](QWidget &d) { child<QDoubleSpinBox>(d, "criticalRecoverySpin")->setValue(1100); });
    QTest::newRow("critical recovery below the trigger of a below rule")
        << QStringLiteral("criticalRecovery") << QStringLiteral("criticalRecoveryError")
        << Breaker([](QWidget &d) {
               child<QComboBox>(d, "comparisonCombo")->setCurrentIndex(1); // below: 900 < 1000 is wrong
           });
    QTest::newRow("warning not below critical")
        << QStringLiteral("warning") << QStringLiteral("warningError") << Breaker([](QWidget &d) {
               child<QCheckBox>(d, "warningCheck")->setChecked(true);
               child<QDoubleSpinBox>(d, "warningSpin")->setValue(1200);
           });
    QTest::newRow("webhook over plain http to another host")
        << QStringLiteral("notifications.webhook") << QStringLiteral("webhookError")
        << Breaker([](QWidget &d) {
               child<QLineEdit>(d, "webhookEdit")->setText(QStringLiteral("http://hooks.example.com/x"));
           });
}

void TestAlertRuleDialog::invalidInputShowsTheFieldMessageAndDisablesOk() {
    QFETCH(QString, field);
    QFETCH(QString, errorLabel);
    QFETCH(Breaker, breakIt);

    SeriesStore store;
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices());
    dialog.setRule(latencyRule());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(refreshed(dialog));
    auto *label = child<QLabel>(dialog, errorLabel.toLatin1().constData());
    QVERIFY(!label->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());

    breakIt(dialog);
    QVERIFY(refreshed(dialog));
    QVERIFY(label->isVisible());
    const QList<AlertRuleProblem> problems = dialog.rule().problems();
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().field, field);
    // The label says exactly what AlertRule's validation says, naming the field.
    QCOMPARE(label->text(), problems.first().message);
    QVERIFY(label->text().contains(field));
    QVERIFY(!okButton(dialog)->isEnabled());
    // OK by keyboard or a stale click cannot slip through either.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    // And the preview says why it shows nothing.
    QVERIFY(!child<AlertPreviewChart>(dialog, "previewChart")->message().isEmpty());

    // Back to the valid rule: the message goes and OK comes back.
    dialog.setRule(latencyRule());
    QVERIFY(refreshed(dialog));
    QVERIFY(!label->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());
    dialog.accept();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.rule(), latencyRule());
}

void TestAlertRuleDialog::previewCountsMatchTheEvaluator_data() {
    QTest::addColumn<QList<double>>("milliseconds");
    QTest::addColumn<OptionalValue>("recovery");
    QTest::addColumn<int>("evaluationPeriods");
    QTest::addColumn<int>("datapointsToAlarm");
    QTest::addColumn<int>("expectedFires");
    QTest::addColumn<int>("expectedFlaps");

    // The worked example: fires at the 5th value, stays through 950, 920, 880, 870
    // (≥ 3 of 5 above 900), resolves at 860: one fire, firing for 5 minutes.
    QTest::newRow("the worked example fires once and resolves")
        << QList<double>{800, 1200, 1100, 950, 1300, 950, 920, 880, 870, 860} << OptionalValue(900) << 5 << 3
        << 1 << 0;
    const QList<double> hovering{1010, 990, 1020, 980, 1010, 990, 1020, 980, 1010, 990};
    QTest::newRow("a value hovering at the line flaps without hysteresis")
        << hovering << OptionalValue() << 1 << 1 << 5 << 4;
    QTest::newRow("the same value with a recovery threshold fires once")
        << hovering << OptionalValue(900) << 1 << 1 << 1 << 0;
}

void TestAlertRuleDialog::previewCountsMatchTheEvaluator() {
    QFETCH(QList<double>, milliseconds);
    QFETCH(OptionalValue, recovery);
    QFETCH(int, evaluationPeriods);
    QFETCH(int, datapointsToAlarm);
    QFETCH(int, expectedFires);
    QFETCH(int, expectedFlaps);

    AlertRule rule = latencyRule();
    rule.criticalRecovery = recovery;
    rule.evaluationPeriods = evaluationPeriods;
    rule.datapointsToAlarm = datapointsToAlarm;

    SeriesStore store;
    store.replace(latencySeries(milliseconds));
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices());
    dialog.setRule(rule);
    dialog.setPreviewRange({kT0 - 10 * kMinuteMs, kT0 + 20 * kMinuteMs}, 60);
    dialog.resize(1300, 860);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(refreshed(dialog));

    // The evaluator on its own, on the same values in display units.
    QVector<qint64> timestamps;
    QVector<double> values;
    for (qsizetype i = 0; i < milliseconds.size(); ++i) {
        timestamps.append(kT0 + i * kMinuteMs);
        values.append(milliseconds.at(i));
    }
    const QList<AlertTransition> transitions = AlertEvaluator::backtest(rule, timestamps, values);
    int fires = 0;
    int resolves = 0;
    qint64 firingSince = -1;
    qint64 timeInAlert = 0;
    for (const AlertTransition &t : transitions) {
        if (t.to.isFiring() && !t.from.isFiring()) {
            ++fires;
            firingSince = t.timeMs;
        } else if (t.from.isFiring() && !t.to.isFiring()) {
            ++resolves;
            timeInAlert += t.timeMs - firingSince;
            firingSince = -1;
        }
    }
    if (firingSince >= 0)
        timeInAlert += kT0 + milliseconds.size() * kMinuteMs - firingSince;

    const AlertBacktest &preview = dialog.preview();
    QCOMPARE(preview.transitions, transitions); // the dialog runs the evaluator, unchanged
    QCOMPARE(preview.fires, fires);
    QCOMPARE(preview.fires, expectedFires);
    QCOMPARE(preview.resolves, resolves);
    QCOMPARE(preview.flaps, expectedFlaps);
    QCOMPARE(preview.timeInAlertMs, timeInAlert);
    QCOMPARE(preview.datapoints, milliseconds.size());
    // What people read.
    QCOMPARE(child<QLabel>(dialog, "firesLabel")->text(), QStringLiteral("Fires: <b>%1</b>").arg(fires));
    QCOMPARE(child<QLabel>(dialog, "flapsLabel")->text(),
             QStringLiteral("Flaps: <b>%1</b>").arg(expectedFlaps));
    QVERIFY(child<QLabel>(dialog, "timeInAlertLabel")->text().startsWith(QStringLiteral("Time in alert: ")));
    // What the preview chart draws: a fired marker per fire, a resolved marker per resolution,
    // a firing band per firing stretch, and both threshold lines when there is a recovery value.
    auto *chart = child<AlertPreviewChart>(dialog, "previewChart");
    QTRY_COMPARE_WITH_TIMEOUT(chart->renderStats().firedMarkers, fires, kTimeoutMs);
    QCOMPARE(chart->renderStats().resolvedMarkers, resolves);
    QCOMPARE(chart->renderStats().firingBands, fires);
    QCOMPARE(chart->renderStats().thresholdLines, recovery ? 2 : 1);
    QCOMPARE(chart->renderStats().points, qsizetype(milliseconds.size()));
    QVERIFY(chart->message().isEmpty());
}

void TestAlertRuleDialog::previewSaysWhyItIsEmpty() {
    SeriesStore store;
    store.replace(latencySeries({1200, 1300}));
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices());
    dialog.setRule(latencyRule());
    // A window that holds none of the datapoints.
    dialog.setPreviewRange({kT0 + 60 * kMinuteMs, kT0 + 120 * kMinuteMs}, 60);
    QVERIFY(refreshed(dialog));
    QCOMPARE(dialog.preview().datapoints, 0);
    QVERIFY(child<AlertPreviewChart>(dialog, "previewChart")->message().contains(QStringLiteral("No data")));
    QCOMPARE(child<QLabel>(dialog, "firesLabel")->text(), QStringLiteral("Fires: <b>—</b>"));
    QVERIFY(okButton(dialog)->isEnabled()); // no data is no reason to refuse a valid rule
}

void TestAlertRuleDialog::choosingASeriesTakesItsDisplayUnit() {
    SeriesStore store;
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices());
    dialog.setRule(latencyRule());
    child<QComboBox>(dialog, "seriesCombo")->setCurrentIndex(1); // CPU, in percent
    const AlertRule rule = dialog.rule();
    QCOMPARE(rule.seriesKey(), cpuQuery().seriesKey());
    QCOMPARE(rule.unit, QStringLiteral("%"));
    QCOMPARE(rule.seriesUnit, std::optional<Unit>(Unit::Percent));
    QVERIFY(child<QDoubleSpinBox>(dialog, "criticalSpin")->suffix().endsWith(QStringLiteral("%")));
}

void TestAlertRuleDialog::ruleForChartTakesTheChartsThresholds() {
    ChartSpec spec;
    spec.id = QStringLiteral("monitoring/latency/churn-endpoint");
    spec.title = QStringLiteral("Model latency — churn-endpoint");
    spec.resource = QStringLiteral("churn-endpoint");
    spec.unit = Unit::Microseconds;
    spec.series = {{latencyQuery(), QStringLiteral("Model latency")}};
    spec.thresholds = {{800, ThresholdLevel::Warning}, {1000, ThresholdLevel::Critical}};
    const AlertRule rule = AlertRuleEditor::ruleForChart(spec, 0);
    QVERIFY2(rule.validate().has_value(), qPrintable(rule.problems().value(0).message));
    QCOMPARE(rule.critical, 1000.0);
    QCOMPARE(rule.warning, OptionalValue(800));
    QCOMPARE(rule.unit, QStringLiteral("ms"));
    QCOMPARE(rule.toDisplay(1'000'000.0), 1000.0); // microseconds shown as milliseconds
    QCOMPARE(rule.seriesKey(), latencyQuery().seriesKey());
    QCOMPARE(rule.name, spec.title);
    QVERIFY(AlertRuleEditor::ruleForChart(spec, 0).id != rule.id); // a fresh id each time
}

// SageMaker sums endpoint CPU over the instance's vCPUs. A rule made from a chart that knows its
// instance type takes it, so its thresholds, preview and evaluation read per vCPU like the chart:
// raw 380 on ml.m5.xlarge (4 vCPUs) is 95 %, above the chart's 90 % line — not 380 against 90.
void TestAlertRuleDialog::ruleForASummedUtilisationComparesPerDevice() {
    ChartSpec spec;
    spec.id = QStringLiteral("deployment/cpu/churn-endpoint");
    spec.title = QStringLiteral("Endpoint CPU — churn-endpoint");
    spec.resource = QStringLiteral("churn-endpoint");
    spec.unit = Unit::Percent;
    spec.instanceType = QStringLiteral("ml.m5.xlarge");
    spec.series = {{cpuQuery(), QStringLiteral("CPU")}};
    spec.thresholds = {{70, ThresholdLevel::Warning}, {90, ThresholdLevel::Critical}};
    const AlertRule rule = AlertRuleEditor::ruleForChart(spec, 0);
    QVERIFY2(rule.validate().has_value(), qPrintable(rule.problems().value(0).message));
    QCOMPARE(rule.instanceType, QStringLiteral("ml.m5.xlarge"));
    QCOMPARE(rule.critical, 90.0);
    QCOMPARE(rule.toDisplay(380), 95.0);
    const QList<AlertSeriesChoice> choices = AlertRuleEditor::choicesFor({spec});
    QCOMPARE(choices.size(), 1);
    QCOMPARE(choices.first().instanceType, QStringLiteral("ml.m5.xlarge"));

    SeriesStore store;
    SeriesData raw;
    raw.seriesKey = cpuQuery().seriesKey();
    for (const double v : {300.0, 300.0, 380.0, 380.0}) { // 75, 75, 95, 95 % per vCPU
        raw.timestampsMs.append(kT0 + raw.values.size() * kMinuteMs);
        raw.values.append(v);
    }
    store.replace(raw);
    AlertRuleDialog dialog(store);
    dialog.setSeriesChoices(choices);
    dialog.setRule(rule);
    dialog.setPreviewRange({kT0 - 10 * kMinuteMs, kT0 + 20 * kMinuteMs}, 60);
    QVERIFY(refreshed(dialog));
    QCOMPARE(dialog.rule().instanceType, QStringLiteral("ml.m5.xlarge"));
    const AlertBacktest &preview = dialog.preview();
    QCOMPARE(preview.datapoints, 4);
    QCOMPARE(preview.fires, 1); // 75 % is past the 70 % warning, 95 % past the 90 % critical
    QCOMPARE(preview.transitions.size(), 2);
    QCOMPARE(preview.transitions.at(0).value, 75.0);
    QCOMPARE(preview.transitions.at(0).to.level, AlertLevel::Warning);
    QCOMPARE(preview.transitions.at(1).value, 95.0);
    QCOMPARE(preview.transitions.at(1).to.level, AlertLevel::Critical);

    // Another series from a chart without a known type takes that (empty) type with it.
    dialog.setSeriesChoices(choices + QList<AlertSeriesChoice>{{QStringLiteral("Latency"), latencyQuery(),
                                                                Unit::Microseconds, QString()}});
    dialog.setRule(rule);
    child<QComboBox>(dialog, "seriesCombo")->setCurrentIndex(1);
    QVERIFY(dialog.rule().instanceType.isEmpty());
    child<QComboBox>(dialog, "seriesCombo")->setCurrentIndex(0);
    QCOMPARE(dialog.rule().instanceType, QStringLiteral("ml.m5.xlarge"));
}

void TestAlertRuleDialog::durationsReadTheWayPeopleSayThem_data() {
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole hours in hours") << 14400 << QStringLiteral("4 h");
    QTest::newRow("whole minutes in minutes") << 180 << QStringLiteral("3 min");
    QTest::newRow("anything else in seconds") << 90 << QStringLiteral("90 s");
    QTest::newRow("whole days in days") << 604800 << QStringLiteral("7 d");
    QTest::newRow("zero in seconds") << 0 << QStringLiteral("0 s");
}

void TestAlertRuleDialog::durationsReadTheWayPeopleSayThem() {
    QFETCH(int, seconds);
    QFETCH(QString, text);
    DurationSpinBox spin;
    spin.setRange(0, 604800);
    QCOMPARE(spin.formatSeconds(seconds), text);
    QCOMPARE(spin.parseSeconds(text), std::optional<int>(seconds));
    spin.setValue(seconds);
    QCOMPARE(spin.text(), text);
    // Typed by hand, with or without a space, and plain seconds.
    QCOMPARE(spin.parseSeconds(QString(text).remove(QLatin1Char(' '))), std::optional<int>(seconds));
    QCOMPARE(spin.parseSeconds(QString::number(seconds)), std::optional<int>(seconds));
    QCOMPARE(spin.parseSeconds(QStringLiteral("soon")), std::optional<int>());
}

QTEST_MAIN(TestAlertRuleDialog)
#include "tst_alert_rule_dialog.moc"
