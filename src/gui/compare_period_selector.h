#pragma once

#include "gui/duration_choice_box.h"

namespace mlwatch {

// The toolbar's "Compare with previous period": Off, 1 day earlier, 1 week earlier. Each chart
// then overlays the same window that much earlier (see CompareOffset). Emits
// offsetSecondsChanged only when the choice changes (0 = off).
class ComparePeriodSelector : public DurationChoiceBox {
    Q_OBJECT
public:
    explicit ComparePeriodSelector(QWidget *parent = nullptr);

    qint64 offsetSeconds() const;
    // Selects the choice with exactly this offset; other values are ignored (returns false).
    bool setOffsetSeconds(qint64 seconds);

Q_SIGNALS:
    void offsetSecondsChanged(qint64 seconds);
};

} // namespace mlwatch
