#include "support/bench_report.h"

#include "bench_build_info.h"
#include "support/sample_stats.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <unistd.h>
#endif

namespace mlwatch::bench {

namespace {

const QString kUnit = QStringLiteral("ms");

QString formatMs(double ms) {
    return QLocale::c().toString(ms, 'f', ms >= 1.0 ? 1 : 3);
}

QString formatRatio(double ratio) {
    return QLocale::c().toString(ratio, 'f', ratio >= 1.0 ? 1 : 2);
}

QJsonObject statsJson(const QVector<double> &samples, const QString &samplesKey) {
    const SampleStats stats = SampleStats::of(samples);
    QJsonArray raw;
    for (double v : samples)
        raw.append(v);
    return QJsonObject{{samplesKey, raw},
                       {QStringLiteral("median"), stats.median},
                       {QStringLiteral("q1"), stats.q1},
                       {QStringLiteral("q3"), stats.q3},
                       {QStringLiteral("iqr"), stats.iqr()},
                       {QStringLiteral("min"), stats.min},
                       {QStringLiteral("max"), stats.max}};
}

QString cpuModel() {
    // /proc files report size 0, so read to the end instead of testing atEnd().
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                const qsizetype colon = line.indexOf(':');
                return QString::fromUtf8(line.mid(colon + 1)).trimmed();
            }
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

// The CPUs this process may run on ("1" when run.sh pinned it with taskset), as a list string.
QString cpuAffinity() {
#ifdef Q_OS_LINUX
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        QStringList cpus;
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
            if (CPU_ISSET(cpu, &set))
                cpus.append(QString::number(cpu));
        return cpus.join(QLatin1Char(','));
    }
#endif
    return QString();
}

int onlineCpus() {
#ifdef Q_OS_LINUX
    return int(sysconf(_SC_NPROCESSORS_ONLN));
#else
    return QThread::idealThreadCount();
#endif
}

QString sideName(BenchOptions::Side side) {
    switch (side) {
    case BenchOptions::Side::Ours:
        return QStringLiteral("ours");
    case BenchOptions::Side::Baseline:
        return QStringLiteral("baseline");
    case BenchOptions::Side::Both:
        break;
    }
    return QStringLiteral("both");
}

} // namespace

BenchReport::BenchReport(AbResult result, QJsonObject input)
    : m_result(std::move(result))
    , m_input(std::move(input)) {}

QString BenchReport::summaryLine() const {
    const QString head = QStringLiteral("bench ") + m_result.name + QStringLiteral(": ");
    const double ours = SampleStats::of(m_result.oursMs).median;
    const double baseline = SampleStats::of(m_result.baselineMs).median;
    switch (m_result.only) {
    case BenchOptions::Side::Ours:
        return head + formatMs(ours) + QLatin1Char(' ') + kUnit + QStringLiteral(" (ours only)");
    case BenchOptions::Side::Baseline:
        return head + formatMs(baseline) + QLatin1Char(' ') + kUnit + QStringLiteral(" (baseline only)");
    case BenchOptions::Side::Both:
        break;
    }
    return head + formatMs(ours) + QLatin1Char(' ') + kUnit + QStringLiteral(" (baseline ") +
           formatMs(baseline) + QLatin1Char(' ') + kUnit + QStringLiteral(", ratio ") +
           formatRatio(SampleStats::of(m_result.ratios).median) + QLatin1Char(')');
}

QJsonObject BenchReport::toJson() const {
    QJsonObject json{
        {QStringLiteral("name"), m_result.name},
        {QStringLiteral("unit"), kUnit},
        {QStringLiteral("method"),
         QStringLiteral("wall time (QElapsedTimer), one run per sample, ours/baseline "
                        "interleaved A/B; ratio = median of per-pair baseline/ours")},
        {QStringLiteral("sides"), sideName(m_result.only)},
        {QStringLiteral("pairs"), qMax(m_result.oursMs.size(), m_result.baselineMs.size())},
        {QStringLiteral("warmup_pairs"), m_result.warmupPairs},
        {QStringLiteral("input"), m_input},
        {QStringLiteral("environment"), environment()},
    };
    if (!m_result.oursMs.isEmpty())
        json.insert(QStringLiteral("ours"), statsJson(m_result.oursMs, QStringLiteral("samples")));
    if (!m_result.baselineMs.isEmpty())
        json.insert(QStringLiteral("baseline"), statsJson(m_result.baselineMs, QStringLiteral("samples")));
    if (!m_result.ratios.isEmpty()) {
        QJsonObject ratio = statsJson(m_result.ratios, QStringLiteral("per_pair"));
        ratio.insert(QStringLiteral("of_medians"),
                     SampleStats::of(m_result.baselineMs).median / SampleStats::of(m_result.oursMs).median);
        json.insert(QStringLiteral("ratio"), ratio);
    }
    return json;
}

QJsonObject BenchReport::environment() {
    return QJsonObject{
        {QStringLiteral("cpu_model"), cpuModel()},
        {QStringLiteral("online_cpus"), onlineCpus()},
        {QStringLiteral("usable_cpus"), QThread::idealThreadCount()}, // after pinning
        {QStringLiteral("cpu_affinity"), cpuAffinity()},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"),
         QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion())},
        {QStringLiteral("qt_version_runtime"), QString::fromLatin1(qVersion())},
        {QStringLiteral("qt_version_build"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("qpa_platform"), qEnvironmentVariable("QT_QPA_PLATFORM")},
        {QStringLiteral("compiler"), QStringLiteral(MLWATCH_BENCH_COMPILER)},
        {QStringLiteral("build_type"), QStringLiteral(MLWATCH_BENCH_BUILD_TYPE)},
        {QStringLiteral("cxx_flags"), QStringLiteral(MLWATCH_BENCH_CXX_FLAGS)},
        {QStringLiteral("project_compile_options"), QStringLiteral(MLWATCH_BENCH_PROJECT_OPTIONS)},
        {QStringLiteral("recorded_utc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
}

int BenchReport::finish(const QString &jsonPath) const {
    QTextStream(stdout) << summaryLine() << '\n';
    if (jsonPath.isEmpty())
        return 0;
    QSaveFile file(jsonPath);
    if (!file.open(QIODevice::WriteOnly)) {
        QTextStream(stderr) << "cannot write " << jsonPath << ": " << file.errorString() << '\n';
        return 1;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        QTextStream(stderr) << "cannot write " << jsonPath << ": " << file.errorString() << '\n';
        return 1;
    }
    return 0;
}

} // namespace mlwatch::bench
