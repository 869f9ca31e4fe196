#include "core/providers/azure/azure_config.h"

namespace mlwatch::azure {

QUrl AzureEndpointConfig::resolvedArmEndpoint() const {
    return armEndpoint.isEmpty() ? QUrl(QString::fromLatin1(kDefaultArmEndpoint)) : armEndpoint;
}

QUrl AzureEndpointConfig::batchEndpointFor(const QString &region) const {
    if (!batchEndpoint.isEmpty())
        return batchEndpoint;
    // ARM locations are lower-case without spaces ("westeurope"); display names are not.
    QString host = region.toLower();
    host.remove(QLatin1Char(' '));
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host + QStringLiteral(".metrics.monitor.azure.com"));
    return url;
}

} // namespace mlwatch::azure
