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
    bool protocolGiven = false; // else a stored account's own protocol applies
    QString account;            // --account ID: a stored account (keychain) instead of the chain
    MetricQuery query;          // --namespace --metric --dimension… --stat --period
    bool periodGiven = false;   // else the command picks it from the window
    QString fromText;           // --from TIME
    QString toText;             // --to TIME
    OutputFormat format = OutputFormat::Csv;
};

// `mlwatch-cli query azure …` as values; times as in QueryOptions. `query` carries the ARM
// resource id (resource), the metric namespace (the resource's type when --metric-namespace is
// not given), the metric name, the --filter equalities (dimensions), the aggregation (stat) and
// the interval in seconds (periodSeconds).
struct AzureQueryOptions {
    bool demo = false;
    QString account;       // --account ID: a stored account (keychain) instead of the AZURE_* variables
    QString authorityHost; // --authority-host; else the account's, AZURE_AUTHORITY_HOST, the public cloud's
    QString endpointUrl;   // --endpoint-url: Azure Resource Manager; else the account's or the public cloud's
    MetricQuery query;
    bool intervalGiven = false; // else the command picks it from the window
    QString fromText;
    QString toText;
    OutputFormat format = OutputFormat::Csv;
};

// `mlwatch-cli query gcp …` as values; times as in QueryOptions. `query` follows the MetricQuery
// mapping of Cloud Monitoring (gcp_time_series_request.h): resource "projects/PROJECT", metricName
// the metric type, namespaceName the --filter's resource.type (else empty), dimensions the
// --filter's label equalities and the --group-by labels ('*'), stat "ALIGNER[|REDUCER]"
// ("ALIGN_NONE" = raw points), periodSeconds the alignment period.
struct GcpQueryOptions {
    bool demo = false;
    QString account;     // --account ID: a stored account (keychain) instead of the ADC search
    QString endpointUrl; // --endpoint-url: Cloud Monitoring; else the account's or Google's
    MetricQuery query;
    bool periodGiven = false; // else the command picks it from the window
    QString fromText;
    QString toText;
    OutputFormat format = OutputFormat::Csv;
};

// What the command line asks for.
struct CliCommand {
    enum class Action { Help, Version, Query, QueryAzure, QueryGcp };
    Action action = Action::Help;
    QString text;                 // for Help and Version: what to print on stdout
    QueryOptions query;           // for Query (aws)
    AzureQueryOptions azureQuery; // for QueryAzure
    GcpQueryOptions gcpQuery;     // for QueryGcp
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
