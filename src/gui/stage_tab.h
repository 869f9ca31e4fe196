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
class ChartViewSync;
class InsightsStrip;
class MetricChartView;
class SeriesStore;

// One workflow stage: a one-line description and a scrolling, responsive grid of charts
// (as many columns as fit at a readable chart width, re-flowed on resize). Charts with data in
// the window come first; charts that can only say why they are empty follow.
// When the charts belong to more than one account (ChartSpec::account / cloud), they are grouped:
// a heading per account ("Azure — Demo Azure (fraud-ml)"), in the order the accounts first appear,
// and under it a heading per resource (ChartSpec::resource), each group starting a new row, charts
// with data first within their resource. Resources whose charts all say "no data" (fetched, and
// nothing in the window) follow the resources of every account, under a second heading per
// account ("… — no data in this time window"), so that one account's finished jobs do not push
// another account's live charts off the screen. Above the grid a line of links, one per account,
// scrolls to that account's part. With one account the grid looks as it always did.
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
    // Zoom, pan, crosshair and time zone shared by this tab's charts (Grafana's shared time).
    ChartViewSync *viewSync() const { return m_viewSync; }

    // The insights strip under the description (InsightsStrip): its chips jump to their chart.
    InsightsStrip *insightsStrip() const { return m_insights; }
    // Recomputes the insights on the next event-loop turn (e.g. after the window changed).
    void refreshInsights();

    // Shown instead of charts: "Discovering resources…", a discovery error.
    void showMessage(const QString &text);

    // True when the charts are grouped by account (they belong to more than one).
    bool isGroupedByAccount() const { return m_accountGroups.size() > 1; }
    // The headings, in grid order, as shown: account headings and resource headings (grouped
    // mode only). For tests and accessibility checks.
    QList<QLabel *> headings() const;
    // Scrolls the account's first heading (the index in the order of the account links) to the top.
    void revealAccount(int index);

    // Translated tab title and one-line description of a stage.
    static QString titleFor(Stage stage);
    static QString descriptionFor(Stage stage);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The charts of one resource of one account, under its heading.
    struct ResourceGroup {
        QLabel *heading = nullptr;
        QList<MetricChartView *> charts; // catalog order
    };
    struct AccountGroup {
        QLabel *heading = nullptr;      // over its resources with data
        QLabel *emptyHeading = nullptr; // over its resources without data in the window
        QList<ResourceGroup> resources; // catalog order
    };

    void reflow(bool force = false);
    void scheduleReorder();
    void buildGroups(const QList<ChartSpec> &charts);
    QLabel *makeHeading(const QString &text, const QString &objectName, bool account);
    // Grid order: headings (grouped mode) and charts, each chart group with data first.
    QList<QWidget *> orderedItems() const;

    Stage m_stage;
    const SeriesStore &m_store;
    QLabel *m_description = nullptr;
    ChartExportController *m_export = nullptr;
    ChartViewSync *m_viewSync = nullptr;
    QToolButton *m_exportAll = nullptr; // "Export all charts…": enabled while there are charts
    InsightsStrip *m_insights = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_accountLinks = nullptr; // grouped mode: "Go to: AWS — … · Azure — …"
    QScrollArea *m_scroll = nullptr;
    QWidget *m_gridHost = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<MetricChartView *> m_charts;   // catalog order
    QList<QWidget *> m_shown;            // grid order: headings and charts, charts with data first
    QList<AccountGroup> m_accountGroups; // more than one: grouped mode
    QList<QLabel *> m_headings;          // owned by m_gridHost; replaced by setCharts()
    bool m_reorderQueued = false;
    int m_columns = 0;
};

} // namespace mlwatch
