#include "gui/alert_history_model.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "gui/alert_texts.h"

namespace mlwatch {

AlertHistoryModel::AlertHistoryModel(const AlertEngine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine) {
    connect(&engine, &AlertEngine::transitionOccurred, this, &AlertHistoryModel::append);
    // Names and units of rules shown in the table may change with the rule set.
    connect(&engine, &AlertEngine::rulesChanged, this, [this] {
        if (!m_transitions.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
    reload();
}

void AlertHistoryModel::reload() {
    beginResetModel();
    m_transitions = m_engine.history() ? m_engine.history()->transitions() : QList<AlertTransition>();
    endResetModel();
}

void AlertHistoryModel::append(const AlertTransition &transition) {
    // Newest first: a new transition is row 0. Bounded like the history's own memory.
    if (m_transitions.size() >= AlertHistory::kMaxInMemory) {
        const int last = rowCount() - 1;
        beginRemoveRows({}, last, last);
        m_transitions.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_transitions.append(transition);
    endInsertRows();
}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_transitions.size());
}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

AlertTransition AlertHistoryModel::transitionAt(int row) const {
    return m_transitions.value(m_transitions.size() - 1 - row);
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertTransition &t = m_transitions.at(m_transitions.size() - 1 - index.row());
    if (role == RuleIdRole)
        return t.ruleId;
    switch (Column(index.column())) {
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return AlertTexts::localTime(t.timeMs);
        if (role == Qt::ToolTipRole)
            return AlertTexts::localTimeWithZone(t.timeMs);
        if (role == SortRole)
            return t.timeMs;
        break;
    case RuleColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            const std::optional<AlertRule> rule = m_engine.rule(t.ruleId);
            return rule && !rule->name.isEmpty() ? rule->name : t.ruleId;
        }
        if (role == Qt::ToolTipRole)
            return t.ruleId;
        break;
    case FromColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return AlertTexts::state(t.from);
        break;
    case ToColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return AlertTexts::state(t.to);
        break;
    case ValueColumn:
        if (role == Qt::DisplayRole) {
            const std::optional<AlertRule> rule = m_engine.rule(t.ruleId);
            return AlertTexts::value(t.value, rule ? rule->displayUnit().symbol : QString());
        }
        if (role == SortRole)
            return t.value;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time (%1)").arg(AlertTexts::zoneNow());
    case RuleColumn:
        return tr("Rule");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case ValueColumn:
        return tr("Value");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mlwatch
