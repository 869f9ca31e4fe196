#include "cli/report_options.h"
#include "cli/cli_error.h"

#include "core/model/time_spec.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTimeZone>

namespace mlwatch::cli {

namespace {

const QString kLastWeek = QStringLiteral("last"); // what a bare --week becomes

struct Options {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            ReportOptionsParser::tr("Show this help and exit.")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        ReportOptionsParser::tr("Report on the built-in simulated cloud (no account needed).")};
    QCommandLineOption workspace{
        QStringLiteral("workspace"),
        ReportOptionsParser::tr("Report on the accounts and alert rules of this workspace file."),
        QStringLiteral("FILE")};
    QCommandLineOption week{
        QStringLiteral("week"),
        ReportOptionsParser::tr("The ISO week to report, e.g. 2026-W47 (default, and with "
                                "--week alone: the last complete week)."),
        QStringLiteral("YYYY-Www")};
    QCommandLineOption from{
        QStringLiteral("from"),
        ReportOptionsParser::tr("Start of a range to report instead of a week (inclusive)."),
        QStringLiteral("TIME")};
    QCommandLineOption to{QStringLiteral("to"), ReportOptionsParser::tr("End of that range (exclusive)."),
                          QStringLiteral("TIME")};
    QCommandLineOption timezone{
        QStringLiteral("timezone"),
        ReportOptionsParser::tr("Time zone of the week and of every time in the report, "
                                "an IANA name such as Europe/Berlin or UTC (default: "
                                "the local zone)."),
        QStringLiteral("ZONE")};
    QCommandLineOption out{QStringLiteral("out"),
                           ReportOptionsParser::tr("Folder to write the report into: missing or empty (its "
                                                   "parent must exist)."),
                           QStringLiteral("DIR")};
    QCommandLineOption format{
        QStringLiteral("format"),
        ReportOptionsParser::tr("What to write, comma-separated: pdf, png, csv (default: "
                                "all three)."),
        QStringLiteral("pdf,png,csv")};
    QCommandLineOption force{QStringLiteral("force"),
                             ReportOptionsParser::tr("Write into a folder that is not empty, overwriting the "
                                                     "report's files there (nothing else is touched).")};

    void addTo(QCommandLineParser &parser) const {
        parser.addOptions({help, demo, workspace, week, from, to, timezone, out, format, force});
        parser.addPositionalArgument(QStringLiteral("report"),
                                     ReportOptionsParser::tr("The command: report."));
    }
};

// --week takes an optional value, which QCommandLineParser cannot express: "--week" followed by
// something that is not a week becomes "--week=last".
QStringList normaliseWeek(const QStringList &arguments) {
    static const QRegularExpression kWeekText(QStringLiteral("^\\d{4}-[Ww]\\d{2}$"));
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--week") || a == QLatin1String("-week")) {
            if (i + 1 < arguments.size() && kWeekText.match(arguments.at(i + 1)).hasMatch()) {
                out.append(QStringLiteral("--week=") + arguments.at(++i));
            } else {
                out.append(QStringLiteral("--week=") + kLastWeek);
            }
            continue;
        }
        out.append(a);
    }
    return out;
}

Result<QString> single(const QCommandLineParser &parser, const QCommandLineOption &option) {
    const QStringList values = parser.values(option);
    if (values.size() > 1)
        return badArgument(
            ReportOptionsParser::tr("--%1 was given more than once.").arg(option.names().constLast()));
    return values.isEmpty() ? QString() : values.first();
}

Result<void> checkTime(const QString &option, const QString &text) {
    const Result<qint64> r = parseTimeSpec(text, 0);
    if (!r)
        return badArgument(QStringLiteral("--") + option + QStringLiteral(": ") + r.error().toString());
    return {};
}

} // namespace

QString ReportOptionsParser::helpText() {
    QCommandLineParser parser;
    Options options;
    options.addTo(parser);
    parser.setApplicationDescription(
        tr("Writes the weekly review: report.pdf, charts/*.png, data/*.csv, alerts.csv and summary.csv.\n\n"
           "  mlwatch-cli report (--workspace FILE | --demo) [--week [YYYY-Www] | --from TIME --to TIME]\n"
           "              [--timezone ZONE] --out DIR [--format pdf,png,csv] [--force]"));
    QString help = parser.helpText();
    help.replace(0, help.indexOf(QLatin1Char('\n')), tr("Usage: mlwatch-cli report [options]"));
    return help + QLatin1Char('\n') +
           tr("The week is the ISO week in the chosen zone, Monday 00:00 to Monday 00:00; the PDF states\n"
              "the zone on every page and summary.csv names it. Charts show last week faintly behind this\n"
              "week. CSV files are locale-independent (ISO 8601 UTC, '.' decimals); the PDF follows the\n"
              "UI language. Runs headless (the offscreen platform when there is no display), writes\n"
              "nothing outside --out, and refuses a non-empty --out unless --force is given.\n"
              "TIME is as for query: ISO 8601 with a zone, or relative (-7d, now).\n"
              "Exit statuses are those of query (mlwatch-cli --help).\n");
}

Result<ReportOptions> ReportOptionsParser::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    if (!parser.parse(normaliseWeek(arguments)))
        return badArgument(parser.errorText() + QLatin1Char(' ') + tr("Try mlwatch-cli report --help."));

    ReportOptions r;
    if (parser.isSet(o.help)) {
        r.help = true;
        return r;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != QLatin1String("report"))
        return badArgument(tr("Too many arguments after \"report\". Try mlwatch-cli report --help."));

    QString week, format;
    const std::pair<const QCommandLineOption *, QString *> singles[] = {
        {&o.workspace, &r.workspacePath}, {&o.week, &week},    {&o.from, &r.fromText}, {&o.to, &r.toText},
        {&o.timezone, &r.timeZone},       {&o.out, &r.outDir}, {&o.format, &format}};
    for (const auto &[option, value] : singles) {
        Result<QString> v = single(parser, *option);
        if (!v)
            return v.error();
        *value = *v;
    }
    r.demo = parser.isSet(o.demo);
    r.force = parser.isSet(o.force);

    if (r.demo == !r.workspacePath.isEmpty())
        return badArgument(tr("Give exactly one of --workspace FILE and --demo."));
    if (r.outDir.isEmpty())
        return badArgument(tr("Missing --out DIR: the folder to write the report into."));

    if (!week.isEmpty() && (!r.fromText.isEmpty() || !r.toText.isEmpty()))
        return badArgument(tr("Give either --week or --from and --to, not both."));
    if (r.fromText.isEmpty() != r.toText.isEmpty())
        return badArgument(tr("--from and --to go together."));
    if (!r.fromText.isEmpty()) {
        if (Result<void> ok = checkTime(QStringLiteral("from"), r.fromText); !ok)
            return ok.error();
        if (Result<void> ok = checkTime(QStringLiteral("to"), r.toText); !ok)
            return ok.error();
    }
    if (!week.isEmpty() && week != kLastWeek) {
        static const QRegularExpression kWeekText(QStringLiteral("^\\d{4}-[Ww]\\d{2}$"));
        if (!kWeekText.match(week).hasMatch())
            return badArgument(
                tr("--week \"%1\" is not an ISO week: write YYYY-Www, e.g. 2026-W47.").arg(week));
        r.weekText = week;
    }

    if (!r.timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(r.timeZone.toUtf8()))
        return badArgument(tr("--timezone \"%1\" is not a known time zone: use an IANA name such as "
                              "Europe/Berlin, America/New_York or UTC.")
                               .arg(r.timeZone));

    if (!format.isEmpty()) {
        const std::optional<WeeklyReportFormats> formats = WeeklyReportFormats::parse(format);
        if (!formats)
            return badArgument(
                tr("--format \"%1\" is not valid: list pdf, png and/or csv, comma-separated.").arg(format));
        r.formats = *formats;
    }
    return r;
}

} // namespace mlwatch::cli
