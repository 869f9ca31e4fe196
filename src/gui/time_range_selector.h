#pragma once

#include <QComboBox>
#include <QList>

class QAction;

namespace mlwatch {

// "Last 1 hour / 6 hours / 24 hours / 7 days / 30 days". A combo box for the toolbar plus one
// checkable action per choice (Ctrl+1 … Ctrl+5) for the View menu; both stay in sync. Emits
// windowSecondsChanged only when the user (or setWindowSeconds) picks another window.
class TimeRangeSelector : public QComboBox {
    Q_OBJECT
public:
    explicit TimeRangeSelector(QWidget *parent = nullptr);

    qint64 windowSeconds() const;
    // Selects the choice with exactly this window; other values are ignored (returns false).
    bool setWindowSeconds(qint64 seconds);

    // The checkable actions, in order, with their shortcuts: add them to a menu of the window.
    QList<QAction *> choiceActions() const { return m_actions; }

    static constexpr qint64 kDefaultWindowSeconds = 24 * 3600;

Q_SIGNALS:
    void windowSecondsChanged(qint64 seconds);

private:
    void onIndexChanged(int index);

    QList<QAction *> m_actions;
};

} // namespace mlwatch
