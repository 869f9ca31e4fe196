#include "core/providers/aws/aws_credentials.h"

namespace mlwatch::aws {

QUrl AwsEndpointConfig::resolvedEndpoint() const {
    if (!endpoint.isEmpty())
        return endpoint;
    // Without a region there is no regional endpoint; the credential chain refuses to produce
    // such a config, so an empty URL here means a caller skipped it (and the request fails loudly).
    if (region.isEmpty())
        return {};
    // The China partition (cn-north-1, cn-northwest-1) has its own DNS suffix.
    const QString suffix = region.startsWith(QLatin1String("cn-")) ? QStringLiteral("amazonaws.com.cn")
                                                                   : QStringLiteral("amazonaws.com");
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("monitoring.") + region + QLatin1Char('.') + suffix);
    url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace mlwatch::aws
