#include "cli/query_runner.h"

#include "cli/azure_query_command.h"
#include "core/auth/account_store.h"
#include "core/common/clock.h"
#include "core/model/time_spec.h"
#include "core/providers/metric_provider.h"

#include <algorithm>
#include <array>

namespace mlwatch::cli {

namespace {

constexpr qint64 kChartMaxPoints = 43'200;
constexpr std::array kChartPeriods = {60, 300, 900, 1800, 3600, 21600, 43200, 86400};

} // namespace

void QueryRunner::run(MetricProvider &provider, const Clock &clock, const Request &request,
                      const DefaultPeriod &defaultPeriod, Collect collect, QIODevice &out, Done done) {
    // Times resolve against the command's clock: the demo's pinned one, or the system's.
    const qint64 nowMs = clock.nowMs();
    const Result<qint64> from = parseTimeSpec(request.fromText, nowMs);
    const Result<qint64> to = parseTimeSpec(request.toText, nowMs);
    if (!from || !to) {
        done(badArgument(!from ? from.error().message : to.error().message));
        return;
    }
    const TimeRange range{*from, *to};
    if (!range.isValid()) {
        done(badArgument(tr("--from must be before --to.")));
        return;
    }
    MetricQuery query = request.query;
    if (!request.periodGiven)
        query.periodSeconds = defaultPeriod(range, nowMs);

    const OutputFormat format = request.format;
    provider.fetch({query}, range,
                   [query, format, collect = std::move(collect), out = &out,
                    done = std::move(done)](FetchReport report) mutable {
                       if (!done)
                           return;
                       // Moved out first: `finish` may destroy the provider that holds this callback.
                       const Done finish = std::move(done);
                       done = nullptr;
                       if (!report.errors.isEmpty()) {
                           finish(report.errors.first());
                           return;
                       }
                       const QList<QuerySeries> results = collect(query, report);
                       finish(format == OutputFormat::Json ? QueryOutputWriter::writeJson(*out, results)
                                                           : QueryOutputWriter::writeCsv(*out, results));
                   });
}

void QueryRunner::runSplit(MetricProvider &provider, const Clock &clock, const Request &request,
                           QIODevice &out, Done done) {
    run(
        provider, clock, request, [](const TimeRange &range, qint64) { return chartPeriodSeconds(range); },
        &splitSeries, out, std::move(done));
}

QList<QuerySeries> QueryRunner::singleSeries(const MetricQuery &query, FetchReport &report) {
    QuerySeries result{query, {}};
    const QString key = query.seriesKey();
    for (SeriesData &s : report.series) {
        if (s.seriesKey == key) {
            result.data = std::move(s);
            break;
        }
    }
    return {result};
}

QList<QuerySeries> QueryRunner::splitSeries(const MetricQuery &query, FetchReport &report) {
    QList<QuerySeries> results;
    for (SeriesData &s : report.series) {
        if (std::optional<MetricQuery> concrete = AzureQueryCommand::splitQueryFor(query, s.seriesKey))
            results.append(QuerySeries{*concrete, std::move(s)});
    }
    const bool splits = std::any_of(query.dimensions.cbegin(), query.dimensions.cend(),
                                    [](const Dimension &d) { return d.value == QLatin1String("*"); });
    if (!splits && results.isEmpty())
        results.append(QuerySeries{query, SeriesData{query.seriesKey(), {}, {}}});
    std::stable_sort(results.begin(), results.end(), [](const QuerySeries &a, const QuerySeries &b) {
        return QueryOutputWriter::seriesName(a.query) < QueryOutputWriter::seriesName(b.query);
    });
    return results;
}

int QueryRunner::chartPeriodSeconds(const TimeRange &range) {
    const qint64 seconds = (range.endMs - range.startMs + 999) / 1000;
    for (int period : kChartPeriods)
        if ((seconds + period - 1) / period <= kChartMaxPoints)
            return period;
    return kChartPeriods.back();
}

Result<Account> QueryRunner::storedAccount(AccountStore &store, const QString &id, AccountKind kind,
                                           const QString &wrongKind) {
    if (Result<void> loaded = store.load(); !loaded)
        return loaded.error();
    std::optional<Account> account = store.account(id);
    if (!account)
        return Error{ErrorCode::NoCredentials,
                     tr("No account “%1” on this machine: mlwatch-cli accounts list shows them.").arg(id),
                     QString()};
    if (account->kind != kind)
        return badArgument(wrongKind.arg(account->id, accountKindTitle(account->kind)));
    return std::move(*account);
}

} // namespace mlwatch::cli
