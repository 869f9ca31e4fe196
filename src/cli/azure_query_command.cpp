#include "cli/azure_query_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "cli/query_runner.h"
#include "core/auth/account_store.h"
#include "core/auth/azure_token_source.h"
#include "core/auth/credential_import.h"
#include "core/auth/credential_store.h"
#include "core/common/clock.h"
#include "core/net/http_client.h"
#include "core/providers/azure/azure_metrics_request.h"
#include "core/providers/azure/azure_monitor_provider.h"
#include "demo/demo_azure_cloud.h"

#include <algorithm>

namespace mlwatch::cli {

namespace {

constexpr char kAuthorityHostVariable[] = "AZURE_AUTHORITY_HOST";

// The value of the `i`-th of `dims` (sorted by name) and everything after it, read from
// `middle` ("n1=v1,n2=v2"); '*' values take whatever makes the rest fit.
bool readDimensions(QList<Dimension> &dims, qsizetype i, const QString &middle, qsizetype pos) {
    if (i == dims.size())
        return pos == middle.size();
    const QString name = dims.at(i).name + QLatin1Char('=');
    if (middle.mid(pos, name.size()) != name)
        return false;
    pos += name.size();
    const bool last = i + 1 == dims.size();
    if (dims.at(i).value != QLatin1String("*")) {
        const QString value = dims.at(i).value + (last ? QString() : QStringLiteral(","));
        return middle.mid(pos, value.size()) == value &&
               readDimensions(dims, i + 1, middle, pos + value.size());
    }
    if (last) {
        dims[i].value = middle.mid(pos);
        return true;
    }
    const QString next = QLatin1Char(',') + dims.at(i + 1).name + QLatin1Char('=');
    for (qsizetype at = middle.indexOf(next, pos); at >= 0; at = middle.indexOf(next, at + 1)) {
        QList<Dimension> attempt = dims;
        attempt[i].value = middle.mid(pos, at - pos);
        if (readDimensions(attempt, i + 1, middle, at + 1)) {
            dims = attempt;
            return true;
        }
    }
    return false;
}

// An http(s) URL with a host and no user name, or an Error naming `variable` (never its value,
// which could carry a password).
Result<QUrl> environmentUrl(const QProcessEnvironment &env, const char *variable) {
    const QString text = env.value(QLatin1String(variable)).trimmed();
    if (text.isEmpty())
        return QUrl();
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return badArgument(
            QCoreApplication::translate("mlwatch::cli::AzureQueryCommand",
                                        "%1 is not an http:// or https:// URL without a user name.")
                .arg(QLatin1String(variable)));
    return url;
}

} // namespace

AzureQueryCommand::AzureQueryCommand(AzureQueryOptions options, QProcessEnvironment env, QIODevice &out,
                                     QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_out(out) {}

AzureQueryCommand::~AzureQueryCommand() {
    // The provider refers to the token sources, which refer to the HTTP client and the clock.
    m_provider.reset();
    m_batchTokens.reset();
    m_armTokens.reset();
    m_http.reset();
}

std::optional<MetricQuery> AzureQueryCommand::splitQueryFor(const MetricQuery &query, const QString &key) {
    // seriesKey() is "[account|resource|]namespace|metric|n1=v1,n2=v2|stat", dimensions sorted
    // by name: what surrounds the dimensions is the key of the query without any.
    MetricQuery bare = query;
    bare.dimensions.clear();
    const QString bareKey = bare.seriesKey();
    const QString tail = QLatin1Char('|') + query.stat;
    const QString head = bareKey.left(bareKey.size() - tail.size());
    if (key.size() < head.size() + tail.size() || !key.startsWith(head) || !key.endsWith(tail))
        return std::nullopt;
    const QString middle = key.mid(head.size(), key.size() - head.size() - tail.size());
    QList<Dimension> dims = query.dimensions;
    std::sort(dims.begin(), dims.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    if (!readDimensions(dims, 0, middle, 0))
        return std::nullopt;
    MetricQuery concrete = query;
    for (Dimension &d : concrete.dimensions)
        for (const Dimension &read : std::as_const(dims))
            if (read.name == d.name)
                d.value = read.value;
    if (concrete.seriesKey() != key)
        return std::nullopt;
    return concrete;
}

void AzureQueryCommand::run(std::function<void(Result<void>)> done) {
    if (Result<void> ready = prepare(); !ready) {
        done(ready);
        return;
    }
    // Azure keeps one-minute data for all of its 93 days: unlike CloudWatch, the default
    // interval does not depend on the age of the data.
    QueryRunner::runSplit(*m_provider, *m_clock, QueryRunner::requestOf(m_options, m_options.intervalGiven),
                          m_out, std::move(done));
}

Result<void> AzureQueryCommand::prepare() {
    SignIn signIn;
    if (m_options.demo) {
        Result<DemoAzureLaunch> launched = launchAzureDemo(m_env);
        if (!launched)
            return launched.error();
        m_clock = std::move(launched->clock);
        m_demo = std::move(launched->cloud);
        signIn.tenantId = demo::DemoAzureCloud::tenantId();
        signIn.clientId = demo::DemoAzureCloud::clientId();
        signIn.clientSecret = demo::DemoAzureCloud::clientSecret();
        signIn.authorityHost = m_demo->authorityHost();
        signIn.armEndpoint = m_demo->armEndpoint();
        signIn.batchEndpoint = m_demo->batchEndpoint();
        signIn.label = tr("Demo Azure");
    } else {
        m_clock = std::make_unique<SystemClock>();
        Result<SignIn> resolved = m_options.account.isEmpty() ? fromEnvironment() : fromStoredAccount();
        if (!resolved)
            return resolved.error();
        signIn = std::move(*resolved);
    }

    // The bearer token travels only over TLS, or in the clear to this machine: refused before
    // any connection (the token source refuses a plain-http authority host the same way).
    const QUrl arm = signIn.armEndpoint.isEmpty() ? QUrl(QString::fromLatin1(azure::kDefaultArmEndpoint))
                                                  : signIn.armEndpoint;
    if (!HttpClient::mayCarryCredentials(arm))
        return badArgument(tr("Refusing to send an Azure token over plain http to %1: use https "
                              "(plain http is allowed only on loopback).")
                               .arg(arm.host()));

    m_http = std::make_unique<HttpClient>();
    if (!m_options.demo) {
        if (Result<void> configured = MachineConfig::configureHttp(*m_http, m_env); !configured)
            return configured;
    }
    AzureTokenSource::Config token;
    token.authorityHost = signIn.authorityHost;
    token.tenantId = signIn.tenantId;
    token.clientId = signIn.clientId;
    token.clientSecret = signIn.clientSecret;
    token.scope = QString::fromLatin1(azure::kArmScope);
    m_armTokens = std::make_unique<AzureTokenSource>(*m_http, *m_clock, token);
    token.scope = QString::fromLatin1(azure::kBatchScope);
    m_batchTokens = std::make_unique<AzureTokenSource>(*m_http, *m_clock, token);

    azure::AzureEndpointConfig endpoint;
    endpoint.armEndpoint = arm;
    endpoint.batchEndpoint = signIn.batchEndpoint;
    m_provider = std::make_unique<azure::AzureMonitorProvider>(*m_http, *m_clock, *m_armTokens,
                                                               *m_batchTokens, endpoint, signIn.label);
    return {};
}

Result<AzureQueryCommand::SignIn> AzureQueryCommand::fromEnvironment() const {
    // The variables Azure Identity's EnvironmentCredential reads; what an incomplete set lacks is
    // said the way `accounts import azure` says it.
    const ImportScan scan = scanAzureEnvironment(m_env);
    if (scan.candidates.isEmpty())
        return Error{ErrorCode::NoCredentials,
                     tr("No Azure credentials: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, "
                        "or pass --account ID (mlwatch-cli accounts list shows the stored accounts)."),
                     QString()};
    const ImportCandidate &candidate = scan.candidates.first();
    if (!candidate.importable)
        return Error{ErrorCode::NoCredentials, candidate.reason, QString()};

    SignIn signIn;
    signIn.tenantId = candidate.account.tenantId;
    signIn.clientId = candidate.account.clientId;
    signIn.clientSecret = candidate.secret.clientSecret;
    // Endpoints on the command line or in this user's own environment are the user's choice.
    if (!m_options.authorityHost.isEmpty()) {
        signIn.authorityHost = QUrl(m_options.authorityHost);
    } else {
        Result<QUrl> fromVariable = environmentUrl(m_env, kAuthorityHostVariable);
        if (!fromVariable)
            return fromVariable.error();
        signIn.authorityHost = *fromVariable;
    }
    signIn.armEndpoint = QUrl(m_options.endpointUrl);
    signIn.label = tr("Azure client %1 (environment)").arg(signIn.clientId);
    return signIn;
}

Result<AzureQueryCommand::SignIn> AzureQueryCommand::fromStoredAccount() const {
    CredentialStore credentials(MachineConfig::keychainService(m_env));
    AccountStore store(MachineConfig::accountListPath(), credentials);
    Result<Account> account =
        QueryRunner::storedAccount(store, m_options.account, AccountKind::Azure,
                                   tr("Account “%1” is a %2 account: query azure needs an Azure account."));
    if (!account)
        return account.error();
    // --endpoint-url and --authority-host replace the account's and are held to the same policy:
    // the secret is the keychain's. Both are checked before the keychain is asked, so a refused
    // endpoint costs no unlock prompt.
    if (!m_options.endpointUrl.isEmpty())
        account->endpointUrl = m_options.endpointUrl;
    if (!m_options.authorityHost.isEmpty())
        account->authorityHost = m_options.authorityHost;
    const EndpointPolicy policy = MachineConfig::endpointPolicy();
    for (const QString &url : {account->endpointUrl, account->authorityHost})
        if (Result<void> allowed = MachineConfig::checkEndpoint(policy, AccountKind::Azure, account->id, url);
            !allowed)
            return allowed.error();
    Result<AccountSecret> secret = store.readSecretAndWait(account->id);
    if (!secret)
        return secret.error();
    if (!secret->isCompleteFor(AccountKind::Azure))
        return Error{ErrorCode::NoCredentials,
                     tr("Account “%1” has no client secret in the keychain: store it again with mlwatch-cli "
                        "accounts add azure.")
                         .arg(account->id),
                     QString()};

    SignIn signIn;
    signIn.tenantId = account->tenantId;
    signIn.clientId = account->clientId;
    signIn.clientSecret = secret->clientSecret;
    signIn.authorityHost = QUrl(account->authorityHost);
    signIn.armEndpoint = QUrl(account->endpointUrl);
    signIn.label = tr("Azure account %1").arg(account->displayName());
    return signIn;
}

} // namespace mlwatch::cli
