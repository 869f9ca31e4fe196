#pragma once

#include "core/catalog/custom_chart.h"
#include "core/session/monitor_session.h"

#include <QAbstractItemModel>
#include <QHash>

#include <optional>
#include <vector>

class QSortFilterProxyModel;

namespace mlwatch {

// What each account of a session offers for charting, as a tree: account → resource → metric
// (browsableMetrics() of each account, grouped by BrowsableMetric::resource). Three columns: the
// name; details (an account's resource count or why it is not listed; a resource's metric
// count; a metric's namespace, statistic, unit and dimensions); and the tabs whose charts already
// show the metric (any statistic), from setCharts(). An account that discovery has
// not listed (failed, or not answered yet) is one disabled row saying so, without children;
// a listed account without metrics says "No metrics found".
class MetricBrowserModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DetailsColumn, ChartedColumn, ColumnCount };
    enum class Kind { Account, Resource, Metric };
    // Qt::UserRole + 1: the row's Kind as an int, for views and tests.
    static constexpr int KindRole = Qt::UserRole + 1;

    explicit MetricBrowserModel(QObject *parent = nullptr);
    ~MetricBrowserModel() override;

    // Replaces the tree (a model reset). Unchanged input (same accounts, flags and metrics) is
    // ignored, so that a view keeps its expansion and selection when only the charts changed.
    void setAccounts(const QList<DiscoveredAccount> &accounts);
    // The session's charts: fills ChartedColumn ("Monitoring, Training"), announced with dataChanged.
    void setCharts(const QList<ChartSpec> &charts);

    Kind kindAt(const QModelIndex &index) const;
    // The metric of a metric row; nullopt for other rows.
    std::optional<BrowsableMetric> metricAt(const QModelIndex &index) const;
    // The account a row belongs to (any row); nullopt for an invalid index.
    std::optional<SessionAccount> accountAt(const QModelIndex &index) const;

    // A filter over `source` for a search field: case-insensitive text in any column (a tab's name
    // finds what it charts); a match keeps its ancestors (to show where it is) and its descendants
    // (a resource's metrics).
    static QSortFilterProxyModel *createFilterModel(MetricBrowserModel *source, QObject *parent);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node {
        Kind kind = Kind::Account;
        int parent = -1; // node index; -1 for accounts
        int row = 0;     // among its siblings
        QList<int> children;
        qsizetype account = 0; // index into m_accounts
        QString name;
        QString details;
        QString chartedOn; // metrics: the tabs that chart it, in workflow order
        std::optional<BrowsableMetric> metric;
    };
    const Node *nodeOf(const QModelIndex &index) const;
    void build();
    void updateCharted();
    QString chartedText(const MetricQuery &query) const;

    QList<DiscoveredAccount> m_accounts;
    QHash<QString, QList<Stage>> m_chartedStages; // metric identity → stages that chart it
    std::vector<Node> m_nodes;
    QList<int> m_roots;
};

} // namespace mlwatch
