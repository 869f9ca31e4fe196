#pragma once

#include "core/model/time_range.h"

#include <QComboBox>
#include <QList>

class QAction;

namespace mlwatch {

// "Last 1 hour / 6 hours / 24 hours / 7 days / 30 days" and "Custom range…". A combo box for the
// toolbar plus one checkable action per preset (Ctrl+1 … Ctrl+5) and a "Custom range…" action
// (Ctrl+6) for the View menu; both stay in sync. Emits windowSecondsChanged only when the user
// (or setWindowSeconds) picks another preset, and customRangeRequested when "Custom range…" is
// chosen (again): the window asks for a range and answers with setCustomRange() or
// cancelCustomRange().
class TimeRangeSelector : public QComboBox {
    Q_OBJECT
public:
    explicit TimeRangeSelector(QWidget *parent = nullptr);

    // The preset shown, or the last preset chosen while a custom range is shown.
    qint64 windowSeconds() const;
    // Selects the choice with exactly this window; other values are ignored (returns false).
    bool setWindowSeconds(qint64 seconds);

    // The checkable actions, in order, with their shortcuts: add them to a menu of the window.
    QList<QAction *> choiceActions() const { return m_actions; }
    QAction *customRangeAction() const { return m_customAction; }

    // Shows `range` (UTC) as the current choice, "10 Nov 09:00 – 11 Nov 09:00 (CET)"; no signal.
    void setCustomRange(const TimeRange &range);
    // The custom range was not chosen after all: back to the previous choice, no signal.
    void cancelCustomRange();
    bool isCustom() const;
    TimeRange customRange() const { return m_customRange; }

    static constexpr qint64 kDefaultWindowSeconds = 24 * 3600;

Q_SIGNALS:
    void windowSecondsChanged(qint64 seconds);
    void customRangeRequested();

private:
    void onIndexChanged(int index);

    void selectSilently(int index);

    QList<QAction *> m_actions;
    QAction *m_customAction = nullptr;
    int m_customIndex = -1;
    int m_lastPresetIndex = 0;
    TimeRange m_customRange; // valid while shown
};

} // namespace mlwatch
