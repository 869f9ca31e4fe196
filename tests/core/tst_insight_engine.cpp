// InsightEngine's rules, one behaviour per row: each rule fires with its exact evidence text
// (en_GB numbers and dates, UTC) and stays silent when its condition does not hold, when a series
// has too few datapoints, and across gaps (missing periods are not zeros). Rows use each cloud's
// own metric names, so the role table (insight_roles.cpp) is exercised for all three providers.
#include "core/insights/insight_engine.h"
#include "core/insights/insight_roles.h"
#include "core/store/series_store.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace mlwatch;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// "Now" and the end of every window: 27 Nov 2026 09:00 UTC.
const qint64 kNow = QDateTime(QDate(2026, 11, 27), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();

struct Scenario {
    QList<ChartSpec> charts;
    QList<SeriesData> data;
    TimeRange window;
};

ChartSeriesSpec series(const QString &metric, const QString &stat, const QString &legend,
                       const QList<Dimension> &dimensions = {}) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("ns");
    q.metricName = metric;
    q.stat = stat;
    q.dimensions = dimensions;
    ChartSeriesSpec spec;
    spec.query = q;
    spec.legend = legend;
    return spec;
}

ChartSpec chart(Stage stage, const QString &id, Unit unit, const QList<ChartSeriesSpec> &s,
                const QString &resource = QStringLiteral("res")) {
    ChartSpec spec;
    spec.id = id;
    spec.stage = stage;
    spec.title = id;
    spec.resource = resource;
    spec.unit = unit;
    spec.series = s;
    return spec;
}

// `count` points from `start`, one every `step`, valued by `value(i)` (NaN = leave the period out).
SeriesData points(const ChartSeriesSpec &s, qint64 start, qint64 step, int count,
                  const std::function<double(int)> &value) {
    SeriesData d;
    d.seriesKey = s.query.seriesKey();
    for (int i = 0; i < count; ++i) {
        const double v = value(i);
        if (std::isnan(v))
            continue;
        d.timestampsMs.append(start + i * step);
        d.values.append(v);
    }
    return d;
}

std::function<double(int)> flat(double v) {
    return [v](int) { return v; };
}

// Hourly for the 24 hours of the default window.
SeriesData day(const ChartSeriesSpec &s, const std::function<double(int)> &value) {
    return points(s, kNow - kDay, kHour, 24, value);
}

TimeRange lastMs(qint64 ms) {
    return {kNow - ms, kNow};
}

const QString kDay24 = QStringLiteral("over the last 24 h (26/11/2026 09:00 – 27/11/2026 09:00 UTC)");

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestInsightEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void roles_data();
    void roles();
    void mostSevereFirst();
    void invalidWindowFindsNothing();
};

void TestInsightEngine::rules_data() {
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("title");    // of the first insight
    QTest::addColumn<QString>("evidence"); // of the first insight

    const QString none;

    // --- training: CPU vs GPU ---------------------------------------------------------------------
    {
        const auto cpu = series(QStringLiteral("CPUUtilization"), QStringLiteral("Average"),
                                QStringLiteral("CPU utilisation"));
        const auto gpu = series(QStringLiteral("GPUUtilization"), QStringLiteral("Average"),
                                QStringLiteral("GPU utilisation"));
        const ChartSpec c =
            chart(Stage::Training, QStringLiteral("training/cpu-gpu/h"), Unit::Percent, {cpu, gpu});
        QTest::newRow("training: GPU idle while CPU saturated is input-bound (AWS)")
            << Scenario{{c}, {day(cpu, flat(93)), day(gpu, flat(18))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/cpu-gpu/h")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("GPU utilisation averaged 18 % while CPU utilisation averaged 93 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
        QTest::newRow("training: busy GPU is no finding")
            << Scenario{{c}, {day(cpu, flat(93)), day(gpu, flat(85))}, lastMs(kDay)} << QStringList() << none
            << none;
        QTest::newRow("training: four datapoints are not enough")
            << Scenario{{c},
                        {points(cpu, kNow - 4 * kHour, kHour, 4, flat(93)),
                         points(gpu, kNow - 4 * kHour, kHour, 4, flat(18))},
                        lastMs(kDay)}
            << QStringList() << none << none;
        // Six CPU hours at 93 % with 18 hours missing: zero-filled, the mean would be 23 %.
        const auto sparse = [](int i) {
            return i % 4 == 0 ? 93.0 : std::numeric_limits<double>::quiet_NaN();
        };
        SeriesData withNan = day(cpu, sparse);
        withNan.timestampsMs.append(kNow - 30 * kMinute);
        withNan.values.append(std::numeric_limits<double>::quiet_NaN()); // a non-finite point is skipped
        QTest::newRow("training: gaps and non-finite values do not count")
            << Scenario{{c}, {withNan, day(gpu, flat(18))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/cpu-gpu/h")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("GPU utilisation averaged 18 % while CPU utilisation averaged 93 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
        QTest::newRow("training: points outside the window do not count")
            << Scenario{{c},
                        {points(cpu, kNow - 3 * kDay, kHour, 24, flat(93)),
                         points(gpu, kNow - 3 * kDay, kHour, 24, flat(18))},
                        lastMs(kDay)}
            << QStringList() << none << none;
    }
    {
        // SageMaker sums utilisations over devices: per device where the instance type is known
        // (as the axis shows it), named "sum of devices" where it is not.
        auto cpu = series(QStringLiteral("CPUUtilization"), QStringLiteral("Average"),
                          QStringLiteral("CPU utilisation"));
        auto gpu = series(QStringLiteral("GPUUtilization"), QStringLiteral("Average"),
                          QStringLiteral("GPU utilisation"));
        cpu.query.namespaceName = gpu.query.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
        ChartSpec cpuChart = chart(Stage::Training, QStringLiteral("training/cpu/h"), Unit::Percent, {cpu});
        ChartSpec gpuChart = chart(Stage::Training, QStringLiteral("training/gpu/h"), Unit::Percent, {gpu});
        cpuChart.instanceType = gpuChart.instanceType = QStringLiteral("ml.g5.12xlarge"); // 48 vCPUs, 4 GPUs
        QTest::newRow("training: per-device numbers where the instance type is known (AWS)")
            << Scenario{{cpuChart, gpuChart}, {day(cpu, flat(93 * 48)), day(gpu, flat(18 * 4))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/gpu/h")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("GPU utilisation averaged 18 % while CPU utilisation averaged 93 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
        // One "CPU vs GPU" chart on ml.g5.2xlarge (8 vCPUs, 1 GPU): each series per its own devices.
        ChartSpec oneChart =
            chart(Stage::Training, QStringLiteral("training/cpu-gpu/h"), Unit::Percent, {cpu, gpu});
        oneChart.instanceType = QStringLiteral("ml.g5.2xlarge");
        QTest::newRow("training: CPU per vCPU next to GPU per GPU on one chart (AWS, ml.g5.2xlarge)")
            << Scenario{{oneChart}, {day(cpu, flat(95 * 8)), day(gpu, flat(24))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/cpu-gpu/h")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("GPU utilisation averaged 24 % while CPU utilisation averaged 95 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
        const ChartSpec both =
            chart(Stage::Training, QStringLiteral("training/cpu-gpu/h"), Unit::Percent, {cpu, gpu});
        QTest::newRow("training: summed utilisations say so (AWS, instance type unknown)")
            << Scenario{{both}, {day(cpu, flat(93)), day(gpu, flat(18))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/cpu-gpu/h")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("GPU utilisation (sum of devices) averaged 18 % while CPU utilisation (sum of "
                               "devices) averaged 93 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
    }
    {
        // Google reports fractions (0.93 = 93 %): the evidence reads in display units.
        const auto cpu = series(QStringLiteral("ml.googleapis.com/training/cpu/utilization"),
                                QStringLiteral("ALIGN_MEAN|REDUCE_MEAN"), QStringLiteral("CPU utilisation"));
        const auto acc =
            series(QStringLiteral("ml.googleapis.com/training/accelerator/utilization"),
                   QStringLiteral("ALIGN_MEAN|REDUCE_MEAN"), QStringLiteral("Accelerator utilisation"));
        const ChartSpec c = chart(Stage::Training, QStringLiteral("training/cpu-accelerator/job"),
                                  Unit::Fraction, {cpu, acc});
        QTest::newRow("training: input-bound from Google fractions")
            << Scenario{{c}, {day(cpu, flat(0.93)), day(acc, flat(0.18))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.input-bound|training/cpu-accelerator/job")}
            << QStringLiteral("Input pipeline is the bottleneck")
            << (QStringLiteral("Accelerator utilisation averaged 18 % while CPU utilisation averaged 93 % ") +
                kDay24 +
                QStringLiteral("; the limits are below 30 % for the GPU and above 80 % for the CPU."));
    }
    {
        const auto cpu = series(QStringLiteral("CpuUtilization"), QStringLiteral("Average"),
                                QStringLiteral("CPU utilisation"));
        const auto gpu = series(QStringLiteral("GpuUtilization"), QStringLiteral("Average"),
                                QStringLiteral("GPU utilisation"));
        const ChartSpec c =
            chart(Stage::Training, QStringLiteral("training/cpu-gpu/acc/cluster"), Unit::Percent, {cpu, gpu});
        QTest::newRow("training: GPU and CPU both low is oversized (Azure)")
            << Scenario{{c}, {day(cpu, flat(12)), day(gpu, flat(9))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.oversized|training/cpu-gpu/acc/cluster")}
            << QStringLiteral("GPU and CPU both low: try a smaller instance")
            << (QStringLiteral("GPU utilisation averaged 9 % and CPU utilisation averaged 12 % ") + kDay24 +
                QStringLiteral("; both are below 30 %."));
        QTest::newRow("training: a CPU-only job with low CPU is oversized")
            << Scenario{{c}, {day(cpu, flat(8))}, lastMs(kDay)}
            << QStringList{QStringLiteral("training.oversized|training/cpu-gpu/acc/cluster")}
            << QStringLiteral("CPU low: try a smaller instance")
            << (QStringLiteral("CPU utilisation averaged 8 % ") + kDay24 +
                QStringLiteral(" with no GPU data (a CPU-only job); the limit is 20 %."));
        QTest::newRow("training: a CPU-only job at 25 % is not oversized")
            << Scenario{{c}, {day(cpu, flat(25))}, lastMs(kDay)} << QStringList() << none << none;
    }
    // --- deployment: over-provisioned, memory -----------------------------------------------------
    {
        const auto cpu = series(QStringLiteral("CPUUtilization"), QStringLiteral("Average"),
                                QStringLiteral("CPU (average)"));
        const auto peak =
            series(QStringLiteral("CPUUtilization"), QStringLiteral("Maximum"), QStringLiteral("CPU (peak)"));
        const ChartSpec c =
            chart(Stage::Deployment, QStringLiteral("deployment/cpu/ep/v1"), Unit::Percent, {cpu, peak});
        const auto week = [&](const std::function<double(int)> &f) {
            return points(cpu, kNow - 7 * kDay, kHour, 7 * 24, f);
        };
        QTest::newRow("deployment: CPU p95 below 20 % for 7 days is over-provisioned")
            << Scenario{{c},
                        {week([](int i) { return 3.0 + i % 10; }), day(peak, flat(60))},
                        lastMs(7 * kDay)}
            << QStringList{QStringLiteral("deployment.over-provisioned|deployment/cpu/ep/v1")}
            << QStringLiteral("Over-provisioned: CPU p95 below 20 %")
            << QStringLiteral(
                   "CPU (average) p95 was 12 % over the last 7 days (20/11/2026 09:00 – 27/11/2026 "
                   "09:00 UTC), with 7 days of data; the limit is 20 %.");
        QTest::newRow("deployment: a 24 h window says how much the evidence covers")
            << Scenario{{c}, {day(cpu, flat(10))}, lastMs(kDay)}
            << QStringList{QStringLiteral("deployment.over-provisioned|deployment/cpu/ep/v1")}
            << QStringLiteral("Over-provisioned: CPU p95 below 20 %")
            << (QStringLiteral("CPU (average) p95 was 10 % ") + kDay24 +
                QStringLiteral(
                    ", with 1 day of data; the limit is 20 %. The check wants 7 days of data: widen "
                    "the window to confirm."));
        QTest::newRow("deployment: two days of data in a 7-day window are not enough")
            << Scenario{{c}, {points(cpu, kNow - 2 * kDay, kHour, 48, flat(5))}, lastMs(7 * kDay)}
            << QStringList() << none << none;
        QTest::newRow("deployment: CPU p95 at 40 % is no finding")
            << Scenario{{c}, {week([](int i) { return i % 2 ? 40.0 : 5.0; })}, lastMs(7 * kDay)}
            << QStringList() << none << none;
    }
    {
        const auto memory = series(QStringLiteral("CpuMemoryUtilizationPercentage"),
                                   QStringLiteral("Average"), QStringLiteral("Memory (average)"));
        const ChartSpec c =
            chart(Stage::Deployment, QStringLiteral("deployment/memory/acc/ep"), Unit::Percent, {memory});
        QTest::newRow("deployment: memory above 85 % risks running out (Azure)")
            << Scenario{{c},
                        {day(memory, [](int i) { return i == 23   ? 91.0
                                                        : i == 22 ? 88.0
                                                                  : 70.0; })},
                        lastMs(kDay)}
            << QStringList{QStringLiteral("memory.oom-risk|deployment/memory/acc/ep")}
            << QStringLiteral("Memory above 85 %: risk of running out")
            << (QStringLiteral(
                    "Memory (average) p95 was 88 % and the latest value 91 % (27/11/2026 08:00 UTC) ") +
                kDay24 + QStringLiteral("; the limit is 85 %."));
        QTest::newRow("deployment: memory at 70 % is no finding")
            << Scenario{{c}, {day(memory, flat(70))}, lastMs(kDay)} << QStringList() << none << none;
    }
    // --- data preparation: memory pressure ---------------------------------------------------------
    {
        const auto average = series(QStringLiteral("MemoryUtilization"), QStringLiteral("Average"),
                                    QStringLiteral("Memory (average)"));
        const auto peak = series(QStringLiteral("MemoryUtilization"), QStringLiteral("Maximum"),
                                 QStringLiteral("Memory (peak)"));
        const ChartSpec c = chart(Stage::DataPreparation, QStringLiteral("data-preparation/memory/h"),
                                  Unit::Percent, {average, peak});
        QTest::newRow("data preparation: a peak above 90 % is memory pressure")
            << Scenario{{c},
                        {day(average, flat(60)), day(peak, [](int i) { return i == 5 ? 96.0 : 75.0; })},
                        lastMs(kDay)}
            << QStringList{QStringLiteral("data-preparation.memory-pressure|data-preparation/memory/h")}
            << QStringLiteral("Memory pressure")
            << (QStringLiteral("Memory (peak) reached 96 % at 26/11/2026 14:00 UTC ") + kDay24 +
                QStringLiteral("; the limit is 90 %."));
        QTest::newRow("data preparation: peaks at 90 % are no finding")
            << Scenario{{c}, {day(average, flat(60)), day(peak, flat(90))}, lastMs(kDay)} << QStringList()
            << none << none;
    }
    // --- evaluation: query time, storage -----------------------------------------------------------
    {
        const auto query = series(QStringLiteral("TotalExecutionTime"), QStringLiteral("Average"),
                                  QStringLiteral("Average query"));
        const ChartSpec c =
            chart(Stage::Evaluation, QStringLiteral("evaluation/athena/wg"), Unit::Milliseconds, {query});
        const auto twoWeeks =
            points(query, kNow - 14 * kDay, 6 * kHour, 56, [](int i) { return i < 28 ? 1200.0 : 1840.0; });
        QTest::newRow("evaluation: query time up 53 % week over week")
            << Scenario{{c}, {twoWeeks}, lastMs(14 * kDay)}
            << QStringList{QStringLiteral("evaluation.query-time-up|evaluation/athena/wg")}
            << QStringLiteral("Query time up 53 % week over week")
            << QStringLiteral("Average query averaged 1,840 ms in the last 7 days (20/11/2026 09:00 UTC – "
                              "27/11/2026 09:00 UTC) against 1,200 ms in the 7 days before: up 53 %.");
        QTest::newRow("evaluation: one week of data compares nothing")
            << Scenario{{c}, {points(query, kNow - 7 * kDay, 6 * kHour, 28, flat(1840))}, lastMs(14 * kDay)}
            << QStringList() << none << none;
        QTest::newRow("evaluation: up 10 % is no finding")
            << Scenario{{c},
                        {points(query, kNow - 14 * kDay, 6 * kHour, 56,
                                [](int i) { return i < 28 ? 1000.0 : 1100.0; })},
                        lastMs(14 * kDay)}
            << QStringList() << none << none;
    }
    {
        const auto size = series(QStringLiteral("BucketSizeBytes"), QStringLiteral("Average"),
                                 QStringLiteral("Standard storage"));
        const ChartSpec c =
            chart(Stage::Evaluation, QStringLiteral("evaluation/dataset-size/ml-data"), Unit::Bytes, {size});
        constexpr double kGiB = 1024.0 * 1024 * 1024;
        // S3 reports once a day at 00:00 UTC: 21 … 27 Nov, 900 GiB growing 10 GiB a day.
        const qint64 firstMidnight = kNow - 6 * kDay - 9 * kHour;
        QTest::newRow("evaluation: storage reaches the next power-of-two TiB within 90 days")
            << Scenario{{c},
                        {points(size, firstMidnight, kDay, 7,
                                [=](int i) { return (900.0 + 10 * i) * kGiB; })},
                        lastMs(7 * kDay)}
            << QStringList{QStringLiteral("evaluation.storage-forecast|evaluation/dataset-size/ml-data")}
            << QStringLiteral("Storage reaches 1 TiB in 6 days")
            << QStringLiteral(
                   "Standard storage grew 10 GiB a day over the last 7 days (20/11/2026 09:00 – "
                   "27/11/2026 09:00 UTC), a straight line through 7 datapoints (latest 960 GiB); at "
                   "that rate it reaches 1 TiB on 03/12/2026, in 6 days.");
        QTest::newRow("evaluation: storage further than 90 days away is no finding")
            << Scenario{{c},
                        {points(size, firstMidnight, kDay, 7,
                                [=](int i) { return (100.0 + 0.1 * i) * kGiB; })},
                        lastMs(7 * kDay)}
            << QStringList() << none << none;
        QTest::newRow("evaluation: two daily sizes are not enough for a line")
            << Scenario{{c},
                        {points(size, kNow - kDay - 9 * kHour, kDay, 2,
                                [=](int i) { return (900.0 + 60 * i) * kGiB; })},
                        lastMs(7 * kDay)}
            << QStringList() << none << none;
    }
    // --- monitoring: latency, error budget ---------------------------------------------------------
    {
        const auto average = series(QStringLiteral("RequestLatency"), QStringLiteral("Average"),
                                    QStringLiteral("Latency (average)"));
        const auto p99 = series(QStringLiteral("RequestLatency_P99"), QStringLiteral("Average"),
                                QStringLiteral("Latency (P99)"));
        const ChartSpec c = chart(Stage::Monitoring, QStringLiteral("monitoring/latency/acc/ep"),
                                  Unit::Milliseconds, {average, p99});
        QTest::newRow("monitoring: P99 latency above 1 s (Azure)")
            << Scenario{{c}, {day(average, flat(400)), day(p99, flat(1240))}, lastMs(kDay)}
            << QStringList{QStringLiteral("monitoring.latency|monitoring/latency/acc/ep")}
            << QStringLiteral("Latency above 1 s")
            << (QStringLiteral("Latency (P99) averaged 1,240 ms ") + kDay24 +
                QStringLiteral("; the limit is 1,000 ms."));
        QTest::newRow("monitoring: P99 latency of 800 ms is no finding")
            << Scenario{{c}, {day(average, flat(300)), day(p99, flat(800))}, lastMs(kDay)} << QStringList()
            << none << none;
    }
    {
        // ModelLatency arrives in microseconds and is shown in milliseconds.
        const auto average = series(QStringLiteral("ModelLatency"), QStringLiteral("Average"),
                                    QStringLiteral("Model latency (average)"));
        const auto maximum = series(QStringLiteral("ModelLatency"), QStringLiteral("Maximum"),
                                    QStringLiteral("Model latency (maximum)"));
        const ChartSpec c = chart(Stage::Monitoring, QStringLiteral("monitoring/latency/ep/v1"),
                                  Unit::Microseconds, {average, maximum});
        QTest::newRow("monitoring: average latency above 1 s, microseconds shown as ms (AWS)")
            << Scenario{{c}, {day(average, flat(1'500'000)), day(maximum, flat(9'000'000))}, lastMs(kDay)}
            << QStringList{QStringLiteral("monitoring.latency|monitoring/latency/ep/v1")}
            << QStringLiteral("Latency above 1 s")
            << (QStringLiteral("Model latency (average) averaged 1,500 ms ") + kDay24 +
                QStringLiteral("; the limit is 1,000 ms."));
    }
    {
        const auto all =
            series(QStringLiteral("errorPercent(Invocation4XXErrors+Invocation5XXErrors/Invocations)"),
                   QStringLiteral("Sum"), QStringLiteral("All errors (4XX + 5XX)"));
        const auto server = series(QStringLiteral("errorPercent(Invocation5XXErrors/Invocations)"),
                                   QStringLiteral("Sum"), QStringLiteral("Server errors (5XX)"));
        const ChartSpec c =
            chart(Stage::Monitoring, QStringLiteral("monitoring/errors/ep/v1"), Unit::Percent, {all, server});
        QTest::newRow("monitoring: server error share above 1 % is over budget (AWS, derived)")
            << Scenario{{c}, {day(all, flat(10)), day(server, flat(2.5))}, lastMs(kDay)}
            << QStringList{QStringLiteral("monitoring.error-budget|monitoring/errors/ep/v1")}
            << QStringLiteral("Error rate above budget")
            << (QStringLiteral("Server errors (5XX) averaged 2.5 % ") + kDay24 +
                QStringLiteral("; the budget is 1 %."));
        QTest::newRow("monitoring: clients' 4XX do not count against the budget")
            << Scenario{{c}, {day(all, flat(10)), day(server, flat(0.2))}, lastMs(kDay)} << QStringList()
            << none << none;
    }
    {
        const auto share4xx = series(QStringLiteral("errorPercent(RequestsPerMinute/RequestsPerMinute)"),
                                     QStringLiteral("Total"), QStringLiteral("Client errors (4xx)"),
                                     {{QStringLiteral("statusCodeClass"), QStringLiteral("4xx")}});
        const ChartSpec c =
            chart(Stage::Monitoring, QStringLiteral("monitoring/errors/acc/ep"), Unit::Percent, {share4xx});
        QTest::newRow("monitoring: Azure's 4xx share does not count against the budget")
            << Scenario{{c}, {day(share4xx, flat(20))}, lastMs(kDay)} << QStringList() << none << none;
    }
    {
        // Google: errors per period (ALIGN_DELTA), requests per second (ALIGN_RATE); minutes
        // without errors are absent, not zero.
        const auto errors =
            series(QStringLiteral("aiplatform.googleapis.com/prediction/online/error_count"),
                   QStringLiteral("ALIGN_DELTA|REDUCE_SUM"), QStringLiteral("Errors per minute"));
        const auto requests =
            series(QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count"),
                   QStringLiteral("ALIGN_RATE|REDUCE_SUM"), QStringLiteral("Predictions per second"));
        const ChartSpec e =
            chart(Stage::Monitoring, QStringLiteral("monitoring/errors/p/ep"), Unit::None, {errors});
        const ChartSpec r = chart(Stage::Monitoring, QStringLiteral("monitoring/requests/p/ep"),
                                  Unit::CountPerSecond, {requests});
        const auto errorMinutes = [](double each) {
            return [each](int i) { return i % 6 == 0 ? each : std::numeric_limits<double>::quiet_NaN(); };
        };
        QTest::newRow("monitoring: errors ÷ requests above 1 % is over budget (Google)")
            << Scenario{{r, e},
                        {points(errors, kNow - kHour, kMinute, 60, errorMinutes(15)),
                         points(requests, kNow - kHour, kMinute, 60, flat(2))},
                        lastMs(kHour)}
            << QStringList{QStringLiteral("monitoring.error-budget|monitoring/errors/p/ep")}
            << QStringLiteral("Error rate above budget")
            << QStringLiteral("Errors per minute: 150 of 7,200 requests failed (2.1 %) over the last 1 h "
                              "(27/11/2026 08:00 – 27/11/2026 09:00 UTC); the budget is 1 %.");
        QTest::newRow("monitoring: errors ÷ requests under 1 % is no finding")
            << Scenario{{r, e},
                        {points(errors, kNow - kHour, kMinute, 60, errorMinutes(0.5)),
                         points(requests, kNow - kHour, kMinute, 60, flat(2))},
                        lastMs(kHour)}
            << QStringList() << none << none;
    }
}

void TestInsightEngine::rules() {
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, ids);
    QFETCH(QString, title);
    QFETCH(QString, evidence);

    SeriesStore store;
    for (const SeriesData &d : scenario.data)
        store.replace(d);
    InsightInput input;
    input.charts = scenario.charts;
    input.window = scenario.window;
    input.nowMs = kNow;
    input.locale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    input.zone = QTimeZone::utc();
    const QList<Insight> found = InsightEngine::evaluate(input, store);

    QStringList foundIds;
    for (const Insight &i : found)
        foundIds.append(i.id);
    QCOMPARE(foundIds, ids);
    if (found.isEmpty())
        return;
    const Insight &first = found.first();
    QCOMPARE(first.title, title);
    QCOMPARE(first.evidence, evidence);
    QCOMPARE(first.stage, scenario.charts.first().stage);
    QVERIFY(first.id.endsWith(QLatin1Char('|') + first.chartId));
    QCOMPARE(first.resource, QStringLiteral("res"));
}

void TestInsightEngine::roles_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("stat");
    QTest::addColumn<QString>("dimension"); // "name=value" or empty
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("aggregate");
    QTest::addColumn<int>("percentile");

    const auto row = [](const char *name, const char *metric, const char *stat, const char *dimension,
                        SeriesRole role, SeriesAggregate aggregate, int p = 0) {
        QTest::newRow(name) << QString::fromUtf8(metric) << QString::fromUtf8(stat)
                            << QString::fromUtf8(dimension) << int(role) << int(aggregate) << p;
    };
    using R = SeriesRole;
    using A = SeriesAggregate;
    row("AWS GPU utilisation", "GPUUtilization", "Average", "", R::Gpu, A::Average);
    row("AWS endpoint memory peak", "MemoryUtilization", "Maximum", "", R::Memory, A::Maximum);
    row("AWS CloudWatch percentile stat", "ModelLatency", "p99", "", R::Latency, A::Percentile, 99);
    row("AWS 5XX errors", "Invocation5XXErrors", "Sum", "", R::Errors, A::Sum);
    row("AWS 4XX errors are no budget errors", "Invocation4XXErrors", "Sum", "", R::Unknown, A::Sum);
    row("AWS derived request rate", "rate(Invocations)", "Sum", "", R::Requests, A::Sum);
    row("Azure endpoint CPU", "CpuUtilizationPercentage", "Average", "", R::Cpu, A::Average);
    row("Azure P99 latency metric", "RequestLatency_P99", "Average", "", R::Latency, A::Percentile, 99);
    row("Azure 5xx requests are errors", "RequestsPerMinute", "Total", "statusCodeClass=5xx", R::Errors,
        A::Sum);
    row("Azure 4xx requests are not", "RequestsPerMinute", "Total", "statusCodeClass=4xx", R::Unknown,
        A::Sum);
    row("Azure requests", "RequestsPerMinute", "Total", "", R::Requests, A::Sum);
    row("Azure storage", "UsedCapacity", "Average", "", R::Storage, A::Average);
    row("Google accelerator memory", "ml.googleapis.com/training/accelerator/memory/utilization",
        "ALIGN_MAX|REDUCE_MAX", "", R::GpuMemory, A::Maximum);
    row("Google latency median", "aiplatform.googleapis.com/prediction/online/prediction_latencies",
        "ALIGN_PERCENTILE_50|REDUCE_PERCENTILE_50", "", R::Latency, A::Percentile, 50);
    row("Google query times", "bigquery.googleapis.com/query/execution_times",
        "ALIGN_PERCENTILE_99|REDUCE_PERCENTILE_99", "", R::QueryTime, A::Percentile, 99);
    row("Google storage", "storage.googleapis.com/storage/v2/total_bytes", "ALIGN_MEAN|REDUCE_SUM", "",
        R::Storage, A::Average);
    row("unknown metric", "DiskUtilization", "Average", "", R::Unknown, A::Average);
}

void TestInsightEngine::roles() {
    QFETCH(QString, metric);
    QFETCH(QString, stat);
    QFETCH(QString, dimension);
    QFETCH(int, role);
    QFETCH(int, aggregate);
    QFETCH(int, percentile);
    MetricQuery q;
    q.metricName = metric;
    q.stat = stat;
    if (!dimension.isEmpty())
        q.dimensions = {{dimension.section(QLatin1Char('='), 0, 0), dimension.section(QLatin1Char('='), 1)}};
    const SeriesRoleInfo info = classifySeries(q);
    QCOMPARE(int(info.role), role);
    QCOMPARE(int(info.aggregate), aggregate);
    QCOMPARE(info.percentile, percentile);
}

void TestInsightEngine::mostSevereFirst() {
    // A deployment chart first (Info), a monitoring latency chart after (Critical).
    const auto cpu =
        series(QStringLiteral("CPUUtilization"), QStringLiteral("Average"), QStringLiteral("CPU"));
    const auto latency =
        series(QStringLiteral("RequestLatency"), QStringLiteral("Average"), QStringLiteral("Latency"));
    const ChartSpec a =
        chart(Stage::Deployment, QStringLiteral("a"), Unit::Percent, {cpu}, QStringLiteral("r1"));
    const ChartSpec b =
        chart(Stage::Monitoring, QStringLiteral("b"), Unit::Milliseconds, {latency}, QStringLiteral("r2"));
    SeriesStore store;
    store.replace(day(cpu, flat(5)));
    store.replace(day(latency, flat(2000)));
    InsightInput input;
    input.charts = {a, b};
    input.window = lastMs(kDay);
    input.nowMs = kNow;
    const QList<Insight> found = InsightEngine::evaluate(input, store);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).severity, InsightSeverity::Critical);
    QCOMPARE(found.at(0).chartId, QStringLiteral("b"));
    QCOMPARE(found.at(1).chartId, QStringLiteral("a"));
}

void TestInsightEngine::invalidWindowFindsNothing() {
    const auto latency =
        series(QStringLiteral("RequestLatency"), QStringLiteral("Average"), QStringLiteral("Latency"));
    SeriesStore store;
    store.replace(day(latency, flat(2000)));
    InsightInput input;
    input.charts = {chart(Stage::Monitoring, QStringLiteral("b"), Unit::Milliseconds, {latency})};
    input.nowMs = kNow; // window left invalid: the tab has not been told one yet
    QVERIFY(InsightEngine::evaluate(input, store).isEmpty());
}

QTEST_GUILESS_MAIN(TestInsightEngine)
#include "tst_insight_engine.moc"
