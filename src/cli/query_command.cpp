#include "cli/query_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "cli/query_runner.h"
#include "core/auth/account_resolution.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/common/clock.h"
#include "core/fetch/period_choice.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "demo/demo_cloud.h"

namespace mlwatch::cli {

namespace {

// The most datapoints one default period may produce: CloudWatch's own per-call maximum, so
// the default is simply the finest period CloudWatch keeps for data of that age.
constexpr int kDefaultMaxPoints = 100'800;

} // namespace

QueryCommand::QueryCommand(QueryOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                           QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_home(std::move(home))
    , m_out(out) {}

QueryCommand::~QueryCommand() {
    // The provider refers to the HTTP client and the clock: it goes first.
    m_provider.reset();
    m_http.reset();
}

void QueryCommand::run(std::function<void(Result<void>)> done) {
    if (Result<void> ready = prepare(); !ready) {
        done(ready);
        return;
    }
    QueryRunner::run(
        *m_provider, *m_clock, QueryRunner::requestOf(m_options, m_options.periodGiven),
        [](const TimeRange &range, qint64 nowMs) {
            return choosePeriodSeconds(range, nowMs, kDefaultMaxPoints);
        },
        &QueryRunner::singleSeries, m_out, std::move(done));
}

Result<void> QueryCommand::prepare() {
    aws::AwsResolved resolved;
    QString label;
    if (m_options.demo) {
        Result<DemoLaunch> launched = launchDemo(m_env);
        if (!launched)
            return launched.error();
        m_clock = std::move(launched->clock);
        m_demo = std::move(launched->cloud);
        resolved = m_demo->resolved(m_options.protocol);
        label = tr("Demo cloud");
    } else if (!m_options.account.isEmpty()) {
        m_clock = std::make_unique<SystemClock>();
        Result<aws::AwsResolved> stored = resolveStoredAccount();
        if (!stored)
            return stored.error();
        resolved = std::move(*stored);
        if (m_options.protocolGiven)
            resolved.endpoint.protocol = m_options.protocol;
        label = tr("AWS %1 (%2)").arg(resolved.endpoint.region, resolved.source);
    } else {
        m_clock = std::make_unique<SystemClock>();
        Result<aws::AwsResolved> chain = aws::resolveAwsChain(m_options.chain, m_env, m_home);
        if (!chain)
            return chain.error();
        resolved = std::move(*chain);
        resolved.endpoint.protocol = m_options.protocol;
        label = tr("AWS %1 (%2)").arg(resolved.endpoint.region, resolved.source);
    }

    // Credentials travel only over TLS, or in the clear to this machine: refuse before any
    // connection is made (HttpClient would refuse too, but only after the fetch started).
    const QUrl endpoint = resolved.endpoint.resolvedEndpoint();
    if (endpoint.isEmpty())
        return badArgument(tr("No region: pass --region or set AWS_REGION."));
    if (!HttpClient::mayCarryCredentials(endpoint))
        return badArgument(tr("Refusing to send credentials over plain http to %1: use https "
                              "(plain http is allowed only on loopback).")
                               .arg(endpoint.host()));

    m_http = std::make_unique<HttpClient>();
    if (!m_options.demo) {
        if (Result<void> configured = MachineConfig::configureHttp(*m_http, m_env); !configured)
            return configured;
    }
    m_provider = std::make_unique<aws::CloudWatchProvider>(*m_http, *m_clock, resolved.credentials,
                                                           resolved.endpoint, label);
    return {};
}

Result<aws::AwsResolved> QueryCommand::resolveStoredAccount() {
    CredentialStore credentials(MachineConfig::keychainService(m_env));
    AccountStore store(MachineConfig::accountListPath(), credentials);
    Result<Account> account =
        QueryRunner::storedAccount(store, m_options.account, AccountKind::Aws,
                                   tr("Account “%1” is a %2 account: query aws needs an AWS account."));
    if (!account)
        return account.error();
    // --endpoint-url replaces the account's endpoint and is held to the same policy. The
    // endpoint is checked before the keychain is asked: a refused one costs no unlock prompt.
    if (!m_options.chain.endpointUrl.isEmpty())
        account->endpointUrl = m_options.chain.endpointUrl;
    const EndpointPolicy policy = MachineConfig::endpointPolicy();
    if (Result<void> allowed =
            MachineConfig::checkEndpoint(policy, AccountKind::Aws, account->id, account->endpointUrl);
        !allowed)
        return allowed.error();
    Result<AccountSecret> secret = store.readSecretAndWait(account->id);
    if (!secret)
        return secret.error();
    return resolveAwsAccount(*account, *secret, policy, m_clock->nowUtc(), m_options.chain.region);
}

} // namespace mlwatch::cli
