#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"
#include "core/common/error.h"
#include "core/model/series_data.h"
#include "core/model/unit.h"
#include "report/report_week.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace mlwatch {

// Everything a weekly review shows, as values: what ReportDataFetcher collects and the writers
// lay out. Data is raw (the cloud's units, UTC); statistics are already in display units.

// One chart with this week's and last week's data.
struct ReportChart {
    QString accountLabel;
    ChartSpec spec;
    QString fileStem;           // unique within the report: "training-cpu-gpu-churn-train-2026-11"
    QList<SeriesData> thisWeek; // index-paired with spec.series (empty SeriesData = no data)
    QList<SeriesData> lastWeek; // same, over ReportWeek::previousRange(), not shifted
    int periodSeconds = 60;     // the period this week was fetched at
    QStringList errors;         // translated: why some of its series could not be fetched

    // Whether any series has a datapoint in this week / last week.
    bool hasData() const;
    bool hasLastWeekData() const;
};

// p50 / p95 / max of one series over one week, in the chart's display unit. Percentiles are
// nearest-rank (a value that really occurred); NaN and count 0 when the week has no data.
struct WeekStats {
    qsizetype count = 0;
    double p50 = std::numeric_limits<double>::quiet_NaN();
    double p95 = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
};

// One row of the week-over-week table: one series of one chart.
struct ReportMetricRow {
    Stage stage = Stage::Monitoring;
    QString chartTitle;
    QString legend;
    QString seriesName; // "AWS/SageMaker:ModelLatency{EndpointName=…}:Average" (as in the CSVs)
    DisplayUnit unit;
    WeekStats thisWeek;
    WeekStats lastWeek;
};

// Where the alert sections come from.
enum class ReportAlertSource {
    None,    // no alert rules: the report says so
    History, // transitions the alert engine recorded while it ran
    Replay,  // the rules replayed over the fetched data (no recorded history, e.g. --demo)
};

struct RuleWeekStats {
    QString ruleId;
    QString ruleName;
    int firedWarning = 0;  // entries into firing at warning
    int firedCritical = 0; // entries into firing at critical, and escalations to it
    qint64 timeInAlertMs = 0;

    int fired() const { return firedWarning + firedCritical; }
};

struct AlertWeekStats {
    int firedWarning = 0;
    int firedCritical = 0;
    // Time during which at least one rule was firing (a union, not a sum over rules), clipped to
    // the part of the range that has passed.
    qint64 timeInAlertMs = 0;
    int rulesThatFired = 0;
    QList<RuleWeekStats> rules; // every rule that fired or spent time firing, noisiest first

    int fired() const { return firedWarning + firedCritical; }
};

struct ReportData {
    ReportWeek week;
    QString workspaceName;     // "Demo", or the workspace file's base name
    QStringList accountLabels; // "Demo cloud", "AWS us-east-1 (profile prod)"
    qint64 generatedAtMs = 0;  // the clock's now (pinned for reproducible demo reports)

    QList<ReportChart> charts; // in stage order, then as the catalog listed them
    QList<ReportMetricRow> metrics;

    ReportAlertSource alertSource = ReportAlertSource::None;
    QList<AlertRule> rules;
    QList<AlertTransition> alertLog; // transitions inside week.range(), oldest first
    AlertWeekStats alerts;

    QStringList insights;     // the week's insights when some exist; the section is omitted otherwise
    QList<Error> fetchErrors; // every failed call, for the summary

    // The rule's name for a log line (its id when it is not known any more).
    QString ruleName(const QString &ruleId) const;
    qsizetype chartsWithData() const;
};

} // namespace mlwatch
