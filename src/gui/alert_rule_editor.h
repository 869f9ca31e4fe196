#pragma once

#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace mlwatch {

class AlertEngine;
class AlertRuleDialog;
class FetchScheduler;
class SeriesStore;
struct AlertSeriesChoice;

// Opens the alert rule dialog for "Alert on this…", "New rule…" and "Edit rule…", and hands the
// rule it returns to the engine (addOrReplaceRule) — the dialog itself never saves. The preview
// covers the scheduler's current window. One dialog at a time: asking again raises it.
class AlertRuleEditor : public QObject {
    Q_OBJECT
public:
    // All must outlive the editor; dialogs are children of `dialogParent`.
    AlertRuleEditor(AlertEngine &engine, const SeriesStore &store, const FetchScheduler &scheduler,
                    QWidget *dialogParent);

    // The charts whose series the dialog offers (the session's charts).
    void setCharts(const QList<ChartSpec> &charts) { m_charts = charts; }

    // "Alert on this…": edits the rule that already watches the series, else starts a new one
    // from the chart's thresholds.
    void editForChart(const ChartSpec &spec, int seriesIndex);
    void newRule();
    void editRule(const QString &ruleId);

    AlertRuleDialog *currentDialog() const;

    // A new rule for one series of a chart: its thresholds (critical, warning) in the chart's
    // display unit, the series' period, the defaults for everything else and a fresh id.
    static AlertRule ruleForChart(const ChartSpec &spec, int seriesIndex);
    // Every series of these charts, labelled "legend — resource" (or the chart title).
    static QList<AlertSeriesChoice> choicesFor(const QList<ChartSpec> &charts);

Q_SIGNALS:
    void dialogOpened(mlwatch::AlertRuleDialog *dialog);
    void ruleSaved(const QString &ruleId);

private:
    void open(const AlertRule &rule, const QString &title);
    void apply(const AlertRule &rule);

    AlertEngine &m_engine;
    const SeriesStore &m_store;
    const FetchScheduler &m_scheduler;
    QPointer<QWidget> m_dialogParent;
    QList<ChartSpec> m_charts;
    QPointer<AlertRuleDialog> m_dialog;
};

} // namespace mlwatch
