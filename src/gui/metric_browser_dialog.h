#pragma once

#include "core/model/stage.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace mlwatch {

class MetricBrowserModel;
class MonitorSession;

// View → Metric browser…: the metrics each account of the session offers (MetricBrowserModel),
// a search field that filters them, the statistic (the metric's own first, statisticsFor()), the
// tab to add to and "Add chart" (also Enter or a double click on a metric). Adding appends a custom chart
// (customChart()) to the session's charts through MonitorSession::setCharts() — which fetches its series at
// once — and emits chartAdded so that the window can show it; a metric already charted on that tab is only
// shown again. Not modal: people add several charts and watch them appear. The session must outlive it.
class MetricBrowserDialog : public QDialog {
    Q_OBJECT
public:
    explicit MetricBrowserDialog(MonitorSession &session, QWidget *parent = nullptr);
    ~MetricBrowserDialog() override;

    // The tab "Add chart" adds to (the window passes its current tab when it opens the browser).
    void setStage(Stage stage);
    Stage stage() const;
    MetricBrowserModel *model() const { return m_model; }

    // Adds the current metric to stage(): returns the chart's id, empty when no metric is current.
    QString addCurrent();

Q_SIGNALS:
    // A chart for the metric is on `stage`'s tab (added now, or there already).
    void chartAdded(const QString &chartId, mlwatch::Stage stage);

private:
    void refresh();
    void updateAddButton();
    void applyFilter(const QString &text);

    MonitorSession &m_session;
    MetricBrowserModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QComboBox *m_statistics = nullptr;
    QComboBox *m_stages = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace mlwatch
