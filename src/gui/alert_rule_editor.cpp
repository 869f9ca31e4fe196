#include "gui/alert_rule_editor.h"

#include "core/alerts/alert_engine.h"
#include "core/fetch/fetch_scheduler.h"
#include "gui/alert_rule_dialog.h"

#include <QMessageBox>
#include <QUuid>
#include <QWidget>

namespace mlwatch {

AlertRuleEditor::AlertRuleEditor(AlertEngine &engine, const SeriesStore &store,
                                 const FetchScheduler &scheduler, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_engine(engine)
    , m_store(store)
    , m_scheduler(scheduler)
    , m_dialogParent(dialogParent) {}

AlertRuleDialog *AlertRuleEditor::currentDialog() const {
    return m_dialog;
}

AlertRule AlertRuleEditor::ruleForChart(const ChartSpec &spec, int seriesIndex) {
    const ChartSeriesSpec series = spec.series.value(seriesIndex);
    AlertRule rule;
    rule.id = QStringLiteral("rule:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    rule.name = spec.series.size() > 1 && !spec.resource.isEmpty()
                    ? tr("%1 — %2").arg(series.legend, spec.resource)
                    : spec.title;
    rule.series = series.query;
    // The chart's cloud picks the evaluation delay; its account is the series' (Azure charts).
    rule.cloud = spec.cloud.isEmpty() ? QStringLiteral("aws") : spec.cloud;
    rule.account = spec.account;
    rule.periodSeconds = std::max(1, series.query.periodSeconds);
    rule.series.periodSeconds = rule.periodSeconds;
    rule.seriesUnit = spec.unit;
    rule.unit = AlertRuleDialog::displayUnitName(spec.unit);
    // The chart's thresholds and values are per device when its instance type is known.
    rule.instanceType = spec.instanceType;

    std::optional<double> critical;
    std::optional<double> warning;
    for (const ThresholdLine &line : spec.thresholds)
        (line.level == ThresholdLevel::Critical ? critical : warning) = line.value;
    if (!critical && warning)
        std::swap(critical, warning); // a single line is the one that alerts
    rule.critical = critical.value_or(0);
    rule.warning = warning;
    if (rule.warning && !(*rule.warning < rule.critical))
        rule.warning.reset(); // the chart's lines do not say which side is bad; keep the rule valid
    return rule;
}

QList<AlertSeriesChoice> AlertRuleEditor::choicesFor(const QList<ChartSpec> &charts) {
    QList<AlertSeriesChoice> out;
    QStringList seen;
    for (const ChartSpec &spec : charts) {
        for (const ChartSeriesSpec &s : spec.series) {
            const QString key = s.query.seriesKey();
            if (seen.contains(key))
                continue;
            seen.append(key);
            const QString label = spec.series.size() > 1 && !spec.resource.isEmpty()
                                      ? tr("%1 — %2").arg(s.legend, spec.resource)
                                      : spec.title;
            out.append({label, s.query, spec.unit, spec.instanceType});
        }
    }
    return out;
}

void AlertRuleEditor::editForChart(const ChartSpec &spec, int seriesIndex) {
    const QString key = spec.series.value(seriesIndex).query.seriesKey();
    for (const AlertRule &rule : m_engine.rules()) {
        if (rule.seriesKey() == key) {
            // A rule saved before its resource's instance type was known learns it from the
            // chart, so the dialog's numbers match the chart's (it takes effect on OK).
            AlertRule edited = rule;
            if (edited.instanceType.isEmpty())
                edited.instanceType = spec.instanceType;
            open(edited, tr("Edit alert rule — %1").arg(rule.name.isEmpty() ? rule.id : rule.name));
            return;
        }
    }
    open(ruleForChart(spec, seriesIndex), tr("New alert rule"));
}

void AlertRuleEditor::newRule() {
    if (m_charts.isEmpty()) {
        AlertRule rule;
        rule.id = QStringLiteral("rule:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        open(rule, tr("New alert rule"));
        return;
    }
    open(ruleForChart(m_charts.first(), 0), tr("New alert rule"));
}

void AlertRuleEditor::editRule(const QString &ruleId) {
    if (const std::optional<AlertRule> rule = m_engine.rule(ruleId))
        open(*rule, tr("Edit alert rule — %1").arg(rule->name.isEmpty() ? rule->id : rule->name));
}

void AlertRuleEditor::open(const AlertRule &rule, const QString &title) {
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog = new AlertRuleDialog(m_store, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("alertRuleDialog"));
    dialog->setWindowTitle(title);
    dialog->setSeriesChoices(choicesFor(m_charts));
    dialog->setRule(rule);
    dialog->setPreviewRange(m_scheduler.currentRange(), m_scheduler.currentPeriodSeconds());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { apply(dialog->rule()); });
    m_dialog = dialog;
    dialog->open(); // window-modal, without a nested event loop
    Q_EMIT dialogOpened(dialog);
}

void AlertRuleEditor::apply(const AlertRule &rule) {
    if (const Result<void> added = m_engine.addOrReplaceRule(rule); !added) {
        QMessageBox::warning(m_dialogParent, tr("Alert rule"), added.error().message);
        return;
    }
    Q_EMIT ruleSaved(rule.id);
}

} // namespace mlwatch
