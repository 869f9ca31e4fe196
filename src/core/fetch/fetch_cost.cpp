#include "core/fetch/fetch_cost.h"

namespace mlwatch {

double cloudWatchUsdPerHour(int metricsPerRefresh, int refreshIntervalSeconds) {
    if (refreshIntervalSeconds <= 0 || metricsPerRefresh <= 0)
        return 0.0;
    const double refreshesPerHour = 3600.0 / double(refreshIntervalSeconds);
    return double(metricsPerRefresh) * refreshesPerHour * kCloudWatchUsdPerMetric;
}

} // namespace mlwatch
