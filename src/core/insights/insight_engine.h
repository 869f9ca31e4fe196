#pragma once

#include "core/catalog/chart_spec.h"
#include "core/insights/insight.h"
#include "core/model/time_range.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QTimeZone>

namespace mlwatch {

class SeriesStore;

// What the rules look at: the charts of one stage, the loaded data, the window the tab shows,
// "now" (from the Clock: storage forecasts count days from it) and how to write numbers and
// dates for people.
struct InsightInput {
    QList<ChartSpec> charts;
    TimeRange window;
    qint64 nowMs = 0;
    QLocale locale;
    QTimeZone zone = QTimeZone::utc(); // the zone the evidence states its dates in
};

// Heuristic findings ("rightsizing insights") over the data of one stage tab. A pure function
// of its input and the store's contents: no signals, no timers, no clock of its own — the GUI
// decides when to recompute.
//
// Rules are written against series *roles* (insight_roles.h), never against one cloud's metric
// names, and run per resource (the charts of one ChartSpec::resource of one account). Only the
// datapoints inside the window count; missing periods are gaps and never count as zeros, and
// non-finite values are skipped. Every number is in the chart's display unit
// (UnitRegistry::forChartSeries: per device where the instance type is known), so the evidence
// reads like the chart; a series that stays summed is named "(sum of devices)" in the evidence.
// A series needs kMinPoints datapoints in the window before any rule uses it: fewer, and the rule
// stays silent rather than guess.
//
// The rules and their thresholds (display units):
//  - training.input-bound   GPU mean < 30 % and CPU mean > 80 %             (Warning)
//  - training.oversized     GPU mean < 30 % and CPU mean < 30 %, or CPU mean < 20 % with no GPU
//                           data (a CPU-only job)                            (Info)
//  - deployment.over-provisioned  CPU p95 < 20 % over data covering 7 days, or the whole window
//                           when it is shorter (the evidence says how many days) (Info)
//  - memory.oom-risk        (training, deployment) memory p95 or latest > 85 % (Warning)
//  - data-preparation.memory-pressure  memory maximum > 90 %                (Warning)
//  - evaluation.query-time-up  mean query time of the last 7 days ≥ 20 % above the 7 days before;
//                           both weeks need data                             (Warning)
//  - evaluation.storage-forecast  least-squares line through the stored size; fires when it
//                           reaches the next power-of-two TiB (or a chart threshold above the
//                           latest value) within 90 days                      (Info)
//  - monitoring.latency     mean of the P99 series (else of the average series) > 1 s (Critical)
//  - monitoring.error-budget  error share > 1 %: an error-rate series' mean, or Σ errors ÷
//                           Σ requests when a resource has both (≥ 100 requests) (Critical)
class InsightEngine {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::InsightEngine)
public:
    static constexpr int kMinPoints = 5;        // datapoints a series needs in the window
    static constexpr int kMinStoragePoints = 3; // storage is daily: three days make a line
    static constexpr qint64 kMinStorageSpanMs = 24LL * 3600 * 1000;
    static constexpr double kGpuIdlePercent = 30;
    static constexpr double kCpuSaturatedPercent = 80;
    static constexpr double kCpuLowPercent = 30;
    static constexpr double kCpuOnlyLowPercent = 20;
    static constexpr double kOverProvisionedP95Percent = 20;
    static constexpr int kOverProvisionedDays = 7;
    static constexpr double kMemoryRiskPercent = 85;
    static constexpr double kMemoryPressurePercent = 90;
    static constexpr double kQueryTimeIncreasePercent = 20;
    static constexpr int kStorageHorizonDays = 90;
    static constexpr double kLatencyLimitSeconds = 1.0;
    static constexpr double kErrorBudgetPercent = 1.0;
    static constexpr double kMinRequests = 100;

    // The findings, most severe first, then in chart order. Empty when nothing fires or the
    // window is invalid.
    static QList<Insight> evaluate(const InsightInput &input, const SeriesStore &store);

    // "over the last 24 h (26/11/2026 09:00 – 27/11/2026 09:00 UTC)": how evidence names a
    // window. "the last" only when the window ends within ten minutes of now.
    // "1 day", "7 days" (translated, with plural forms).
    static QString daysText(int n);

    static QString windowText(const TimeRange &window, qint64 nowMs, const QLocale &locale,
                              const QTimeZone &zone);
};

} // namespace mlwatch
