#include "core/providers/gcp/gcp_config.h"

namespace mlwatch::gcp {

QUrl GcpEndpointConfig::resolvedMonitoringEndpoint() const {
    return monitoringEndpoint.isEmpty() ? QUrl(QString::fromLatin1(kDefaultMonitoringEndpoint))
                                        : monitoringEndpoint;
}

QUrl GcpEndpointConfig::aiplatformEndpointFor(const QString &location) const {
    if (!aiplatformEndpoint.isEmpty())
        return aiplatformEndpoint;
    QString host = location.trimmed().toLower();
    host.remove(QLatin1Char(' '));
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host + QStringLiteral("-aiplatform.googleapis.com"));
    return url;
}

} // namespace mlwatch::gcp
