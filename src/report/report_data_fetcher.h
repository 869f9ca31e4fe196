#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"
#include "core/common/result.h"
#include "report/report_data.h"
#include "report/report_week.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace mlwatch {

class MetricProvider;
struct FetchReport;

// One account of the report: its provider and the charts the session built for it.
struct ReportAccount {
    QString label;
    QPointer<MetricProvider> provider; // must stay alive until the fetch finishes
    QList<ChartSpec> charts;
};

// What a weekly review is about.
struct ReportRequest {
    ReportWeek week;
    QString workspaceName;
    QList<ReportAccount> accounts;
    QList<AlertRule> rules;
    // The transitions the alert engine recorded (any time range); nullopt when nothing was
    // recorded, in which case the rules are replayed over the fetched data.
    std::optional<QList<AlertTransition>> history;
    qint64 nowMs = 0; // the clock's now: picks the fetch period and stamps "generated at"
};

// Collects a ReportData. Per account, two provider calls — this week and last week, each with
// every chart's series in one batched fetch — and, when the rules must be replayed (no recorded
// history), one more call for the rules' series at their own period. Then the statistics.
// Lives on the provider's thread; progress counts finished calls.
//
// Periods: both weeks are fetched at the same period, so last week lies behind this week with
// the same gaps and resolution: the finest CloudWatch keeps for data that old with at most
// kMaxChartPointsPerSeries points (five minutes for a week), never finer than a query's own
// floor (daily S3 metrics stay daily). The replay call covers one day before the range (the
// rules' warm-up) to its end, at each rule's period where the data's age allows it.
//
// Failures: calls that fail are recorded in ReportData::fetchErrors and the charts they touch
// name the error; the report is still made. Only when every chart call of every account failed
// does the fetch fail (with the first error); cancel() makes it fail with ErrorCode::Cancelled.
class ReportDataFetcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxChartPointsPerSeries = 2'100;
    static constexpr qint64 kReplayWarmupMs = 24LL * 3600 * 1000;

    explicit ReportDataFetcher(ReportRequest request, QObject *parent = nullptr);
    ~ReportDataFetcher() override;

    int totalSteps() const { return int(m_plan.size()); }

    // Starts fetching; `done` is called exactly once (possibly before fetch() returns, e.g. for a
    // request without accounts).
    void fetch(std::function<void(Result<ReportData>)> done);
    // Drops the fetches in flight; `done` reports ErrorCode::Cancelled.
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);

private:
    enum class CallKind { ThisWeek, LastWeek, Replay };
    struct Call {
        int account = 0;
        CallKind kind = CallKind::ThisWeek;
        TimeRange range;
        QList<MetricQuery> queries;
        // What it brought:
        QHash<QString, SeriesData> series; // by seriesKey
        QList<Error> errors;
        bool failed = false;
    };
    void plan();
    // The derived series (RED) of every account's charts, by their seriesKey.
    QHash<QString, ChartSeriesSpec> derivedSeries() const;
    void fetchNext();
    void onFetched(FetchReport report);
    void finish(Result<ReportData> result);
    ReportData assemble() const;
    const Call *call(int account, CallKind kind) const;

    ReportRequest m_request;
    std::function<void(Result<ReportData>)> m_done;
    QList<Call> m_plan;
    int m_chartPeriodSeconds = 300;
    int m_step = 0;
    bool m_cancelled = false;
    quint64 m_generation = 0; // callbacks of a cancelled fetch are ignored
};

} // namespace mlwatch
