#include "gui/metric_browser_dialog.h"

#include "core/catalog/custom_chart.h"
#include "core/session/monitor_session.h"
#include "gui/metric_browser_model.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace mlwatch {

MetricBrowserDialog::MetricBrowserDialog(MonitorSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session) {
    setWindowTitle(tr("Metric browser"));
    setObjectName(QStringLiteral("metricBrowserDialog"));
    setModal(false);

    m_model = new MetricBrowserModel(this);
    m_filter = MetricBrowserModel::createFilterModel(m_model, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("metricSearch"));
    m_search->setPlaceholderText(tr("Metric, resource, namespace or dimension"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search metrics"));
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("metricTree"));
    m_tree->setAccessibleName(tr("Discovered metrics"));
    m_tree->setAccessibleDescription(tr(
        "Accounts, their resources and the metrics each offers; Enter adds the current metric as a chart"));
    m_tree->setModel(m_filter);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(MetricBrowserModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(MetricBrowserModel::NameColumn, 300);
    m_tree->header()->resizeSection(MetricBrowserModel::DetailsColumn, 300);

    m_statistics = new QComboBox(this);
    m_statistics->setObjectName(QStringLiteral("statisticCombo"));
    m_statistics->setAccessibleName(tr("Statistic"));
    m_statistics->setToolTip(
        tr("How the datapoints of each period are summarised; the first is the metric's usual one"));
    auto *statisticLabel = new QLabel(tr("S&tatistic:"), this);
    statisticLabel->setBuddy(m_statistics);

    m_stages = new QComboBox(this);
    m_stages->setObjectName(QStringLiteral("stageCombo"));
    m_stages->setAccessibleName(tr("Add to tab"));
    for (Stage s : allStages())
        m_stages->addItem(stageTitle(s), int(s));
    auto *stageLabel = new QLabel(tr("Add to ta&b:"), this);
    stageLabel->setBuddy(m_stages);

    m_add = new QPushButton(tr("&Add chart"), this);
    m_add->setObjectName(QStringLiteral("addChartButton"));
    m_add->setAccessibleName(tr("Add chart"));
    m_add->setToolTip(tr("Add the selected metric as a chart to the chosen tab"));
    // Enter belongs to the tree and the search field (they add the metric themselves): no button
    // may take it as the dialog's default, or one Enter would add twice or close the browser.
    m_add->setAutoDefault(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("browserStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QAbstractButton *button : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(statisticLabel);
    addRow->addWidget(m_statistics);
    addRow->addWidget(stageLabel);
    addRow->addWidget(m_stages);
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    addRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    layout->addLayout(addRow);
    resize(760, 520);

    connect(m_search, &QLineEdit::textChanged, this, &MetricBrowserDialog::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { (void)addCurrent(); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->kindAt(m_filter->mapToSource(index)) == MetricBrowserModel::Kind::Metric)
            (void)addCurrent();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MetricBrowserDialog::updateAddButton);
    connect(m_add, &QPushButton::clicked, this, [this] { (void)addCurrent(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        applyFilter(m_search->text());
        updateAddButton();
    });
    connect(&session, &MonitorSession::chartsReady, this, &MetricBrowserDialog::refresh);
    connect(&session, &MonitorSession::discoveryFailed, this, &MetricBrowserDialog::refresh);

    refresh();
    updateAddButton();
    m_search->setFocus();
}

MetricBrowserDialog::~MetricBrowserDialog() = default;

void MetricBrowserDialog::setStage(Stage stage) {
    m_stages->setCurrentIndex(m_stages->findData(int(stage)));
}

Stage MetricBrowserDialog::stage() const {
    return Stage(m_stages->currentData().toInt());
}

void MetricBrowserDialog::refresh() {
    m_model->setAccounts(m_session.discovered());
    m_model->setCharts(m_session.charts());
    if (m_model->rowCount() == 0)
        m_status->setText(tr("No account has been listed yet: metrics appear here once discovery answers."));
}

void MetricBrowserDialog::applyFilter(const QString &text) {
    m_filter->setFilterFixedString(text.trimmed());
    if (text.trimmed().isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(0); // accounts open, resources closed: large accounts stay readable
    } else {
        m_tree->expandAll(); // every match in view
    }
}

void MetricBrowserDialog::updateAddButton() {
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    const std::optional<BrowsableMetric> metric = m_model->metricAt(current);
    const std::optional<SessionAccount> account = m_model->accountAt(current);
    m_add->setEnabled(metric.has_value());
    m_statistics->clear();
    if (metric && account)
        m_statistics->addItems(statisticsFor(account->kind, *metric));
    m_statistics->setEnabled(m_statistics->count() > 1);
}

QString MetricBrowserDialog::addCurrent() {
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    const std::optional<BrowsableMetric> metric = m_model->metricAt(current);
    const std::optional<SessionAccount> account = m_model->accountAt(current);
    if (!metric || !account) {
        m_status->setText(tr("Choose a metric in the list first."));
        return {};
    }
    const Stage target = stage();
    const ChartSpec chart =
        customChart(*metric, target, account->kind, account->id, account->label, m_statistics->currentText());
    QList<ChartSpec> charts = m_session.charts();
    const bool present = std::any_of(charts.cbegin(), charts.cend(),
                                     [&chart](const ChartSpec &c) { return c.id == chart.id; });
    if (present) {
        m_status->setText(tr("“%1” is on the %2 tab already.").arg(chart.title, stageTitle(target)));
    } else {
        charts.append(chart);
        m_session.setCharts(charts); // rebuilds the tabs and fetches the new series
        m_status->setText(tr("Added “%1” to the %2 tab.").arg(chart.title, stageTitle(target)));
    }
    Q_EMIT chartAdded(chart.id, target);
    return chart.id;
}

} // namespace mlwatch
