#include "gui/refresh_interval_selector.h"

namespace mlwatch {

RefreshIntervalSelector::RefreshIntervalSelector(QWidget *parent)
    : DurationChoiceBox(tr("Auto-refresh interval"),
                        tr("How often every chart is refreshed by itself. CloudWatch bills each metric of "
                           "each refresh; the status bar shows the estimate."),
                        {{tr("Off"), 0},
                         {tr("Every minute"), 60},
                         {tr("Every 5 minutes"), 300},
                         {tr("Every 15 minutes"), 900},
                         {tr("Every hour"), 3600}},
                        parent) {
    selectSeconds(kDefaultIntervalSeconds);
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT intervalSecondsChanged(intervalSeconds()); });
}

int RefreshIntervalSelector::intervalSeconds() const {
    return int(currentSeconds());
}

bool RefreshIntervalSelector::setIntervalSeconds(int seconds) {
    return selectSeconds(seconds);
}

} // namespace mlwatch
