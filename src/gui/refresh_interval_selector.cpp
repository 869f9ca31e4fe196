#include "gui/refresh_interval_selector.h"

namespace mlwatch {

RefreshIntervalSelector::RefreshIntervalSelector(QWidget *parent)
    : QComboBox(parent) {
    setAccessibleName(tr("Auto-refresh interval"));
    setToolTip(tr("How often every chart is refreshed by itself. CloudWatch bills each metric of "
                  "each refresh; the status bar shows the estimate."));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("Off"), 0);
    addItem(tr("Every minute"), 60);
    addItem(tr("Every 5 minutes"), 300);
    addItem(tr("Every 15 minutes"), 900);
    addItem(tr("Every hour"), 3600);
    setCurrentIndex(findData(kDefaultIntervalSeconds));
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT intervalSecondsChanged(intervalSeconds()); });
}

int RefreshIntervalSelector::intervalSeconds() const {
    return currentData().toInt();
}

bool RefreshIntervalSelector::setIntervalSeconds(int seconds) {
    const int index = findData(seconds);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace mlwatch
