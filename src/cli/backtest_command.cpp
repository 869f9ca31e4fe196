#include "cli/backtest_command.h"
#include "cli/cli_error.h"

#include "cli/query_output_writer.h"
#include "core/alerts/alert_rule.h"
#include "core/export/csv_writer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace mlwatch::cli {

namespace {

// RFC 4180 records of `text`: quoted fields with doubled quotes; '\n' or "\r\n" line ends.
// `lines[i]` is the 1-based line each record starts on (for error messages).
struct CsvRecords {
    QList<QList<QByteArray>> rows;
    QList<int> lines;
};

CsvRecords readCsv(const QByteArray &text) {
    CsvRecords out;
    QList<QByteArray> row;
    QByteArray field;
    bool quoted = false;
    bool any = false;
    int line = 1;
    int rowLine = 1;
    auto endRow = [&] {
        row.append(field);
        field.clear();
        out.rows.append(row);
        out.lines.append(rowLine);
        row.clear();
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.append(field);
            field.clear();
            any = true;
        } else if (c == '\n') {
            if (field.endsWith('\r'))
                field.chop(1);
            endRow();
            rowLine = ++line;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty())
        endRow();
    return out;
}

std::optional<double> parseValue(const QByteArray &text) {
    if (text == "inf" || text == "+inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = text.toDouble(&ok); // locale-independent ('.' decimal point)
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<qint64> parseTimestamp(const QByteArray &text) {
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) // the zone must be stated
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

QString isoUtc(qint64 ms) {
    char buffer[CsvWriter::kMaxIsoChars];
    return QString::fromLatin1(buffer, CsvWriter::formatIsoUtc(ms, buffer));
}

QByteArray numberText(double v) {
    char buffer[CsvWriter::kMaxDoubleChars];
    return QByteArray(buffer, CsvWriter::formatDouble(v, buffer));
}

Result<QByteArray> readAll(const QString &path) {
    QFile file;
    const bool stdinPath = path == QLatin1String("-");
    if (stdinPath ? !file.open(stdin, QIODevice::ReadOnly)
                  : (file.setFileName(path), !file.open(QIODevice::ReadOnly)))
        return Error{ErrorCode::Io,
                     BacktestCommand::tr("Cannot read %1.").arg(stdinPath ? QStringLiteral("stdin") : path),
                     file.errorString()};
    return file.readAll();
}

} // namespace

QString BacktestCommand::helpText() {
    return tr(
        "Usage: mlwatch-cli backtest --rule RULE.json --data SERIES.csv [--series NAME]\n"
        "                            [--format csv|json]\n"
        "\n"
        "Replays an alert rule over datapoints and prints every state change it would have made.\n"
        "\n"
        "  --rule FILE      The rule: one JSON object, as in a workspace's \"rules\" (docs/alert-rules.md).\n"
        "  --data FILE      The CSV that `mlwatch-cli query` writes (timestamp,series,value,unit);\n"
        "                   - reads stdin. Values are taken as written, in the rule's unit.\n"
        "  --series NAME    The series to evaluate. Default: the one the rule watches, or the file's\n"
        "                   only series.\n"
        "  --format FORMAT  csv (default) or json.\n"
        "\n"
        "The rule is evaluated once per period, from the first datapoint's period to the last, as if\n"
        "its evaluation delay had passed, starting from ok.\n"
        "\n"
        "Output (csv): timestamp,state,level,value - one row per state change; timestamp is the\n"
        "newest period of the window (ISO 8601 UTC), state ok|pending|firing|nodata, level\n"
        "warning|critical or empty, value that period's value or empty when it had none.\n"
        "Output (json): {\"rule\":…,\"series\":…,\"changes\":[{\"timestamp\":…,\"state\":…,\"level\":…,\n"
        "\"value\":…}]} with null for an empty level or value.\n"
        "\n"
        "Exit status: 0 success, 2 bad argument, rule or data, 9 a file could not be read.\n");
}

Result<BacktestOptions> BacktestCommand::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit.")};
    const QCommandLineOption rule{QStringLiteral("rule"), tr("The rule file."), QStringLiteral("RULE.json")};
    const QCommandLineOption data{QStringLiteral("data"), tr("The datapoints."),
                                  QStringLiteral("SERIES.csv")};
    const QCommandLineOption series{QStringLiteral("series"), tr("The series to evaluate."),
                                    QStringLiteral("NAME")};
    const QCommandLineOption format{QStringLiteral("format"), tr("csv or json."), QStringLiteral("csv|json")};
    parser.addOptions({help, rule, data, series, format});
    if (!parser.parse(arguments))
        return badArgument(parser.errorText() + QLatin1Char(' ') + tr("Try mlwatch-cli backtest --help."));
    BacktestOptions o;
    if (parser.isSet(help)) {
        o.help = true;
        return o;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != QLatin1String("backtest"))
        return badArgument(tr("Unexpected arguments after \"backtest\". Try mlwatch-cli backtest --help."));
    for (const QCommandLineOption *option : {&rule, &data, &series, &format})
        if (parser.values(*option).size() > 1)
            return badArgument(tr("--%1 was given more than once.").arg(option->names().constLast()));
    o.rulePath = parser.value(rule);
    o.dataPath = parser.value(data);
    o.seriesName = parser.value(series);
    if (o.rulePath.isEmpty())
        return badArgument(tr("Missing --rule RULE.json."));
    if (o.dataPath.isEmpty())
        return badArgument(tr("Missing --data SERIES.csv (the output of mlwatch-cli query)."));
    const QString f = parser.value(format);
    if (f.isEmpty() || f.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        o.format = OutputFormat::Csv;
    else if (f.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        o.format = OutputFormat::Json;
    else
        return badArgument(tr("--format must be csv or json, not \"%1\".").arg(f));
    return o;
}

Result<BacktestResult> BacktestCommand::evaluate(const BacktestOptions &options) {
    Result<AlertRule> rule = AlertRule::load(options.rulePath);
    if (!rule)
        return rule.error();
    Result<QByteArray> bytes = readAll(options.dataPath);
    if (!bytes)
        return bytes.error();
    const QString dataName =
        options.dataPath == QLatin1String("-") ? QStringLiteral("stdin") : options.dataPath;

    const CsvRecords csv = readCsv(*bytes);
    if (csv.rows.isEmpty() || csv.rows.first() != QList<QByteArray>{"timestamp", "series", "value", "unit"})
        return badArgument(
            tr("%1: expected the header timestamp,series,value,unit (the output of mlwatch-cli "
               "query --format csv).")
                .arg(dataName));
    struct Points {
        QVector<qint64> times;
        QVector<double> values;
    };
    std::map<QString, Points> bySeries; // sorted by name, for the error listing
    for (qsizetype i = 1; i < csv.rows.size(); ++i) {
        const QList<QByteArray> &r = csv.rows.at(i);
        if (r.size() == 1 && r.first().isEmpty())
            continue; // a blank line
        const int line = csv.lines.at(i);
        if (r.size() != 4)
            return badArgument(
                tr("%1, line %2: expected 4 fields, found %3.").arg(dataName).arg(line).arg(r.size()));
        const std::optional<qint64> time = parseTimestamp(r.at(0));
        if (!time)
            return badArgument(tr("%1, line %2: \"%3\" is not an ISO 8601 time with a zone.")
                                   .arg(dataName)
                                   .arg(line)
                                   .arg(QString::fromUtf8(r.at(0))));
        Points &p = bySeries[QString::fromUtf8(r.at(1))];
        if (r.at(2).isEmpty())
            continue; // no datapoint
        const std::optional<double> value = parseValue(r.at(2));
        if (!value)
            return badArgument(tr("%1, line %2: \"%3\" is not a number.")
                                   .arg(dataName)
                                   .arg(line)
                                   .arg(QString::fromUtf8(r.at(2))));
        p.times.append(*time);
        p.values.append(*value);
    }

    QString chosen;
    const QString ruleSeries = QueryOutputWriter::seriesName(rule->series);
    if (!options.seriesName.isEmpty()) {
        if (bySeries.count(options.seriesName))
            chosen = options.seriesName;
    } else if (bySeries.count(ruleSeries)) {
        chosen = ruleSeries;
    } else if (bySeries.size() == 1) {
        chosen = bySeries.begin()->first;
    }
    if (chosen.isEmpty()) {
        QStringList found;
        for (const auto &[name, points] : bySeries)
            found.append(name);
        const QString wanted = options.seriesName.isEmpty() ? ruleSeries : options.seriesName;
        return badArgument(found.isEmpty()
                               ? tr("%1 holds no series.").arg(dataName)
                               : tr("%1 has no series \"%2\"; pick one with --series. Series found: %3.")
                                     .arg(dataName, wanted, found.join(QStringLiteral(", "))));
    }
    const Points &points = bySeries.at(chosen);
    return BacktestResult{rule->id, chosen, AlertEvaluator::backtest(*rule, points.times, points.values)};
}

Result<void> BacktestCommand::write(QIODevice &out, const BacktestResult &result, OutputFormat format) {
    QByteArray bytes;
    if (format == OutputFormat::Csv) {
        bytes = "timestamp,state,level,value\n";
        for (const AlertTransition &t : result.transitions) {
            bytes += isoUtc(t.timeMs).toLatin1() + ',' + alertStateName(t.to.kind).toLatin1() + ',' +
                     alertLevelName(t.to.level).toLatin1() + ',';
            if (t.hasValue())
                bytes += numberText(t.value);
            bytes += '\n';
        }
    } else {
        // Hand-written so numbers keep CsvWriter's shortest round-trip form.
        auto jsonString = [](const QString &s) {
            QByteArray quoted = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
            return quoted.mid(1, quoted.size() - 2); // strip "[" and "]"
        };
        bytes = "{\"rule\":" + jsonString(result.ruleId) + ",\"series\":" + jsonString(result.seriesName) +
                ",\"changes\":[";
        for (qsizetype i = 0; i < result.transitions.size(); ++i) {
            const AlertTransition &t = result.transitions.at(i);
            if (i > 0)
                bytes += ',';
            bytes += "{\"timestamp\":\"" + isoUtc(t.timeMs).toLatin1() + "\",\"state\":\"" +
                     alertStateName(t.to.kind).toLatin1() + "\",\"level\":";
            bytes += t.to.level == AlertLevel::None ? QByteArray("null")
                                                    : '"' + alertLevelName(t.to.level).toLatin1() + '"';
            bytes += ",\"value\":";
            if (!t.hasValue())
                bytes += "null";
            else if (std::isinf(t.value))
                bytes += t.value > 0 ? "\"inf\"" : "\"-inf\"";
            else
                bytes += numberText(t.value);
            bytes += '}';
        }
        bytes += "]}\n";
    }
    if (out.write(bytes) != bytes.size())
        return Error{ErrorCode::Io, tr("Cannot write to stdout."), out.errorString()};
    return {};
}

int BacktestCommand::main(const QStringList &arguments) {
    auto fail = [](const Error &error) {
        const QString line = error.toString().simplified();
        std::fputs((line.isEmpty() ? errorCodeName(error.code) : line).toUtf8().constData(), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
        return exitStatusFor(error.code);
    };
    const Result<BacktestOptions> options = parse(arguments);
    if (!options)
        return fail(options.error());
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(Error{ErrorCode::Io, tr("Cannot write to stdout."), out.errorString()});
    if (options->help) {
        out.write(helpText().toUtf8());
        return 0;
    }
    const Result<BacktestResult> result = evaluate(*options);
    if (!result)
        return fail(result.error());
    if (Result<void> written = write(out, *result, options->format); !written)
        return fail(written.error());
    out.flush();
    return 0;
}

} // namespace mlwatch::cli
