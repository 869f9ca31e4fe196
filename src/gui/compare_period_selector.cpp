#include "gui/compare_period_selector.h"

#include "core/model/compare_offset.h"

namespace mlwatch {

ComparePeriodSelector::ComparePeriodSelector(QWidget *parent)
    : QComboBox(parent) {
    setAccessibleName(tr("Compare with previous period"));
    setToolTip(tr("Overlay the same time range a day or a week earlier on every chart"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("No comparison"), qint64(0));
    addItem(tr("1 day earlier"), CompareOffset::kDaySeconds);
    addItem(tr("1 week earlier"), CompareOffset::kWeekSeconds);
    setCurrentIndex(0);
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT offsetSecondsChanged(offsetSeconds()); });
}

qint64 ComparePeriodSelector::offsetSeconds() const {
    return currentData().toLongLong();
}

bool ComparePeriodSelector::setOffsetSeconds(qint64 seconds) {
    const int index = findData(seconds);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace mlwatch
