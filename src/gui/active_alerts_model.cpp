#include "gui/active_alerts_model.h"

#include "core/alerts/alert_engine.h"
#include "core/common/clock.h"
#include "gui/alert_texts.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace mlwatch {

namespace {

// Higher is more urgent: what a sort by the state column orders by.
int severity(const AlertState &state) {
    const int level = state.level == AlertLevel::Critical ? 2 : state.level == AlertLevel::Warning ? 1 : 0;
    return (state.isFiring() ? 10 : 0) + level;
}

QColor stateColor(const AlertState &state) {
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    if (state.isFiring() && state.level == AlertLevel::Critical)
        return dark ? QColor(0xFF, 0x6B, 0x6B) : QColor(0xD0, 0x21, 0x21);
    return dark ? QColor(0xFF, 0xC1, 0x4D) : QColor(0xA0, 0x64, 0x00);
}

} // namespace

ActiveAlertsModel::ActiveAlertsModel(const AlertEngine &engine, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_clock(clock) {
    connect(&engine, &AlertEngine::stateChanged, this, &ActiveAlertsModel::onStateChanged);
    connect(&engine, &AlertEngine::rulesChanged, this, &ActiveAlertsModel::reload);
    reload();
}

int ActiveAlertsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ActiveAlertsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int ActiveAlertsModel::firingCount() const {
    return int(std::count_if(m_ids.cbegin(), m_ids.cend(),
                             [this](const QString &id) { return m_engine.status(id).state.isFiring(); }));
}

bool ActiveAlertsModel::isActive(const QString &ruleId) const {
    const AlertStateKind kind = m_engine.status(ruleId).state.kind;
    return m_engine.contains(ruleId) && (kind == AlertStateKind::Firing || kind == AlertStateKind::Pending);
}

void ActiveAlertsModel::reload() {
    beginResetModel();
    m_ids.clear();
    m_order.clear();
    const QList<AlertRule> rules = m_engine.rules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        m_order.insert(rules.at(i).id, int(i));
        if (isActive(rules.at(i).id))
            m_ids.append(rules.at(i).id);
    }
    endResetModel();
}

void ActiveAlertsModel::onStateChanged(const QString &ruleId) {
    const int row = rowOf(ruleId);
    const bool active = m_order.contains(ruleId) && isActive(ruleId);
    if (row >= 0 && active) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_ids.removeAt(row);
        endRemoveRows();
    } else if (active) {
        // Keep the engine's order: insert before the first shown rule that comes later.
        const int order = m_order.value(ruleId);
        const auto at = std::find_if(m_ids.cbegin(), m_ids.cend(),
                                     [&](const QString &id) { return m_order.value(id) > order; });
        const int position = int(at - m_ids.cbegin());
        beginInsertRows({}, position, position);
        m_ids.insert(position, ruleId);
        endInsertRows();
    }
}

QVariant ActiveAlertsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString id = m_ids.at(index.row());
    if (role == RuleIdRole)
        return id;
    const AlertRuleStatus status = m_engine.status(id);
    const std::optional<AlertRule> rule = m_engine.rule(id);
    const QString name = rule && !rule->name.isEmpty() ? rule->name : id;
    const QString unit = rule ? rule->displayUnit().symbol : QString();
    const qint64 now = m_clock.nowMs();

    switch (Column(index.column())) {
    case StateColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return AlertTexts::state(status.state);
        if (role == Qt::ForegroundRole)
            return QBrush(stateColor(status.state));
        if (role == SortRole)
            return severity(status.state);
        break;
    case RuleColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return name;
        if (role == Qt::ToolTipRole)
            return rule ? rule->description : QString();
        break;
    case ValueColumn:
        if (role == Qt::DisplayRole)
            return AlertTexts::value(status.lastValue, unit);
        if (role == SortRole)
            return status.lastValue;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SinceColumn:
        if (role == Qt::DisplayRole)
            return status.sinceMs > 0 ? AlertTexts::localTime(status.sinceMs) : QStringLiteral("—");
        if (role == Qt::ToolTipRole && status.sinceMs > 0)
            return tr("%1, for %2")
                .arg(AlertTexts::localTimeWithZone(status.sinceMs),
                     AlertTexts::duration(now - status.sinceMs));
        if (role == SortRole)
            return status.sinceMs;
        break;
    case NoteColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            QStringList notes;
            if (status.acknowledged)
                notes.append(tr("Acknowledged"));
            if (status.snoozedUntilMs > now)
                notes.append(tr("Snoozed until %1").arg(AlertTexts::localTime(status.snoozedUntilMs)));
            if (status.silencedUntilMs > now)
                notes.append(tr("Silenced until %1").arg(AlertTexts::localTime(status.silencedUntilMs)));
            return notes.join(QStringLiteral(", "));
        }
        break;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ActiveAlertsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case StateColumn:
        return tr("State");
    case RuleColumn:
        return tr("Rule");
    case ValueColumn:
        return tr("Value");
    case SinceColumn:
        return tr("Since (%1)").arg(AlertTexts::zoneNow());
    case NoteColumn:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mlwatch
