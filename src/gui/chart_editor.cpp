#include "gui/chart_editor.h"

#include "charts/metric_chart_view.h"
#include "core/session/monitor_session.h"

#include <QAction>
#include <QInputDialog>

namespace mlwatch {

namespace {

qsizetype indexOf(const QList<ChartSpec> &charts, const QString &chartId) {
    for (qsizetype i = 0; i < charts.size(); ++i)
        if (charts.at(i).id == chartId)
            return i;
    return -1;
}

// The index of the nearest chart of the same stage `step` away (-1 / +1), or -1.
qsizetype neighbourOf(const QList<ChartSpec> &charts, qsizetype at, int step) {
    const Stage stage = charts.at(at).stage;
    for (qsizetype i = at + (step < 0 ? -1 : 1); i >= 0 && i < charts.size(); i += (step < 0 ? -1 : 1))
        if (charts.at(i).stage == stage)
            return i;
    return -1;
}

} // namespace

ChartEditor::ChartEditor(MonitorSession &session, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_dialogParent(dialogParent) {}

QList<ChartSpec> ChartEditor::removed(const QList<ChartSpec> &charts, const QString &chartId) {
    QList<ChartSpec> out = charts;
    if (const qsizetype at = indexOf(out, chartId); at >= 0)
        out.removeAt(at);
    return out;
}

QList<ChartSpec> ChartEditor::renamed(const QList<ChartSpec> &charts, const QString &chartId,
                                      const QString &title) {
    QList<ChartSpec> out = charts;
    if (const qsizetype at = indexOf(out, chartId); at >= 0 && !title.trimmed().isEmpty())
        out[at].title = title.trimmed();
    return out;
}

QList<ChartSpec> ChartEditor::moved(const QList<ChartSpec> &charts, const QString &chartId, int step) {
    QList<ChartSpec> out = charts;
    const qsizetype at = indexOf(out, chartId);
    if (at < 0 || step == 0)
        return out;
    if (const qsizetype other = neighbourOf(out, at, step); other >= 0)
        out.swapItemsAt(at, other);
    return out;
}

void ChartEditor::removeChart(const QString &chartId) {
    if (indexOf(m_session.charts(), chartId) >= 0)
        m_session.setCharts(removed(m_session.charts(), chartId));
}

void ChartEditor::renameChart(const QString &chartId, const QString &title) {
    const QList<ChartSpec> charts = m_session.charts();
    const qsizetype at = indexOf(charts, chartId);
    if (at >= 0 && !title.trimmed().isEmpty() && charts.at(at).title != title.trimmed())
        m_session.setCharts(renamed(charts, chartId, title));
}

void ChartEditor::moveChart(const QString &chartId, int step) {
    const QList<ChartSpec> charts = m_session.charts();
    const qsizetype at = indexOf(charts, chartId);
    if (at >= 0 && neighbourOf(charts, at, step) >= 0)
        m_session.setCharts(moved(charts, chartId, step));
}

QInputDialog *ChartEditor::openRename(const QString &chartId) {
    const QList<ChartSpec> charts = m_session.charts();
    const qsizetype at = indexOf(charts, chartId);
    if (at < 0)
        return nullptr;
    auto *dialog = new QInputDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("renameChartDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename chart"));
    dialog->setLabelText(tr("&Title:"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextValue(charts.at(at).title);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, chartId](const QString &title) { renameChart(chartId, title); });
    dialog->open();
    return dialog;
}

void ChartEditor::attach(MetricChartView *view) {
    const QString id = view->spec().id;
    const QList<ChartSpec> charts = m_session.charts();
    const qsizetype at = indexOf(charts, id);
    auto add = [&](const QString &text, const char *name, auto edit) {
        auto *action = new QAction(text, view);
        action->setObjectName(QLatin1String(name));
        // Queued: the edit rebuilds the tabs, which deletes `view` and this action.
        connect(action, &QAction::triggered, this,
                [this, edit] { QMetaObject::invokeMethod(this, edit, Qt::QueuedConnection); });
        view->addAction(action);
        return action;
    };
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    view->addAction(separator);
    add(tr("Rename chart…"), "renameChartAction", [this, id] { (void)openRename(id); });
    add(tr("Move earlier"), "moveChartEarlierAction", [this, id] {
        moveChart(id, -1);
    })->setEnabled(at >= 0 && neighbourOf(charts, at, -1) >= 0);
    add(tr("Move later"), "moveChartLaterAction", [this, id] {
        moveChart(id, +1);
    })->setEnabled(at >= 0 && neighbourOf(charts, at, +1) >= 0);
    add(tr("Remove chart"), "removeChartAction", [this, id] { removeChart(id); });
}

} // namespace mlwatch
