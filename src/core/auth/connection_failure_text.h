#pragma once

#include "core/net/http_types.h"

#include <QString>

namespace mlwatch {

// One line of a "Test connection" report (see ConnectionReport): one region, subscription or
// project, or the sign-in itself.
struct ConnectionCheckLine {
    bool signedIn = false; // the cloud accepted the credentials
    bool canRead = false;  // the cheap read call succeeded
    QString line;          // translated, for people
};

// The words for a failed test call, per cloud: what works, what is missing and what to do.
// Pure functions of the cloud's answer (no secret goes in, so none can come out); the strings
// live in AccountConnectionTester's translation context.
class ConnectionFailureText {
public:
    // A non-2xx GetMetricData answer in `region`. `accessKeyHint` is "AKIA…WXYZ".
    static ConnectionCheckLine aws(const QString &region, const QString &accessKeyHint,
                                   const HttpResponse &response);
    // A non-2xx answer to ARM's GET subscriptions/{id}.
    static ConnectionCheckLine azureSubscription(const QString &subscription, const QString &tenant,
                                                 const HttpResponse &response);
    // A non-2xx answer to Cloud Monitoring's metricDescriptors.list.
    static ConnectionCheckLine googleProject(const QString &project, const HttpResponse &response);
};

} // namespace mlwatch
