#include "cli/query_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "cli/query_output_writer.h"
#include "core/auth/account_resolution.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/common/clock.h"
#include "core/fetch/period_choice.h"
#include "core/model/time_spec.h"
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
    m_done = std::move(done);
    if (Result<void> ready = prepare(); !ready) {
        finish(ready);
        return;
    }

    // Times resolve against the command's clock: the demo's pinned one, or the system's.
    const qint64 nowMs = m_clock->nowMs();
    const Result<qint64> from = parseTimeSpec(m_options.fromText, nowMs);
    const Result<qint64> to = parseTimeSpec(m_options.toText, nowMs);
    if (!from || !to) {
        finish(badArgument(!from ? from.error().message : to.error().message));
        return;
    }
    const TimeRange range{*from, *to};
    if (!range.isValid()) {
        finish(badArgument(tr("--from must be before --to.")));
        return;
    }
    MetricQuery query = m_options.query;
    if (!m_options.periodGiven)
        query.periodSeconds = choosePeriodSeconds(range, nowMs, kDefaultMaxPoints);

    m_provider->fetch({query}, range, [this, query](FetchReport report) {
        if (!report.errors.isEmpty()) {
            finish(report.errors.first());
            return;
        }
        QuerySeries result{query, {}};
        const QString key = query.seriesKey();
        for (SeriesData &s : report.series) {
            if (s.seriesKey == key) {
                result.data = std::move(s);
                break;
            }
        }
        finish(m_options.format == OutputFormat::Json ? QueryOutputWriter::writeJson(m_out, {result})
                                                      : QueryOutputWriter::writeCsv(m_out, {result}));
    });
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
    if (Result<void> loaded = store.load(); !loaded)
        return loaded.error();
    std::optional<Account> account = store.account(m_options.account);
    if (!account)
        return Error{ErrorCode::NoCredentials,
                     tr("No account “%1” on this machine: mlwatch-cli accounts list shows them.")
                         .arg(m_options.account),
                     QString()};
    if (account->kind != AccountKind::Aws)
        return badArgument(tr("Account “%1” is a %2 account: query aws needs an AWS account.")
                               .arg(account->id, accountKindTitle(account->kind)));
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

void QueryCommand::finish(const Result<void> &result) {
    if (!m_done)
        return;
    // Moved out first: `done` may destroy this object.
    auto done = std::move(m_done);
    m_done = nullptr;
    done(result);
}

} // namespace mlwatch::cli
