#include "cli/report_command.h"

#include "cli/demo_launch.h"
#include "cli/machine_config.h"
#include "core/alerts/default_rules.h"
#include "core/catalog/aws_catalog.h"
#include "core/common/clock.h"
#include "core/model/time_spec.h"
#include "core/net/http_client.h"
#include "core/providers/aws/cloudwatch_provider.h"
#include "core/workspace/workspace_file.h"
#include "demo/demo_cloud.h"
#include "report/weekly_report.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace mlwatch::cli {

namespace {} // namespace

struct ReportCommand::Account {
    QString label;
    std::unique_ptr<aws::CloudWatchProvider> provider;
    QList<ChartSpec> charts;
};

ReportCommand::ReportCommand(ReportOptions options, QProcessEnvironment env, QString home, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_home(std::move(home)) {}

ReportCommand::~ReportCommand() {
    // The report refers to the providers, the providers to the HTTP client and the clock.
    m_report.reset();
    m_accounts.clear();
    m_http.reset();
}

void ReportCommand::run(std::function<void(Result<void>, QString)> done) {
    m_done = std::move(done);
    if (Result<void> ready = prepare(); !ready) {
        finish(ready);
        return;
    }
    discoverNext();
}

Result<void> ReportCommand::prepare() {
    // The folder rule first: a refused --out should not wait for discovery and fetches. The
    // report checks it again right before writing.
    if (Result<void> out = WeeklyReportWriter::checkOutputDir(m_options.outDir, m_options.force); !out)
        return out;
    m_zone =
        m_options.timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(m_options.timeZone.toUtf8());
    if (!m_zone.isValid())
        return badArgument(tr("The time zone \"%1\" is not valid.").arg(m_options.timeZone));
    m_http = std::make_unique<HttpClient>();

    if (m_options.demo) {
        Result<DemoLaunch> launched = launchDemo(m_env);
        if (!launched)
            return launched.error();
        m_clock = std::move(launched->clock);
        m_demo = std::move(launched->cloud);
        auto account = std::make_unique<Account>();
        account->label = tr("Demo cloud");
        const aws::AwsResolved resolved = m_demo->resolved();
        account->provider = std::make_unique<aws::CloudWatchProvider>(*m_http, *m_clock, resolved.credentials,
                                                                      resolved.endpoint, account->label);
        m_accounts.push_back(std::move(account));
        m_workspaceName = tr("Demo");
        return {};
    }

    m_clock = std::make_unique<SystemClock>();
    if (Result<void> configured = MachineConfig::configureHttp(*m_http, m_env); !configured)
        return configured;
    Result<Workspace> workspace = WorkspaceFile::load(m_options.workspacePath);
    if (!workspace)
        return workspace.error();
    // A workspace file is shared between people: its endpoints are held to this machine's
    // policy before any credentials are looked up or any connection is made.
    const EndpointPolicy policy = MachineConfig::endpointPolicy();
    m_workspaceName = QFileInfo(m_options.workspacePath).completeBaseName();
    m_workspaceRules = workspace->rules;
    for (const WorkspaceAccount &a : std::as_const(workspace->accounts)) {
        if (a.kind != QLatin1String("aws"))
            return badArgument(
                tr("Account \"%1\" is on %2: this version reports on aws accounts.").arg(a.id, a.kind));
        if (Result<void> allowed =
                MachineConfig::checkEndpoint(policy, AccountKind::Aws, a.id, a.endpointUrl);
            !allowed)
            return allowed;
        aws::AwsChainRequest chain;
        chain.profile = a.profile;
        chain.region = a.region;
        chain.endpointUrl = a.endpointUrl;
        Result<aws::AwsResolved> resolved = aws::resolveAwsChain(chain, m_env, m_home);
        if (!resolved)
            return resolved.error();
        if (a.protocol == QLatin1String("query"))
            resolved->endpoint.protocol = aws::CloudWatchProtocol::Query;
        const QUrl endpoint = resolved->endpoint.resolvedEndpoint();
        if (endpoint.isEmpty())
            return badArgument(tr("Account \"%1\" has no region: set its region or AWS_REGION.").arg(a.id));
        if (!HttpClient::mayCarryCredentials(endpoint))
            return badArgument(tr("Refusing to send credentials over plain http to %1: use https "
                                  "(plain http is allowed only on loopback).")
                                   .arg(endpoint.host()));
        auto account = std::make_unique<Account>();
        account->label = tr("AWS %1 (%2)").arg(resolved->endpoint.region, a.id);
        account->provider = std::make_unique<aws::CloudWatchProvider>(
            *m_http, *m_clock, resolved->credentials, resolved->endpoint, account->label);
        m_accounts.push_back(std::move(account));
    }
    if (m_accounts.empty())
        return badArgument(tr("The workspace %1 has no accounts.").arg(m_options.workspacePath));
    return {};
}

void ReportCommand::discoverNext() {
    if (m_discovered >= m_accounts.size()) {
        startReport();
        return;
    }
    Account &account = *m_accounts.at(m_discovered);
    account.provider->discover(aws::catalogNamespaces(),
                               [this, &account](Result<QList<MetricDescriptor>> found) {
                                   if (!found) {
                                       finish(found.error());
                                       return;
                                   }
                                   account.charts = aws::buildAwsCharts(*found);
                                   ++m_discovered;
                                   discoverNext();
                               });
}

void ReportCommand::startReport() {
    const qint64 nowMs = m_clock->nowMs();
    ReportRequest request;
    request.nowMs = nowMs;
    request.workspaceName = m_workspaceName;
    if (!m_options.fromText.isEmpty()) {
        const Result<qint64> from = parseTimeSpec(m_options.fromText, nowMs);
        const Result<qint64> to = parseTimeSpec(m_options.toText, nowMs);
        if (!from || !to) {
            finish(badArgument(!from ? from.error().message : to.error().message));
            return;
        }
        Result<ReportWeek> week = ReportWeek::fromRange(TimeRange{*from, *to}, m_zone);
        if (!week) {
            finish(badArgument(tr("--from must be before --to.")));
            return;
        }
        request.week = *week;
    } else if (!m_options.weekText.isEmpty()) {
        Result<ReportWeek> week = ReportWeek::fromIsoWeekText(m_options.weekText, m_zone);
        if (!week) {
            finish(week.error());
            return;
        }
        request.week = *week;
    } else {
        request.week = ReportWeek::lastCompleteWeek(nowMs, m_zone);
    }

    // The workspace's rules, plus the defaults for charts it has no rule with that id for: the
    // same set the GUI's session watches.
    QList<ChartSpec> allCharts;
    for (const auto &account : m_accounts) {
        request.accounts.append(ReportAccount{account->label, account->provider.get(), account->charts});
        allCharts += account->charts;
    }
    request.rules = m_workspaceRules;
    for (const AlertRule &rule : defaultRulesFor(allCharts))
        if (std::none_of(request.rules.cbegin(), request.rules.cend(),
                         [&](const AlertRule &r) { return r.id == rule.id; }))
            request.rules.append(rule);

    WeeklyReportOptions options;
    options.outputDir = m_options.outDir;
    options.formats = m_options.formats;
    options.locale = QLocale();
    const QString weekText = request.week.isIsoWeek() ? request.week.isoWeekText() : QString();
    const QString zone = request.week.zoneText();
    m_report = std::make_unique<WeeklyReport>(std::move(request), options);
    m_report->start(m_options.force, [this, weekText, zone](Result<void> result) {
        if (!result) {
            finish(result);
            return;
        }
        const QString what = weekText.isEmpty() ? tr("the range") : weekText;
        finish({}, tr("Weekly review of %1 (%2) written to %3: files: %4")
                       .arg(what, zone, QDir::toNativeSeparators(m_options.outDir))
                       .arg(m_report->writtenFiles().size()));
    });
}

void ReportCommand::finish(const Result<void> &result, const QString &summary) {
    if (!m_done)
        return;
    auto done = std::move(m_done); // moved out first: `done` may destroy this object
    m_done = nullptr;
    done(result, summary);
}

} // namespace mlwatch::cli
