#pragma once

#include "cli/cli_error.h"
#include "cli/cli_options.h"
#include "cli/query_output_writer.h"
#include "core/auth/account.h"

#include <QCoreApplication>

#include <functional>

class QIODevice;

namespace mlwatch {
class AccountStore;
class Clock;
class MetricProvider;
struct FetchReport;
struct TimeRange;
} // namespace mlwatch

namespace mlwatch::cli {

// The flow the `query aws|azure|gcp` commands share once their provider is built: --from/--to
// resolved against the command's clock, the default period, one fetch, the answer written as CSV
// or JSON. Also the steps of looking up a stored account that all three take the same way.
class QueryRunner {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::QueryRunner)
public:
    using Done = std::function<void(Result<void>)>;
    // The period when the command line gave none, from the window and the clock's now.
    using DefaultPeriod = std::function<int(const TimeRange &range, qint64 nowMs)>;
    // The series to write from a report of `query` without errors.
    using Collect = std::function<QList<QuerySeries>(const MetricQuery &query, FetchReport &report)>;

    struct Request {
        MetricQuery query;
        bool periodGiven = false; // else `defaultPeriod` picks it
        QString fromText;
        QString toText;
        OutputFormat format = OutputFormat::Csv;
    };

    // Fetches `request` through `provider` and writes it to `out`. `done` is called exactly once,
    // possibly before run() returns, with success or the Error whose toString() is the CLI's one
    // stderr line; it may destroy the provider, the clock and `out`'s owner.
    static void run(MetricProvider &provider, const Clock &clock, const Request &request,
                    const DefaultPeriod &defaultPeriod, Collect collect, QIODevice &out, Done done);

    // run() for the clouds whose default period is chartPeriodSeconds() and whose answers
    // splitSeries() reads: Azure Monitor and Cloud Monitoring.
    static void runSplit(MetricProvider &provider, const Clock &clock, const Request &request, QIODevice &out,
                         Done done);

    // The request of a command's options (QueryOptions, AzureQueryOptions, GcpQueryOptions).
    template <typename Options> static Request requestOf(const Options &options, bool periodGiven) {
        return {options.query, periodGiven, options.fromText, options.toText, options.format};
    }

    // The one series of a query without splits: its data, or none when the cloud had none.
    static QList<QuerySeries> singleSeries(const MetricQuery &query, FetchReport &report);
    // Every series a query with '*' dimension values splits into, in the order of their names
    // (stable from run to run, whatever order the cloud ranked them in); a query without '*' has
    // exactly one series, also when the cloud had no data for it.
    static QList<QuerySeries> splitSeries(const MetricQuery &query, FetchReport &report);

    // The finest of the periods the clouds' own charts use that keeps the window within 43,200
    // points (cloud-apis.md §2.3: keep each request to 30 days and a reasonable point count).
    static int chartPeriodSeconds(const TimeRange &range);

    // The account `id` of `store` (loaded here), which must be of `kind`: else the Error to stop
    // with, `wrongKind` ("Account “%1” is a %2 account: …") naming the id and the kind it has.
    static Result<Account> storedAccount(AccountStore &store, const QString &id, AccountKind kind,
                                         const QString &wrongKind);
};

} // namespace mlwatch::cli
