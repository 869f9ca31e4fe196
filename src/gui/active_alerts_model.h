#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace mlwatch {

class AlertEngine;
class Clock;

// The rules that are firing or pending now, one row each, in the engine's rule order (a view
// may sort through a proxy: SortRole gives raw values). Follows the engine incrementally: a rule
// that starts pending or firing is inserted, one that stops is removed, one that changes level,
// value or marks is updated in place; a new rule set resets the model.
class ActiveAlertsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StateColumn, RuleColumn, ValueColumn, SinceColumn, NoteColumn, ColumnCount };
    enum Role {
        RuleIdRole = Qt::UserRole + 1, // QString: the rule's id, any column
        SortRole,                      // raw value for sorting: severity, name, value, time
    };

    // `engine` and `clock` must outlive the model. The clock decides whether a snooze or silence
    // is still running.
    ActiveAlertsModel(const AlertEngine &engine, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString ruleIdAt(int row) const { return m_ids.value(row); }
    int rowOf(const QString &ruleId) const { return int(m_ids.indexOf(ruleId)); }
    int firingCount() const;

public Q_SLOTS:
    void reload();

private:
    void onStateChanged(const QString &ruleId);
    bool isActive(const QString &ruleId) const;

    const AlertEngine &m_engine;
    const Clock &m_clock;
    QStringList m_ids;           // shown rules, in engine order
    QHash<QString, int> m_order; // rule id → position in the engine's rule list
};

} // namespace mlwatch
