#pragma once

#include "core/common/result.h"

#include <QDockWidget>

class QAbstractItemModel;
class QAction;
class QMessageBox;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;

namespace mlwatch {

class ActiveAlertsModel;
class AlertEngine;
class AlertHistoryModel;
class Clock;

// The alerts dock: what is firing or pending now, the history of transitions (exportable as
// CSV), and the marks people set on a rule — acknowledge, snooze for an hour, silence for a
// while. Marks go straight to the engine (they change no evaluation, only what notifiers do);
// everything else is an intent: double-clicking a row asks to show the rule's chart, "Edit rule…"
// asks to open the rule dialog, "Delete rule…" asks for confirmation and then asks the owner of
// the rules to delete it (the panel never removes a rule itself: the owner also records it).
class AlertsPanel : public QDockWidget {
    Q_OBJECT
public:
    static constexpr qint64 kSnoozeSeconds = 3600;

    // `engine` and `clock` must outlive the panel.
    AlertsPanel(AlertEngine &engine, const Clock &clock, QWidget *parent = nullptr);

    ActiveAlertsModel *activeModel() const { return m_active; }
    AlertHistoryModel *historyModel() const { return m_history; }

    // The rule of the current row of the page shown ("" when none).
    QString selectedRuleId() const;
    // Shows the "now" page with the rule's row current (false when it is not firing or pending).
    bool selectRule(const QString &ruleId);

    void acknowledgeSelected();
    void snoozeSelected(qint64 seconds = kSnoozeSeconds);
    // 0 ends a silence.
    void silenceSelected(qint64 seconds);
    // Asks "Delete the alert rule …?" in a window-modal message box (object name
    // "deleteRuleConfirmation"; returned, nullptr when no rule is selected) and emits
    // deleteRuleRequested when the answer is Delete.
    QMessageBox *deleteSelected();

    // Writes the whole history (oldest first) as CSV, atomically.
    Result<void> exportHistory(const QString &path) const;

Q_SIGNALS:
    void ruleActivated(const QString &ruleId);       // show its chart
    void editRuleRequested(const QString &ruleId);   // open the rule dialog
    void deleteRuleRequested(const QString &ruleId); // confirmed by the person

private:
    QTableView *makeTable(QAbstractItemModel *model, int sortRole, int sortColumn);
    void updateActions();
    void updateTitles();
    void exportHistoryInteractively();

    AlertEngine &m_engine;
    const Clock &m_clock;
    ActiveAlertsModel *m_active = nullptr;
    AlertHistoryModel *m_history = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_activeView = nullptr;
    QTableView *m_historyView = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_snooze = nullptr;
    QToolButton *m_silence = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace mlwatch
