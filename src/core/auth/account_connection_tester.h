#pragma once

#include "core/auth/account.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace mlwatch {

class Clock;
class EndpointPolicy;
class HttpClient;

// What "Test connection" found, in words a person can act on.
struct ConnectionReport {
    bool signedIn = false;       // the cloud accepted the credentials
    bool canReadMetrics = false; // the cheap metrics read call succeeded
    QString summary;             // translated one-liner, e.g. "Signed in, but not allowed to call
                                 // cloudwatch:GetMetricData in eu-west-1."
    QStringList details;         // translated, one line per check (region, subscription, project)
    bool ok() const { return signedIn && canReadMetrics; }
};

// Runs one cheap read call per account to say plainly what works and what is missing:
//   AWS    one GetMetricData call (one query, last 5 minutes) per region, signed with the secret;
//          AccessDenied → "not allowed to call cloudwatch:GetMetricData in REGION",
//          InvalidClientTokenId / SignatureDoesNotMatch / ExpiredToken → not signed in, with why;
//   Azure  an Entra ID token, then GET {ARM}/subscriptions/{id}?api-version=2022-12-01 per
//          subscription (403 → "signed in, but not allowed to read subscription …");
//   Google a token, then GET {Monitoring}/v3/projects/{p}/metricDescriptors?pageSize=1 per project.
// The account's endpoints are checked with `policy` first; a refused endpoint makes no connection.
// The secret is used for the call and then dropped.
class AccountConnectionTester : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(ConnectionReport)>;

    AccountConnectionTester(HttpClient &http, const Clock &clock, QObject *parent = nullptr);
    ~AccountConnectionTester() override;

    void test(const Account &account, const AccountSecret &secret, const EndpointPolicy &policy, Done done);
    // Waits in a local event loop (CLI).
    ConnectionReport testAndWait(const Account &account, const AccountSecret &secret,
                                 const EndpointPolicy &policy);

private:
    HttpClient &m_http;
    const Clock &m_clock;
};

} // namespace mlwatch
