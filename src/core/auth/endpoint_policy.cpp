#include "core/auth/endpoint_policy.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

#include <algorithm>

namespace mlwatch {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch", text);
}

// Domains whose every subdomain belongs to the cloud. Matching is on whole labels: "x.amazonaws.com"
// matches "amazonaws.com", "evilamazonaws.com" and "amazonaws.com.evil.example" do not.
const QStringList &cloudSuffixes(AccountKind kind) {
    static const QStringList aws = {QStringLiteral("amazonaws.com"), QStringLiteral("amazonaws.com.cn"),
                                    QStringLiteral("api.aws")};
    static const QStringList azure = {QStringLiteral("azure.com"),
                                      QStringLiteral("microsoftonline.com"),
                                      QStringLiteral("azure.us"),
                                      QStringLiteral("usgovcloudapi.net"),
                                      QStringLiteral("chinacloudapi.cn"),
                                      QStringLiteral("microsoftonline.us"),
                                      QStringLiteral("partner.microsoftonline.cn")};
    static const QStringList google = {QStringLiteral("googleapis.com")};
    switch (kind) {
    case AccountKind::Aws:
        return aws;
    case AccountKind::Azure:
        return azure;
    case AccountKind::Gcp:
        break;
    }
    return google;
}

// The host as the resolver sees it: lower-case ASCII (IDNA "xn--" form, so a look-alike Unicode
// name cannot pass for an ASCII one) with one trailing dot removed ("amazonaws.com." is the same
// fully-qualified name). Empty when there is no host.
QString canonicalHost(const QString &host) {
    QString ascii = QString::fromLatin1(QUrl::toAce(host)).toLower();
    if (ascii.isEmpty()) // toAce refuses some inputs (IPv6 literals); those are compared as given
        ascii = host.toLower();
    if (ascii.endsWith(QLatin1Char('.')))
        ascii.chop(1);
    return ascii;
}

} // namespace

EndpointPolicy EndpointPolicy::fromSettings(const QSettings &settings) {
    QSet<QString> hosts;
    const QStringList stored = settings.value(QLatin1String(kTrustedHostsKey)).toStringList();
    for (const QString &host : stored) {
        if (!host.trimmed().isEmpty())
            hosts.insert(host.trimmed().toLower());
    }
    return EndpointPolicy(hosts);
}

void EndpointPolicy::saveTo(QSettings &settings) const {
    // An empty list is removed rather than written: QSettings' INI format reads an empty list
    // back as one empty string.
    if (m_trustedHosts.isEmpty()) {
        settings.remove(QLatin1String(kTrustedHostsKey));
        return;
    }
    QStringList hosts(m_trustedHosts.cbegin(), m_trustedHosts.cend());
    std::sort(hosts.begin(), hosts.end());
    settings.setValue(QLatin1String(kTrustedHostsKey), hosts);
}

bool EndpointPolicy::isLoopback(const QUrl &url) {
    const QString host = url.host();
    // Exactly "localhost": HttpClient allows plain http only there, and "localhost." or
    // "x.localhost" go to the resolver, which may ask DNS.
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback(); // 127.0.0.0/8, ::1, ::ffff:127.x.y.z
}

bool EndpointPolicy::isCloudDomain(const QString &host, AccountKind kind) {
    const QString name = canonicalHost(host);
    if (name.isEmpty())
        return false;
    if (kind == AccountKind::Gcp && name == QLatin1String("accounts.google.com"))
        return true;
    const QStringList &suffixes = cloudSuffixes(kind);
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [&](const QString &suffix) {
        return name == suffix || name.endsWith(QLatin1Char('.') + suffix);
    });
}

Result<void> EndpointPolicy::check(const QUrl &url, AccountKind kind, const QString &accountId,
                                   const QString &what) const {
    // Messages name the account and the host, never the whole URL: a URL can carry a password
    // (user info) or a token (path, query).
    const QString scheme = url.scheme().toLower();
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty())
        return Error{ErrorCode::BadArgument,
                     tr("The %1 of account \"%2\" is not a URL with a host name.").arg(what, accountId),
                     QStringLiteral("endpoint-invalid")};
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return Error{ErrorCode::BadArgument,
                     tr("The %1 of account \"%2\" must be an https:// URL (it names host %3 with another "
                        "scheme).")
                         .arg(what, accountId, host),
                     QStringLiteral("endpoint-scheme=%1").arg(scheme)};
    if (!url.userInfo().isEmpty())
        // "https://amazonaws.com@evil.example" goes to evil.example; and a password has no place in
        // an endpoint that is written to files.
        return Error{ErrorCode::BadArgument,
                     tr("The %1 of account \"%2\" contains a user name or password before the host %3; "
                        "remove it.")
                         .arg(what, accountId, host),
                     QStringLiteral("endpoint-userinfo")};
    if (isLoopback(url))
        return {};
    const bool https = scheme == QLatin1String("https");
    if (!https)
        return Error{ErrorCode::BadArgument,
                     tr("The %1 of account \"%2\" uses plain http:// to %3. Credentials travel unencrypted "
                        "only to this computer; use https://.")
                         .arg(what, accountId, host),
                     QStringLiteral("endpoint-plain-http")};
    if (isCloudDomain(host, kind))
        return {};
    const QString name = canonicalHost(host);
    const bool trusted = std::any_of(m_trustedHosts.cbegin(), m_trustedHosts.cend(),
                                     [&](const QString &t) { return canonicalHost(t) == name; });
    if (trusted)
        return {};
    return Error{
        ErrorCode::BadArgument,
        tr("The %1 of account \"%2\" points at %3, which is not a %4 host. MLWatch sends credentials "
           "only to the cloud's own hosts, this computer, or hosts you confirmed: if you trust %3, "
           "confirm it in Accounts\u2026 or run \"mlwatch-cli accounts trust-host %3\".")
            .arg(what, accountId, host, accountKindTitle(kind)),
        QStringLiteral("endpoint-untrusted-host")};
}

Result<void> EndpointPolicy::checkAccount(const Account &account) const {
    const struct {
        const QString &value;
        QString what;
    } endpoints[] = {
        {account.endpointUrl, tr("endpoint")},
        {account.authorityHost, tr("authority host")},
        {account.tokenUri, QStringLiteral("token_uri")},
    };
    for (const auto &endpoint : endpoints) {
        if (endpoint.value.isEmpty())
            continue; // the cloud's default
        if (Result<void> ok =
                check(QUrl(endpoint.value, QUrl::StrictMode), account.kind, account.id, endpoint.what);
            !ok)
            return ok;
    }
    return {};
}

} // namespace mlwatch
