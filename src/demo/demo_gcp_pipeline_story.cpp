#include "demo/demo_gcp_pipeline_story.h"

#include "demo/demo_gcp_key.h"
#include "demo/demo_gcp_shapes.h"
#include "demo/demo_gcp_wire.h"

#include <QJsonArray>
#include <QTimeZone>

#include <memory>

namespace mlwatch::demo {

using namespace gcp_shapes;

namespace {

using Labels = QMap<QString, QString>;
using SampleFn = std::function<std::optional<DemoGcpSample>(qint64)>;

const QString kProject = QLatin1String(DemoGcpKey::kProjectId);
const QString kRegion = QLatin1String(DemoGcpKey::kRegion);

std::optional<DemoGcpSample> number(double value) {
    DemoGcpSample s;
    s.value = value;
    return s;
}

void addSeries(DemoGcpWorld &world, const char *type, Labels resource, Labels labels, SampleFn sample,
               qint64 from, qint64 to) {
    const DemoGcpMetricType *metric = DemoGcpCatalog::find(QLatin1String(type));
    Q_ASSERT_X(metric, "DemoGcpPipelineStory", "metric type not in the catalogue");
    world.series.append(
        DemoGcpSeries{metric, std::move(resource), std::move(labels), std::move(sample), from, to});
}

QDateTime utc(qint64 minute) {
    return QDateTime::fromSecsSinceEpoch(minute * 60, QTimeZone::utc());
}

QString timestamp(qint64 minute) {
    return DemoGcpWire::formatTimestamp(minute * 60 * 1000);
}

// A Dataflow job's vCPUs by minute from its start, and the cumulative gauges derived from them.
struct DataflowJob {
    QString name;
    QString id;
    qint64 start = 0;
    qint64 end = 0; // exclusive
    double gbPerVcpu = 3.75;
    QList<int> vcpus;          // per minute from start
    QList<double> vcpuSeconds; // cumulative at each minute's start (size vcpus + 1)
    QList<int> lagSeconds;     // streaming jobs only

    void accumulate() {
        vcpuSeconds.resize(vcpus.size() + 1);
        vcpuSeconds[0] = 0;
        for (qsizetype i = 0; i < vcpus.size(); ++i)
            vcpuSeconds[i + 1] = vcpuSeconds[i] + vcpus[i] * 60.0;
    }
};

void addDataflowJob(DemoGcpWorld &world, const std::shared_ptr<const DataflowJob> &job) {
    const Labels resource{{QStringLiteral("project_id"), kProject},
                          {QStringLiteral("job_name"), job->name},
                          {QStringLiteral("region"), kRegion}};
    const Labels labels{{QStringLiteral("job_id"), job->id}};
    const auto at = [job](qint64 m) { return qsizetype(m - job->start); };
    addSeries(
        world, "dataflow.googleapis.com/job/current_num_vcpus", resource, labels,
        [job, at](qint64 m) { return number(job->vcpus.at(at(m))); }, job->start, job->end);
    addSeries(
        world, "dataflow.googleapis.com/job/total_vcpu_time", resource, labels,
        [job, at](qint64 m) { return number(std::round(job->vcpuSeconds.at(at(m)))); }, job->start, job->end);
    addSeries(
        world, "dataflow.googleapis.com/job/total_memory_usage_time", resource, labels,
        [job, at](qint64 m) { return number(std::round(job->vcpuSeconds.at(at(m)) * job->gbPerVcpu)); },
        job->start, job->end);
    addSeries(
        world, "dataflow.googleapis.com/job/elapsed_time", resource, labels,
        [job](qint64 m) { return number(double(m - job->start) * 60.0); }, job->start, job->end);
    if (!job->lagSeconds.isEmpty())
        addSeries(
            world, "dataflow.googleapis.com/job/system_lag", resource, labels,
            [job, at](qint64 m) { return number(job->lagSeconds.at(at(m))); }, job->start, job->end);
}

// clickstream-features: streaming, 2–5 workers with the traffic, pinned at max_num_workers = 6
// by the backlog, whose lag grows 15 s a minute and drains 30 s a minute.
void addStreamingJob(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    auto job = std::make_shared<DataflowJob>();
    job->name = QStringLiteral("clickstream-features");
    job->start = t.streamingStart;
    job->end = t.dataEnd;
    job->id = utc(job->start).toString(QStringLiteral("yyyy-MM-dd_HH_mm_ss-")) + numericId(job->name);
    const quint64 seed = seedFor(job->name);
    const qint64 peakLag = 15 * (t.backlogEnd - t.backlogStart);
    for (qint64 m = job->start; m < job->end; ++m) {
        qint64 backlog = 0;
        if (m >= t.backlogStart && m < t.backlogEnd)
            backlog = 15 * (m - t.backlogStart);
        else if (m >= t.backlogEnd)
            backlog = std::max<qint64>(0, peakLag - 30 * (m - t.backlogEnd));
        const bool pinned = (m >= t.backlogStart && m < t.backlogEnd) || backlog > 0;
        const int workers = pinned ? 6 : std::clamp(int(std::ceil(1.5 + 3.5 * traffic(m))), 2, 6);
        job->vcpus.append(4 * workers);
        job->lagSeconds.append(int(std::round(15.0 + 5.0 * noise::smooth(seed, m, 120) + double(backlog))));
    }
    job->accumulate();
    addDataflowJob(world, job);
}

// feature-build-YYYYMMDD: 01:00 UTC every night, scaling to 32 vCPUs, longer every night.
void addNightlyJobs(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    const qint64 firstDay = dayStart(t.historyStart);
    for (qint64 day = firstDay; day <= t.anchorMinute; day += kDay) {
        const qint64 start = day + 1 * kHour;
        if (start < t.historyStart || start >= t.anchorMinute)
            continue;
        auto job = std::make_shared<DataflowJob>();
        job->name = QStringLiteral("feature-build-") + utc(day).toString(QStringLiteral("yyyyMMdd"));
        job->start = start;
        job->end = start + DemoGcpTimeline::featureBuildMinutes((day - firstDay) / kDay);
        job->id = utc(start).toString(QStringLiteral("yyyy-MM-dd_HH_mm_")) +
                  QStringLiteral("%1-").arg(7 + (day / kDay) % 40, 2, 10, QLatin1Char('0')) +
                  numericId(job->name);
        job->gbPerVcpu = 6.5; // n1-highmem-4
        const qint64 minutes = job->end - job->start;
        for (qint64 k = 0; k < minutes; ++k)
            job->vcpus.append(k >= minutes - 6 ? 16 : 4 * int(std::min<qint64>(8, 1 + k / 2)));
        job->accumulate();
        addDataflowJob(world, job);
    }
}

struct TrainingLevels {
    double cpu, memory, accelerator, acceleratorMemory;
};

void addTraining(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    const QString prefix = QStringLiteral("projects/%1/locations/%2/customJobs/")
                               .arg(QLatin1String(DemoGcpKey::kProjectNumber), kRegion);
    QList<QJsonObject> jobs;
    for (qsizetype i = 0; i < t.trainingRuns.size(); ++i) {
        const DemoGcpTimeline::Run run = t.trainingRuns.at(i);
        const bool latest = i == t.trainingRuns.size() - 1;
        const TrainingLevels level = run.failed       ? TrainingLevels{0.30, 0.25, 0.04, 0.35}
                                     : run.inputBound ? TrainingLevels{0.96, 0.78, 0.22, 0.69}
                                     : latest         ? TrainingLevels{0.52, 0.44, 0.86, 0.72}
                                                      : TrainingLevels{0.45, 0.42, 0.82, 0.71};
        const QString id = numericId(QStringLiteral("churn-model-train/%1").arg(i));
        const QString display =
            QStringLiteral("churn-model-train-") + utc(run.start).toString(QStringLiteral("yyyyMMdd-HHmm"));
        const Labels resource{{QStringLiteral("project_id"), kProject}, {QStringLiteral("job_id"), id}};
        const quint64 seed = seedFor(id);
        // The first 8 minutes load data and compile: the accelerator is nearly idle.
        const auto shaped = [run, seed](double target, double spread, quint64 salt) {
            return [run, seed, target, spread, salt](qint64 m) {
                const bool warmUp = m - run.start < 8;
                const double base = warmUp ? (salt == 3 ? 0.05 : 0.6 * target) : target;
                return number(std::clamp(base + spread * noise::normal(seed ^ salt, m) +
                                             0.5 * spread * noise::smooth(seed ^ salt, m, 45),
                                         0.01, 1.0));
            };
        };
        addSeries(world, "ml.googleapis.com/training/cpu/utilization", resource, {},
                  shaped(level.cpu, 0.02, 1), run.start, run.end);
        addSeries(world, "ml.googleapis.com/training/memory/utilization", resource, {},
                  shaped(level.memory, 0.01, 2), run.start, run.end);
        addSeries(world, "ml.googleapis.com/training/accelerator/utilization", resource, {},
                  shaped(level.accelerator, run.inputBound ? 0.07 : 0.03, 3), run.start, run.end);
        addSeries(world, "ml.googleapis.com/training/accelerator/memory/utilization", resource, {},
                  shaped(level.acceleratorMemory, 0.01, 4), run.start, run.end);

        const bool ended = run.end <= t.anchorMinute;
        QJsonObject job{
            {QStringLiteral("name"), QString(prefix + id)},
            {QStringLiteral("displayName"), display},
            {QStringLiteral("jobSpec"),
             QJsonObject{
                 {QStringLiteral("workerPoolSpecs"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("machineSpec"),
                       QJsonObject{{QStringLiteral("machineType"), QStringLiteral("a2-highgpu-1g")},
                                   {QStringLiteral("acceleratorType"), QStringLiteral("NVIDIA_TESLA_A100")},
                                   {QStringLiteral("acceleratorCount"), 1}}},
                      {QStringLiteral("replicaCount"), QStringLiteral("1")},
                      {QStringLiteral("containerSpec"),
                       QJsonObject{{QStringLiteral("imageUri"),
                                    QStringLiteral("us-central1-docker.pkg.dev/mlwatch-demo-gcp/train/"
                                                   "churn:%1")
                                        .arg(utc(run.start).toString(QStringLiteral("yyyy.MM.dd")))}}}}}}}},
            {QStringLiteral("state"), run.failed ? QStringLiteral("JOB_STATE_FAILED")
                                      : ended    ? QStringLiteral("JOB_STATE_SUCCEEDED")
                                                 : QStringLiteral("JOB_STATE_RUNNING")},
            {QStringLiteral("createTime"), timestamp(run.start - 3)},
            {QStringLiteral("startTime"), timestamp(run.start)},
            {QStringLiteral("updateTime"), timestamp(ended ? run.end : run.start)}};
        if (ended)
            job.insert(QStringLiteral("endTime"), timestamp(run.end));
        if (run.failed)
            job.insert(
                QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), 3},
                            {QStringLiteral("message"),
                             QStringLiteral("The replica workerpool0-0 exited with a non-zero status of 137 "
                                            "(out of memory).")}});
        jobs.prepend(job); // Vertex lists the newest first
    }
    world.customJobs.append(jobs);
}

void addBigQuery(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    const Labels resource{{QStringLiteral("project_id"), kProject},
                          {QStringLiteral("location"), QStringLiteral("US")}};
    const DemoGcpBuckets buckets =
        DemoGcpCatalog::find(QStringLiteral("bigquery.googleapis.com/query/execution_times"))->buckets;
    const quint64 batchSeed = seedFor(QStringLiteral("bq-batch"));
    const qint64 start = t.historyStart;
    addSeries(
        world, "bigquery.googleapis.com/query/execution_times", resource,
        {{QStringLiteral("priority"), QStringLiteral("batch")}},
        [=](qint64 m) -> std::optional<DemoGcpSample> {
            const qint64 minuteOfDay = m - dayStart(m);
            if (minuteOfDay < 3 * kHour || minuteOfDay >= 4 * kHour)
                return std::nullopt;
            const qint64 count = 2 + (noise::unit(batchSeed, m) < 0.5 ? 1 : 0);
            const double weeks = double(m - start) / double(7 * kDay);
            const double median =
                9.0 * std::pow(1.35, weeks) * (1.0 + 0.08 * noise::smooth(batchSeed, m, 600));
            DemoGcpSample s;
            s.distribution = DemoGcpDistribution::logNormal(buckets, count, median, 0.35);
            return s;
        },
        t.historyStart, t.dataEnd);
    const quint64 interactiveSeed = seedFor(QStringLiteral("bq-interactive"));
    addSeries(
        world, "bigquery.googleapis.com/query/execution_times", resource,
        {{QStringLiteral("priority"), QStringLiteral("interactive")}},
        [=](qint64 m) -> std::optional<DemoGcpSample> {
            const qint64 minuteOfDay = m - dayStart(m);
            if (weekday(m) >= 5 || minuteOfDay < 8 * kHour || minuteOfDay >= 18 * kHour)
                return std::nullopt;
            const qint64 count = qint64(jitteredCount(1.2, interactiveSeed, m));
            if (count <= 0)
                return std::nullopt;
            DemoGcpSample s;
            s.distribution = DemoGcpDistribution::logNormal(
                buckets, count, 1.8 * (1.0 + 0.1 * noise::smooth(interactiveSeed, m, 240)), 0.6);
            return s;
        },
        t.historyStart, t.dataEnd);
}

// One bucket's daily gauges (00:00 UTC): `bytes(dayIndex)` and `objects(dayIndex)` per type.
void addBucket(DemoGcpWorld &world, const DemoGcpTimeline &t, const QString &bucket, const QString &type,
               std::function<double(qint64)> bytes, std::function<double(qint64)> objects) {
    const Labels resource{{QStringLiteral("project_id"), kProject},
                          {QStringLiteral("bucket_name"), bucket},
                          {QStringLiteral("location"), kRegion}};
    const Labels labels{{QStringLiteral("storage_class"), QStringLiteral("STANDARD")},
                        {QStringLiteral("type"), type}};
    const qint64 firstDay = dayStart(t.historyStart);
    const auto daily = [firstDay](std::function<double(qint64)> f) {
        return [firstDay, f](qint64 m) -> std::optional<DemoGcpSample> {
            if (m != dayStart(m))
                return std::nullopt;
            return number(std::round(f((m - firstDay) / kDay)));
        };
    };
    addSeries(world, "storage.googleapis.com/storage/v2/total_bytes", resource, labels,
              daily(std::move(bytes)), t.historyStart, t.dataEnd);
    if (objects)
        addSeries(world, "storage.googleapis.com/storage/v2/total_count", resource, labels,
                  daily(std::move(objects)), t.historyStart, t.dataEnd);
}

void addStorage(DemoGcpWorld &world, const DemoGcpTimeline &t) {
    const qint64 firstDay = dayStart(t.historyStart);
    const qint64 snapshot = (t.snapshotDay - firstDay) / kDay;
    const qint64 cleanup = (t.cleanupDay - firstDay) / kDay;
    const QString datasets = QStringLiteral("mlwatch-demo-datasets");
    const quint64 seed = seedFor(datasets);
    addBucket(
        world, t, datasets, QStringLiteral("live-object"),
        [=](qint64 d) {
            return (2.4 * 1024.0 + 35.0 * double(d) + (d >= snapshot ? 600.0 : 0.0) -
                    (d >= cleanup ? 200.0 : 0.0) + 2.0 * noise::signedUnit(seed, d)) *
                   kGiB;
        },
        [=](qint64 d) {
            return 1850000.0 + 24000.0 * double(d) + (d >= snapshot ? 410000.0 : 0.0) -
                   (d >= cleanup ? 150000.0 : 0.0) + std::round(500.0 * noise::signedUnit(seed ^ 1, d));
        });
    addBucket(
        world, t, datasets, QStringLiteral("soft-deleted-object"),
        [=](qint64 d) { return (15.0 + (d >= cleanup ? 200.0 : 0.0) + noise::unit(seed ^ 2, d)) * kGiB; },
        [=](qint64 d) { return 9000.0 + (d >= cleanup ? 150000.0 : 0.0); });
    const QString models = QStringLiteral("mlwatch-demo-models");
    addBucket(
        world, t, models, QStringLiteral("live-object"),
        [=](qint64 d) { return (180.0 + 2.5 * double(d)) * kGiB; },
        [=](qint64 d) { return 4200.0 + 30.0 * double(d); });
}

} // namespace

void DemoGcpPipelineStory::add(DemoGcpWorld &world, const DemoGcpTimeline &timeline) {
    addStreamingJob(world, timeline);
    addNightlyJobs(world, timeline);
    addTraining(world, timeline);
    addBigQuery(world, timeline);
    addStorage(world, timeline);
}

} // namespace mlwatch::demo
