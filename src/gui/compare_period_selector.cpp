#include "gui/compare_period_selector.h"

#include "core/model/compare_offset.h"

namespace mlwatch {

ComparePeriodSelector::ComparePeriodSelector(QWidget *parent)
    : DurationChoiceBox(tr("Compare with previous period"),
                        tr("Overlay the same time range a day or a week earlier on every chart"),
                        {{tr("No comparison"), 0},
                         {tr("1 day earlier"), CompareOffset::kDaySeconds},
                         {tr("1 week earlier"), CompareOffset::kWeekSeconds}},
                        parent) {
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT offsetSecondsChanged(offsetSeconds()); });
}

qint64 ComparePeriodSelector::offsetSeconds() const {
    return currentSeconds();
}

bool ComparePeriodSelector::setOffsetSeconds(qint64 seconds) {
    return selectSeconds(seconds);
}

} // namespace mlwatch
