#include "cli/check_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "core/alerts/alert_evaluator.h"
#include "core/alerts/default_rules.h"
#include "core/catalog/aws_catalog.h"
#include "core/common/clock.h"
#include "core/model/time_spec.h"
#include "core/net/http_client.h"
#include "core/providers/aws/aws_environment.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/store/derived_series.h"
#include "core/workspace/workspace_file.h"
#include "demo/demo_cloud.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QTimer>

#include <cstdio>
#include <map>

namespace mlwatch::cli {

namespace {

QString seriesSlot(const QString &seriesKey, int periodSeconds) {
    return seriesKey + QLatin1Char('@') + QString::number(periodSeconds);
}

qint64 ceilDiv(qint64 a, qint64 b) {
    return (a + b - 1) / b;
}

// How many evaluations the replay needs before --at for the rule's clocks to have run.
qint64 replayPeriods(const AlertRule &rule) {
    const qint64 p = rule.periodSeconds;
    return rule.evaluationPeriods + ceilDiv(rule.pendingForSeconds, p) +
           ceilDiv(rule.keepFiringForSeconds, p) + CheckCommand::kWarmUpPeriods;
}

} // namespace

struct CheckCommand::Account {
    QString id;
    std::unique_ptr<aws::CloudWatchProvider> provider;
    QHash<QString, SeriesData> series; // seriesSlot() → datapoints
};

struct CheckCommand::FetchJob {
    size_t account = 0;
    TimeRange range;
    QList<MetricQuery> queries;
};

QString CheckCommand::helpText() {
    return tr(
        "Usage: mlwatch-cli check (--workspace FILE | --demo) [--at TIME]\n"
        "\n"
        "Evaluates every alert rule once and prints one line per rule: its id and its state\n"
        "(ok, pending, firing or nodata). For cron jobs and CI.\n"
        "\n"
        "  --workspace FILE  The rules and accounts of this workspace file (docs/workspace-format.md);\n"
        "                    credentials come from each account's profile or the AWS environment.\n"
        "  --demo            The default rules of the built-in simulated cloud.\n"
        "  --at TIME         Evaluate as of this time (default: now). ISO 8601 with a zone, or\n"
        "                    relative: -30m, -1h, -7d.\n"
        "\n"
        "Each rule is replayed over the periods before TIME that its pending and keep-firing clocks\n"
        "need, as if MLWatch had been running.\n"
        "\n"
        "Exit status: 0 no rule is firing, 1 at least one rule is firing, 2 a fetch, credential or\n"
        "configuration error (one line on stderr).\n");
}

Result<CheckOptions> CheckCommand::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit.")};
    const QCommandLineOption workspace{QStringLiteral("workspace"), tr("The workspace file."),
                                       QStringLiteral("FILE")};
    const QCommandLineOption demo{QStringLiteral("demo"), tr("The built-in simulated cloud.")};
    const QCommandLineOption at{QStringLiteral("at"), tr("Evaluate as of this time."),
                                QStringLiteral("TIME")};
    parser.addOptions({help, workspace, demo, at});
    if (!parser.parse(arguments))
        return badArgument(parser.errorText() + QLatin1Char(' ') + tr("Try mlwatch-cli check --help."));
    CheckOptions o;
    if (parser.isSet(help)) {
        o.help = true;
        return o;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != QLatin1String("check"))
        return badArgument(tr("Unexpected arguments after \"check\". Try mlwatch-cli check --help."));
    for (const QCommandLineOption *option : {&workspace, &at})
        if (parser.values(*option).size() > 1)
            return badArgument(tr("--%1 was given more than once.").arg(option->names().constLast()));
    o.demo = parser.isSet(demo);
    o.workspacePath = parser.value(workspace);
    o.atText = parser.value(at);
    if (o.demo == !o.workspacePath.isEmpty())
        return badArgument(tr("check needs exactly one of --workspace FILE and --demo."));
    if (!o.atText.isEmpty()) {
        if (Result<qint64> syntax = parseTimeSpec(o.atText, 0); !syntax)
            return badArgument(QStringLiteral("--at: ") + syntax.error().message);
    }
    return o;
}

CheckCommand::CheckCommand(CheckOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                           QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_home(std::move(home))
    , m_out(out) {}

CheckCommand::~CheckCommand() {
    // Providers refer to the HTTP client and the clock: they go first.
    m_accounts.clear();
    m_http.reset();
}

void CheckCommand::run(std::function<void(Result<bool>)> done) {
    m_done = std::move(done);
    if (Result<void> ready = prepare(); !ready) {
        finish(ready.error());
        return;
    }
    if (!m_options.demo) {
        if (Result<void> planned = planFetches(); !planned) {
            finish(planned.error());
            return;
        }
        fetchNext();
        return;
    }
    // The demo: its rules are the defaults of the charts discovery finds.
    m_accounts.front()->provider->discover(aws::catalogNamespaces(),
                                           [this](Result<QList<MetricDescriptor>> found) {
                                               if (!found) {
                                                   finish(found.error());
                                                   return;
                                               }
                                               const QList<ChartSpec> charts = aws::buildAwsCharts(*found);
                                               m_rules = defaultRulesFor(charts);
                                               for (const ChartSpec &c : charts)
                                                   for (const ChartSeriesSpec &s : c.series)
                                                       if (s.derivation != SeriesDerivation::None)
                                                           m_derived.insert(s.query.seriesKey(), s);
                                               if (Result<void> planned = planFetches(); !planned) {
                                                   finish(planned.error());
                                                   return;
                                               }
                                               fetchNext();
                                           });
}

Result<void> CheckCommand::prepare() {
    m_http = std::make_unique<HttpClient>();
    if (m_options.demo) {
        Result<DemoLaunch> launched = launchDemo(m_env);
        if (!launched)
            return launched.error();
        m_clock = std::move(launched->clock);
        m_demo = std::move(launched->cloud);
        if (Result<void> added = addAccount(QStringLiteral("demo"), m_demo->resolved(), tr("Demo cloud"));
            !added)
            return added;
    } else {
        m_clock = std::make_unique<SystemClock>();
        if (Result<void> configured = MachineConfig::configureHttp(*m_http, m_env); !configured)
            return configured;
        Result<Workspace> ws = WorkspaceFile::load(m_options.workspacePath);
        if (!ws)
            return ws.error();
        if (ws->accounts.isEmpty())
            return badArgument(tr("%1 has no accounts to check.").arg(m_options.workspacePath));
        // A workspace file is shared between people: every endpoint is held to this machine's
        // policy before any credentials are looked up or any connection is made.
        const EndpointPolicy policy = MachineConfig::endpointPolicy();
        for (const WorkspaceAccount &a : std::as_const(ws->accounts))
            if (a.kind != QLatin1String("aws")) // version 2 names Azure / Google accounts by reference
                return badArgument(
                    tr("Account \"%1\" is on %2: this version checks aws accounts.").arg(a.id, a.kind));
            else if (Result<void> allowed =
                         MachineConfig::checkEndpoint(policy, AccountKind::Aws, a.id, a.endpointUrl);
                     !allowed)
                return allowed;
        for (const WorkspaceAccount &a : std::as_const(ws->accounts)) {
            Result<aws::AwsResolved> chain =
                aws::resolveAwsChain(aws::AwsChainRequest{a.profile, a.region, a.endpointUrl}, m_env, m_home);
            if (!chain)
                return chain.error();
            if (a.protocol == QLatin1String("query"))
                chain->endpoint.protocol = aws::CloudWatchProtocol::Query;
            if (Result<void> added =
                    addAccount(a.id, *chain, tr("AWS %1 (%2)").arg(chain->endpoint.region, chain->source));
                !added)
                return added;
        }
        m_rules = ws->rules;
        for (const ChartSpec &c : ws->charts.value_or(QList<ChartSpec>{}))
            for (const ChartSeriesSpec &s : c.series)
                if (s.derivation != SeriesDerivation::None)
                    m_derived.insert(s.query.seriesKey(), s);
    }
    const qint64 nowMs = m_clock->nowMs();
    const Result<qint64> at =
        m_options.atText.isEmpty() ? Result<qint64>(nowMs) : parseTimeSpec(m_options.atText, nowMs);
    if (!at)
        return badArgument(QStringLiteral("--at: ") + at.error().message);
    m_atMs = *at;
    return {};
}

Result<void> CheckCommand::addAccount(const QString &id, const aws::AwsResolved &resolved,
                                      const QString &label) {
    const QUrl endpoint = resolved.endpoint.resolvedEndpoint();
    if (endpoint.isEmpty())
        return badArgument(tr("Account %1 has no region.").arg(id));
    if (!HttpClient::mayCarryCredentials(endpoint))
        return badArgument(tr("Refusing to send credentials over plain http to %1: use https (plain http is "
                              "allowed only on loopback).")
                               .arg(endpoint.host()));
    auto account = std::make_unique<Account>();
    account->id = id;
    account->provider = std::make_unique<aws::CloudWatchProvider>(*m_http, *m_clock, resolved.credentials,
                                                                  resolved.endpoint, label);
    m_accounts.push_back(std::move(account));
    return {};
}

Result<void> CheckCommand::planFetches() {
    // One fetch per account and time range, with every query that needs that range.
    std::map<std::tuple<size_t, qint64, qint64>, QList<MetricQuery>> jobs;
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled)
            continue;
        size_t account = 0;
        if (!rule.account.isEmpty()) {
            while (account < m_accounts.size() && m_accounts[account]->id != rule.account)
                ++account;
            if (account == m_accounts.size())
                return badArgument(tr("Rule %1 watches the unknown account %2.").arg(rule.id, rule.account));
        }
        const qint64 p = qint64(rule.periodSeconds) * 1000;
        const qint64 newest = AlertEvaluator::newestDuePeriodMs(rule, m_atMs);
        const qint64 first = newest - (replayPeriods(rule) - 1 + rule.evaluationPeriods - 1) * p;
        QList<MetricQuery> &queries = jobs[{account, first, newest + p}];
        const auto derived = m_derived.constFind(rule.seriesKey());
        for (MetricQuery query :
             derived == m_derived.constEnd() ? QList<MetricQuery>{rule.series} : derived->inputs) {
            query.periodSeconds = rule.periodSeconds;
            if (!queries.contains(query))
                queries.append(query);
        }
    }
    for (auto &[key, queries] : jobs)
        m_jobs.push_back(FetchJob{std::get<0>(key), TimeRange{std::get<1>(key), std::get<2>(key)}, queries});
    return {};
}

void CheckCommand::fetchNext() {
    if (m_nextJob == m_jobs.size()) {
        report();
        return;
    }
    const FetchJob &job = m_jobs[m_nextJob++];
    Account &account = *m_accounts[job.account];
    account.provider->fetch(job.queries, job.range, [this, &account, job](FetchReport fetched) {
        if (!fetched.errors.isEmpty()) {
            finish(fetched.errors.first());
            return;
        }
        QHash<QString, SeriesData> byKey;
        for (SeriesData &s : fetched.series) {
            byKey.insert(s.seriesKey, s);
            for (const MetricQuery &q : job.queries)
                if (q.seriesKey() == s.seriesKey)
                    account.series.insert(seriesSlot(s.seriesKey, q.periodSeconds), s);
        }
        for (const ChartSeriesSpec &spec : std::as_const(m_derived))
            for (const MetricQuery &q : job.queries)
                if (q.seriesKey() == spec.inputs.first().seriesKey())
                    if (std::optional<SeriesData> d = DerivedSeries::compute(spec, byKey, q.periodSeconds))
                        account.series.insert(seriesSlot(d->seriesKey, q.periodSeconds), std::move(*d));
        fetchNext();
    });
}

void CheckCommand::report() {
    QByteArray lines;
    bool anyFiring = false;
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled)
            continue;
        size_t account = 0;
        while (!rule.account.isEmpty() && m_accounts[account]->id != rule.account)
            ++account;
        const SeriesData data =
            m_accounts[account]->series.value(seriesSlot(rule.seriesKey(), rule.periodSeconds));
        // Replay: one evaluation per period up to the one at --at.
        AlertEvaluator evaluator(rule);
        const qint64 p = qint64(rule.periodSeconds) * 1000;
        for (qint64 k = replayPeriods(rule) - 1; k >= 0; --k)
            (void)evaluator.evaluate(data, m_atMs - k * p);
        const AlertStateKind state = evaluator.state().kind;
        anyFiring = anyFiring || state == AlertStateKind::Firing;
        lines += rule.id.toUtf8() + ' ' + alertStateName(state).toLatin1() + '\n';
    }
    if (m_out.write(lines) != lines.size()) {
        finish(Error{ErrorCode::Io, tr("Cannot write to stdout."), m_out.errorString()});
        return;
    }
    finish(anyFiring);
}

void CheckCommand::finish(const Result<bool> &result) {
    if (!m_done)
        return;
    auto done = std::move(m_done); // `done` may destroy this object
    m_done = nullptr;
    done(result);
}

int CheckCommand::main(const QStringList &arguments, const QProcessEnvironment &env, const QString &home) {
    auto fail = [](const Error &error) {
        const QString line = error.toString().simplified();
        std::fputs((line.isEmpty() ? errorCodeName(error.code) : line).toUtf8().constData(), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
        return 2; // every error of `check` is a fetch, auth or configuration error
    };
    const Result<CheckOptions> options = parse(arguments);
    if (!options)
        return fail(options.error());
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(Error{ErrorCode::Io, tr("Cannot write to stdout."), out.errorString()});
    if (options->help) {
        out.write(helpText().toUtf8());
        return 0;
    }
    CheckCommand check(*options, env, home, out);
    int status = 0;
    QTimer::singleShot(0, &check, [&] {
        check.run([&](const Result<bool> &result) {
            out.flush();
            status = !result ? fail(result.error()) : (*result ? 1 : 0);
            QCoreApplication::exit(status);
        });
    });
    QCoreApplication::exec();
    return status;
}

} // namespace mlwatch::cli
