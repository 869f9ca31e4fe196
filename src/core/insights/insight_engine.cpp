#include "core/insights/insight_engine.h"

#include "core/insights/insight_roles.h"
#include "core/model/unit.h"
#include "core/model/unit_registry.h"
#include "core/store/series_store.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>

namespace mlwatch {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kWeekMs = 7 * kDayMs;

// One series of one chart: its datapoints inside the window, finite only, in display units.
struct RoleSeries {
    const ChartSpec *chart = nullptr;
    SeriesRoleInfo info;
    DisplayUnit display; // this series', as the chart draws it
    QString name;        // the legend people see, else the cloud's metric name
    QVector<qint64> t;
    QVector<double> v;

    qsizetype size() const { return t.size(); }
    bool isPercent() const { return chart->unit == Unit::Percent || chart->unit == Unit::Fraction; }
};

// The series of one resource of one account, from every chart of the stage.
struct ResourceSeries {
    QList<RoleSeries> series;
};

// The first series of `role` with at least `minPoints` points whose aggregate comes first in
// `preferred` (earlier = better); null when none qualifies.
const RoleSeries *pick(const ResourceSeries &r, SeriesRole role,
                       std::initializer_list<SeriesAggregate> preferred, qsizetype minPoints,
                       const std::function<bool(const RoleSeries &)> &accept = {}) {
    for (SeriesAggregate aggregate : preferred)
        for (const RoleSeries &s : r.series)
            if (s.info.role == role && s.info.aggregate == aggregate && s.size() >= minPoints &&
                (!accept || accept(s)))
                return &s;
    return nullptr;
}

bool hasAnyPoint(const ResourceSeries &r, SeriesRole role) {
    return std::any_of(r.series.begin(), r.series.end(),
                       [role](const RoleSeries &s) { return s.info.role == role && s.size() > 0; });
}

double mean(const QVector<double> &v) {
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.isEmpty() ? 0 : sum / double(v.size());
}

// Nearest-rank percentile: the smallest value with at least p % of the values at or below it.
double percentile(QVector<double> v, double p) {
    if (v.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(v.size())));
    const qsizetype k = std::clamp<qsizetype>(rank - 1, 0, v.size() - 1);
    std::nth_element(v.begin(), v.begin() + k, v.end()); // O(n): a month of minutes is 43,200
    return v.at(k);
}

// The typical spacing of the datapoints (the period they were fetched at), in seconds; gaps do
// not move a median.
double medianSpacingSeconds(const QVector<qint64> &t) {
    if (t.size() < 2)
        return 60;
    QVector<qint64> d;
    d.reserve(t.size() - 1);
    for (qsizetype i = 1; i < t.size(); ++i)
        d.append(t.at(i) - t.at(i - 1));
    std::nth_element(d.begin(), d.begin() + d.size() / 2, d.end());
    return std::max<double>(1.0, double(d.at(d.size() / 2)) / 1000.0);
}

// Seconds per raw unit of a time unit; 0 for anything else.
double secondsPerRawUnit(Unit unit) {
    switch (unit) {
    case Unit::Microseconds:
        return 1e-6;
    case Unit::Milliseconds:
        return 1e-3;
    case Unit::Seconds:
        return 1.0;
    default:
        return 0;
    }
}

// The rules of one evaluation. Its texts belong to InsightEngine's translation context.
class Evaluator {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::InsightEngine)
public:
    explicit Evaluator(const InsightInput &input)
        : m_in(input)
        , m_window(InsightEngine::windowText(input.window, input.nowMs, input.locale, input.zone)) {}

    void run(const ResourceSeries &r, Stage stage);
    QList<Insight> take() { return std::move(m_out); }

private:
    // 18 | 2.4 | 0.35 | 1: whole numbers from 10 up, one decimal from 1, two below; none when whole.
    QString number(double v) const {
        const double a = std::abs(v);
        const bool whole = std::abs(v - std::round(v)) < 1e-9;
        return m_in.locale.toString(v, 'f', whole || a >= 10 ? 0 : a >= 1 ? 1 : 2);
    }
    QString withUnit(double v, const RoleSeries &s) const {
        const QString symbol = s.display.symbol;
        return symbol.isEmpty() ? number(v) : tr("%1 %2", "number and unit").arg(number(v), symbol);
    }
    QString percent(double v) const { return tr("%1 %", "a percentage").arg(number(v)); }
    QString dateTime(qint64 ms) const {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, m_in.zone);
        return tr("%1 %2", "date-time and zone")
            .arg(m_in.locale.toString(at, QLocale::ShortFormat), m_in.zone.abbreviation(at));
    }
    static QString days(int n) { return InsightEngine::daysText(n); }
    QString span(qint64 ms) const {
        // A day of hourly data spans 23 h from its first to its last point: round to the unit.
        if (ms >= kDayMs - 2 * kHourMs)
            return days(int(std::max<qint64>(1, (ms + kDayMs / 2) / kDayMs)));
        return tr("%n h", nullptr, int(std::max<qint64>(1, (ms + kHourMs / 2) / kHourMs)));
    }
    void add(const char *rule, Stage stage, InsightSeverity severity, const QString &title,
             const QString &evidence, const RoleSeries &s) {
        const QString ruleId = QLatin1String(rule);
        m_out.append(Insight{ruleId + QLatin1Char('|') + s.chart->id, stage, severity, title, evidence,
                             s.chart->id, s.chart->resource});
    }

    void training(const ResourceSeries &r);
    void overProvisioned(const ResourceSeries &r);
    void memoryRisk(const ResourceSeries &r, Stage stage);
    void memoryPressure(const ResourceSeries &r);
    void queryTime(const ResourceSeries &r);
    void storageForecast(const ResourceSeries &r);
    void latency(const ResourceSeries &r);
    void errorBudget(const ResourceSeries &r);

    const InsightInput &m_in;
    const QString m_window;
    QList<Insight> m_out;
};

const auto kPercent = [](const RoleSeries &s) { return s.isPercent(); };

void Evaluator::run(const ResourceSeries &r, Stage stage) {
    switch (stage) {
    case Stage::DataPreparation:
        memoryPressure(r);
        break;
    case Stage::Training:
        training(r);
        memoryRisk(r, stage);
        break;
    case Stage::Evaluation:
        queryTime(r);
        storageForecast(r);
        break;
    case Stage::Deployment:
        overProvisioned(r);
        memoryRisk(r, stage);
        break;
    case Stage::Monitoring:
        latency(r);
        errorBudget(r);
        break;
    }
}

void Evaluator::training(const ResourceSeries &r) {
    using A = SeriesAggregate;
    const RoleSeries *cpu = pick(r, SeriesRole::Cpu, {A::Average}, InsightEngine::kMinPoints, kPercent);
    if (!cpu)
        return;
    const double cpuMean = mean(cpu->v);
    const RoleSeries *gpu = pick(r, SeriesRole::Gpu, {A::Average}, InsightEngine::kMinPoints, kPercent);
    if (gpu) {
        const double gpuMean = mean(gpu->v);
        if (gpuMean >= InsightEngine::kGpuIdlePercent)
            return;
        if (cpuMean > InsightEngine::kCpuSaturatedPercent) {
            add("training.input-bound", Stage::Training, InsightSeverity::Warning,
                tr("Input pipeline is the bottleneck"),
                tr("%1 averaged %2 while %3 averaged %4 %5; the limits are below %6 for the GPU and "
                   "above %7 for the CPU.")
                    .arg(gpu->name, percent(gpuMean), cpu->name, percent(cpuMean), m_window,
                         percent(InsightEngine::kGpuIdlePercent),
                         percent(InsightEngine::kCpuSaturatedPercent)),
                *gpu);
        } else if (cpuMean < InsightEngine::kCpuLowPercent) {
            add("training.oversized", Stage::Training, InsightSeverity::Info,
                tr("GPU and CPU both low: try a smaller instance"),
                tr("%1 averaged %2 and %3 averaged %4 %5; both are below %6.")
                    .arg(gpu->name, percent(gpuMean), cpu->name, percent(cpuMean), m_window,
                         percent(InsightEngine::kCpuLowPercent)),
                *gpu);
        }
        return;
    }
    // A GPU series with a few points is not enough to call the job CPU-only.
    if (hasAnyPoint(r, SeriesRole::Gpu) || cpuMean >= InsightEngine::kCpuOnlyLowPercent)
        return;
    add("training.oversized", Stage::Training, InsightSeverity::Info, tr("CPU low: try a smaller instance"),
        tr("%1 averaged %2 %3 with no GPU data (a CPU-only job); the limit is %4.")
            .arg(cpu->name, percent(cpuMean), m_window, percent(InsightEngine::kCpuOnlyLowPercent)),
        *cpu);
}

void Evaluator::overProvisioned(const ResourceSeries &r) {
    const RoleSeries *cpu =
        pick(r, SeriesRole::Cpu, {SeriesAggregate::Average}, InsightEngine::kMinPoints, kPercent);
    if (!cpu)
        return;
    // Seven days of data, or — in a shorter window — data across the whole of it (a tenth may be
    // missing at the edges: the newest period is not published yet).
    const qint64 wanted =
        std::min<qint64>(InsightEngine::kOverProvisionedDays * kDayMs, m_in.window.durationMs());
    const qint64 covered = cpu->t.last() - cpu->t.first();
    if (double(covered) < 0.9 * double(wanted))
        return;
    const double p95 = percentile(cpu->v, 95);
    if (p95 >= InsightEngine::kOverProvisionedP95Percent)
        return;
    QString evidence = tr("%1 p95 was %2 %3, with %4 of data; the limit is %5.")
                           .arg(cpu->name, percent(p95), m_window, span(covered),
                                percent(InsightEngine::kOverProvisionedP95Percent));
    if (wanted < InsightEngine::kOverProvisionedDays * kDayMs)
        evidence += QLatin1Char(' ') + tr("The check wants %1 of data: widen the window to confirm.")
                                           .arg(days(InsightEngine::kOverProvisionedDays));
    add("deployment.over-provisioned", Stage::Deployment, InsightSeverity::Info,
        tr("Over-provisioned: CPU p95 below %1").arg(percent(InsightEngine::kOverProvisionedP95Percent)),
        evidence, *cpu);
}

void Evaluator::memoryRisk(const ResourceSeries &r, Stage stage) {
    const RoleSeries *memory =
        pick(r, SeriesRole::Memory, {SeriesAggregate::Average, SeriesAggregate::Maximum},
             InsightEngine::kMinPoints, kPercent);
    if (!memory)
        return;
    const double p95 = percentile(memory->v, 95);
    const double latest = memory->v.last();
    if (p95 <= InsightEngine::kMemoryRiskPercent && latest <= InsightEngine::kMemoryRiskPercent)
        return;
    add("memory.oom-risk", stage, InsightSeverity::Warning,
        tr("Memory above %1: risk of running out").arg(percent(InsightEngine::kMemoryRiskPercent)),
        tr("%1 p95 was %2 and the latest value %3 (%4) %5; the limit is %6.")
            .arg(memory->name, percent(p95), percent(latest), dateTime(memory->t.last()), m_window,
                 percent(InsightEngine::kMemoryRiskPercent)),
        *memory);
}

void Evaluator::memoryPressure(const ResourceSeries &r) {
    const RoleSeries *memory =
        pick(r, SeriesRole::Memory, {SeriesAggregate::Maximum, SeriesAggregate::Average},
             InsightEngine::kMinPoints, kPercent);
    if (!memory)
        return;
    const auto peak = std::max_element(memory->v.begin(), memory->v.end());
    if (*peak <= InsightEngine::kMemoryPressurePercent)
        return;
    add("data-preparation.memory-pressure", Stage::DataPreparation, InsightSeverity::Warning,
        tr("Memory pressure"),
        tr("%1 reached %2 at %3 %4; the limit is %5.")
            .arg(memory->name, percent(*peak), dateTime(memory->t.at(peak - memory->v.begin())), m_window,
                 percent(InsightEngine::kMemoryPressurePercent)),
        *memory);
}

void Evaluator::queryTime(const ResourceSeries &r) {
    using A = SeriesAggregate;
    const auto typical = [](const RoleSeries &s) {
        return s.info.aggregate != A::Percentile || s.info.percentile <= 50;
    };
    const RoleSeries *q = pick(r, SeriesRole::QueryTime, {A::Average, A::Percentile}, 1, typical);
    if (!q)
        return;
    const qint64 end = m_in.window.endMs;
    QVector<double> last;
    QVector<double> before;
    for (qsizetype i = 0; i < q->size(); ++i) {
        const qint64 t = q->t.at(i);
        if (t >= end - kWeekMs)
            last.append(q->v.at(i));
        else if (t >= end - 2 * kWeekMs)
            before.append(q->v.at(i));
    }
    if (last.size() < InsightEngine::kMinPoints || before.size() < InsightEngine::kMinPoints)
        return;
    const double now = mean(last);
    const double then = mean(before);
    if (then <= 0)
        return;
    const double up = (now / then - 1.0) * 100.0;
    if (up < InsightEngine::kQueryTimeIncreasePercent)
        return;
    const QString upText = m_in.locale.toString(qRound(up));
    add("evaluation.query-time-up", Stage::Evaluation, InsightSeverity::Warning,
        tr("Query time up %1 % week over week").arg(upText),
        tr("%1 averaged %2 in the last 7 days (%3 – %4) against %5 in the 7 days before: up %6 %.")
            .arg(q->name, withUnit(now, *q), dateTime(end - kWeekMs), dateTime(end), withUnit(then, *q),
                 upText),
        *q);
}

void Evaluator::storageForecast(const ResourceSeries &r) {
    using A = SeriesAggregate;
    const RoleSeries *s =
        pick(r, SeriesRole::Storage, {A::Average, A::Other, A::Maximum}, InsightEngine::kMinStoragePoints);
    if (!s || s->t.last() - s->t.first() < InsightEngine::kMinStorageSpanMs)
        return;
    // Least squares through (days since the first point, display value).
    const qint64 t0 = s->t.first();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const auto n = double(s->size());
    for (qsizetype i = 0; i < s->size(); ++i) {
        const double x = double(s->t.at(i) - t0) / double(kDayMs);
        const double y = s->v.at(i);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    if (denominator <= 0)
        return;
    const double slope = (n * sxy - sx * sy) / denominator; // display units a day
    const double intercept = (sy - slope * sx) / n;
    if (slope <= 0)
        return;
    const double latest = s->v.last();
    // The target: the lowest chart threshold above the latest value, else (bytes, shown in GiB)
    // the next power-of-two TiB.
    double target = 0;
    QString targetText;
    for (const ThresholdLine &line : s->chart->thresholds)
        if (line.value > latest && (target == 0 || line.value < target))
            target = line.value;
    if (target > 0) {
        targetText = withUnit(target, *s);
    } else if (s->chart->unit == Unit::Bytes) {
        double tib = 1;
        while (tib * 1024.0 <= latest)
            tib *= 2;
        target = tib * 1024.0;
        targetText = tr("%1 TiB").arg(m_in.locale.toString(tib, 'f', 0));
    } else {
        return;
    }
    const double reachDays = (target - intercept) / slope;
    const qint64 reachMs = t0 + qint64(reachDays * double(kDayMs));
    const int inDays = int(std::max<qint64>(0, (reachMs - m_in.nowMs + kDayMs / 2) / kDayMs));
    if (inDays > InsightEngine::kStorageHorizonDays)
        return;
    const QDate reachDate = QDateTime::fromMSecsSinceEpoch(reachMs, m_in.zone).date();
    add("evaluation.storage-forecast", Stage::Evaluation, InsightSeverity::Info,
        tr("Storage reaches %1 in %2").arg(targetText, days(inDays)),
        tr("%1 grew %2 a day %3, a straight line through %4 datapoints (latest %5); at that rate it "
           "reaches %6 on %7, in %8.")
            .arg(s->name, withUnit(slope, *s), m_window, m_in.locale.toString(s->size()),
                 withUnit(latest, *s), targetText, m_in.locale.toString(reachDate, QLocale::ShortFormat),
                 days(inDays)),
        *s);
}

void Evaluator::latency(const ResourceSeries &r) {
    using A = SeriesAggregate;
    const auto timed = [](const RoleSeries &s) { return secondsPerRawUnit(s.chart->unit) > 0; };
    const auto tail = [&timed](const RoleSeries &s) { return timed(s) && s.info.percentile >= 90; };
    const RoleSeries *s = pick(r, SeriesRole::Latency, {A::Percentile}, InsightEngine::kMinPoints, tail);
    if (!s)
        s = pick(r, SeriesRole::Latency, {A::Average}, InsightEngine::kMinPoints, timed);
    if (!s)
        return;
    // The limit in the chart's display unit: 1 s → 1,000 ms on a millisecond axis.
    const double limit =
        InsightEngine::kLatencyLimitSeconds / secondsPerRawUnit(s->chart->unit) * s->display.scale;
    const double average = mean(s->v);
    if (average <= limit)
        return;
    add("monitoring.latency", Stage::Monitoring, InsightSeverity::Critical, tr("Latency above 1 s"),
        tr("%1 averaged %2 %3; the limit is %4.")
            .arg(s->name, withUnit(average, *s), m_window, withUnit(limit, *s)),
        *s);
}

void Evaluator::errorBudget(const ResourceSeries &r) {
    using A = SeriesAggregate;
    const QString budget = percent(InsightEngine::kErrorBudgetPercent);
    if (const RoleSeries *rate = pick(r, SeriesRole::ErrorRate, {A::Average, A::Other, A::Sum},
                                      InsightEngine::kMinPoints, kPercent)) {
        const double average = mean(rate->v);
        if (average > InsightEngine::kErrorBudgetPercent)
            add("monitoring.error-budget", Stage::Monitoring, InsightSeverity::Critical,
                tr("Error rate above budget"),
                tr("%1 averaged %2 %3; the budget is %4.")
                    .arg(rate->name, percent(average), m_window, budget),
                *rate);
        return;
    }
    // A period without errors may be absent (Google omits it), so totals over the window, not
    // ratios of matched periods. Per-second rates count as rate × their period.
    const RoleSeries *errors = pick(r, SeriesRole::Errors, {A::Sum, A::Other, A::Average}, 1);
    const RoleSeries *requests = pick(r, SeriesRole::Requests, {A::Sum, A::Other}, InsightEngine::kMinPoints);
    if (!errors || !requests)
        return;
    const auto total = [](const RoleSeries &s) {
        double sum = 0;
        for (double x : s.v)
            sum += x;
        return s.chart->unit == Unit::CountPerSecond ? sum * medianSpacingSeconds(s.t) : sum;
    };
    const double failed = total(*errors);
    const double all = total(*requests);
    if (all < InsightEngine::kMinRequests)
        return;
    const double share = failed / all * 100.0;
    if (share <= InsightEngine::kErrorBudgetPercent)
        return;
    add("monitoring.error-budget", Stage::Monitoring, InsightSeverity::Critical,
        tr("Error rate above budget"),
        tr("%1: %2 of %3 requests failed (%4) %5; the budget is %6.")
            .arg(errors->name, m_in.locale.toString(qRound64(failed)), m_in.locale.toString(qRound64(all)),
                 percent(share), m_window, budget),
        *errors);
}

int severityRank(InsightSeverity s) {
    switch (s) {
    case InsightSeverity::Critical:
        return 0;
    case InsightSeverity::Warning:
        return 1;
    case InsightSeverity::Info:
        return 2;
    }
    return 3;
}

} // namespace

QString InsightEngine::windowText(const TimeRange &window, qint64 nowMs, const QLocale &locale,
                                  const QTimeZone &zone) {
    const qint64 ms = window.durationMs();
    QString length;
    if (ms >= 2 * kDayMs && ms % kDayMs == 0)
        length = daysText(int(ms / kDayMs));
    else if (ms >= kHourMs && ms % kHourMs == 0)
        length = tr("%n h", nullptr, int(ms / kHourMs));
    else
        length = tr("%n min", nullptr, int(std::max<qint64>(1, ms / 60000)));
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(window.startMs, zone);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(window.endMs, zone);
    const QString from = locale.toString(start, QLocale::ShortFormat);
    const QString to = locale.toString(end, QLocale::ShortFormat);
    const QString zoneName = zone.abbreviation(end);
    const bool endsNow = std::abs(window.endMs - nowMs) <= 10 * 60 * 1000;
    return endsNow ? tr("over the last %1 (%2 – %3 %4)").arg(length, from, to, zoneName)
                   : tr("over %1 (%2 – %3 %4)").arg(length, from, to, zoneName);
}

QString InsightEngine::daysText(int n) {
    // Two source texts, not "%n day(s)": untranslated English shows the source as it is.
    return n == 1 ? tr("%n day", nullptr, n) : tr("%n days", nullptr, n);
}

QList<Insight> InsightEngine::evaluate(const InsightInput &input, const SeriesStore &store) {
    if (!input.window.isValid())
        return {};
    // Group the series by resource (account and resource name), in chart order.
    QStringList order;
    QHash<QString, ResourceSeries> resources;
    QHash<QString, Stage> stageOf;
    for (const ChartSpec &chart : input.charts) {
        const QString key =
            chart.cloud + QLatin1Char('|') + chart.account + QLatin1Char('|') + chart.resource;
        for (qsizetype index = 0; index < chart.series.size(); ++index) {
            const ChartSeriesSpec &spec = chart.series.at(index);
            // As the chart draws it: per device when the instance type is known (UnitRegistry).
            const DisplayUnit display = UnitRegistry::forChartSeries(chart, index);
            RoleSeries s;
            s.chart = &chart;
            s.info = classifySeries(spec.query);
            if (s.info.role == SeriesRole::Unknown)
                continue;
            s.display = display;
            s.name = spec.legend.isEmpty() ? spec.query.metricName : spec.legend;
            // "CPU utilisation (sum of devices)": only a series that stays summed says so.
            if (!display.note.isEmpty())
                s.name = tr("%1 (%2)", "series name (unit note)").arg(s.name, display.note);
            const SeriesData data = store.series(spec.query.seriesKey());
            for (qsizetype i = 0; i < data.size(); ++i) {
                const double value = data.values.at(i);
                if (input.window.contains(data.timestampsMs.at(i)) && std::isfinite(value)) {
                    s.t.append(data.timestampsMs.at(i));
                    s.v.append(value * display.scale);
                }
            }
            if (!resources.contains(key)) {
                order.append(key);
                stageOf.insert(key, chart.stage);
            }
            resources[key].series.append(s);
        }
    }
    Evaluator evaluator(input);
    for (const QString &key : std::as_const(order))
        evaluator.run(resources.value(key), stageOf.value(key));
    QList<Insight> out = evaluator.take();
    std::stable_sort(out.begin(), out.end(), [](const Insight &a, const Insight &b) {
        return severityRank(a.severity) < severityRank(b.severity);
    });
    return out;
}

} // namespace mlwatch
