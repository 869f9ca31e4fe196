// Benchmark export.csv_1M (issue 8, performance.md §7.2 row export.csv_1M): formatting 1 M
// long-form CSV rows "timestamp,series,value,unit" into memory.
//   ours:     CsvWriter::writeSeries (hand-written ISO 8601 with a per-day cache, std::to_chars)
//   baseline: QTextStream with QDateTime::toString(Qt::ISODateWithMs) and QString::number —
//             the straightforward Qt way
// Both write into a device that discards the bytes: the target is about formatting (>= 10 M
// rows/s and >= 10x the baseline); end to end is bounded by the disk.

#include "core/export/csv_writer.h"
#include "core/model/series_data.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTextStream>

#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 9;
constexpr qint64 kRows = 1'000'000;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z
const QString kSeries = QStringLiteral("AWS/SageMaker:ModelLatency{EndpointName=bench-endpoint}:Average");
const QString kUnit = QStringLiteral("Microseconds");

// Counts and discards what is written: the benchmark measures formatting, not memory growth
// or disk (both sides write to one of these).
class DiscardDevice : public QIODevice {
public:
    DiscardDevice() { open(QIODevice::WriteOnly); }
    qint64 bytes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override {
        bytes += len;
        return len;
    }
};

SeriesData rows() {
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> latency(13.0, 0.4); // ~450 000 µs, full-precision doubles
    SeriesData d;
    d.timestampsMs.reserve(kRows);
    d.values.reserve(kRows);
    for (qint64 i = 0; i < kRows; ++i) {
        d.timestampsMs.append(kT0 + i * 1000); // one a second: 11.6 days
        d.values.append(latency(rng));
    }
    return d;
}

void ours(const SeriesData &data, QIODevice &buffer) {
    CsvWriter writer(buffer);
    writer.writeHeader();
    writer.writeSeries({CsvSeries{kSeries, kUnit, &data}});
    if (!writer.finish())
        qFatal("CsvWriter failed");
}

void baseline(const SeriesData &data, QIODevice &buffer) {
    QTextStream stream(&buffer);
    stream << "timestamp,series,value,unit\n";
    const QString series = QLatin1Char('"') + kSeries + QLatin1Char('"');
    for (qsizetype i = 0; i < data.size(); ++i) {
        stream << QDateTime::fromMSecsSinceEpoch(data.timestampsMs[i], Qt::UTC).toString(Qt::ISODateWithMs)
               << ',' << series << ',' << QString::number(data.values[i], 'g', 17) << ',' << kUnit << '\n';
    }
    stream.flush();
}

QByteArray toBytes(void (*write)(const SeriesData &, QIODevice &), const SeriesData &data) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    write(data, buffer);
    return out;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int exitCode = 0;
    const std::optional<BenchOptions> options =
        BenchOptions::fromArguments(app.arguments(), kDefaultPairs, exitCode);
    if (!options)
        return exitCode;
    QTextStream err(stderr);

    const SeriesData data = rows();

    // Checked once before timing: the same rows, the same times and values once parsed.
    const QByteArray a = toBytes(ours, data);
    const QByteArray b = toBytes(baseline, data);
    const QList<QByteArray> aLines = a.split('\n');
    const QList<QByteArray> bLines = b.split('\n');
    if (aLines.size() != kRows + 2 || bLines.size() != aLines.size()) {
        err << "export.csv_1M: row counts differ: " << aLines.size() << " vs " << bLines.size() << "\n";
        return 1;
    }
    for (qsizetype i : {qsizetype(1), qsizetype(kRows / 2), qsizetype(kRows)}) {
        const QList<QByteArray> fa = aLines.at(i).split(',');
        const QList<QByteArray> fb = bLines.at(i).split(',');
        const QDateTime ta = QDateTime::fromString(QString::fromLatin1(fa.first()), Qt::ISODateWithMs);
        const QDateTime tb = QDateTime::fromString(QString::fromLatin1(fb.first()), Qt::ISODateWithMs);
        if (ta != tb || !ta.isValid() || fa.at(fa.size() - 2).toDouble() != fb.at(fb.size() - 2).toDouble()) {
            err << "export.csv_1M: row " << i << " differs: " << QString::fromLatin1(aLines.at(i)) << " vs "
                << QString::fromLatin1(bLines.at(i)) << "\n";
            return 1;
        }
    }

    qsizetype bytes = 0;
    AbRunner runner(QStringLiteral("export.csv_1M"), *options);
    const AbResult result = runner.run(
        [&] {
            DiscardDevice sink;
            ours(data, sink);
            bytes = sink.bytes;
        },
        [&] {
            DiscardDevice sink;
            baseline(data, sink);
            bytes = sink.bytes;
        });

    QVector<double> sorted = result.oursMs;
    std::sort(sorted.begin(), sorted.end());
    const double medianMs = sorted.isEmpty() ? 0 : sorted.at(sorted.size() / 2);
    const QJsonObject input{
        {QStringLiteral("rows"), kRows},
        {QStringLiteral("ours_bytes"), qint64(a.size())},
        {QStringLiteral("baseline_bytes"), qint64(b.size())},
        {QStringLiteral("last_bytes"), qint64(bytes)},
        {QStringLiteral("seed"), 7},
        {QStringLiteral("ours_rows_per_second_at_median"),
         medianMs > 0 ? double(kRows) / (medianMs / 1000.0) : 0.0},
        {QStringLiteral("ours"), QStringLiteral("CsvWriter::writeSeries into a QBuffer")},
        {QStringLiteral("baseline"),
         QStringLiteral(
             "QTextStream + QDateTime::toString(Qt::ISODateWithMs) + QString::number(v, 'g', 17)")},
        {QStringLiteral("target"), QStringLiteral(">= 10 M rows/s (<= 100 ms) and ratio >= 10")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
