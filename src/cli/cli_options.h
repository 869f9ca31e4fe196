#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"
#include "core/providers/aws/aws_credentials.h"
#include "core/providers/aws/aws_environment.h"

#include <QCoreApplication>
#include <QStringList>

namespace mlwatch::cli {

enum class OutputFormat { Csv, Json };

// `mlwatch-cli query aws …` as values. Times stay text until the command knows its "now" (the
// demo may run on a pinned clock); their syntax is already checked here.
struct QueryOptions {
    bool demo = false;
    aws::AwsChainRequest chain;                                       // --profile --region --endpoint-url
    aws::CloudWatchProtocol protocol = aws::CloudWatchProtocol::Json; // --protocol
    MetricQuery query;        // --namespace --metric --dimension… --stat --period
    bool periodGiven = false; // else the command picks it from the window
    QString fromText;         // --from TIME
    QString toText;           // --to TIME
    OutputFormat format = OutputFormat::Csv;
};

// What the command line asks for.
struct CliCommand {
    enum class Action { Help, Version, Query };
    Action action = Action::Help;
    QString text;       // for Help and Version: what to print on stdout
    QueryOptions query; // for Query
};

// Parses the command line of mlwatch-cli (the contract is in helpText()). Never exits the
// process and never prints: errors come back as ErrorCode::BadArgument with a one-line,
// translated message. No option takes a secret, so none can leak through `ps` or shell history.
class CliOptions {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::CliOptions)
public:
    // `arguments` includes the program name first, as QCoreApplication::arguments() gives it.
    static Result<CliCommand> parse(const QStringList &arguments);

    // "mlwatch-cli <version>".
    static QString versionText();
    // The full help: usage, every option, TIME forms, output formats and exit statuses.
    static QString helpText();
};

} // namespace mlwatch::cli
