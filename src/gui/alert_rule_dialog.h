#pragma once

#include "core/alerts/alert_rule.h"
#include "core/model/metric_query.h"
#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <memory>

class QLabel;

namespace Ui {
class AlertRuleDialog;
}

namespace mlwatch {

class SeriesStore;
struct AlertBacktest;

// A series a rule may watch, as the dialog's series list offers it.
struct AlertSeriesChoice {
    QString label; // translated: "Model latency — churn-endpoint"
    MetricQuery query;
    Unit unit = Unit::None; // the raw unit the series arrives in
    // The chart's instance type (ChartSpec::instanceType): a rule on a utilisation summed over
    // vCPUs / GPUs then compares per device, as the chart shows it. Empty = unknown.
    QString instanceType;
};

// Edits one alert rule (forms/alert_rule_dialog.ui): every field of AlertRule, each with the
// validation message of AlertRule::problems() right next to it (OK stays disabled while there is
// one), and a live backtest preview — the rule run by the pure evaluator over the series as
// loaded in the store for the visible range, drawn with its thresholds and the stretches it would
// have been pending, firing or without data, with counts of fires, time in alert and flaps.
//
// A dialog that returns a value: rule() after exec() == Accepted. It never saves anything and
// changes no engine. Edits are coalesced: one validation + backtest per event-loop turn, each
// followed by previewUpdated (tests wait on it).
class AlertRuleDialog : public QDialog {
    Q_OBJECT
public:
    // `store` must outlive the dialog; the preview only reads it.
    explicit AlertRuleDialog(const SeriesStore &store, QWidget *parent = nullptr);
    ~AlertRuleDialog() override;

    // The series list. Call before setRule(); a rule watching a series not in the list adds it.
    void setSeriesChoices(const QList<AlertSeriesChoice> &choices);
    // Fills every field from `rule`. Fields the dialog does not show (id, cloud) are kept.
    void setRule(const AlertRule &rule);
    // The rule as the fields say now (valid or not: see problems()).
    AlertRule rule() const;
    // The range the preview covers (the charts' visible window) and the period the data in the
    // store was fetched at (decides what is drawn as a gap).
    void setPreviewRange(const TimeRange &range, int dataPeriodSeconds);

    // Whether an edit is waiting for the next refresh (tests wait until it is not).
    bool isRefreshPending() const { return m_refreshQueued; }
    // As of the latest refresh.
    QList<AlertRuleProblem> problems() const { return m_problems; }
    const AlertBacktest &preview() const { return *m_preview; }

    // The display-unit name (AlertRule::unit) a chart shows a raw unit in: "ms" for
    // microseconds, "GiB" for bytes, "%" … (the units of displayUnitFor()).
    static QString displayUnitName(Unit raw);

public Q_SLOTS:
    void accept() override; // refuses while the rule is invalid

Q_SIGNALS:
    void previewUpdated();

private:
    void connectEditors();
    void scheduleRefresh();
    void refresh();
    void onSeriesChosen(int index);
    void updateEnabledFields();
    void updateUnitTexts();
    void showProblems();
    void updatePreview(const AlertRule &rule);
    int choiceIndexFor(const MetricQuery &query) const;

    std::unique_ptr<Ui::AlertRuleDialog> m_ui;
    const SeriesStore &m_store;
    QList<AlertSeriesChoice> m_choices;
    AlertRule m_base; // what setRule() got: the fields the dialog does not show come from here
    QString m_unit;
    std::optional<Unit> m_seriesUnit;
    QString m_instanceType; // follows the chosen series, like m_seriesUnit
    TimeRange m_range;
    int m_dataPeriodSeconds = 60;
    QHash<QString, QLabel *> m_errorLabels; // AlertRuleProblem::field → label under its editor
    QList<AlertRuleProblem> m_problems;
    std::unique_ptr<AlertBacktest> m_preview;
    bool m_refreshQueued = false;
};

} // namespace mlwatch
