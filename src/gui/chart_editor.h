#pragma once

#include "core/catalog/chart_spec.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QInputDialog;
class QWidget;

namespace mlwatch {

class MetricChartView;
class MonitorSession;

// Edits of the charts people see: rename, move earlier / later within their tab, remove. Each
// edit goes through MonitorSession::setCharts(), whose chartsReady makes the window rebuild the
// tabs (so the charts' own actions are replaced, never left pointing at a removed chart).
// The session must outlive it.
class ChartEditor : public QObject {
    Q_OBJECT
public:
    // `dialogParent` parents the rename dialog.
    ChartEditor(MonitorSession &session, QWidget *dialogParent);

    // Adds "Rename chart…", "Move earlier", "Move later" and "Remove chart" to the view's actions
    // (its context menu and corner menu), owned by the view. The moves are disabled at the ends of
    // the tab. The edits run after the action returns: they delete the view that triggered them.
    void attach(MetricChartView *view);

    // Edits of the session's charts; an unknown id (or a move past an end) changes nothing.
    void removeChart(const QString &chartId);
    void renameChart(const QString &chartId, const QString &title);
    void moveChart(const QString &chartId, int step); // -1: earlier, +1: later
    // Asks for a new title (non-modal; the dialog deletes itself when closed) and renames on OK.
    QInputDialog *openRename(const QString &chartId);

    // The pure list edits behind them. A move swaps the chart with its neighbour of the same
    // stage (the charts of other stages keep their places); the list is unchanged when there is
    // none. A blank title leaves the chart as it was.
    static QList<ChartSpec> removed(const QList<ChartSpec> &charts, const QString &chartId);
    static QList<ChartSpec> renamed(const QList<ChartSpec> &charts, const QString &chartId,
                                    const QString &title);
    static QList<ChartSpec> moved(const QList<ChartSpec> &charts, const QString &chartId, int step);

private:
    MonitorSession &m_session;
    QPointer<QWidget> m_dialogParent;
};

} // namespace mlwatch
