#include "gui/alerts_panel.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/common/clock.h"
#include "gui/active_alerts_model.h"
#include "gui/alert_history_model.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlwatch {

namespace {

constexpr qint64 kHourSeconds = 3600;

QString currentRuleId(const QTableView *view) {
    const QModelIndex index = view->currentIndex();
    return index.isValid() ? index.data(ActiveAlertsModel::RuleIdRole).toString() : QString();
}

} // namespace

AlertsPanel::AlertsPanel(AlertEngine &engine, const Clock &clock, QWidget *parent)
    : QDockWidget(tr("Alerts"), parent)
    , m_engine(engine)
    , m_clock(clock) {
    setObjectName(QStringLiteral("alertsPanel"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);

    m_active = new ActiveAlertsModel(engine, clock, this);
    m_history = new AlertHistoryModel(engine, this);
    // Both models give the rule id under the same role, so one helper reads either view.
    static_assert(int(ActiveAlertsModel::RuleIdRole) == int(AlertHistoryModel::RuleIdRole));

    auto *contents = new QWidget(this);
    m_tabs = new QTabWidget(contents);
    m_tabs->setObjectName(QStringLiteral("alertsTabs"));
    m_tabs->setDocumentMode(true);

    m_activeView = makeTable(m_active, ActiveAlertsModel::SortRole, ActiveAlertsModel::StateColumn);
    m_activeView->setObjectName(QStringLiteral("activeAlertsView"));
    m_activeView->setAccessibleName(tr("Alerts firing or pending now"));
    m_activeView->sortByColumn(ActiveAlertsModel::StateColumn, Qt::DescendingOrder);
    m_tabs->addTab(m_activeView, QString());

    auto *historyPage = new QWidget(m_tabs);
    m_historyView = makeTable(m_history, AlertHistoryModel::SortRole, AlertHistoryModel::TimeColumn);
    m_historyView->setObjectName(QStringLiteral("alertHistoryView"));
    m_historyView->setAccessibleName(tr("History of alert transitions"));
    m_historyView->sortByColumn(AlertHistoryModel::TimeColumn, Qt::DescendingOrder);
    m_export = new QPushButton(tr("&Export CSV…"), historyPage);
    m_export->setObjectName(QStringLiteral("exportHistoryButton"));
    m_export->setToolTip(tr("Save every transition as CSV (times in UTC)"));
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyView);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(m_export);
    historyLayout->addLayout(exportRow);
    m_tabs->addTab(historyPage, QString());

    m_acknowledge = new QPushButton(tr("&Acknowledge"), contents);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeButton"));
    m_acknowledge->setToolTip(tr("Someone is on it: no reminders until the rule stops firing"));
    m_snooze = new QPushButton(tr("&Snooze 1 h"), contents);
    m_snooze->setObjectName(QStringLiteral("snoozeButton"));
    m_snooze->setToolTip(tr("No notifications for this rule for an hour; then a reminder if it still fires"));
    m_silence = new QToolButton(contents);
    m_silence->setObjectName(QStringLiteral("silenceButton"));
    m_silence->setText(tr("S&ilence for…"));
    m_silence->setToolTip(
        tr("Maintenance: no notifications for this rule for a while (it is still evaluated)"));
    m_silence->setPopupMode(QToolButton::InstantPopup);
    auto *silenceMenu = new QMenu(m_silence);
    const std::pair<qint64, QString> durations[] = {
        {kHourSeconds, tr("1 hour")},
        {4 * kHourSeconds, tr("4 hours")},
        {24 * kHourSeconds, tr("1 day")},
        {7 * 24 * kHourSeconds, tr("1 week")},
    };
    for (const auto &[seconds, text] : durations) {
        QAction *action = silenceMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, s = seconds] { silenceSelected(s); });
    }
    silenceMenu->addSeparator();
    connect(silenceMenu->addAction(tr("End silence")), &QAction::triggered, this,
            [this] { silenceSelected(0); });
    m_silence->setMenu(silenceMenu);
    m_edit = new QPushButton(tr("&Edit rule…"), contents);
    m_edit->setObjectName(QStringLiteral("editRuleButton"));
    m_delete = new QPushButton(tr("&Delete rule…"), contents);
    m_delete->setObjectName(QStringLiteral("deleteRuleButton"));
    m_delete->setToolTip(tr("Stop evaluating this rule and remove it (its history stays)"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_acknowledge);
    actions->addWidget(m_snooze);
    actions->addWidget(m_silence);
    actions->addStretch(1);
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);

    auto *layout = new QVBoxLayout(contents);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(actions);
    setWidget(contents);

    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(m_snooze, &QPushButton::clicked, this, [this] { snoozeSelected(); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedRuleId(); !id.isEmpty())
            Q_EMIT editRuleRequested(id);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { (void)deleteSelected(); });
    connect(m_export, &QPushButton::clicked, this, &AlertsPanel::exportHistoryInteractively);
    connect(m_tabs, &QTabWidget::currentChanged, this, &AlertsPanel::updateActions);
    for (QTableView *view : {m_activeView, m_historyView}) {
        connect(view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
            const QString id = index.data(ActiveAlertsModel::RuleIdRole).toString();
            if (!id.isEmpty())
                Q_EMIT ruleActivated(id);
        });
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &AlertsPanel::updateActions);
        connect(view->model(), &QAbstractItemModel::modelReset, this, &AlertsPanel::updateActions);
        connect(view->model(), &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateActions);
    }
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_active), static_cast<QAbstractItemModel *>(m_history)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::updateTitles);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateTitles);
        connect(model, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateTitles);
        connect(model, &QAbstractItemModel::dataChanged, this,
                &AlertsPanel::updateTitles); // pending → firing
    }
    updateTitles();
    updateActions();
}

QTableView *AlertsPanel::makeTable(QAbstractItemModel *model, int sortRole, int sortColumn) {
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setDynamicSortFilter(true);
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(sortColumn, Qt::DescendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QString AlertsPanel::selectedRuleId() const {
    return currentRuleId(m_tabs->currentIndex() == 0 ? m_activeView : m_historyView);
}

bool AlertsPanel::selectRule(const QString &ruleId) {
    const int row = m_active->rowOf(ruleId);
    if (row < 0)
        return false;
    m_tabs->setCurrentIndex(0);
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_activeView->model());
    const QModelIndex index = proxy->mapFromSource(m_active->index(row, 0));
    m_activeView->setCurrentIndex(index);
    m_activeView->scrollTo(index);
    return true;
}

void AlertsPanel::acknowledgeSelected() {
    if (const QString id = selectedRuleId(); !id.isEmpty())
        m_engine.acknowledge(id);
}

void AlertsPanel::snoozeSelected(qint64 seconds) {
    if (const QString id = selectedRuleId(); !id.isEmpty())
        m_engine.snooze(id, m_clock.nowMs() + seconds * 1000);
}

void AlertsPanel::silenceSelected(qint64 seconds) {
    if (const QString id = selectedRuleId(); !id.isEmpty())
        m_engine.silence(id, seconds > 0 ? m_clock.nowMs() + seconds * 1000 : 0);
}

QMessageBox *AlertsPanel::deleteSelected() {
    const QString id = selectedRuleId();
    const std::optional<AlertRule> rule = m_engine.rule(id);
    if (!rule)
        return nullptr;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete alert rule"),
                        tr("Delete the alert rule \"%1\"?").arg(rule->name.isEmpty() ? id : rule->name),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteRuleConfirmation"));
    box->setInformativeText(
        tr("It is no longer evaluated and notifies no one. Its past transitions stay in the history."));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel); // a stray Enter keeps the rule
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, confirm](QAbstractButton *button) {
        if (button == confirm)
            Q_EMIT deleteRuleRequested(id);
    });
    box->open(); // window-modal, without a nested event loop
    return box;
}

Result<void> AlertsPanel::exportHistory(const QString &path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    if (Result<void> written = AlertHistory::exportCsv(file, m_history->transitions()); !written) {
        file.cancelWriting();
        return written.error();
    }
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    return {};
}

void AlertsPanel::exportHistoryInteractively() {
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                          QStringLiteral("/mlwatch-alert-history.csv");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export alert history"), start, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<void> done = exportHistory(path); !done)
        QMessageBox::warning(this, tr("Export alert history"), done.error().message);
}

void AlertsPanel::updateActions() {
    const QString id = selectedRuleId();
    const bool known = !id.isEmpty() && m_engine.contains(id);
    m_acknowledge->setEnabled(known && m_engine.status(id).state.isFiring() &&
                              !m_engine.status(id).acknowledged);
    m_snooze->setEnabled(known);
    m_silence->setEnabled(known);
    m_edit->setEnabled(known);
    m_delete->setEnabled(known);
    m_export->setEnabled(m_history->rowCount() > 0);
}

void AlertsPanel::updateTitles() {
    const int firing = m_active->firingCount();
    const int pending = m_active->rowCount() - firing;
    m_tabs->setTabText(
        0, tr("Now: %1 firing, %2 pending").arg(QLocale().toString(firing), QLocale().toString(pending)));
    m_tabs->setTabText(1, tr("History (%1)").arg(QLocale().toString(m_history->rowCount())));
    setWindowTitle(firing > 0 ? tr("Alerts (%1 firing)").arg(QLocale().toString(firing)) : tr("Alerts"));
    updateActions();
}

} // namespace mlwatch
