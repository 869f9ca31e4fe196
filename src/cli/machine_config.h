#pragma once

#include "core/auth/account.h"
#include "core/auth/endpoint_policy.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace mlwatch {
class HttpClient;
}

namespace mlwatch::cli {

// What this machine's MLWatch configuration says, for every CLI command: the same account list,
// settings and keychain entries the app uses (the CLI names itself "mlwatch-cli", so the paths
// are spelled out with the app's name instead of taken from QCoreApplication), plus the two
// variables that change them:
//   MLWATCH_KEYCHAIN_SERVICE  the keychain service name (tests; default CredentialStore::kDefaultService)
//   MLWATCH_CA_BUNDLE         a PEM file of extra CA certificates (corporate TLS proxies), added
//                             to the system's for every request; TLS verification stays on.
class MachineConfig {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::MachineConfig)
public:
    static constexpr char kOrganization[] = "MLWatch";
    static constexpr char kApplication[] = "mlwatch"; // the app's name: settings and accounts are shared
    static constexpr char kKeychainServiceVariable[] = "MLWATCH_KEYCHAIN_SERVICE";

    // The app's QStandardPaths::AppConfigLocation + "/accounts.json" (~/.config/MLWatch/mlwatch/
    // accounts.json on Linux, XDG_CONFIG_HOME honoured).
    static QString accountListPath();
    // The app's settings (QSettings of organization "MLWatch", application "mlwatch").
    static std::unique_ptr<QSettings> settings();
    static QString keychainService(const QProcessEnvironment &env);
    // The trusted endpoint hosts confirmed on this machine.
    static EndpointPolicy endpointPolicy();

    // Adds MLWATCH_CA_BUNDLE's certificates (HttpClient::kCaBundleVariable) to `http` when the
    // variable is set. Unlike the app, the CLI stops on a bundle it cannot use (Io / BadArgument
    // naming the variable and the file): going on would turn it into a confusing TLS error later.
    static Result<void> configureHttp(HttpClient &http, const QProcessEnvironment &env);

    // An endpoint a session would send `accountId`'s credentials to: refused (BadArgument) unless
    // `policy` allows it. A host that is neither the cloud's, loopback nor trusted is refused with
    // the trust-host remedy whatever its scheme; a trusted one still only over https (plain http
    // carries credentials only to loopback). Nothing connects here.
    static Result<void> checkEndpoint(const EndpointPolicy &policy, AccountKind kind,
                                      const QString &accountId, const QString &endpointUrl);

    // The first option on the command line whose name looks like it carries a secret
    // ("--secret-access-key", "--client-secret=…", "--password", "--session-token" …), as its name
    // only (never the value); nullopt when there is none.
    static std::optional<QString> secretLikeOption(const QStringList &arguments);
    // The refusal for it: secrets come from files or standard input, never from arguments.
    static Error secretArgumentRefused(const QString &option);
};

} // namespace mlwatch::cli
