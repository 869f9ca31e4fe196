#pragma once

#include "cli/cli_options.h"
#include "core/alerts/alert_evaluator.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace mlwatch::cli {

// `mlwatch-cli backtest --rule RULE.json --data SERIES.csv [--series NAME] [--format csv|json]`
// as values.
struct BacktestOptions {
    QString rulePath;
    QString dataPath;   // "-" = stdin
    QString seriesName; // --series; empty = the rule's series, or the file's only series
    OutputFormat format = OutputFormat::Csv;
    bool help = false;
};

// What a backtest read and found.
struct BacktestResult {
    QString ruleId;
    QString seriesName;
    QList<AlertTransition> transitions;
};

// `mlwatch-cli backtest`: replays an alert rule over the CSV that `query` writes
// (timestamp,series,value,unit; values are taken as written, in the rule's unit) and prints one
// row per state change. Pure apart from reading the two files: no network, no clock.
//
//   timestamp,state,level,value
//   2026-11-20T07:04:00Z,firing,critical,1300
//
// timestamp: the newest period of the window (ISO 8601 UTC); state ok|pending|firing|nodata;
// level warning|critical or empty; value that period's value or empty when missing. The initial
// ok is not printed. JSON: {"rule":ID,"series":NAME,"changes":[{"timestamp":…,"state":…,
// "level":…|null,"value":…|null},…]}.
class BacktestCommand {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::BacktestCommand)
public:
    static Result<BacktestOptions> parse(const QStringList &arguments);
    static QString helpText();

    // Reads the rule and the CSV, picks the series (see the help) and evaluates. Errors are
    // BadArgument (naming the file, line or field) or Io.
    static Result<BacktestResult> evaluate(const BacktestOptions &options);
    static Result<void> write(QIODevice &out, const BacktestResult &result, OutputFormat format);

    // The whole command: parse, evaluate, print; returns the exit status (0, or the error's).
    static int main(const QStringList &arguments);
};

} // namespace mlwatch::cli
