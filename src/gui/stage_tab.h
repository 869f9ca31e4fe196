#pragma once

#include "core/catalog/chart_spec.h"
#include "core/model/stage.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QToolButton;

namespace mlwatch {

class ChartExportController;
class MetricChartView;
class SeriesStore;

// One workflow stage: a one-line description and a scrolling, responsive grid of charts
// (as many columns as fit at a readable chart width, re-flowed on resize). Charts with data in
// the window come first; charts that can only say why they are empty follow.
class StageTab : public QWidget {
    Q_OBJECT
public:
    StageTab(Stage stage, const SeriesStore &store, QWidget *parent = nullptr);

    Stage stage() const { return m_stage; }

    // Replaces the charts with these (all of this stage); returns the new views so the caller
    // can feed them fetch results. An empty list shows why there is nothing to show.
    QList<MetricChartView *> setCharts(const QList<ChartSpec> &charts);
    QList<MetricChartView *> charts() const { return m_charts; }
    // The first chart that shows this series (MetricQuery::seriesKey()), or null.
    MetricChartView *chartWatching(const QString &seriesKey) const;
    // Scrolls `chart` (one of charts()) into view and gives it the focus.
    void revealChart(MetricChartView *chart);

    // The export menu of this tab's charts (PNG, clipboard, CSV, the whole tab to a folder).
    ChartExportController *exportController() const { return m_export; }

    // Shown instead of charts: "Discovering resources…", a discovery error.
    void showMessage(const QString &text);

    // Translated tab title and one-line description of a stage.
    static QString titleFor(Stage stage);
    static QString descriptionFor(Stage stage);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reflow(bool force = false);
    void scheduleReorder();

    Stage m_stage;
    const SeriesStore &m_store;
    QLabel *m_description = nullptr;
    ChartExportController *m_export = nullptr;
    QToolButton *m_exportAll = nullptr; // "Export all charts…": enabled while there are charts
    QLabel *m_message = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_gridHost = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<MetricChartView *> m_charts; // catalog order
    QList<MetricChartView *> m_shown;  // grid order: charts with data first
    bool m_reorderQueued = false;
    int m_columns = 0;
};

} // namespace mlwatch
