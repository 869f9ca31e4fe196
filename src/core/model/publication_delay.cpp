#include "core/model/publication_delay.h"

#include <algorithm>

namespace mlwatch {

namespace {
constexpr int kAwsLatencyS = 60;
constexpr int kAzureLatencyS = 240;
constexpr int kGcpLatencyS = 300;
constexpr int kDefaultPeriodS = 60;
} // namespace

int PublicationDelay::ingestLatencySeconds(const QString &cloud) {
    if (cloud.isEmpty() || cloud == QLatin1String("aws"))
        return kAwsLatencyS;
    if (cloud == QLatin1String("azure"))
        return kAzureLatencyS;
    if (cloud == QLatin1String("gcp"))
        return kGcpLatencyS;
    return std::max({kAwsLatencyS, kAzureLatencyS, kGcpLatencyS});
}

int PublicationDelay::seconds(const QString &cloud, int periodSeconds) {
    return (periodSeconds > 0 ? periodSeconds : kDefaultPeriodS) + ingestLatencySeconds(cloud);
}

QString PublicationDelay::serviceName(const QString &cloud) {
    if (cloud.isEmpty() || cloud == QLatin1String("aws"))
        return QStringLiteral("CloudWatch");
    if (cloud == QLatin1String("azure"))
        return QStringLiteral("Azure Monitor");
    if (cloud == QLatin1String("gcp"))
        return QStringLiteral("Cloud Monitoring");
    return cloud;
}

} // namespace mlwatch
