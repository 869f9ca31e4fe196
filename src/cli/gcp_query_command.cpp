#include "cli/gcp_query_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "cli/query_runner.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_import.h"
#include "core/auth/credential_store.h"
#include "core/auth/endpoint_policy.h"
#include "core/auth/google_token_source.h"
#include "core/common/clock.h"
#include "core/net/http_client.h"
#include "core/providers/gcp/gcp_monitoring_provider.h"
#include "demo/demo_gcp_cloud.h"

namespace mlwatch::cli {

namespace {

// Where a token request may go (the credentials' token_uri): EndpointPolicy's rule, a stranger's
// host refused with the trust-host remedy whatever its scheme (as MachineConfig::checkEndpoint
// does for metrics endpoints), plain http only to loopback. Nothing connects here.
Result<void> checkTokenUri(const EndpointPolicy &policy, const QString &accountName, const QUrl &url) {
    const QString what = QStringLiteral("token_uri");
    if (url.isValid() && url.scheme() == QLatin1String("http") && !EndpointPolicy::isLoopback(url)) {
        QUrl asHttps = url;
        asHttps.setScheme(QStringLiteral("https"));
        if (Result<void> host = policy.check(asHttps, AccountKind::Gcp, accountName, what); !host)
            return host;
    }
    if (Result<void> allowed = policy.check(url, AccountKind::Gcp, accountName, what); !allowed)
        return allowed;
    if (!HttpClient::mayCarryCredentials(url))
        return badArgument(QCoreApplication::translate("mlwatch::cli::GcpQueryCommand",
                                                       "Refusing to send Google credentials over plain http "
                                                       "to %1: use https (plain http is allowed only on "
                                                       "loopback).")
                               .arg(url.host()));
    return {};
}

} // namespace

GcpQueryCommand::GcpQueryCommand(GcpQueryOptions options, QProcessEnvironment env, QString home,
                                 QIODevice &out, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_home(std::move(home))
    , m_out(out) {}

GcpQueryCommand::~GcpQueryCommand() {
    // The provider refers to the token source, which refers to the HTTP client and the clock.
    m_provider.reset();
    m_tokens.reset();
    m_http.reset();
}

void GcpQueryCommand::run(std::function<void(Result<void>)> done) {
    if (Result<void> ready = prepare(); !ready) {
        done(ready);
        return;
    }
    // As `query azure`: Cloud Monitoring pages long answers, so the default period bounds the
    // time a query takes rather than a request limit.
    QueryRunner::runSplit(*m_provider, *m_clock, QueryRunner::requestOf(m_options, m_options.periodGiven),
                          m_out, std::move(done));
}

Result<void> GcpQueryCommand::prepare() {
    SignIn signIn;
    if (m_options.demo) {
        Result<DemoGcpLaunch> launched = launchGcpDemo(m_env);
        if (!launched)
            return launched.error();
        m_clock = std::move(launched->clock);
        m_demo = std::move(launched->cloud);
        signIn.credentialsJson = m_demo->serviceAccountKeyJson();
        signIn.monitoringEndpoint = m_demo->monitoringEndpoint();
        signIn.label = tr("Demo Google Cloud");
        signIn.trusted = true;
    } else {
        m_clock = std::make_unique<SystemClock>();
        Result<SignIn> resolved = m_options.account.isEmpty() ? fromEnvironment() : fromStoredAccount();
        if (!resolved)
            return resolved.error();
        signIn = std::move(*resolved);
    }

    // The bearer token travels only over TLS, or in the clear to this machine: refused before
    // any connection.
    const QUrl monitoring = signIn.monitoringEndpoint.isEmpty()
                                ? QUrl(QString::fromLatin1(gcp::kDefaultMonitoringEndpoint))
                                : signIn.monitoringEndpoint;
    if (!HttpClient::mayCarryCredentials(monitoring))
        return badArgument(tr("Refusing to send a Google token over plain http to %1: use https (plain http "
                              "is allowed only on loopback).")
                               .arg(monitoring.host()));

    m_http = std::make_unique<HttpClient>();
    if (!m_options.demo) {
        if (Result<void> configured = MachineConfig::configureHttp(*m_http, m_env); !configured)
            return configured;
    }
    m_tokens = std::make_unique<GoogleTokenSource>(*m_http, *m_clock, signIn.credentialsJson);
    // The signed assertion (or the refresh token) goes wherever the file's token_uri points: a key
    // file from elsewhere must not send it to a stranger's host.
    if (!signIn.trusted) {
        if (Result<void> allowed =
                checkTokenUri(MachineConfig::endpointPolicy(), signIn.policyName, m_tokens->tokenUrl());
            !allowed)
            return allowed;
    }

    gcp::GcpEndpointConfig endpoint;
    endpoint.monitoringEndpoint = monitoring;
    endpoint.quotaProjectId = signIn.quotaProjectId;
    m_provider =
        std::make_unique<gcp::CloudMonitoringProvider>(*m_http, *m_clock, *m_tokens, endpoint, signIn.label);
    return {};
}

Result<GcpQueryCommand::SignIn> GcpQueryCommand::fromEnvironment() const {
    // Application default credentials as Google's client libraries look for them:
    // GOOGLE_APPLICATION_CREDENTIALS, else gcloud's ADC file.
    const ImportScan scan = scanGoogleCredentials(m_env, m_home);
    if (scan.candidates.isEmpty()) {
        if (!scan.problems.isEmpty())
            return Error{ErrorCode::NoCredentials, scan.problems.first(), QString()};
        return Error{
            ErrorCode::NoCredentials,
            tr("No Google Cloud credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account "
               "key file, run gcloud auth application-default login, or pass --account ID "
               "(mlwatch-cli accounts list shows the stored accounts)."),
            QString()};
    }
    const ImportCandidate &candidate = scan.candidates.first();
    if (!candidate.importable)
        return Error{ErrorCode::NoCredentials, candidate.reason, QString()};

    SignIn signIn;
    signIn.credentialsJson = candidate.secret.googleCredentialsJson;
    // An endpoint on the command line is the user's choice.
    signIn.monitoringEndpoint = QUrl(m_options.endpointUrl);
    signIn.quotaProjectId = candidate.account.quotaProjectId;
    signIn.label =
        candidate.account.clientEmail.isEmpty()
            ? tr("Google credentials %1").arg(candidate.origin)
            : tr("Google service account %1 (%2)").arg(candidate.account.clientEmail, candidate.origin);
    signIn.policyName = candidate.origin;
    return signIn;
}

Result<GcpQueryCommand::SignIn> GcpQueryCommand::fromStoredAccount() const {
    CredentialStore credentials(MachineConfig::keychainService(m_env));
    AccountStore store(MachineConfig::accountListPath(), credentials);
    Result<Account> account = QueryRunner::storedAccount(
        store, m_options.account, AccountKind::Gcp,
        tr("Account “%1” is a %2 account: query gcp needs a Google Cloud account."));
    if (!account)
        return account.error();
    // --endpoint-url replaces the account's and is held to the same policy, as is the token_uri
    // the account was imported with; both before the keychain is asked, so a refused endpoint
    // costs no unlock prompt. The file's own token_uri is checked again once it is read.
    if (!m_options.endpointUrl.isEmpty())
        account->endpointUrl = m_options.endpointUrl;
    const EndpointPolicy policy = MachineConfig::endpointPolicy();
    if (Result<void> allowed =
            MachineConfig::checkEndpoint(policy, AccountKind::Gcp, account->id, account->endpointUrl);
        !allowed)
        return allowed.error();
    if (!account->tokenUri.isEmpty()) {
        if (Result<void> allowed =
                checkTokenUri(policy, account->id, QUrl(account->tokenUri, QUrl::StrictMode));
            !allowed)
            return allowed.error();
    }
    Result<AccountSecret> secret = store.readSecretAndWait(account->id);
    if (!secret)
        return secret.error();
    if (!secret->isCompleteFor(AccountKind::Gcp))
        return Error{
            ErrorCode::NoCredentials,
            tr("Account “%1” has no Google credentials in the keychain: import the key file again with "
               "mlwatch-cli accounts import gcp --key-file FILE.")
                .arg(account->id),
            QString()};

    SignIn signIn;
    signIn.credentialsJson = secret->googleCredentialsJson;
    signIn.monitoringEndpoint = QUrl(account->endpointUrl);
    signIn.quotaProjectId = account->quotaProjectId;
    signIn.label = tr("Google Cloud account %1").arg(account->displayName());
    signIn.policyName = account->id;
    return signIn;
}

} // namespace mlwatch::cli
