#pragma once

#include "core/alerts/alert_evaluator.h"

#include <QAbstractTableModel>
#include <QList>

namespace mlwatch {

class AlertEngine;

// The history of alert transitions, newest first: what the engine's history held when the model
// was built (or reload()ed) plus every transition the engine reports after that. Rule names and
// units are looked up in the engine; a rule that has since been removed shows its id.
class AlertHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, RuleColumn, FromColumn, ToColumn, ValueColumn, ColumnCount };
    enum Role {
        RuleIdRole = Qt::UserRole + 1, // QString
        SortRole,                      // raw value: time ms, name, severity, value
    };

    // `engine` must outlive the model.
    explicit AlertHistoryModel(const AlertEngine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Oldest first, as AlertHistory::exportCsv wants them.
    const QList<AlertTransition> &transitions() const { return m_transitions; }
    AlertTransition transitionAt(int row) const;

public Q_SLOTS:
    void reload();

private:
    void append(const mlwatch::AlertTransition &transition);

    const AlertEngine &m_engine;
    QList<AlertTransition> m_transitions; // oldest first; row r shows m_transitions[size-1-r]
};

} // namespace mlwatch
