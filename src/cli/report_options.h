#pragma once

#include "core/common/result.h"
#include "report/weekly_report_writer.h"

#include <QCoreApplication>
#include <QStringList>

namespace mlwatch::cli {

// `mlwatch-cli report …` as values. Times and the week stay text until the command knows its
// "now" (the demo may run on a pinned clock) and its zone; their syntax is checked here.
struct ReportOptions {
    bool demo = false;
    QString workspacePath; // --workspace FILE
    QString weekText;      // --week YYYY-Www; empty = the last complete week
    QString fromText;      // --from TIME (with --to, instead of a week)
    QString toText;        // --to TIME
    QString timeZone;      // --timezone ZONE (IANA id); empty = the local zone
    QString outDir;        // --out DIR
    WeeklyReportFormats formats;
    bool force = false; // --force: write into a folder that is not empty
    bool help = false;  // --help after "report": print reportHelpText()
};

// The parser of the `report` command (CliOptions hands it the command line when the command
// word is "report"). Same rules as `query`: never exits, never prints, errors are BadArgument
// with one translated line.
class ReportOptionsParser {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::ReportOptionsParser)
public:
    static Result<ReportOptions> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace mlwatch::cli
