// Benchmark store.bytes_per_point (performance.md §7.1 item 4, §7.2 row store.bytes_per_point):
// memory per stored datapoint for a 1 M-point series.
//   ours:     a SeriesStore holding the series, assembled the way CloudWatchProvider assembles
//             a fetch (each page's arrays appended to the series', pages of 100 800 points, the
//             GetMetricData limit), then SeriesStore::replace(). Measured as the capacity of the
//             two arrays the store keeps (plus their headers) / points: what the store holds,
//             slack included.
//   baseline: the plain Qt Charts way of keeping points to chart them: a QLineSeries in a shown
//             QChartView with all 1 M points (one replace()), measured as the heap growth
//             (mallinfo2, in-use + mmapped bytes) / points after the temporary list is freed —
//             the series' list plus what its chart item keeps (mapped points, path).
// Deterministic for the input, so measured once (no A/B pairs). Target: ≤ 16 B/point.
// The JSON also records ours measured by heap growth and a naive QList<QPair<QDateTime,double>>.

#include "core/store/series_store.h"
#include "support/bench_options.h"
#include "support/bench_report.h"
#include "support/plain_qt_chart.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPair>
#include <QSaveFile>
#include <QTextStream>
#include <QWidget>

#include <malloc.h>

#include <cmath>
#include <random>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr qsizetype kPoints = 1'000'000;
constexpr qsizetype kPagePoints = 100'800; // GetMetricData's datapoints per call
constexpr qint64 kT0 = 1'763'366'400'000;
constexpr qint64 kStepMs = 60'000;

qint64 heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

// One parsed page: [first, first + count) of the series, reserved exactly as a parser does.
void page(qsizetype first, qsizetype count, QVector<qint64> &t, QVector<double> &v) {
    std::mt19937_64 rng(quint64(first) + 1);
    std::normal_distribution<double> noise(0.0, 5.0);
    t.reserve(count);
    v.reserve(count);
    for (qsizetype i = first; i < first + count; ++i) {
        t.append(kT0 + i * kStepMs);
        v.append(50 + noise(rng));
    }
}

QString fmt(double bytes) {
    return QString::number(bytes, 'f', 1);
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    int exitCode = 0;
    // Measured once: --pairs is accepted (run.sh may pass it) and ignored.
    const std::optional<BenchOptions> options =
        BenchOptions::fromArguments(app.arguments(), BenchOptions::kMinPairsForRatio, exitCode);
    if (!options)
        return exitCode;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString key = QStringLiteral("AWS/SageMaker|ModelLatency|EndpointName=bench|Average");

    // ---- ours --------------------------------------------------------------------------------
    SeriesStore store;
    const qint64 heapBeforeStore = heapInUse();
    {
        SeriesData series; // as CloudWatchProvider::Call assembles it, page by page
        series.seriesKey = key;
        for (qsizetype first = 0; first < kPoints; first += kPagePoints) {
            QVector<qint64> t;
            QVector<double> v;
            page(first, std::min(kPagePoints, kPoints - first), t, v);
            series.timestampsMs.append(t);
            series.values.append(v);
        }
        store.replace(std::move(series));
    }
    const qint64 storeHeap = heapInUse() - heapBeforeStore;
    const SeriesData held = store.series(key);
    if (held.size() != kPoints) {
        err << "store.bytes_per_point: the store holds " << held.size() << " points\n";
        return 1;
    }
    const qint64 storeBytes = qint64(held.timestampsMs.capacity()) * qint64(sizeof(qint64)) +
                              qint64(held.values.capacity()) * qint64(sizeof(double)) +
                              2 * qint64(sizeof(QArrayData));
    const double ours = double(storeBytes) / double(kPoints);

    // ---- naive: one QPair<QDateTime, double> per point, appended one by one -------------------
    double naive = 0;
    {
        const qint64 before = heapInUse();
        QList<QPair<QDateTime, double>> list;
        for (qsizetype i = 0; i < kPoints; ++i)
            list.append({QDateTime::fromMSecsSinceEpoch(held.timestampsMs[i], Qt::UTC), held.values[i]});
        naive = double(heapInUse() - before) / double(kPoints);
    }

    // ---- baseline: a QLineSeries in a shown chart ---------------------------------------------
    double baseline = 0;
    qsizetype baselinePoints = 0;
    {
        PlainQtChart plain(1, kT0, kT0 + kPoints * kStepMs, 0.0, 100.0);
        plain.widget()->setAttribute(Qt::WA_DontShowOnScreen);
        plain.widget()->resize(1280, 720);
        plain.widget()->show();
        QCoreApplication::processEvents();
        const qint64 before = heapInUse();
        {
            QList<QPointF> points;
            points.reserve(kPoints);
            for (qsizetype i = 0; i < kPoints; ++i)
                points.append(QPointF(double(held.timestampsMs[i]), held.values[i]));
            plain.setPoints(0, points);
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(); // the chart item maps the points and builds its path
        baseline = double(heapInUse() - before) / double(kPoints);
        baselinePoints = plain.pointCount();
    }
    if (baselinePoints != kPoints) {
        err << "store.bytes_per_point: the baseline holds " << baselinePoints << " points\n";
        return 1;
    }

    out << "bench store.bytes_per_point: " << fmt(ours) << " B (baseline " << fmt(baseline) << " B, ratio "
        << QString::number(baseline / ours, 'f', 1) << ")\n";
    out.flush();

    if (!options->jsonPath.isEmpty()) {
        const QJsonObject json{
            {QStringLiteral("name"), QStringLiteral("store.bytes_per_point")},
            {QStringLiteral("unit"), QStringLiteral("B")},
            {QStringLiteral("method"), QStringLiteral("measured once: ours = array capacity of the store's "
                                                      "snapshot; baseline = mallinfo2 heap growth")},
            {QStringLiteral("input"),
             QJsonObject{{QStringLiteral("points"), kPoints},
                         {QStringLiteral("page_points"), kPagePoints},
                         {QStringLiteral("ours_capacity_timestamps"), qint64(held.timestampsMs.capacity())},
                         {QStringLiteral("ours_capacity_values"), qint64(held.values.capacity())},
                         {QStringLiteral("target"), QStringLiteral("<= 16 B/point")}}},
            {QStringLiteral("ours"),
             QJsonObject{{QStringLiteral("bytes_per_point"), ours},
                         {QStringLiteral("heap_bytes_per_point"), double(storeHeap) / double(kPoints)}}},
            {QStringLiteral("baseline"),
             QJsonObject{{QStringLiteral("bytes_per_point"), baseline},
                         {QStringLiteral("what"), QStringLiteral("QLineSeries in a shown QChartView")}}},
            {QStringLiteral("naive_qlist_qdatetime_bytes_per_point"), naive},
            {QStringLiteral("ratio"), QJsonObject{{QStringLiteral("median"), baseline / ours}}},
            {QStringLiteral("environment"), BenchReport::environment()},
        };
        QSaveFile file(options->jsonPath);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            err << "store.bytes_per_point: cannot write " << options->jsonPath << "\n";
            return 1;
        }
    }
    return 0;
}
