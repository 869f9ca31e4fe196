#include "gui/alert_rule_dialog.h"

#include "ui_alert_rule_dialog.h"

#include "charts/alert_preview_chart.h"
#include "core/model/unit_registry.h"
#include "core/store/series_store.h"
#include "gui/alert_backtest.h"
#include "gui/alert_texts.h"

#include <QPushButton>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

constexpr double kGapPeriods = 2.5; // as on the charts: a longer hole is drawn as a break
constexpr int kComboMinimumCharacters = 14;

// Combo box order ↔ enum values.
const MissingDataPolicy kMissingDataOrder[] = {MissingDataPolicy::Missing, MissingDataPolicy::Ignore,
                                               MissingDataPolicy::NotBreaching, MissingDataPolicy::Breaching};

AlertPreviewChart::BandKind bandKindFor(const AlertState &state) {
    switch (state.kind) {
    case AlertStateKind::Pending:
        return AlertPreviewChart::BandKind::Pending;
    case AlertStateKind::NoData:
        return AlertPreviewChart::BandKind::NoData;
    case AlertStateKind::Firing:
    case AlertStateKind::Ok:
        break;
    }
    return state.level == AlertLevel::Critical ? AlertPreviewChart::BandKind::FiringCritical
                                               : AlertPreviewChart::BandKind::FiringWarning;
}

QString choiceLabelFor(const MetricQuery &query) {
    QStringList dims;
    for (const Dimension &d : query.dimensions)
        dims.append(d.value);
    const QString where =
        dims.isEmpty() ? QString() : QStringLiteral(" — ") + dims.join(QStringLiteral(", "));
    return query.metricName % where % QStringLiteral(" (") % query.stat % QLatin1Char(')');
}

// Two queries watch the same series when their keys match (the period is the rule's own).
bool sameSeries(const MetricQuery &a, const MetricQuery &b) {
    return a.seriesKey() == b.seriesKey();
}

} // namespace

AlertRuleDialog::AlertRuleDialog(const SeriesStore &store, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AlertRuleDialog>())
    , m_store(store)
    , m_preview(std::make_unique<AlertBacktest>()) {
    m_ui->setupUi(this);

    m_errorLabels = {
        {QStringLiteral("series"), m_ui->seriesError},
        {QStringLiteral("critical"), m_ui->criticalError},
        {QStringLiteral("criticalRecovery"), m_ui->criticalRecoveryError},
        {QStringLiteral("warning"), m_ui->warningError},
        {QStringLiteral("warningRecovery"), m_ui->warningRecoveryError},
        {QStringLiteral("unit"), m_ui->unitError},
        {QStringLiteral("period"), m_ui->periodError},
        {QStringLiteral("evaluationPeriods"), m_ui->evaluationPeriodsError},
        {QStringLiteral("datapointsToAlarm"), m_ui->datapointsToAlarmError},
        {QStringLiteral("pendingFor"), m_ui->pendingForError},
        {QStringLiteral("keepFiringFor"), m_ui->keepFiringForError},
        {QStringLiteral("evaluationDelay"), m_ui->evaluationDelayError},
        {QStringLiteral("notifications.webhook"), m_ui->webhookError},
        {QStringLiteral("notifications.repeatInterval"), m_ui->repeatIntervalError},
    };
    // Messages in the palette's own "negative" colour would be ideal; Qt has none, so use the
    // charts' critical red, which is chosen to read on the current light or dark base.
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QPalette errorPalette = palette();
    errorPalette.setColor(QPalette::WindowText, dark ? QColor(0xFF, 0x6B, 0x6B) : QColor(0xD0, 0x21, 0x21));
    for (QLabel *label : std::as_const(m_errorLabels))
        label->setPalette(errorPalette);
    m_ui->generalError->setPalette(errorPalette);

    m_ui->flapsLabel->setToolTip(
        tr("A flap is a fire less than %1 periods after the rule last resolved: the same problem "
           "reported twice.")
            .arg(AlertBacktest::kFlapPeriods));
    m_ui->timeInAlertLabel->setToolTip(tr("Total time the rule would have been firing, at any level."));
    m_ui->firesLabel->setToolTip(tr("How often the rule would have started firing (a notification each)."));

    // Long series names and (translated) choices must not widen the dialog past the screen: the
    // combo boxes take the width the layout gives them and elide.
    for (QComboBox *combo : {m_ui->seriesCombo, m_ui->comparisonCombo, m_ui->missingDataCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(kComboMinimumCharacters);
    }

    connectEditors();
    setRule(AlertRule{});
}

AlertRuleDialog::~AlertRuleDialog() = default;

QString AlertRuleDialog::displayUnitName(Unit raw) {
    return UnitRegistry::displayUnitName(raw); // the unit the charts show: thresholds read alike
}

void AlertRuleDialog::connectEditors() {
    const auto changed = [this] { scheduleRefresh(); };
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->descriptionEdit, m_ui->webhookEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *combo : {m_ui->comparisonCombo, m_ui->missingDataCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *check : {m_ui->enabledCheck, m_ui->desktopCheck, m_ui->criticalRecoveryCheck,
                             m_ui->warningCheck, m_ui->warningRecoveryCheck}) {
        connect(check, &QCheckBox::toggled, this, changed);
        connect(check, &QCheckBox::toggled, this, &AlertRuleDialog::updateEnabledFields);
    }
    for (QDoubleSpinBox *spin : std::initializer_list<QDoubleSpinBox *>{
             m_ui->criticalSpin, m_ui->warningSpin, m_ui->criticalRecoverySpin, m_ui->warningRecoverySpin})
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox *spin : std::initializer_list<QSpinBox *>{
             m_ui->periodSpin, m_ui->evaluationPeriodsSpin, m_ui->datapointsToAlarmSpin, m_ui->pendingForSpin,
             m_ui->keepFiringForSpin, m_ui->evaluationDelaySpin, m_ui->repeatIntervalSpin})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->periodSpin, &QSpinBox::valueChanged, this, &AlertRuleDialog::updateUnitTexts);
    // A description rarely fits the field: the tooltip shows all of it.
    connect(m_ui->descriptionEdit, &QLineEdit::textChanged, m_ui->descriptionEdit, &QWidget::setToolTip);
    connect(m_ui->seriesCombo, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::onSeriesChosen);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AlertRuleDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AlertRuleDialog::reject);
}

void AlertRuleDialog::setSeriesChoices(const QList<AlertSeriesChoice> &choices) {
    m_choices = choices;
    const QSignalBlocker blocker(m_ui->seriesCombo);
    m_ui->seriesCombo->clear();
    for (const AlertSeriesChoice &choice : std::as_const(m_choices))
        m_ui->seriesCombo->addItem(choice.label);
    scheduleRefresh();
}

int AlertRuleDialog::choiceIndexFor(const MetricQuery &query) const {
    for (qsizetype i = 0; i < m_choices.size(); ++i)
        if (sameSeries(m_choices.at(i).query, query))
            return int(i);
    return -1;
}

void AlertRuleDialog::setRule(const AlertRule &rule) {
    m_base = rule;
    int index = choiceIndexFor(rule.series);
    if (index < 0 && !rule.series.metricName.isEmpty()) {
        // A rule from a file or a chart that is gone: keep offering what it watches.
        m_choices.append({choiceLabelFor(rule.series), rule.series, rule.seriesUnit.value_or(Unit::None),
                          rule.instanceType});
        const QSignalBlocker blocker(m_ui->seriesCombo);
        m_ui->seriesCombo->addItem(m_choices.last().label);
        index = int(m_choices.size() - 1);
    }
    {
        const QSignalBlocker blocker(m_ui->seriesCombo);
        m_ui->seriesCombo->setCurrentIndex(index);
    }
    m_unit = rule.unit;
    m_seriesUnit = rule.seriesUnit;
    m_instanceType = rule.instanceType;

    m_ui->nameEdit->setText(rule.name);
    m_ui->descriptionEdit->setText(rule.description);
    m_ui->descriptionEdit->setCursorPosition(0);
    m_ui->enabledCheck->setChecked(rule.enabled);

    m_ui->comparisonCombo->setCurrentIndex(rule.comparison == AlertComparison::Above ? 0 : 1);
    m_ui->criticalSpin->setValue(rule.critical);
    m_ui->criticalRecoveryCheck->setChecked(rule.criticalRecovery.has_value());
    m_ui->criticalRecoverySpin->setValue(rule.criticalRecoveryValue());
    m_ui->warningCheck->setChecked(rule.warning.has_value());
    m_ui->warningSpin->setValue(rule.warning.value_or(rule.critical));
    m_ui->warningRecoveryCheck->setChecked(rule.warningRecovery.has_value());
    m_ui->warningRecoverySpin->setValue(rule.warningRecovery.value_or(rule.warning.value_or(rule.critical)));

    m_ui->periodSpin->setValue(rule.periodSeconds);
    m_ui->evaluationPeriodsSpin->setValue(rule.evaluationPeriods);
    m_ui->datapointsToAlarmSpin->setValue(rule.datapointsToAlarm);
    m_ui->pendingForSpin->setValue(rule.pendingForSeconds);
    m_ui->keepFiringForSpin->setValue(rule.keepFiringForSeconds);
    m_ui->missingDataCombo->setCurrentIndex(
        int(std::find(std::begin(kMissingDataOrder), std::end(kMissingDataOrder), rule.missingData) -
            std::begin(kMissingDataOrder)));
    m_ui->evaluationDelaySpin->setValue(
        rule.evaluationDelaySeconds.value_or(m_ui->evaluationDelaySpin->minimum()));

    m_ui->desktopCheck->setChecked(rule.notifications.desktop);
    m_ui->webhookEdit->setText(rule.notifications.webhookUrl.toString(QUrl::FullyEncoded));
    m_ui->repeatIntervalSpin->setValue(rule.notifications.repeatIntervalSeconds);

    updateEnabledFields();
    updateUnitTexts();
    scheduleRefresh();
}

AlertRule AlertRuleDialog::rule() const {
    AlertRule r = m_base;
    r.name = m_ui->nameEdit->text().trimmed();
    r.description = m_ui->descriptionEdit->text().trimmed();
    r.enabled = m_ui->enabledCheck->isChecked();

    const int index = m_ui->seriesCombo->currentIndex();
    if (index >= 0 && index < m_choices.size())
        r.series = m_choices.at(index).query;
    r.periodSeconds = m_ui->periodSpin->value();
    r.series.periodSeconds = r.periodSeconds; // AlertRule keeps them equal
    r.unit = m_unit;
    r.seriesUnit = m_seriesUnit;
    r.instanceType = m_instanceType;

    r.comparison =
        m_ui->comparisonCombo->currentIndex() == 1 ? AlertComparison::Below : AlertComparison::Above;
    r.critical = m_ui->criticalSpin->value();
    r.criticalRecovery = m_ui->criticalRecoveryCheck->isChecked()
                             ? std::optional<double>(m_ui->criticalRecoverySpin->value())
                             : std::nullopt;
    const bool warning = m_ui->warningCheck->isChecked();
    r.warning = warning ? std::optional<double>(m_ui->warningSpin->value()) : std::nullopt;
    r.warningRecovery = warning && m_ui->warningRecoveryCheck->isChecked()
                            ? std::optional<double>(m_ui->warningRecoverySpin->value())
                            : std::nullopt;

    r.evaluationPeriods = m_ui->evaluationPeriodsSpin->value();
    r.datapointsToAlarm = m_ui->datapointsToAlarmSpin->value();
    r.pendingForSeconds = m_ui->pendingForSpin->value();
    r.keepFiringForSeconds = m_ui->keepFiringForSpin->value();
    r.missingData = kMissingDataOrder[std::clamp(m_ui->missingDataCombo->currentIndex(), 0, 3)];
    const int delay = m_ui->evaluationDelaySpin->value();
    r.evaluationDelaySeconds =
        delay == m_ui->evaluationDelaySpin->minimum() ? std::nullopt : std::optional<int>(delay);

    r.notifications.desktop = m_ui->desktopCheck->isChecked();
    const QString webhook = m_ui->webhookEdit->text().trimmed();
    r.notifications.webhookUrl = webhook.isEmpty() ? QUrl() : QUrl(webhook, QUrl::StrictMode);
    r.notifications.repeatIntervalSeconds = m_ui->repeatIntervalSpin->value();
    return r;
}

void AlertRuleDialog::setPreviewRange(const TimeRange &range, int dataPeriodSeconds) {
    m_range = range;
    m_dataPeriodSeconds = std::max(1, dataPeriodSeconds);
    scheduleRefresh();
}

void AlertRuleDialog::accept() {
    refresh(); // the fields may have changed since the last queued refresh
    if (!m_problems.isEmpty())
        return;
    QDialog::accept();
}

void AlertRuleDialog::onSeriesChosen(int index) {
    if (index < 0 || index >= m_choices.size())
        return;
    // Thresholds are written in the unit the chart shows this series in.
    m_seriesUnit = m_choices.at(index).unit;
    m_unit = displayUnitName(m_choices.at(index).unit);
    m_instanceType = m_choices.at(index).instanceType; // per device, as that chart shows it
    updateUnitTexts();
    scheduleRefresh();
}

void AlertRuleDialog::updateEnabledFields() {
    m_ui->criticalRecoverySpin->setEnabled(m_ui->criticalRecoveryCheck->isChecked());
    const bool warning = m_ui->warningCheck->isChecked();
    m_ui->warningSpin->setEnabled(warning);
    m_ui->warningRecoveryCheck->setEnabled(warning);
    m_ui->warningRecoverySpin->setEnabled(warning && m_ui->warningRecoveryCheck->isChecked());
}

void AlertRuleDialog::updateUnitTexts() {
    AlertRule probe;
    probe.unit = m_unit;
    probe.seriesUnit = m_seriesUnit;
    const QString symbol = probe.displayUnit().symbol;
    const QString suffix = symbol.isEmpty() ? QString() : QChar(0x202F) % symbol;
    for (QDoubleSpinBox *spin : std::initializer_list<QDoubleSpinBox *>{
             m_ui->criticalSpin, m_ui->warningSpin, m_ui->criticalRecoverySpin, m_ui->warningRecoverySpin})
        spin->setSuffix(suffix);
    const int defaultDelay = defaultEvaluationDelaySeconds(m_base.cloud, m_ui->periodSpin->value());
    m_ui->evaluationDelaySpin->setSpecialValueText(
        tr("Cloud default (%1)").arg(AlertTexts::duration(qint64(defaultDelay) * 1000)));
}

void AlertRuleDialog::scheduleRefresh() {
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_refreshQueued)
                refresh();
        },
        Qt::QueuedConnection);
}

void AlertRuleDialog::refresh() {
    m_refreshQueued = false;
    const AlertRule current = rule();
    m_problems = current.problems();
    showProblems();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty());
    updatePreview(current);
    Q_EMIT previewUpdated();
}

void AlertRuleDialog::showProblems() {
    QHash<QLabel *, QStringList> messages;
    for (const AlertRuleProblem &problem : std::as_const(m_problems)) {
        QLabel *label = m_errorLabels.value(problem.field);
        if (!label && problem.field.startsWith(QLatin1String("series")))
            label = m_ui->seriesError; // series.metric, series.stat, …
        if (!label)
            label = m_ui->generalError; // id, cloud: not editable here, but never hidden
        messages[label].append(problem.message);
    }
    QList<QLabel *> all = m_errorLabels.values();
    all.append(m_ui->generalError);
    for (QLabel *label : std::as_const(all)) {
        const QStringList text = messages.value(label);
        label->setText(text.join(QLatin1Char('\n')));
        label->setVisible(!text.isEmpty());
    }
}

void AlertRuleDialog::updatePreview(const AlertRule &rule) {
    AlertPreviewChart *chart = m_ui->previewChart;
    const DisplayUnit unit = rule.displayUnit();
    const int index = m_ui->seriesCombo->currentIndex();
    const QString legend = index >= 0 && index < m_choices.size() ? m_choices.at(index).label : rule.name;

    // The series as loaded, inside the visible range, in the rule's unit.
    const SeriesData raw = m_store.series(rule.seriesKey());
    QVector<qint64> timestamps;
    QVector<double> values;
    timestamps.reserve(raw.size());
    values.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (m_range.isValid() && !m_range.contains(raw.timestampsMs.at(i)))
            continue;
        timestamps.append(raw.timestampsMs.at(i));
        values.append(rule.toDisplay(raw.values.at(i)));
    }
    const qint64 periodS = std::max(m_dataPeriodSeconds, rule.periodSeconds);
    chart->setSeries(legend, unit, timestamps, values, qint64(kGapPeriods * double(periodS) * 1000.0));
    chart->setWindow(m_range);

    QList<AlertPreviewChart::Threshold> thresholds{{rule.critical, ThresholdLevel::Critical, false}};
    if (rule.criticalRecovery && *rule.criticalRecovery != rule.critical)
        thresholds.append({*rule.criticalRecovery, ThresholdLevel::Critical, true});
    if (rule.warning) {
        thresholds.append({*rule.warning, ThresholdLevel::Warning, false});
        if (rule.warningRecovery && *rule.warningRecovery != *rule.warning)
            thresholds.append({*rule.warningRecovery, ThresholdLevel::Warning, true});
    }
    chart->setThresholds(thresholds);

    *m_preview = AlertBacktest();
    const QString none = QStringLiteral("—");
    if (!m_problems.isEmpty()) {
        chart->setOutcome({}, {});
        chart->setMessage(tr("Correct the fields marked in red to see what this rule would have done."));
    } else if (timestamps.isEmpty()) {
        chart->setOutcome({}, {});
        chart->setMessage(tr("No data for this series in the visible range, so there is nothing to backtest. "
                             "Choose a longer time range in the main window."));
    } else {
        *m_preview = AlertBacktest::run(rule, timestamps, values);
        QList<AlertPreviewChart::Band> bands;
        for (const AlertBacktest::Episode &e : std::as_const(m_preview->episodes))
            bands.append({e.startMs, e.endMs, bandKindFor(e.state)});
        QList<AlertPreviewChart::Marker> markers;
        for (const AlertTransition &t : std::as_const(m_preview->transitions)) {
            if (t.to.isFiring() && !t.from.isFiring())
                markers.append({t.timeMs, t.value, AlertPreviewChart::MarkerKind::Fired});
            else if (t.from.isFiring() && t.to.kind == AlertStateKind::Ok)
                markers.append({t.timeMs, t.value, AlertPreviewChart::MarkerKind::Resolved});
        }
        chart->setOutcome(bands, markers);
        chart->setMessage(QString());
    }

    const bool ran = m_preview->datapoints > 0;
    const QLocale locale;
    m_ui->firesLabel->setText(tr("Fires: <b>%1</b>").arg(ran ? locale.toString(m_preview->fires) : none));
    m_ui->timeInAlertLabel->setText(
        tr("Time in alert: <b>%1</b>").arg(ran ? AlertTexts::duration(m_preview->timeInAlertMs) : none));
    m_ui->flapsLabel->setText(tr("Flaps: <b>%1</b>").arg(ran ? locale.toString(m_preview->flaps) : none));
    m_ui->previewRangeLabel->setText(ran ? tr("Datapoints: %1, from %2 to %3")
                                               .arg(locale.toString(m_preview->datapoints),
                                                    AlertTexts::localTime(m_preview->evaluated.startMs),
                                                    AlertTexts::localTimeWithZone(m_preview->evaluated.endMs))
                                         : QString());
}

} // namespace mlwatch
