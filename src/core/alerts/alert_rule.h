#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"
#include "core/model/unit.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace mlwatch {

// Which side of the thresholds is bad.
enum class AlertComparison { Above, Below };

// How periods without a datapoint count (CloudWatch's four modes; exact semantics in
// docs/alert-rules.md and AlertEvaluator).
enum class MissingDataPolicy { Missing, Ignore, NotBreaching, Breaching };

// Severity, ordered: None < Warning < Critical.
enum class AlertLevel { None, Warning, Critical };

// Notification settings of one rule. The engine only stores them; the notifiers read them.
struct AlertNotifications {
    bool desktop = true;
    QUrl webhookUrl;                   // empty: no webhook; https, or http on loopback only
    int repeatIntervalSeconds = 14400; // re-notify while firing; 0 = never (Alertmanager's 4 h)

    friend bool operator==(const AlertNotifications &, const AlertNotifications &) = default;
};

// One problem of a rule: the JSON field it is about and a translated sentence naming it.
struct AlertRuleProblem {
    QString field;   // "datapointsToAlarm", "series.metric", "notifications.webhook", …
    QString message; // translated; always contains `field`
};

// An alert rule as a value: what it watches, when it breaches, and whom it tells. The same JSON
// object lives inside a workspace file ("rules":[…]) and as a standalone file (RULE.json for
// `mlwatch-cli backtest`). Field reference: docs/alert-rules.md.
//
// Thresholds are written in the display unit `unit` ("ms", "%", "GiB", …). The watched series
// arrives in `seriesUnit` (CloudWatch's raw unit, e.g. Microseconds for ModelLatency); toDisplay()
// converts a raw value before it is compared. Without `seriesUnit`, values are taken as already
// being in `unit` (what `backtest` does with a CSV).
struct AlertRule {
    QString id;          // stable, unique within a workspace; any text without control characters
    QString name;        // shown to people
    QString description; // why the rule exists and why its numbers were chosen
    bool enabled = true;

    QString cloud = QStringLiteral("aws"); // "aws" | "azure" | "gcp": picks the default delay
    QString account;    // optional: the workspace account whose series it watches; empty = the first
    MetricQuery series; // the series watched; series.periodSeconds is kept equal to `periodSeconds`
    // Optional: the instance type the watched resource runs on ("ml.g5.2xlarge"), copied from the
    // chart (ChartSpec::instanceType). SageMaker sums CPU / GPU utilisation over the instance's
    // vCPUs / GPUs (800 % on 8 vCPUs); with a known type, displayUnit() divides by the device count
    // so thresholds are per device, exactly as the chart shows them. Empty = unknown: summed.
    QString instanceType;

    AlertComparison comparison = AlertComparison::Above;
    double critical = 0;                    // required
    std::optional<double> warning;          // optional second level
    std::optional<double> criticalRecovery; // default: `critical` (no hysteresis)
    std::optional<double> warningRecovery;  // default: `warning`

    QString unit;                   // display unit of the thresholds: see knownDisplayUnits()
    std::optional<Unit> seriesUnit; // raw unit of the series; nullopt = already in `unit`

    int periodSeconds = 60;       // > 0; periods are aligned to multiples of it since the epoch
    int evaluationPeriods = 1;    // N ≥ 1
    int datapointsToAlarm = 1;    // M, 1 ≤ M ≤ N
    int pendingForSeconds = 0;    // ≥ 0
    int keepFiringForSeconds = 0; // ≥ 0
    MissingDataPolicy missingData = MissingDataPolicy::Missing;
    std::optional<int> evaluationDelaySeconds; // ≥ 0; nullopt = defaultEvaluationDelaySeconds()

    AlertNotifications notifications;

    // --- derived values ---------------------------------------------------------------------
    double criticalRecoveryValue() const { return criticalRecovery.value_or(critical); }
    double warningRecoveryValue() const { return warningRecovery.value_or(warning.value_or(0)); }
    int effectiveEvaluationDelaySeconds() const;
    QString seriesKey() const { return series.seriesKey(); }
    // raw → display: {raw = seriesUnit or None, scale, translated symbol of `unit`}. The scale
    // includes the per-device division of UnitRegistry::forSeries(seriesUnit, series, instanceType).
    DisplayUnit displayUnit() const;
    double toDisplay(double raw) const { return raw * displayUnit().scale; }

    // --- validation and JSON ------------------------------------------------------------------
    // Every problem, in field order; empty when the rule is valid.
    QList<AlertRuleProblem> problems() const;
    // The first problem as ErrorCode::BadArgument (message names the field), or success.
    Result<void> validate() const;

    // Reads and validates a rule object. Errors name the field (prefixed with `context`, e.g.
    // "rules[2]."); unknown members are ignored so newer files still load.
    static Result<AlertRule> fromJson(const QJsonObject &object, const QString &context = QString());
    // Optional members that hold their default are left out, so files stay short.
    QJsonObject toJson() const;

    // A standalone rule file (one JSON object). Malformed JSON reports line and column.
    static Result<AlertRule> load(const QString &path);
    Result<void> save(const QString &path) const; // atomic (QSaveFile)

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

// The display-unit names a rule's `unit` may take: "" (none), "count", "%", "us", "ms", "s",
// "min", "h", "B", "KiB", "MiB", "GiB", "TiB", "/s". Case-sensitive (MiB is not mib).
QStringList knownDisplayUnits();

// Per-cloud publication delay to wait before a period is judged (anchors.md §5, cloud-apis.md §4):
// CloudWatch 1-minute metrics arrive within ~2 min, 5-minute ones within 10–15 min; Azure Monitor
// ~4–5 min; Google Cloud Monitoring up to 6–7 min (Vertex CPU 360 s, BigQuery 420 s).
int defaultEvaluationDelaySeconds(const QString &cloud, int periodSeconds);

// Stable JSON names: "above"/"below", "missing"/"ignore"/"notBreaching"/"breaching",
// "warning"/"critical" (None is ""). The parsers return nullopt for anything else.
QString comparisonName(AlertComparison c);
std::optional<AlertComparison> comparisonFromName(const QString &name);
QString missingDataName(MissingDataPolicy p);
std::optional<MissingDataPolicy> missingDataFromName(const QString &name);
QString alertLevelName(AlertLevel level);
std::optional<AlertLevel> alertLevelFromName(const QString &name);

} // namespace mlwatch
