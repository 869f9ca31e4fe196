#include "demo/demo_story.h"

#include "demo/demo_noise.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace mlwatch::demo {

namespace {

constexpr qint64 kMinutesPerHour = 60;
constexpr qint64 kMinutesPerDay = 24 * kMinutesPerHour;
constexpr qint64 kHistoryMinutes = 30 * kMinutesPerDay;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr double kPi = 3.14159265358979323846;

const QString kEndpoint = QStringLiteral("churn-model-prod");
const QString kVariant = QStringLiteral("AllTraffic");

MinuteStats single(double value) {
    return {1, value, value, value};
}

double clamp(double value, double low, double high) {
    return std::min(high, std::max(low, value));
}

quint64 seedFor(const QString &ns, const QString &metric, const QString &resource) {
    return noise::seedOf((ns + QLatin1Char('|') + metric + QLatin1Char('|') + resource).toUtf8());
}

QString stamp(qint64 minute) {
    // Job names carry their start, as SageMaker's generated names do; digits only, so no locale.
    return QDateTime::fromSecsSinceEpoch(minute * 60, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd-HHmm"));
}

// Request traffic of the endpoint relative to its daily peak: highest at 15:00 UTC, lowest at
// 03:00 UTC, a third lower on weekends.
double traffic(qint64 minute) {
    const double hour = double(((minute % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay) / 60.0;
    const double daily = 0.55 + 0.45 * std::sin(2.0 * kPi * (hour - 9.0) / 24.0);
    const qint64 day = minute >= 0 ? minute / kMinutesPerDay : (minute - kMinutesPerDay + 1) / kMinutesPerDay;
    const qint64 weekday = ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
    return daily * (weekday >= 5 ? 0.65 : 1.0);
}

struct Job {
    QString host;
    qint64 startMinute = 0;
    qint64 endMinute = 0; // exclusive

    bool runs(qint64 minute) const { return minute >= startMinute && minute < endMinute; }
    double progress(qint64 minute) const {
        return double(minute - startMinute) / double(endMinute - startMinute);
    }
};

struct Context {
    qint64 anchorHour = 0;     // anchor floored to the hour, in minutes since the epoch
    qint64 historyStart = 0;   // first minute of the 30-day window
    qint64 spikes[2] = {0, 0}; // starts of the 20-minute latency spikes
    qint64 lowCpuStart = 0;    // the over-provisioned stretch
    qint64 lowCpuEnd = 0;

    bool inSpike(qint64 minute) const {
        return std::any_of(std::begin(spikes), std::end(spikes),
                           [minute](qint64 s) { return minute >= s && minute < s + 20; });
    }
    double monthProgress(qint64 minute) const {
        return clamp(double(minute - historyStart) / double(kHistoryMinutes), 0.0, 1.0);
    }
};

DemoSeries series(const QString &ns, const QString &metric, QList<Dimension> dims, const QString &unit,
                  std::function<std::optional<MinuteStats>(qint64)> sample) {
    return DemoSeries{MetricDescriptor{ns, metric, std::move(dims)}, unit, std::move(sample)};
}

QList<Job> jobs(const Context &ctx, const QString &baseName,
                std::initializer_list<std::pair<int, int>> schedule) {
    QList<Job> result;
    for (const auto &[startHours, durationHours] : schedule) {
        const qint64 start = ctx.anchorHour + qint64(startHours) * kMinutesPerHour;
        result.append(Job{baseName + QLatin1Char('-') + stamp(start) + QStringLiteral("/algo-1"), start,
                          start + qint64(durationHours) * kMinutesPerHour});
    }
    return result;
}

// Data preparation: feature-engineering processing jobs, memory climbing past 90 %.
void addProcessingJobs(QList<DemoSeries> &out, const Context &ctx) {
    const QString ns = QStringLiteral("/aws/sagemaker/ProcessingJobs");
    const QList<Job> all = jobs(ctx, QStringLiteral("feature-build"),
                                {{-29 * 24 + 2, 4},
                                 {-25 * 24 + 3, 5},
                                 {-20 * 24 + 1, 3},
                                 {-15 * 24 + 2, 4},
                                 {-11 * 24 + 4, 5},
                                 {-6 * 24 + 1, 4},
                                 {-22, 4}});
    for (const Job &job : all) {
        const QList<Dimension> dims{{QStringLiteral("Host"), job.host}};
        const quint64 memSeed = seedFor(ns, QStringLiteral("MemoryUtilization"), job.host);
        out.append(series(ns, QStringLiteral("MemoryUtilization"), dims, QStringLiteral("Percent"),
                          [job, memSeed](qint64 m) -> std::optional<MinuteStats> {
                              if (!job.runs(m))
                                  return std::nullopt;
                              // Loads partitions one after another and never frees them: a ramp
                              // that reaches ~96 % at 87 % of the run and stays there.
                              const double ramp = std::pow(std::min(1.0, job.progress(m) * 1.15), 1.2);
                              return single(
                                  clamp(38.0 + 58.0 * ramp + 1.2 * noise::normal(memSeed, m), 5, 99.6));
                          }));
        const quint64 cpuSeed = seedFor(ns, QStringLiteral("CPUUtilization"), job.host);
        out.append(series(ns, QStringLiteral("CPUUtilization"), dims, QStringLiteral("Percent"),
                          [job, cpuSeed](qint64 m) -> std::optional<MinuteStats> {
                              if (!job.runs(m))
                                  return std::nullopt;
                              // Summed over the instance's vCPUs, as SageMaker publishes it.
                              return single(kDemoProcessingInstance.vcpus *
                                            clamp(68.0 + 9.0 * noise::smooth(cpuSeed, m, 25) +
                                                      4.0 * noise::normal(cpuSeed, m),
                                                  1, 100));
                          }));
        const quint64 diskSeed = seedFor(ns, QStringLiteral("DiskUtilization"), job.host);
        out.append(series(ns, QStringLiteral("DiskUtilization"), dims, QStringLiteral("Percent"),
                          [job, diskSeed](qint64 m) -> std::optional<MinuteStats> {
                              if (!job.runs(m))
                                  return std::nullopt;
                              return single(clamp(
                                  12.0 + 41.0 * job.progress(m) + 0.4 * noise::normal(diskSeed, m), 0, 100));
                          }));
    }
}

// Training: GPU jobs starved by an input pipeline that pegs the CPU. The latest job runs on past
// the anchor, so the one-hour view has data.
void addTrainingJobs(QList<DemoSeries> &out, const Context &ctx) {
    const QString ns = QStringLiteral("/aws/sagemaker/TrainingJobs");
    const QList<Job> all =
        jobs(ctx, QStringLiteral("churn-train"),
             {{-28 * 24 + 8, 14}, {-21 * 24 + 6, 16}, {-14 * 24 + 9, 12}, {-7 * 24 + 5, 18}, {-17, 24}});
    constexpr qint64 kWarmUp = 4; // minutes of container start-up: data loading, GPU idle
    struct Shape {
        const char *metric;
        std::function<double(const Job &, quint64, qint64)> value;
    };
    const QList<Shape> shapes{
        {"CPUUtilization",
         [](const Job &job, quint64 s, qint64 m) {
             if (m - job.startMinute < kWarmUp)
                 return 35.0 + 5.0 * noise::normal(s, m);
             return clamp(95.5 + 1.5 * noise::smooth(s, m, 45) + 1.1 * noise::normal(s, m), 0, 99.9);
         }},
        {"GPUUtilization",
         [](const Job &job, quint64 s, qint64 m) {
             if (m - job.startMinute < kWarmUp)
                 return 0.0;
             return clamp(24.0 + 5.0 * noise::smooth(s, m, 30) + 3.0 * noise::normal(s, m), 0, 100);
         }},
        {"GPUMemoryUtilization",
         [](const Job &job, quint64 s, qint64 m) {
             if (m - job.startMinute < kWarmUp)
                 return 2.0;
             return clamp(31.0 + 2.0 * noise::smooth(s, m, 60) + 0.8 * noise::normal(s, m), 0, 100);
         }},
        {"MemoryUtilization",
         [](const Job &job, quint64 s, qint64 m) {
             return clamp(52.0 + 9.0 * job.progress(m) + 1.5 * noise::normal(s, m), 0, 100);
         }},
        {"DiskUtilization",
         [](const Job &job, quint64 s, qint64 m) {
             return clamp(22.0 + 30.0 * job.progress(m) + 0.3 * noise::normal(s, m), 0, 100);
         }},
    };
    for (const Job &job : all) {
        for (const Shape &shape : shapes) {
            const QString metric = QLatin1String(shape.metric);
            const quint64 seed = seedFor(ns, metric, job.host);
            // The shapes are per device; SageMaker publishes CPU summed over the vCPUs and GPU
            // utilisation / memory summed over the GPUs.
            const double devices = metric == QLatin1String("CPUUtilization") ? kDemoTrainingInstance.vcpus
                                   : metric.startsWith(QLatin1String("GPU")) ? kDemoTrainingInstance.gpus
                                                                             : 1;
            out.append(
                series(ns, metric, {{QStringLiteral("Host"), job.host}}, QStringLiteral("Percent"),
                       [job, seed, devices, value = shape.value](qint64 m) -> std::optional<MinuteStats> {
                           if (!job.runs(m))
                               return std::nullopt;
                           return single(devices * value(job, seed, m));
                       }));
        }
    }
}

// Evaluation: Athena queries of the evaluation workgroup get slower as the data grows, and the
// dataset bucket grows a little every day (S3 storage metrics: once a day at 00:00 UTC).
void addEvaluation(QList<DemoSeries> &out, const Context &ctx) {
    const QString athena = QStringLiteral("AWS/Athena");
    const QString workgroup = QStringLiteral("ml-evaluation");
    const quint64 querySeed = seedFor(athena, QStringLiteral("TotalExecutionTime"), workgroup);
    out.append(series(
        athena, QStringLiteral("TotalExecutionTime"),
        {{QStringLiteral("QueryState"), QStringLiteral("SUCCEEDED")},
         {QStringLiteral("QueryType"), QStringLiteral("DML")},
         {QStringLiteral("WorkGroup"), workgroup}},
        QStringLiteral("Milliseconds"), [ctx, querySeed](qint64 m) -> std::optional<MinuteStats> {
            // About one evaluation query every nine minutes, at random minutes.
            if (noise::unit(querySeed ^ 0xA7A7ULL, m) >= 1.0 / 9.0)
                return std::nullopt;
            const double base = 18000.0 * std::pow(75000.0 / 18000.0, ctx.monthProgress(m));
            return single(std::round(std::max(800.0, base * (1.0 + 0.2 * noise::normal(querySeed, m)))));
        }));

    const QString s3 = QStringLiteral("AWS/S3");
    const QString bucket = QStringLiteral("churn-ml-datasets");
    const quint64 bucketSeed = seedFor(s3, QStringLiteral("BucketSizeBytes"), bucket);
    out.append(series(s3, QStringLiteral("BucketSizeBytes"),
                      {{QStringLiteral("BucketName"), bucket},
                       {QStringLiteral("StorageType"), QStringLiteral("StandardStorage")}},
                      QStringLiteral("Bytes"), [ctx, bucketSeed](qint64 m) -> std::optional<MinuteStats> {
                          if (m % kMinutesPerDay != 0)
                              return std::nullopt;
                          // 180 GiB a month ago, +2.7 GiB a day; the jitter is smaller than a
                          // day's growth, so the size never shrinks.
                          const double day = double(m - ctx.historyStart) / double(kMinutesPerDay);
                          const double bytes = (180.0 + 2.7 * day + 0.4 * noise::unit(bucketSeed, m)) * kGiB;
                          return single(std::round(bytes));
                      }));
}

// Deployment: the endpoint's instances. CPU follows traffic, except for five days after a
// scale-out nobody reverted, when it idles near 3 % (over-provisioned), and during the latency
// spikes, when the model saturates it.
void addEndpointInstances(QList<DemoSeries> &out, const Context &ctx) {
    const QString ns = QStringLiteral("/aws/sagemaker/Endpoints");
    const QList<Dimension> dims{{QStringLiteral("EndpointName"), kEndpoint},
                                {QStringLiteral("VariantName"), kVariant}};
    const quint64 cpuSeed = seedFor(ns, QStringLiteral("CPUUtilization"), kEndpoint);
    out.append(series(ns, QStringLiteral("CPUUtilization"), dims, QStringLiteral("Percent"),
                      [ctx, cpuSeed](qint64 m) -> std::optional<MinuteStats> {
                          const double f = traffic(m);
                          double cpu = 0;
                          if (ctx.inSpike(m))
                              cpu = 88.0 + 3.0 * noise::normal(cpuSeed, m);
                          else if (m >= ctx.lowCpuStart && m < ctx.lowCpuEnd)
                              cpu = 1.8 + 1.6 * f + 0.4 * noise::normal(cpuSeed, m);
                          else
                              cpu = 9.0 + 40.0 * f + 3.0 * noise::smooth(cpuSeed, m, 40) +
                                    2.5 * noise::normal(cpuSeed, m);
                          // Summed over the instance's vCPUs, as SageMaker publishes it.
                          return single(kDemoEndpointInstance.vcpus * clamp(cpu, 0.3, 100));
                      }));
    const quint64 memSeed = seedFor(ns, QStringLiteral("MemoryUtilization"), kEndpoint);
    out.append(series(ns, QStringLiteral("MemoryUtilization"), dims, QStringLiteral("Percent"),
                      [memSeed](qint64 m) -> std::optional<MinuteStats> {
                          return single(clamp(41.0 + 2.0 * noise::smooth(memSeed, m, 240) +
                                                  0.5 * noise::normal(memSeed, m),
                                              0, 100));
                      }));
}

// Monitoring: the endpoint's invocation metrics (the RED view) — per-request metrics, kept by
// CloudWatch as statistic sets.
void addInvocationMetrics(QList<DemoSeries> &out, const Context &ctx) {
    const QString ns = QStringLiteral("AWS/SageMaker");
    const QList<Dimension> dims{{QStringLiteral("EndpointName"), kEndpoint},
                                {QStringLiteral("VariantName"), kVariant}};
    const quint64 trafficSeed = seedFor(ns, QStringLiteral("Invocations"), kEndpoint);
    const auto requests = [trafficSeed](qint64 m) {
        const double expected = (30.0 + 270.0 * traffic(m)) * (1.0 + 0.06 * noise::normal(trafficSeed, m));
        return std::max(0.0, std::round(expected));
    };
    out.append(series(ns, QStringLiteral("Invocations"), dims, QStringLiteral("None"),
                      [requests](qint64 m) -> std::optional<MinuteStats> {
                          const double n = requests(m);
                          if (n <= 0)
                              return std::nullopt;
                          return MinuteStats{n, n, 1, 1};
                      }));

    // Each request emits 1 (error) or 0: Sum counts errors, Average is the error ratio.
    const auto errors = [ctx, requests](const QString &metric, double rate, double spikeRate) {
        const quint64 seed = seedFor(QStringLiteral("AWS/SageMaker"), metric, kEndpoint);
        return [ctx, requests, rate, spikeRate, seed](qint64 m) -> std::optional<MinuteStats> {
            const double n = requests(m);
            if (n <= 0)
                return std::nullopt;
            const double expected =
                n * (ctx.inSpike(m) ? spikeRate : rate * (1.0 + 0.5 * noise::smooth(seed, m, 180)));
            const double e = clamp(std::round(expected + std::sqrt(expected) * noise::normal(seed, m)), 0, n);
            return MinuteStats{n, e, 0, e > 0 ? 1.0 : 0.0};
        };
    };
    out.append(series(ns, QStringLiteral("Invocation4XXErrors"), dims, QStringLiteral("None"),
                      errors(QStringLiteral("Invocation4XXErrors"), 0.006, 0.006)));
    out.append(series(ns, QStringLiteral("Invocation5XXErrors"), dims, QStringLiteral("None"),
                      errors(QStringLiteral("Invocation5XXErrors"), 0.0005, 0.05)));

    const quint64 latencySeed = seedFor(ns, QStringLiteral("ModelLatency"), kEndpoint);
    out.append(series(ns, QStringLiteral("ModelLatency"), dims, QStringLiteral("Microseconds"),
                      [ctx, requests, latencySeed](qint64 m) -> std::optional<MinuteStats> {
                          const double n = requests(m);
                          if (n <= 0)
                              return std::nullopt;
                          double mean = 0; // microseconds
                          if (ctx.inSpike(m))
                              mean = 1300000.0 + 120000.0 * noise::signedUnit(latencySeed, m);
                          else
                              mean = 42000.0 * (1.0 + 0.25 * traffic(m)) +
                                     6000.0 * noise::smooth(latencySeed, m, 90) +
                                     3000.0 * noise::normal(latencySeed, m);
                          mean = std::max(8000.0, mean);
                          const double tail = 2.6 + 0.6 * noise::unit(latencySeed ^ 0x7A11ULL, m);
                          return MinuteStats{n, n * mean, std::round(mean * 0.4), std::round(mean * tail)};
                      }));
    const quint64 overheadSeed = seedFor(ns, QStringLiteral("OverheadLatency"), kEndpoint);
    out.append(series(ns, QStringLiteral("OverheadLatency"), dims, QStringLiteral("Microseconds"),
                      [requests, overheadSeed](qint64 m) -> std::optional<MinuteStats> {
                          const double n = requests(m);
                          if (n <= 0)
                              return std::nullopt;
                          const double mean =
                              std::max(900.0, 2800.0 + 400.0 * noise::smooth(overheadSeed, m, 120) +
                                                  200.0 * noise::normal(overheadSeed, m));
                          return MinuteStats{n, n * mean, std::round(mean * 0.45), std::round(mean * 3.5)};
                      }));
}

// Monitoring: Model Monitor's data-quality job runs hourly and publishes one value per feature.
void addDriftMetrics(QList<DemoSeries> &out, const Context &ctx) {
    const QString ns = QStringLiteral("aws/sagemaker/Endpoints/data-metrics");
    const QList<Dimension> dims{
        {QStringLiteral("Endpoint"), kEndpoint},
        {QStringLiteral("MonitoringSchedule"), QStringLiteral("churn-model-prod-data-quality")}};
    struct Feature {
        const char *name;
        double start;
        double rise;
        double jitter;
    };
    // tenure_months drifts (a new customer segment arrives); the others stay near the baseline.
    const Feature features[] = {{"tenure_months", 0.04, 0.38, 0.015},
                                {"monthly_charges", 0.03, 0.06, 0.01},
                                {"contract_type", 0.02, 0.0, 0.006}};
    for (const Feature &f : features) {
        const QString metric = QStringLiteral("feature_baseline_drift_") + QLatin1String(f.name);
        const quint64 seed = seedFor(ns, metric, kEndpoint);
        out.append(series(ns, metric, dims, QStringLiteral("None"),
                          [ctx, f, seed](qint64 m) -> std::optional<MinuteStats> {
                              if (m % kMinutesPerHour != 0)
                                  return std::nullopt;
                              const double value = f.start + f.rise * std::pow(ctx.monthProgress(m), 1.6) +
                                                   f.jitter * noise::normal(seed, m);
                              return single(std::max(0.001, value));
                          }));
    }
}

// The rest of the account: an EC2 fleet with basic (5-minute) monitoring. No stage charts it;
// it is here because real accounts list far more metrics than their ML workloads publish.
void addEc2Fleet(QList<DemoSeries> &out) {
    const QString ns = QStringLiteral("AWS/EC2");
    struct Ec2Metric {
        const char *name;
        const char *unit;
        double scale;
    };
    const Ec2Metric metrics[] = {{"CPUUtilization", "Percent", 60.0},   {"NetworkIn", "Bytes", 4.0e7},
                                 {"NetworkOut", "Bytes", 2.5e7},        {"NetworkPacketsIn", "Count", 3.0e4},
                                 {"NetworkPacketsOut", "Count", 2.2e4}, {"DiskReadOps", "Count", 900.0},
                                 {"DiskWriteOps", "Count", 1500.0},     {"StatusCheckFailed", "Count", 0.0}};
    for (int i = 0; i < 64; ++i) {
        const QString instance =
            QStringLiteral("i-0") +
            QString::number(noise::mix(quint64(i) + 0xEC2ULL) >> 4, 16).rightJustified(16, u'0');
        const double level = 0.2 + 0.7 * noise::unit(noise::seedOf(instance.toUtf8()), 0);
        for (const Ec2Metric &metric : metrics) {
            const quint64 seed = seedFor(ns, QLatin1String(metric.name), instance);
            const double scale = metric.scale;
            out.append(series(
                ns, QLatin1String(metric.name), {{QStringLiteral("InstanceId"), instance}},
                QLatin1String(metric.unit), [seed, scale, level](qint64 m) -> std::optional<MinuteStats> {
                    if (m % 5 != 0)
                        return std::nullopt;
                    const double v = scale * level *
                                     (0.6 + 0.3 * noise::smooth(seed, m, 120) + 0.1 * noise::unit(seed, m));
                    return single(scale >= 100 ? std::round(v) : v);
                }));
        }
    }
}

} // namespace

QList<DemoSeries> DemoStory::build(const QDateTime &anchorUtc) {
    const qint64 anchorMinute = anchorUtc.toSecsSinceEpoch() / 60;
    Context ctx;
    ctx.anchorHour = anchorMinute - ((anchorMinute % kMinutesPerHour) + kMinutesPerHour) % kMinutesPerHour;
    ctx.historyStart = anchorMinute - kHistoryMinutes;
    ctx.spikes[0] = anchorMinute - (5 * kMinutesPerHour + 10); // within the last 24 h
    ctx.spikes[1] = ctx.anchorHour - (4 * kMinutesPerDay + 3 * kMinutesPerHour);
    ctx.lowCpuStart = ctx.anchorHour - 12 * kMinutesPerDay;
    ctx.lowCpuEnd = ctx.anchorHour - 7 * kMinutesPerDay;

    QList<DemoSeries> out;
    addProcessingJobs(out, ctx);
    addTrainingJobs(out, ctx);
    addEvaluation(out, ctx);
    addEndpointInstances(out, ctx);
    addInvocationMetrics(out, ctx);
    addDriftMetrics(out, ctx);
    addEc2Fleet(out);
    return out;
}

} // namespace mlwatch::demo
