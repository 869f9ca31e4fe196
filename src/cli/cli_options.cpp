#include "cli/cli_options.h"
#include "cli/cli_error.h"

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
    QCommandLineOption demo{QStringLiteral("demo"),
                            CliOptions::tr("Query the built-in simulated cloud (no account needed; it "
                                           "answers as region us-east-1).")};
    QCommandLineOption region{QStringLiteral("region"),
                              CliOptions::tr("AWS region, e.g. us-east-1 (else AWS_REGION, "
                                             "AWS_DEFAULT_REGION or the profile's region)."),
                              QStringLiteral("REGION")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               CliOptions::tr("Profile in ~/.aws/credentials and ~/.aws/config "
                                              "(else AWS_PROFILE, else \"default\")."),
                               QStringLiteral("NAME")};
    QCommandLineOption endpointUrl{QStringLiteral("endpoint-url"),
                                   CliOptions::tr("CloudWatch endpoint to use instead of the "
                                                  "regional one; plain http only on loopback."),
                                   QStringLiteral("URL")};
    QCommandLineOption protocol{QStringLiteral("protocol"),
                                CliOptions::tr("CloudWatch wire protocol: json (default) or query."),
                                QStringLiteral("json|query")};
    QCommandLineOption nameSpace{QStringLiteral("namespace"),
                                 CliOptions::tr("Metric namespace, e.g. AWS/SageMaker."),
                                 QStringLiteral("NS")};
    QCommandLineOption metric{QStringLiteral("metric"), CliOptions::tr("Metric name, e.g. Invocations."),
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
                              CliOptions::tr("Period in seconds: 1, 5, 10, 30 or a multiple of 60 "
                                             "(default: the finest CloudWatch keeps for data that "
                                             "old: 60, 300 after 15 days, 3600 after 63 days)."),
                              QStringLiteral("SECONDS")};
    QCommandLineOption from{QStringLiteral("from"), CliOptions::tr("Start of the window (inclusive)."),
                            QStringLiteral("TIME")};
    QCommandLineOption to{QStringLiteral("to"), CliOptions::tr("End of the window (exclusive)."),
                          QStringLiteral("TIME")};
    QCommandLineOption format{QStringLiteral("format"),
                              CliOptions::tr("Output on stdout: csv (default) or json."),
                              QStringLiteral("csv|json")};

    void addTo(QCommandLineParser &parser) const {
        parser.addOptions({help, version, demo, region, profile, endpointUrl, protocol, nameSpace, metric,
                           dimension, stat, period, from, to, format});
        parser.addPositionalArgument(QStringLiteral("query"), CliOptions::tr("The command: query."));
        parser.addPositionalArgument(QStringLiteral("aws"), CliOptions::tr("The cloud: aws."));
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
           "  mlwatch-cli query aws --demo ...   (the same, against the built-in simulated cloud)\n"
           "  mlwatch-cli report (--workspace FILE | --demo) --out DIR ...   (the weekly review;\n"
           "              see mlwatch-cli report --help)\n"
           "  mlwatch-cli backtest --rule RULE.json --data SERIES.csv [--series NAME] [--format csv|json]\n"
           "              (replays an alert rule; see mlwatch-cli backtest --help)\n"
           "  mlwatch-cli check (--workspace FILE | --demo) [--at TIME]   (alert rules once: exit 0 ok,\n"
           "              1 firing, 2 error; see mlwatch-cli check --help)\n"
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
    };
    for (const auto &[code, text] : kCauses)
        statuses[exitStatusFor(code)].append(text);
    QString exitLines = QStringLiteral("  0  ") + tr("success") + QLatin1Char('\n');
    for (const auto &[status, texts] : statuses)
        exitLines +=
            QStringLiteral("  %1  ").arg(status) + texts.join(QStringLiteral(", ")) + QLatin1Char('\n');

    // QCommandLineParser names the program by its full path; the usage line names the command.
    QString help = parser.helpText();
    help.replace(0, help.indexOf(QLatin1Char('\n')), tr("Usage: mlwatch-cli [options] query aws"));
    return help + QLatin1Char('\n') +
           tr("Credentials:\n"
              "  The standard AWS chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and\n"
              "  AWS_SESSION_TOKEN, else the profile in ~/.aws/credentials and ~/.aws/config\n"
              "  (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE). The endpoint may also come from\n"
              "  AWS_ENDPOINT_URL_CLOUDWATCH or AWS_ENDPOINT_URL. Secrets are never taken as\n"
              "  command-line arguments and never printed.\n"
              "\n"
              "TIME:\n"
              "  ISO 8601 with a zone: 2026-11-20T12:00:00Z, 2026-11-20T13:00:00+01:00, 2026-11-20\n"
              "  (midnight UTC); or relative to now: -30s, -30m, -1h, -7d, -2w, now.\n"
              "\n"
              "Output (stdout, UTF-8):\n"
              "  csv   RFC 4180 with the header timestamp,series,value,unit and one row per\n"
              "        datapoint in ascending time. timestamp is ISO 8601 UTC ending in Z; series\n"
              "        reads NAMESPACE:METRIC{KEY=VALUE,...}:STAT; value is exactly what the cloud\n"
              "        returned (shortest form, '.' decimal point, inf/-inf); unit is CloudWatch's\n"
              "        unit name when known, else empty. A missing datapoint has no row.\n"
              "  json  {\"series\":[{\"name\":…,\"namespace\":…,\"metric\":…,\"dimensions\":{KEY:VALUE},\n"
              "        \"stat\":…,\"period\":SECONDS,\"unit\":…,\"points\":[[\"TIME\",VALUE],…]}]}\n"
              "        with the same timestamps and values (inf as the string \"inf\").\n"
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
        return badArgument(tr("query needs a cloud: aws."));
    if (positional.at(1) != QLatin1String("aws"))
        return badArgument(tr("Unknown cloud \"%1\": this version queries aws.").arg(positional.at(1)));
    if (positional.size() > 2) // the extra words are not echoed: they could be a pasted secret
        return badArgument(tr("Too many arguments after \"query aws\". Try --help."));

    command.action = CliCommand::Action::Query;
    QueryOptions &q = command.query;

    // Single-valued options, each given at most once.
    QString region, profile, endpointUrl, protocol, nameSpace, metric, stat, periodText, format, from, to;
    const std::pair<const QCommandLineOption *, QString *> singles[] = {{&o.region, &region},
                                                                        {&o.profile, &profile},
                                                                        {&o.endpointUrl, &endpointUrl},
                                                                        {&o.protocol, &protocol},
                                                                        {&o.nameSpace, &nameSpace},
                                                                        {&o.metric, &metric},
                                                                        {&o.stat, &stat},
                                                                        {&o.period, &periodText},
                                                                        {&o.format, &format},
                                                                        {&o.from, &from},
                                                                        {&o.to, &to}};
    for (const auto &[option, out] : singles) {
        Result<QString> v = single(parser, *option);
        if (!v)
            return v.error();
        *out = *v;
    }

    q.demo = parser.isSet(o.demo);
    if (q.demo && !profile.isEmpty())
        return badArgument(tr("--demo brings its own credentials: drop --profile."));
    if (q.demo && !endpointUrl.isEmpty())
        return badArgument(tr("--demo brings its own endpoint: drop --endpoint-url."));
    q.chain.region = region;
    q.chain.profile = profile;
    if (!endpointUrl.isEmpty()) {
        const QUrl url(endpointUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return badArgument(tr("--endpoint-url \"%1\" is not an http(s) URL.").arg(endpointUrl));
        q.chain.endpointUrl = endpointUrl;
    }

    if (protocol.isEmpty() || protocol.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        q.protocol = aws::CloudWatchProtocol::Json;
    else if (protocol.compare(QLatin1String("query"), Qt::CaseInsensitive) == 0)
        q.protocol = aws::CloudWatchProtocol::Query;
    else
        return badArgument(tr("--protocol must be json or query, not \"%1\".").arg(protocol));

    if (format.isEmpty() || format.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        q.format = OutputFormat::Csv;
    else if (format.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        q.format = OutputFormat::Json;
    else
        return badArgument(tr("--format must be csv or json, not \"%1\".").arg(format));

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

    if (from.isEmpty())
        return badArgument(tr("Missing --from TIME (e.g. -1h or 2026-11-20T12:00:00Z)."));
    if (to.isEmpty())
        return badArgument(tr("Missing --to TIME (e.g. now or 2026-11-20T13:00:00Z)."));
    if (Result<void> r = checkTime(QStringLiteral("from"), from); !r)
        return r.error();
    if (Result<void> r = checkTime(QStringLiteral("to"), to); !r)
        return r.error();
    q.fromText = from;
    q.toText = to;
    return command;
}

} // namespace mlwatch::cli
