#include "gui/metric_browser_model.h"

#include "core/model/unit.h"

#include <QCoreApplication>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace mlwatch {

namespace {

enum class Counted { Resources, Metrics };

// "1 resource" / "5 resources": English needs both forms in the source text, since the app
// ships no English translation that would supply %n plurals.
QString countText(int n, Counted what) {
    if (what == Counted::Resources)
        return n == 1
                   ? QCoreApplication::translate("mlwatch::MetricBrowserModel", "%n resource", nullptr, n)
                   : QCoreApplication::translate("mlwatch::MetricBrowserModel", "%n resources", nullptr, n);
    return n == 1 ? QCoreApplication::translate("mlwatch::MetricBrowserModel", "%n metric", nullptr, n)
                  : QCoreApplication::translate("mlwatch::MetricBrowserModel", "%n metrics", nullptr, n);
}

bool sameAccounts(const QList<DiscoveredAccount> &a, const QList<DiscoveredAccount> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const DiscoveredAccount &x = a.at(i);
        const DiscoveredAccount &y = b.at(i);
        if (x.account.id != y.account.id || x.account.kind != y.account.kind ||
            x.account.label != y.account.label || x.listed != y.listed || x.metrics != y.metrics)
            return false;
    }
    return true;
}

QString dimensionsText(const QList<Dimension> &dimensions) {
    QStringList parts;
    for (const Dimension &d : dimensions)
        parts.append(MetricBrowserModel::tr("%1 = %2").arg(d.name, d.value));
    return parts.join(MetricBrowserModel::tr(", "));
}

// A metric whatever its statistic and period: where it is asked (account, resource), what, and
// how it is filtered.
QString identityOf(const MetricQuery &q) {
    QList<Dimension> dimensions = q.dimensions;
    std::sort(dimensions.begin(), dimensions.end(), [](const Dimension &a, const Dimension &b) {
        return a.name < b.name || (a.name == b.name && a.value < b.value);
    });
    QString key = q.account + QLatin1Char('|') + q.resource + QLatin1Char('|') + q.namespaceName +
                  QLatin1Char('|') + q.metricName;
    for (const Dimension &d : std::as_const(dimensions))
        key += QLatin1Char('|') + d.name + QLatin1Char('=') + d.value;
    return key;
}

QString metricDetails(const BrowsableMetric &m) {
    QStringList parts{m.query.namespaceName, m.query.stat};
    if (const QString symbol = displayUnitFor(m.unit).symbol; !symbol.isEmpty())
        parts.append(symbol);
    if (!m.query.dimensions.isEmpty())
        parts.append(dimensionsText(m.query.dimensions));
    return parts.join(MetricBrowserModel::tr(" · "));
}

} // namespace

MetricBrowserModel::MetricBrowserModel(QObject *parent)
    : QAbstractItemModel(parent) {}

MetricBrowserModel::~MetricBrowserModel() = default;

void MetricBrowserModel::setAccounts(const QList<DiscoveredAccount> &accounts) {
    if (!m_nodes.empty() && sameAccounts(accounts, m_accounts))
        return;
    beginResetModel();
    m_accounts = accounts;
    build();
    for (Node &node : m_nodes)
        if (node.metric)
            node.chartedOn = chartedText(node.metric->query);
    endResetModel();
}

void MetricBrowserModel::setCharts(const QList<ChartSpec> &charts) {
    m_chartedStages.clear();
    for (const ChartSpec &chart : charts)
        for (const ChartSeriesSpec &series : chart.series) {
            // A derived series (a rate, an error share) charts the metrics it is computed from.
            const bool derived = series.derivation != SeriesDerivation::None;
            for (const MetricQuery &q : derived ? series.inputs : QList<MetricQuery>{series.query}) {
                QList<Stage> &stages = m_chartedStages[identityOf(q)];
                if (!stages.contains(chart.stage))
                    stages.append(chart.stage);
            }
        }
    for (QList<Stage> &stages : m_chartedStages)
        std::sort(stages.begin(), stages.end());
    updateCharted();
}

QString MetricBrowserModel::chartedText(const MetricQuery &query) const {
    QStringList titles;
    for (Stage stage : m_chartedStages.value(identityOf(query)))
        titles.append(stageTitle(stage));
    return titles.join(tr(", "));
}

void MetricBrowserModel::updateCharted() {
    for (size_t n = 0; n < m_nodes.size(); ++n) {
        Node &node = m_nodes[n];
        if (!node.metric)
            continue;
        const QString text = chartedText(node.metric->query);
        if (text == node.chartedOn)
            continue;
        node.chartedOn = text;
        const QModelIndex cell = createIndex(node.row, ChartedColumn, quintptr(n));
        Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void MetricBrowserModel::build() {
    m_nodes.clear();
    m_roots.clear();
    for (qsizetype a = 0; a < m_accounts.size(); ++a) {
        const DiscoveredAccount &account = m_accounts.at(a);
        const int accountNode = int(m_nodes.size());
        Node &top = m_nodes.emplace_back();
        top.kind = Kind::Account;
        top.row = int(m_roots.size());
        top.account = a;
        //: An account in the metric browser: "<cloud> — <account name>".
        top.name = tr("%1 — %2").arg(accountKindTitle(account.account.kind), account.account.label);
        m_roots.append(accountNode);
        if (!account.listed) {
            top.details = tr("Not listed: its resources could not be discovered (yet)");
            continue;
        }
        const QList<BrowsableMetric> metrics =
            browsableMetrics(account.account.kind, account.account.id, account.metrics);
        int resourceNode = -1;
        for (const BrowsableMetric &metric : metrics) {
            if (resourceNode < 0 || m_nodes.at(size_t(resourceNode)).name != metric.resource) {
                resourceNode = int(m_nodes.size());
                Node &resource = m_nodes.emplace_back();
                resource.kind = Kind::Resource;
                resource.parent = accountNode;
                resource.account = a;
                resource.name = metric.resource;
                resource.row = int(m_nodes.at(size_t(accountNode)).children.size());
                m_nodes.at(size_t(accountNode)).children.append(resourceNode);
            }
            const int metricNode = int(m_nodes.size());
            Node &leaf = m_nodes.emplace_back();
            leaf.kind = Kind::Metric;
            leaf.parent = resourceNode;
            leaf.account = a;
            leaf.name = metric.displayName;
            leaf.details = metricDetails(metric);
            leaf.metric = metric;
            leaf.row = int(m_nodes.at(size_t(resourceNode)).children.size());
            m_nodes.at(size_t(resourceNode)).children.append(metricNode);
        }
        Node &filled = m_nodes.at(size_t(accountNode));
        filled.details = filled.children.isEmpty()
                             ? tr("No metrics found")
                             : countText(int(filled.children.size()), Counted::Resources);
        for (int child : std::as_const(filled.children)) {
            Node &resource = m_nodes.at(size_t(child));
            resource.details = countText(int(resource.children.size()), Counted::Metrics);
        }
    }
}

const MetricBrowserModel::Node *MetricBrowserModel::nodeOf(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this || index.internalId() >= m_nodes.size())
        return nullptr;
    return &m_nodes.at(size_t(index.internalId()));
}

MetricBrowserModel::Kind MetricBrowserModel::kindAt(const QModelIndex &index) const {
    const Node *node = nodeOf(index);
    return node ? node->kind : Kind::Account;
}

std::optional<BrowsableMetric> MetricBrowserModel::metricAt(const QModelIndex &index) const {
    const Node *node = nodeOf(index);
    return node ? node->metric : std::nullopt;
}

std::optional<SessionAccount> MetricBrowserModel::accountAt(const QModelIndex &index) const {
    const Node *node = nodeOf(index);
    if (!node)
        return std::nullopt;
    return m_accounts.at(node->account).account;
}

QSortFilterProxyModel *MetricBrowserModel::createFilterModel(MetricBrowserModel *source, QObject *parent) {
    auto *filter = new QSortFilterProxyModel(parent);
    filter->setSourceModel(source);
    filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    filter->setFilterKeyColumn(-1); // name or details: "AWS/SageMaker" finds a namespace
    filter->setRecursiveFilteringEnabled(true);
    filter->setAutoAcceptChildRows(true);
    return filter;
}

QModelIndex MetricBrowserModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> *siblings = &m_roots;
    if (parent.isValid()) {
        const Node *node = nodeOf(parent);
        if (!node || parent.column() != 0)
            return {};
        siblings = &node->children;
    }
    if (row >= siblings->size())
        return {};
    return createIndex(row, column, quintptr(siblings->at(row)));
}

QModelIndex MetricBrowserModel::parent(const QModelIndex &child) const {
    const Node *node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_nodes.at(size_t(node->parent)).row, 0, quintptr(node->parent));
}

int MetricBrowserModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int MetricBrowserModel::columnCount(const QModelIndex &parent) const {
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant MetricBrowserModel::data(const QModelIndex &index, int role) const {
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case DetailsColumn:
            return node->details;
        default:
            return node->chartedOn;
        }
    case Qt::ToolTipRole:
        if (node->metric && !node->metric->query.resource.isEmpty())
            return tr("%1\n%2\nResource: %3").arg(node->name, node->details, node->metric->query.resource);
        return node->details.isEmpty() ? node->name : node->name + QLatin1Char('\n') + node->details;
    case KindRole:
        return int(node->kind);
    default:
        return {};
    }
}

QVariant MetricBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailsColumn:
        return tr("Details");
    case ChartedColumn:
        return tr("Charted on");
    default:
        return {};
    }
}

Qt::ItemFlags MetricBrowserModel::flags(const QModelIndex &index) const {
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    if (!m_accounts.at(node->account).listed)
        return Qt::NoItemFlags; // shown greyed out: nothing in it can be charted
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->kind == Kind::Metric)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

} // namespace mlwatch
