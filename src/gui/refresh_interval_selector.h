#pragma once

#include "gui/duration_choice_box.h"

namespace mlwatch {

// The toolbar's auto-refresh interval: Off, 1 min, 5 min, 15 min, 1 h. CloudWatch bills every
// metric of every refresh, so the choice is explicit and remembered (SettingsKeys::kAutoRefreshSeconds).
// Emits intervalSecondsChanged only when the choice changes (0 = off).
class RefreshIntervalSelector : public DurationChoiceBox {
    Q_OBJECT
public:
    explicit RefreshIntervalSelector(QWidget *parent = nullptr);

    int intervalSeconds() const;
    // Selects the choice with exactly this interval; other values are ignored (returns false).
    bool setIntervalSeconds(int seconds);

    static constexpr int kDefaultIntervalSeconds = 300;

Q_SIGNALS:
    void intervalSecondsChanged(int seconds);
};

} // namespace mlwatch
