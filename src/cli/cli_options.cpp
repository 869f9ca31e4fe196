#include "cli/cli_options.h"
#include "cli/azure_arguments.h"
#include "cli/cli_error.h"
#include "cli/gcp_arguments.h"

#include "core/auth/account.h"
#include "core/model/time_spec.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QUrl>

#include <map>

namespace mlwatch::cli {

namespace {

// CloudWatch accepts at most 30 dimensions per metric.
constexpr int kMaxDimensions = 30;

struct Options {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            CliOptions::tr("Show this help and exit.")};
    QCommandLineOption version{QStringLiteral("version"),
                               CliOptions::tr("Print \"mlwatch-cli <version>\" and exit.")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        CliOptions::tr("Query the built-in simulated cloud (no account needed; it "
                       "answers as AWS region us-east-1, as an Azure subscription or as the "
                       "Google Cloud project mlwatch-demo-gcp).")};
    QCommandLineOption region{QStringLiteral("region"),
                              CliOptions::tr("AWS region, e.g. us-east-1 (else AWS_REGION, "
                                             "AWS_DEFAULT_REGION or the profile's region)."),
                              QStringLiteral("REGION")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               CliOptions::tr("Profile in ~/.aws/credentials and ~/.aws/config "
                                              "(else AWS_PROFILE, else \"default\")."),
                               QStringLiteral("NAME")};
    QCommandLineOption account{QStringLiteral("account"),
                               CliOptions::tr("A stored account (see mlwatch-cli accounts list): its secret "
                                              "comes from the OS keychain instead of the AWS chain, the "
                                              "AZURE_* variables or the Google credentials file."),
                               QStringLiteral("ID")};
    QCommandLineOption endpointUrl{
        QStringLiteral("endpoint-url"),
        CliOptions::tr("CloudWatch endpoint (aws), Azure Resource Manager "
                       "endpoint (azure) or Cloud Monitoring endpoint (gcp) to use "
                       "instead of the cloud's; plain http only on loopback."),
        QStringLiteral("URL")};
    QCommandLineOption protocol{QStringLiteral("protocol"),
                                CliOptions::tr("CloudWatch wire protocol: json (default) or query."),
                                QStringLiteral("json|query")};
    QCommandLineOption nameSpace{QStringLiteral("namespace"),
                                 CliOptions::tr("Metric namespace, e.g. AWS/SageMaker."),
                                 QStringLiteral("NS")};
    QCommandLineOption metric{QStringLiteral("metric"),
                              CliOptions::tr("Metric name, e.g. Invocations (aws), RequestLatency_P99 or "
                                             "\"Active Cores\" (azure)."),
                              QStringLiteral("NAME")};
    QCommandLineOption dimension{QStringLiteral("dimension"),
                                 CliOptions::tr("A dimension of the metric; repeat for each one. "
                                                "CloudWatch matches the full set exactly."),
                                 QStringLiteral("KEY=VALUE")};
    QCommandLineOption stat{QStringLiteral("stat"),
                            CliOptions::tr("Statistic: Average (default), Sum, Minimum, Maximum, "
                                           "SampleCount, or an extended one such as p99."),
                            QStringLiteral("STAT")};
    QCommandLineOption period{QStringLiteral("period"),
                              CliOptions::tr("Period in seconds. AWS: 1, 5, 10, 30 or a multiple of 60 "
                                             "(default: the finest CloudWatch keeps for data that "
                                             "old: 60, 300 after 15 days, 3600 after 63 days). Google: "
                                             "the alignment period, at least 60 (default: the finest "
                                             "that keeps the window within 43,200 points)."),
                              QStringLiteral("SECONDS")};
    QCommandLineOption authorityHost{QStringLiteral("authority-host"),
                                     CliOptions::tr("Azure: Microsoft Entra ID host to sign in at (else "
                                                    "the stored account's, or AZURE_AUTHORITY_HOST, else "
                                                    "https://login.microsoftonline.com)."),
                                     QStringLiteral("URL")};
    QCommandLineOption resource{QStringLiteral("resource"),
                                CliOptions::tr("Azure: the full ARM id of the resource (it starts with "
                                               "/subscriptions/ and ends with the provider, type and "
                                               "name)."),
                                QStringLiteral("RESOURCE_ID")};
    QCommandLineOption metricNamespace{QStringLiteral("metric-namespace"),
                                       CliOptions::tr("Azure: metric namespace (default: the resource's "
                                                      "type, where its platform metrics are)."),
                                       QStringLiteral("NS")};
    QCommandLineOption aggregation{QStringLiteral("aggregation"),
                                   CliOptions::tr("Azure: Average (default), Minimum, Maximum, Total or "
                                                  "Count."),
                                   QStringLiteral("AGG")};
    QCommandLineOption interval{QStringLiteral("interval"),
                                CliOptions::tr("Azure: time grain PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, "
                                               "PT12H or P1D (default: the finest that keeps the window "
                                               "within 43,200 points)."),
                                QStringLiteral("ISO8601_DURATION")};
    QCommandLineOption filter{QStringLiteral("filter"),
                              CliOptions::tr("Azure: dimension filter, name eq 'value' joined by and; "
                                             "value '*' gives one series per value of that dimension. "
                                             "Google: any Cloud Monitoring filter (AND, OR, NOT, "
                                             "parentheses, =, !=, starts_with(), one_of() …), ANDed "
                                             "to the metric type."),
                              QStringLiteral("FILTER")};
    QCommandLineOption project{
        QStringLiteral("project"),
        CliOptions::tr("Google: the project whose metrics to read (its id or number)."),
        QStringLiteral("PROJECT")};
    QCommandLineOption metricType{
        QStringLiteral("metric-type"),
        CliOptions::tr("Google: the full metric type, e.g. "
                       "aiplatform.googleapis.com/prediction/online/prediction_count."),
        QStringLiteral("TYPE")};
    QCommandLineOption aligner{QStringLiteral("aligner"),
                               CliOptions::tr("Google: the per-series aligner, e.g. ALIGN_MEAN, ALIGN_RATE, "
                                              "ALIGN_DELTA or ALIGN_PERCENTILE_99 (default: none, the raw "
                                              "points; a distribution's value is its mean)."),
                               QStringLiteral("ALIGNER")};
    QCommandLineOption reducer{QStringLiteral("reducer"),
                               CliOptions::tr("Google: the cross-series reducer, e.g. REDUCE_SUM or "
                                              "REDUCE_MEAN (needs --aligner)."),
                               QStringLiteral("REDUCER")};
    QCommandLineOption groupBy{QStringLiteral("group-by"),
                               CliOptions::tr("Google: a label to keep as a split, one series per value "
                                              "(e.g. metric.labels.response_code); repeat for each."),
                               QStringLiteral("FIELD")};
    QCommandLineOption from{QStringLiteral("from"), CliOptions::tr("Start of the window (inclusive)."),
                            QStringLiteral("TIME")};
    QCommandLineOption to{QStringLiteral("to"), CliOptions::tr("End of the window (exclusive)."),
                          QStringLiteral("TIME")};
    QCommandLineOption format{QStringLiteral("format"),
                              CliOptions::tr("Output on stdout: csv (default) or json."),
                              QStringLiteral("csv|json")};

    // The options only some clouds understand, with the clouds that do; the rest are shared.
    QList<std::pair<const QCommandLineOption *, QStringList>> cloudOptions() const {
        const QStringList aws{QStringLiteral("aws")};
        const QStringList azure{QStringLiteral("azure")};
        const QStringList gcp{QStringLiteral("gcp")};
        return {{&region, aws},     {&profile, aws},           {&protocol, aws},
                {&nameSpace, aws},  {&metric, aws + azure},    {&dimension, aws},
                {&stat, aws},       {&period, aws + gcp},      {&authorityHost, azure},
                {&resource, azure}, {&metricNamespace, azure}, {&aggregation, azure},
                {&interval, azure}, {&filter, azure + gcp},    {&project, gcp},
                {&metricType, gcp}, {&aligner, gcp},           {&reducer, gcp},
                {&groupBy, gcp}};
    }

    void addTo(QCommandLineParser &parser) const {
        parser.addOptions({help,     version,         demo,        account,   region, profile, endpointUrl,
                           protocol, nameSpace,       metric,      dimension, stat,   period,  authorityHost,
                           resource, metricNamespace, aggregation, interval,  filter, project, metricType,
                           aligner,  reducer,         groupBy,     from,      to,     format});
        parser.addPositionalArgument(QStringLiteral("query"), CliOptions::tr("The command: query."));
        parser.addPositionalArgument(QStringLiteral("cloud"),
                                     CliOptions::tr("The cloud: aws, azure or gcp."));
    }
};

// The one value of an option; a repeated single-valued option is refused rather than guessed.
Result<QString> single(const QCommandLineParser &parser, const QCommandLineOption &option) {
    const QStringList values = parser.values(option);
    if (values.size() > 1)
        return badArgument(CliOptions::tr("--%1 was given more than once.").arg(option.names().constLast()));
    return values.isEmpty() ? QString() : values.first();
}

Result<QString> statistic(const QString &text) {
    // CloudWatch is case-sensitive here; accept any case for the five standard names.
    static const QStringList kStandard{QStringLiteral("Average"), QStringLiteral("Sum"),
                                       QStringLiteral("Minimum"), QStringLiteral("Maximum"),
                                       QStringLiteral("SampleCount")};
    for (const QString &s : kStandard)
        if (s.compare(text, Qt::CaseInsensitive) == 0)
            return s;
    // Extended statistics: p99, p99.9, tm90, wm99, tc10, ts95, IQM, TM(10%:90%), PR(:300) …
    static const QRegularExpression kExtended(QStringLiteral(
        "^(?:(?:p|tm|wm|tc|ts)\\d{1,2}(?:\\.\\d{1,10})?|IQM|(?:TM|WM|TC|TS|PR)\\([0-9.%:]*\\))$"));
    if (kExtended.match(text).hasMatch())
        return text;
    return badArgument(CliOptions::tr("--stat \"%1\" is not a CloudWatch statistic: use Average, Sum, "
                                      "Minimum, Maximum, SampleCount or e.g. p99.")
                           .arg(text));
}

Result<int> period(const QString &text) {
    bool ok = false;
    const int seconds = text.toInt(&ok);
    // 1, 5, 10, 30 are the high-resolution periods; everything else is a multiple of 60.
    if (!ok || seconds <= 0 ||
        !(seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30 || seconds % 60 == 0))
        return badArgument(CliOptions::tr("--period \"%1\" is not valid: use 1, 5, 10, 30 or a "
                                          "multiple of 60 seconds.")
                               .arg(text));
    return seconds;
}

Result<QList<Dimension>> dimensions(const QStringList &texts) {
    QList<Dimension> out;
    for (const QString &text : texts) {
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == text.size() - 1)
            return badArgument(CliOptions::tr("--dimension \"%1\" must be KEY=VALUE with both parts "
                                              "non-empty.")
                                   .arg(text));
        const Dimension d{text.left(eq), text.mid(eq + 1)};
        for (const Dimension &seen : out)
            if (seen.name == d.name)
                return badArgument(CliOptions::tr("--dimension %1 was given twice.").arg(d.name));
        out.append(d);
    }
    if (out.size() > kMaxDimensions)
        return badArgument(CliOptions::tr("CloudWatch allows at most %1 dimensions.").arg(kMaxDimensions));
    return out;
}

Result<void> checkTime(const QString &option, const QString &text) {
    // Syntax only: the command resolves relative times against its own clock.
    const Result<qint64> r = parseTimeSpec(text, 0);
    if (!r)
        return badArgument(QStringLiteral("--") + option + QStringLiteral(": ") + r.error().toString());
    return {};
}

} // namespace

QString CliOptions::versionText() {
    return QStringLiteral("mlwatch-cli ") + QStringLiteral(MLWATCH_VERSION);
}

QString CliOptions::helpText() {
    QCommandLineParser parser;
    Options options;
    options.addTo(parser);
    parser.setApplicationDescription(
        tr("Queries cloud metrics for scripts, cron jobs and CI.\n\n"
           "  mlwatch-cli query aws [--region REGION] [--profile NAME] [--endpoint-url URL]\n"
           "              [--protocol json|query] --namespace NS --metric NAME\n"
           "              [--dimension KEY=VALUE]... [--stat STAT] [--period SECONDS]\n"
           "              --from TIME --to TIME [--format csv|json]\n"
           "  mlwatch-cli query aws --account ID [--region REGION] [--endpoint-url URL] ...\n"
           "              (the same, with a stored account whose secret is in the OS keychain)\n"
           "  mlwatch-cli query aws --demo ...   (the same, against the built-in simulated cloud)\n"
           "  mlwatch-cli query azure [--account ID] [--authority-host URL] [--endpoint-url ARM_URL]\n"
           "              --resource RESOURCE_ID --metric NAME [--metric-namespace NS]\n"
           "              [--aggregation AGG] [--interval ISO8601_DURATION] [--filter ODATA]\n"
           "              --from TIME --to TIME [--format csv|json]\n"
           "  mlwatch-cli query azure --demo ...   (the same, against the built-in simulated Azure)\n"
           "  mlwatch-cli query gcp [--account ID] [--endpoint-url MONITORING_URL] --project PROJECT\n"
           "              --metric-type TYPE [--filter FILTER] [--aligner ALIGNER] [--reducer REDUCER]\n"
           "              [--group-by FIELD]... [--period SECONDS] --from TIME --to TIME\n"
           "              [--format csv|json]\n"
           "  mlwatch-cli query gcp --demo ...   (the same, against the built-in simulated Google Cloud)\n"
           "  mlwatch-cli report (--workspace FILE | --demo) --out DIR ...   (the weekly review;\n"
           "              see mlwatch-cli report --help)\n"
           "  mlwatch-cli backtest --rule RULE.json --data SERIES.csv [--series NAME] [--format csv|json]\n"
           "              (replays an alert rule; see mlwatch-cli backtest --help)\n"
           "  mlwatch-cli check (--workspace FILE | --demo) [--at TIME]   (alert rules once: exit 0 ok,\n"
           "              1 firing, 2 error; see mlwatch-cli check --help)\n"
           "  mlwatch-cli accounts list|import|add|remove|test|trust-host|untrust-host ...\n"
           "              (accounts with their secrets in the OS keychain; see mlwatch-cli accounts --help)\n"
           "  mlwatch-cli --version"));

    // Exit statuses come from the same table the program uses, so the help cannot drift.
    std::map<int, QStringList> statuses;
    const std::pair<ErrorCode, QString> kCauses[] = {
        {ErrorCode::BadArgument, tr("bad argument")},
        {ErrorCode::NoCredentials, tr("no credentials found")},
        {ErrorCode::AuthRejected, tr("credentials or signature rejected")},
        {ErrorCode::Throttled, tr("still throttled after retries")},
        {ErrorCode::Network, tr("network error")},
        {ErrorCode::Timeout, tr("timeout")},
        {ErrorCode::BadResponse, tr("unreadable answer")},
        {ErrorCode::ServiceError, tr("error reported by the cloud")},
        {ErrorCode::Cancelled, tr("cancelled")},
        {ErrorCode::Io, tr("writing the output failed")},
        {ErrorCode::Keychain, tr("the OS keychain is missing, locked or refused")},
    };
    for (const auto &[code, text] : kCauses)
        statuses[exitStatusFor(code)].append(text);
    QString exitLines = QStringLiteral("  0  ") + tr("success") + QLatin1Char('\n');
    for (const auto &[status, texts] : statuses)
        exitLines +=
            QStringLiteral("  %1  ").arg(status) + texts.join(QStringLiteral(", ")) + QLatin1Char('\n');

    // QCommandLineParser names the program by its full path; the usage line names the command.
    QString help = parser.helpText();
    help.replace(0, help.indexOf(QLatin1Char('\n')), tr("Usage: mlwatch-cli [options] query aws|azure|gcp"));
    return help + QLatin1Char('\n') +
           tr("Credentials:\n"
              "  The standard AWS chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and\n"
              "  AWS_SESSION_TOKEN, else the profile in ~/.aws/credentials and ~/.aws/config\n"
              "  (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE). The endpoint may also come from\n"
              "  AWS_ENDPOINT_URL_CLOUDWATCH or AWS_ENDPOINT_URL. With --account ID, the stored\n"
              "  account instead: its secret from the OS keychain, its region and endpoint (--region\n"
              "  and --endpoint-url still override; an endpoint must be on the cloud's domains,\n"
              "  loopback, or a host trusted with mlwatch-cli accounts trust-host). Secrets are never\n"
              "  taken as command-line arguments and never printed. MLWATCH_CA_BUNDLE names a PEM\n"
              "  file of extra CA certificates (corporate TLS proxies); TLS is always verified.\n"
              "  Azure: a service principal from AZURE_TENANT_ID, AZURE_CLIENT_ID and\n"
              "  AZURE_CLIENT_SECRET, signing in at AZURE_AUTHORITY_HOST (sovereign clouds) or\n"
              "  https://login.microsoftonline.com; or with --account ID a stored Azure account (its\n"
              "  client secret from the OS keychain, its authority host and ARM endpoint, held to the\n"
              "  same endpoint rules). It needs the Monitoring Reader role on the resource.\n"
              "  Google Cloud: the service-account key or authorized-user file named by\n"
              "  GOOGLE_APPLICATION_CREDENTIALS, else gcloud's application default credentials\n"
              "  (CLOUDSDK_CONFIG or ~/.config/gcloud, application_default_credentials.json); or with\n"
              "  --account ID a stored Google account (its file from the OS keychain). A key file's\n"
              "  token_uri is held to the same endpoint rules. It needs roles/monitoring.viewer on\n"
              "  the project.\n"
              "\n"
              "TIME:\n"
              "  ISO 8601 with a zone: 2026-11-20T12:00:00Z, 2026-11-20T13:00:00+01:00, 2026-11-20\n"
              "  (midnight UTC); or relative to now: -30s, -30m, -1h, -7d, -2w, now.\n"
              "\n"
              "Output (stdout, UTF-8):\n"
              "  csv   RFC 4180 with the header timestamp,series,value,unit and one row per\n"
              "        datapoint in ascending time. timestamp is ISO 8601 UTC ending in Z; series\n"
              "        reads NAMESPACE:METRIC{KEY=VALUE,...}:STAT (Azure: the metric namespace, the\n"
              "        --filter values and the aggregation; a '*' value gives one series per value,\n"
              "        named with it, in the order of their names; Google: the --filter's resource\n"
              "        type, the metric type, the labels and ALIGNER[|REDUCER], a --group-by label\n"
              "        naming one series per value); value is exactly what the cloud returned\n"
              "        (shortest form, '.' decimal point, inf/-inf; a Google distribution point\n"
              "        the aligner keeps as one is its mean); unit is the cloud's\n"
              "        unit name (CloudWatch's, or Azure Monitor's) when known, else empty. A missing\n"
              "        datapoint (Azure: a grain without the aggregation) has no row.\n"
              "  json  {\"series\":[{\"name\":…,\"namespace\":…,\"metric\":…,\"dimensions\":{KEY:VALUE},\n"
              "        \"stat\":…,\"period\":SECONDS,\"unit\":…,\"points\":[[\"TIME\",VALUE],…]}]}\n"
              "        with the same timestamps and values (inf as the string \"inf\"); Azure series\n"
              "        also carry \"resource\":RESOURCE_ID, Google series \"resource\":\"projects/ID\".\n"
              "\n"
              "Exit status (on failure, exactly one line on stderr names the cause):\n") +
           exitLines;
}

Result<CliCommand> CliOptions::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    if (!parser.parse(arguments))
        return badArgument(parser.errorText() + QLatin1Char(' ') + tr("Try --help."));

    CliCommand command;
    if (parser.isSet(o.help)) {
        command.action = CliCommand::Action::Help;
        command.text = helpText();
        return command;
    }
    if (parser.isSet(o.version)) {
        command.action = CliCommand::Action::Version;
        command.text = versionText();
        return command;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return badArgument(tr("No command given. Try --help."));
    if (positional.first() != QLatin1String("query"))
        return badArgument(tr("Unknown command \"%1\". Try --help.").arg(positional.first()));
    if (positional.size() < 2)
        return badArgument(tr("query needs a cloud: aws, azure or gcp."));
    const QString cloud = positional.at(1);
    const bool azure = cloud == QLatin1String("azure");
    const bool gcp = cloud == QLatin1String("gcp");
    if (!azure && !gcp && cloud != QLatin1String("aws"))
        return badArgument(tr("Unknown cloud \"%1\": this version queries aws, azure and gcp.").arg(cloud));
    if (positional.size() > 2) // the extra words are not echoed: they could be a pasted secret
        return badArgument(tr("Too many arguments after \"query %1\". Try --help.").arg(cloud));
    // An option of the other cloud is a mistake, not something to ignore.
    for (const auto &[option, clouds] : o.cloudOptions()) {
        if (!parser.isSet(*option) || clouds.contains(cloud))
            continue;
        QStringList owners;
        for (const QString &owner : clouds)
            owners.append(QStringLiteral("query ") + owner);
        return badArgument(tr("--%1 is an option of %2, not of query %3.")
                               .arg(option->names().constLast(), owners.join(tr(" and ")), cloud));
    }

    // Single-valued options, each given at most once.
    QString account, region, profile, endpointUrl, protocol, nameSpace, metric, stat, periodText, format,
        from, to, authorityHost, resource, metricNamespace, aggregation, interval, filter, project,
        metricType, aligner, reducer;
    const std::pair<const QCommandLineOption *, QString *> singles[] = {
        {&o.account, &account},
        {&o.region, &region},
        {&o.profile, &profile},
        {&o.endpointUrl, &endpointUrl},
        {&o.protocol, &protocol},
        {&o.nameSpace, &nameSpace},
        {&o.metric, &metric},
        {&o.stat, &stat},
        {&o.period, &periodText},
        {&o.format, &format},
        {&o.from, &from},
        {&o.to, &to},
        {&o.authorityHost, &authorityHost},
        {&o.resource, &resource},
        {&o.metricNamespace, &metricNamespace},
        {&o.aggregation, &aggregation},
        {&o.interval, &interval},
        {&o.filter, &filter},
        {&o.project, &project},
        {&o.metricType, &metricType},
        {&o.aligner, &aligner},
        {&o.reducer, &reducer}};
    for (const auto &[option, out] : singles) {
        Result<QString> v = single(parser, *option);
        if (!v)
            return v.error();
        *out = *v;
    }

    // What both clouds share: --demo, --account, --endpoint-url, --format, --from, --to.
    const bool demo = parser.isSet(o.demo);
    if (demo && !profile.isEmpty())
        return badArgument(tr("--demo brings its own credentials: drop --profile."));
    if (demo && !endpointUrl.isEmpty())
        return badArgument(tr("--demo brings its own endpoint: drop --endpoint-url."));
    if (demo && !authorityHost.isEmpty())
        return badArgument(tr("--demo brings its own sign-in: drop --authority-host."));
    if (!account.isEmpty()) {
        if (demo)
            return badArgument(tr("--demo brings its own credentials: drop --account."));
        if (!profile.isEmpty())
            return badArgument(tr("--account and --profile both name the credentials: give one of them."));
        if (!isValidAccountId(account))
            return badArgument(tr("--account: that is not an account id (mlwatch-cli accounts list shows "
                                  "them)."));
    }
    for (const auto &[option, text] : {std::pair{QStringLiteral("endpoint-url"), endpointUrl},
                                       std::pair{QStringLiteral("authority-host"), authorityHost}}) {
        if (text.isEmpty())
            continue;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return badArgument(tr("--%1 \"%2\" is not an http(s) URL.").arg(option, text));
    }
    OutputFormat outputFormat = OutputFormat::Csv;
    if (format.isEmpty() || format.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        outputFormat = OutputFormat::Csv;
    else if (format.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        outputFormat = OutputFormat::Json;
    else
        return badArgument(tr("--format must be csv or json, not \"%1\".").arg(format));

    if (gcp) {
        command.action = CliCommand::Action::QueryGcp;
        GcpQueryOptions &g = command.gcpQuery;
        g.demo = demo;
        g.account = account;
        g.endpointUrl = endpointUrl;
        g.format = outputFormat;
        Result<QString> projectName = GcpArguments::project(project);
        if (!projectName)
            return projectName.error();
        g.query.resource = *projectName;
        Result<QString> type = GcpArguments::metricType(metricType);
        if (!type)
            return type.error();
        g.query.metricName = *type;
        Result<QString> gcpStat = GcpArguments::aggregation(aligner, reducer);
        if (!gcpStat)
            return gcpStat.error();
        g.query.stat = *gcpStat;
        if (!periodText.isEmpty()) {
            if (aligner.isEmpty())
                return badArgument(tr("--period is the alignment period: it needs --aligner (without one, "
                                      "Google returns the raw points)."));
            Result<int> seconds = GcpArguments::period(periodText);
            if (!seconds)
                return seconds.error();
            g.query.periodSeconds = *seconds;
            g.periodGiven = true;
        }
        if (parser.isSet(o.filter)) {
            Result<GcpArguments::Filter> parts = GcpArguments::filter(filter);
            if (!parts)
                return parts.error();
            g.query.namespaceName = parts->resourceType;
            g.query.dimensions = parts->labels;
        }
        Result<QList<Dimension>> splits = GcpArguments::groupBy(parser.values(o.groupBy), g.query.dimensions);
        if (!splits)
            return splits.error();
        g.query.dimensions += *splits;
    } else if (azure) {
        command.action = CliCommand::Action::QueryAzure;
        AzureQueryOptions &a = command.azureQuery;
        a.demo = demo;
        a.account = account;
        a.authorityHost = authorityHost;
        a.endpointUrl = endpointUrl;
        a.format = outputFormat;
        Result<QString> id = AzureArguments::resource(resource);
        if (!id)
            return id.error();
        a.query.resource = *id;
        if (metric.isEmpty())
            return badArgument(tr("Missing --metric (e.g. RequestLatency_P99 or \"Active Cores\")."));
        a.query.metricName = metric;
        a.query.namespaceName =
            metricNamespace.isEmpty() ? AzureArguments::resourceType(*id) : metricNamespace.trimmed();
        a.query.stat = QStringLiteral("Average");
        if (!aggregation.isEmpty()) {
            Result<QString> agg = AzureArguments::aggregation(aggregation);
            if (!agg)
                return agg.error();
            a.query.stat = *agg;
        }
        if (!interval.isEmpty()) {
            Result<int> seconds = AzureArguments::interval(interval);
            if (!seconds)
                return seconds.error();
            a.query.periodSeconds = *seconds;
            a.intervalGiven = true;
        }
        if (parser.isSet(o.filter)) {
            Result<QList<Dimension>> dims = AzureArguments::filter(filter);
            if (!dims)
                return dims.error();
            a.query.dimensions = *dims;
        }
    } else {
        command.action = CliCommand::Action::Query;
        QueryOptions &q = command.query;
        q.demo = demo;
        q.account = account;
        q.format = outputFormat;
        q.chain.region = region;
        q.chain.profile = profile;
        q.chain.endpointUrl = endpointUrl;

        q.protocolGiven = !protocol.isEmpty();
        if (protocol.isEmpty() || protocol.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
            q.protocol = aws::CloudWatchProtocol::Json;
        else if (protocol.compare(QLatin1String("query"), Qt::CaseInsensitive) == 0)
            q.protocol = aws::CloudWatchProtocol::Query;
        else
            return badArgument(tr("--protocol must be json or query, not \"%1\".").arg(protocol));

        if (nameSpace.isEmpty())
            return badArgument(tr("Missing --namespace (e.g. AWS/SageMaker)."));
        if (metric.isEmpty())
            return badArgument(tr("Missing --metric (e.g. Invocations)."));
        q.query.namespaceName = nameSpace;
        q.query.metricName = metric;
        Result<QList<Dimension>> dims = dimensions(parser.values(o.dimension));
        if (!dims)
            return dims.error();
        q.query.dimensions = *dims;
        if (!stat.isEmpty()) {
            Result<QString> s = statistic(stat);
            if (!s)
                return s.error();
            q.query.stat = *s;
        }
        if (!periodText.isEmpty()) {
            Result<int> p = period(periodText);
            if (!p)
                return p.error();
            q.query.periodSeconds = *p;
            q.periodGiven = true;
        }
    }

    if (from.isEmpty())
        return badArgument(tr("Missing --from TIME (e.g. -1h or 2026-11-20T12:00:00Z)."));
    if (to.isEmpty())
        return badArgument(tr("Missing --to TIME (e.g. now or 2026-11-20T13:00:00Z)."));
    if (Result<void> r = checkTime(QStringLiteral("from"), from); !r)
        return r.error();
    if (Result<void> r = checkTime(QStringLiteral("to"), to); !r)
        return r.error();
    if (gcp) {
        command.gcpQuery.fromText = from;
        command.gcpQuery.toText = to;
    } else if (azure) {
        command.azureQuery.fromText = from;
        command.azureQuery.toText = to;
    } else {
        command.query.fromText = from;
        command.query.toText = to;
    }
    return command;
}

} // namespace mlwatch::cli
