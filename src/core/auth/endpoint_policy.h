#pragma once

#include "core/auth/account.h"
#include "core/common/result.h"

#include <QSet>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace mlwatch {

// Where credentials may be sent. Workspace files are shared between people, so an endpoint that
// arrives in one must not be able to send this machine's credentials to a stranger's host:
// an endpoint (metrics endpoint, Azure authority host, Google token_uri) is allowed when it is
//   - https on the cloud's own domains: AWS *.amazonaws.com, *.amazonaws.com.cn, *.api.aws;
//     Azure *.azure.com, *.microsoftonline.com, *.azure.us, *.usgovcloudapi.net,
//     *.chinacloudapi.cn, *.microsoftonline.us, *.partner.microsoftonline.cn;
//     Google *.googleapis.com, oauth2.googleapis.com, accounts.google.com; or
//   - http or https on a loopback address (127.0.0.0/8, ::1, "localhost"); or
//   - a host the person confirmed on this machine (trusted hosts, kept in the settings: host
//     names are not secrets), over https (http only on loopback, see HttpClient).
// Anything else is refused with ErrorCode::BadArgument naming the account, the host and the
// remedy ("mlwatch-cli accounts trust-host HOST", or confirm it in Accounts…), before any
// connection is made.
class EndpointPolicy {
public:
    EndpointPolicy() = default;
    explicit EndpointPolicy(QSet<QString> trustedHosts)
        : m_trustedHosts(std::move(trustedHosts)) {}

    // The settings key of the confirmed hosts (a sorted string list).
    static constexpr char kTrustedHostsKey[] = "security/trustedEndpointHosts";
    static EndpointPolicy fromSettings(const QSettings &settings);
    void saveTo(QSettings &settings) const;

    // Lower-cased host names the person confirmed.
    QSet<QString> trustedHosts() const { return m_trustedHosts; }
    void trust(const QString &host) { m_trustedHosts.insert(host.toLower()); }

    // `what` names the endpoint for the message ("endpoint", "authority host", "token_uri").
    Result<void> check(const QUrl &url, AccountKind kind, const QString &accountId,
                       const QString &what) const;
    // Checks every endpoint an account names (endpointUrl, authorityHost, tokenUri).
    Result<void> checkAccount(const Account &account) const;

    static bool isLoopback(const QUrl &url);
    static bool isCloudDomain(const QString &host, AccountKind kind);

private:
    QSet<QString> m_trustedHosts;
};

} // namespace mlwatch
