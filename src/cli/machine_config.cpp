#include "cli/machine_config.h"

#include "cli/cli_error.h"
#include "core/auth/credential_store.h"
#include "core/net/http_client.h"

#include <QStandardPaths>

namespace mlwatch::cli {

namespace {

// Words in an option name that say "a secret follows". "--key-file" (a file name) is fine; an
// option named after a secret is refused even though no such option exists, so the refusal
// explains where secrets go instead of Qt's "Unknown option".
const char *const kSecretWords[] = {"secret",    "password", "passwd", "token",       "access-key",
                                    "accesskey", "key-id",   "keyid",  "private-key", "privatekey"};

} // namespace

QString MachineConfig::accountListPath() {
    // AppConfigLocation is GenericConfigLocation/<organization>/<application> on every platform
    // Qt supports; spelled out because this process is called "mlwatch-cli".
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QLatin1Char('/') +
           QLatin1String(kOrganization) + QLatin1Char('/') + QLatin1String(kApplication) +
           QStringLiteral("/accounts.json");
}

std::unique_ptr<QSettings> MachineConfig::settings() {
    return std::make_unique<QSettings>(QLatin1String(kOrganization), QLatin1String(kApplication));
}

QString MachineConfig::keychainService(const QProcessEnvironment &env) {
    const QString service = env.value(QLatin1String(kKeychainServiceVariable)).trimmed();
    return service.isEmpty() ? QString::fromLatin1(CredentialStore::kDefaultService) : service;
}

EndpointPolicy MachineConfig::endpointPolicy() {
    return EndpointPolicy::fromSettings(*settings());
}

Result<void> MachineConfig::configureHttp(HttpClient &http, const QProcessEnvironment &env) {
    const QString variable = QLatin1String(HttpClient::kCaBundleVariable);
    const QString path = env.value(variable);
    if (path.isEmpty())
        return {};
    Result<QList<QSslCertificate>> certificates = HttpClient::loadCaBundle(path);
    if (!certificates) {
        Error error = certificates.error();
        error.message = variable + QStringLiteral(": ") + error.message;
        return error;
    }
    http.setExtraCaCertificates(*certificates);
    return {};
}

Result<void> MachineConfig::checkEndpoint(const EndpointPolicy &policy, AccountKind kind,
                                          const QString &accountId, const QString &endpointUrl) {
    if (endpointUrl.isEmpty())
        return {};
    const QUrl url(endpointUrl, QUrl::StrictMode);
    const QString what = tr("endpoint");
    // The host first, whatever the scheme: a stranger's host is refused with the remedy (trust
    // it), not with "use https", which would only invite pointing the credentials at it over TLS.
    if (url.isValid() && url.scheme() == QLatin1String("http") && !EndpointPolicy::isLoopback(url)) {
        QUrl asHttps = url;
        asHttps.setScheme(QStringLiteral("https"));
        if (Result<void> host = policy.check(asHttps, kind, accountId, what); !host)
            return host;
    }
    // Then the whole rule, which also refuses plain http off loopback, trusted host or not.
    if (Result<void> allowed = policy.check(url, kind, accountId, what); !allowed)
        return allowed;
    if (!HttpClient::mayCarryCredentials(url)) // HttpClient's own rule; the policy implies it
        return badArgument(tr("Account “%1”: refusing to send credentials over plain http to %2: use https "
                              "(plain http is allowed only on loopback).")
                               .arg(accountId, url.host()));
    return {};
}

std::optional<QString> MachineConfig::secretLikeOption(const QStringList &arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1Char('-')) || argument.size() < 2 || argument.at(1).isDigit())
            continue; // a value, or a relative time such as -1h
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        const QString lower = name.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        for (const char *word : kSecretWords)
            if (lower.contains(QLatin1String(word)))
                return name;
    }
    return std::nullopt;
}

Error MachineConfig::secretArgumentRefused(const QString &option) {
    return badArgument(tr("%1 looks like a secret: mlwatch-cli never takes secrets as arguments (they would "
                          "stay in the shell history and show in the process list). Pipe them on standard "
                          "input instead (mlwatch-cli accounts add reads them there), or import them from "
                          "their files with mlwatch-cli accounts import.")
                           .arg(option));
}

} // namespace mlwatch::cli
