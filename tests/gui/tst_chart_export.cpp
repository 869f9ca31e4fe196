// Chart exports against real widgets (offscreen), a real SeriesStore and real files: the PNG
// (size at 1× and 2×, series and threshold colours, the same pixels as the screen), the CSV
// (long and wide forms parse back to the store, raw and display units, visible and whole
// range, the same bytes every time), a whole tab to a folder, the chart menu, and the renderer
// the weekly review uses (overlay, PDF, cost independent of the stored points).
#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "charts/metric_chart_view.h"
#include "core/export/chart_csv_writer.h"
#include "core/export/series_naming.h"
#include "core/store/series_store.h"
#include "gui/chart_export_controller.h"
#include "gui/chart_export_options_dialog.h"
#include "gui/chart_exporter.h"
#include "gui/stage_tab.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::ChartCsvOptions::Form)
Q_DECLARE_METATYPE(mlwatch::ChartCsvOptions::Units)

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z
constexpr qint64 kWindowMinutes = 600;
const QSize kChartSize(640, 360);

MetricQuery query(const QString &metric) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = metric;
    q.dimensions = {{QStringLiteral("VariantName"), QStringLiteral("AllTraffic")},
                    {QStringLiteral("EndpointName"), QStringLiteral("churn-endpoint")}};
    return q;
}

// Two latency series in microseconds (shown in ms), thresholds in ms.
ChartSpec latencySpec(const QString &title = QStringLiteral("Latency — churn-endpoint")) {
    ChartSpec spec;
    spec.id = QStringLiteral("monitoring/latency/churn-endpoint");
    spec.title = title;
    spec.unit = Unit::Microseconds;
    spec.series = {{query(QStringLiteral("ModelLatency")), QStringLiteral("Model latency")},
                   {query(QStringLiteral("OverheadLatency")), QStringLiteral("Overhead latency")}};
    spec.thresholds = {{800, ThresholdLevel::Warning}, {1500, ThresholdLevel::Critical}};
    return spec;
}

// One point a minute over [first, first + count) minutes, leaving out minutes in [holeFrom, holeTo).
SeriesData minuteSeries(const MetricQuery &q, qint64 first, qint64 count, double base, qint64 holeFrom = -1,
                        qint64 holeTo = -1) {
    SeriesData d;
    d.seriesKey = q.seriesKey();
    for (qint64 i = first; i < first + count; ++i) {
        if (i >= holeFrom && i < holeTo)
            continue;
        d.timestampsMs.append(kT0 + i * kMinuteMs);
        d.values.append(base + double(i % 37) * 20'000.0 + 0.125);
    }
    return d;
}

// A shown chart over the 10-hour window, settled (every queued redraw has run).
struct ChartFixture {
    SeriesStore store;
    ChartSpec spec = latencySpec();
    std::unique_ptr<MetricChartView> view;

    // Model latency has a gap; overhead latency starts later. Both have points outside the
    // window (loaded, not visible).
    void fillStore() {
        store.replace(minuteSeries(spec.series.at(0).query, -30, kWindowMinutes + 60, 500'000, 200, 260));
        store.replace(minuteSeries(spec.series.at(1).query, 100, kWindowMinutes, 100'000));
    }

    bool show(bool withData = true) {
        if (withData)
            fillStore();
        view = std::make_unique<MetricChartView>(spec, store);
        view->resize(kChartSize);
        view->setWindow({kT0, kT0 + kWindowMinutes * kMinuteMs}, 60);
        view->setFetchResult(QString());
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return false;
        settle();
        return true;
    }

    void settle() {
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
    }
};

int countNear(const QImage &image, const QColor &colour, int tolerance = 10) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - colour.red()) <= tolerance &&
                std::abs(qGreen(line[x]) - colour.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - colour.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

// Pixels that are `colour` drawn over `background` with at least `minCoverage` (antialiased
// lines rarely hit a pixel exactly): each channel within a small tolerance of the blend.
int countDrawn(const QImage &image, const QColor &colour, const QColor &background, double minCoverage = 0.5,
               double maxCoverage = 1.05) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const int c[3] = {colour.red(), colour.green(), colour.blue()};
    const int b[3] = {background.red(), background.green(), background.blue()};
    int strongest = 0;
    for (int k = 1; k < 3; ++k)
        if (std::abs(c[k] - b[k]) > std::abs(c[strongest] - b[strongest]))
            strongest = k;
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const int p[3] = {qRed(line[x]), qGreen(line[x]), qBlue(line[x])};
            const double a = double(p[strongest] - b[strongest]) / double(c[strongest] - b[strongest]);
            if (a < minCoverage || a > maxCoverage)
                continue;
            bool match = true;
            for (int k = 0; k < 3 && match; ++k)
                match = std::abs(p[k] - (a * c[k] + (1 - a) * b[k])) <= 12;
            n += match ? 1 : 0;
        }
    }
    return n;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList splitFields(const QString &line) {
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
            current += c;
            ++i;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (!quoted && c == QLatin1Char(',')) {
            fields.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    fields.append(current);
    return fields;
}

qint64 parseTime(const QString &iso) {
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() == Qt::UTC ? t.toMSecsSinceEpoch() : -1;
}

// Parses a chart CSV of either form back into series keyed by series name, and the unit seen.
struct ParsedCsv {
    QHash<QString, SeriesData> series;
    QSet<QString> units;
    bool ok = true;
};

ParsedCsv parseCsv(const QByteArray &bytes, ChartCsvOptions::Form form) {
    ParsedCsv out;
    QList<QByteArray> lines = bytes.split('\n');
    if (lines.isEmpty() || !lines.last().isEmpty())
        return {{}, {}, false};
    lines.removeLast();
    const QStringList header = splitFields(QString::fromUtf8(lines.takeFirst()));
    if (form == ChartCsvOptions::Form::Long) {
        out.ok = header == QStringList{QStringLiteral("timestamp"), QStringLiteral("series"),
                                       QStringLiteral("value"), QStringLiteral("unit")};
        for (const QByteArray &line : std::as_const(lines)) {
            const QStringList f = splitFields(QString::fromUtf8(line));
            SeriesData &d = out.series[f.value(1)];
            d.timestampsMs.append(parseTime(f.value(0)));
            d.values.append(f.value(2).toDouble());
            out.units.insert(f.value(3));
        }
        return out;
    }
    out.ok = header.value(0) == QLatin1String("timestamp");
    for (const QByteArray &line : std::as_const(lines)) {
        const QStringList f = splitFields(QString::fromUtf8(line));
        for (qsizetype c = 1; c < header.size(); ++c) {
            if (f.value(c).isEmpty())
                continue;
            // "name [unit]"
            const QString column = header.at(c);
            const qsizetype bracket = column.lastIndexOf(QStringLiteral(" ["));
            SeriesData &d = out.series[column.left(bracket)];
            d.timestampsMs.append(parseTime(f.value(0)));
            d.values.append(f.value(c).toDouble());
            out.units.insert(column.mid(bracket + 2).chopped(1));
        }
    }
    return out;
}

// What the CSV must hold for `data`: points in `range` (all when invalid), times `scale`.
SeriesData expected(const SeriesData &data, const TimeRange &range, double scale) {
    SeriesData out;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (range.isValid() && !range.contains(data.timestampsMs[i]))
            continue;
        out.timestampsMs.append(data.timestampsMs[i]);
        out.values.append(data.values[i] * scale);
    }
    return out;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

} // namespace

class TestChartExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void pngHasExpectedSizeAndColours_data();
    void pngHasExpectedSizeAndColours();
    void rendererMatchesTheScreen_data();
    void rendererMatchesTheScreen();
    void renderCostFollowsPixelsNotStoredPoints();
    void overlayIsDrawnFaintlyUnderTheData();
    void rendersIntoAPdfPage();

    void csvRoundTripsToTheStore_data();
    void csvRoundTripsToTheStore();
    void csvDisplayUnitsArePerDevice();
    void visibleRangeVersusEverythingLoaded();
    void csvIsByteIdenticalOnRepeat();

    void fileBaseNameIsSafe_data();
    void fileBaseNameIsSafe();
    void tabExportWritesOnePngAndCsvPerChart();
    void tabExportReportsAFailedFileAndWritesTheRest();
    void failedWriteNamesTheFileAndKeepsTheOldOne();

    void chartMenuOffersExports();
    void copyImagePutsTheChartOnTheClipboard();
    void ctrlCCopiesTheFocusedChart();
    void optionsDialogReturnsWhatWasChosen_data();
    void optionsDialogReturnsWhatWasChosen();
    void lastFolderIsRemembered();
};

void TestChartExport::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a throw-away test location
    QCoreApplication::setOrganizationName(QStringLiteral("mlwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chart_export"));
}

void TestChartExport::pngHasExpectedSizeAndColours_data() {
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<bool>("dark");
    QTest::newRow("1x light: the screen's pixels") << qreal(1.0) << false;
    QTest::newRow("2x light: twice the pixels") << qreal(2.0) << false;
    QTest::newRow("1x dark: the screen's dark colours") << qreal(1.0) << true;
}

void TestChartExport::pngHasExpectedSizeAndColours() {
    QFETCH(qreal, scale);
    QFETCH(bool, dark);
    ChartFixture f;
    QVERIFY(f.show());
    if (dark) {
        f.view->setPalette(darkPalette());
        f.settle();
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    const Result<void> r = ChartExporter::writePng(*f.view, path, scale);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));

    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage png = reader.read();
    QVERIFY(!png.isNull());
    QCOMPARE(png.size(), kChartSize * scale);

    const ChartPalette palette = f.view->renderStyle().palette;
    QCOMPARE(palette.dark, dark);
    const int lineScale = int(scale);
    QVERIFY2(countNear(png, palette.background, 0) > png.width() * png.height() / 20, "background");
    const QColor plot = palette.plotBackground;
    QVERIFY2(countDrawn(png, palette.seriesColor(0), plot) > 300 * lineScale, "first series colour");
    QVERIFY2(countDrawn(png, palette.seriesColor(1), plot) > 300 * lineScale, "second series colour");
    QVERIFY2(countDrawn(png, palette.warning, plot) > 200 * lineScale, "warning threshold colour");
    QVERIFY2(countDrawn(png, palette.critical, plot) > 200 * lineScale, "critical threshold colour");
}

void TestChartExport::rendererMatchesTheScreen_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("data with a gap, two series, two thresholds") << 0;
    QTest::newRow("no data in the window: the screen's text") << 1;
    QTest::newRow("fetch error over stale data") << 2;
    QTest::newRow("dark palette") << 3;
}

void TestChartExport::rendererMatchesTheScreen() {
    QFETCH(int, kind);
    ChartFixture f;
    QVERIFY(f.show(kind != 1));
    if (kind == 2)
        f.view->setFetchResult(QStringLiteral("Rate exceeded"));
    if (kind == 3)
        f.view->setPalette(darkPalette());
    f.settle();
    QCOMPARE(f.view->statusText().isEmpty(), kind == 0 || kind == 3);

    const QImage screen = f.view->grab().toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    ChartRenderStats stats;
    const QImage exported =
        ChartRenderer::renderImage(f.view->renderRequest(), f.view->renderStyle(1.0), &stats);
    QCOMPARE(exported.size(), screen.size());
    QCOMPARE(stats.plotWidthPx, f.view->renderStats().plotWidthPx);
    QCOMPARE(stats.points, f.view->renderStats().points);
    QCOMPARE(stats.statusText, f.view->statusText());

    // Documented difference: the on-screen menu button ("⋯", top right) is not exported.
    auto *button = f.view->findChild<QToolButton *>(QStringLiteral("chartMenuButton"));
    QVERIFY(button);
    const QRect skip = button->isVisible() ? button->geometry() : QRect();
    int different = 0;
    QPoint first(-1, -1);
    for (int y = 0; y < screen.height(); ++y)
        for (int x = 0; x < screen.width(); ++x)
            if (!skip.contains(x, y) && screen.pixel(x, y) != exported.pixel(x, y)) {
                if (different++ == 0)
                    first = QPoint(x, y);
            }
    if (different != 0 && !qEnvironmentVariableIsEmpty("MLWATCH_TEST_IMAGES")) {
        const QDir out(qEnvironmentVariable("MLWATCH_TEST_IMAGES")); // to see what differs
        screen.save(out.filePath(QStringLiteral("screen-%1.png").arg(kind)));
        exported.save(out.filePath(QStringLiteral("exported-%1.png").arg(kind)));
    }
    QVERIFY2(
        different == 0,
        qPrintable(
            QStringLiteral("%1 pixels differ, first at %2,%3").arg(different).arg(first.x()).arg(first.y())));
}

void TestChartExport::renderCostFollowsPixelsNotStoredPoints() {
    // A million stored points reach Qt Charts as at most 4 per pixel column, at 1× and at 2×.
    ChartRenderRequest request;
    request.spec = latencySpec();
    request.spec.series.removeLast();
    SeriesData big;
    constexpr qint64 kPoints = 1'000'000;
    big.timestampsMs.reserve(kPoints);
    big.values.reserve(kPoints);
    for (qint64 i = 0; i < kPoints; ++i) {
        big.timestampsMs.append(kT0 + i * 1000);
        big.values.append(double((i * 7919) % 1'000'003));
    }
    request.series = {big};
    request.window = {kT0, kT0 + kPoints * 1000};
    for (qreal scale : {1.0, 2.0}) {
        ChartRenderStyle style;
        style.size = QSize(1280, 720);
        style.devicePixelRatio = scale;
        ChartRenderStats stats;
        const QImage image = ChartRenderer::renderImage(request, style, &stats);
        QCOMPARE(image.size(), style.size * scale);
        QVERIFY(stats.plotWidthPx > 1000 * scale && stats.plotWidthPx <= 1280 * scale);
        QVERIFY2(stats.points <= 4 * qsizetype(stats.plotWidthPx) + 8,
                 qPrintable(QString::number(stats.points)));
        QVERIFY(stats.points > stats.plotWidthPx); // and it did draw the data
    }
}

void TestChartExport::overlayIsDrawnFaintlyUnderTheData() {
    ChartFixture f;
    f.fillStore();
    ChartRenderRequest request =
        ChartRenderRequest::fromStore(f.spec, f.store, {kT0, kT0 + kWindowMinutes * kMinuteMs}, 60);
    request.spec.thresholds.clear();
    ChartRenderStyle style;
    style.size = kChartSize;
    ChartRenderStats plain;
    const QImage without = ChartRenderer::renderImage(request, style, &plain);

    // "Last week": the same shape a week earlier, lifted so it does not hide under the data.
    const qint64 week = 7 * 24 * 60 * kMinuteMs;
    for (const SeriesData &s : std::as_const(request.series)) {
        SeriesData earlier = s;
        for (qint64 &t : earlier.timestampsMs)
            t -= week;
        for (double &v : earlier.values)
            v += 400'000;
        request.overlay.append(earlier);
    }
    request.overlayShiftMs = week;
    request.overlayLegend = QStringLiteral("Last week");
    ChartRenderStats stats;
    const QImage with = ChartRenderer::renderImage(request, style, &stats);
    QVERIFY(stats.overlayPoints > 0);
    QCOMPARE(stats.points, plain.points); // the data itself is unchanged

    // The overlay's colour is the series colour at 35 % over the plot: pixels of exactly that
    // blend appear by the hundreds with the overlay; without it only a few line edges have it.
    const QColor plot = style.palette.plotBackground;
    const int faintWith = countDrawn(with, style.palette.seriesColor(0), plot, 0.32, 0.38);
    const int faintWithout = countDrawn(without, style.palette.seriesColor(0), plot, 0.32, 0.38);
    QVERIFY2(
        faintWith > faintWithout + 300,
        qPrintable(
            QStringLiteral("%1 faint pixels with the overlay, %2 without").arg(faintWith).arg(faintWithout)));
    // The data is still drawn in full colour.
    QVERIFY(countDrawn(with, style.palette.seriesColor(0), plot, 0.9) > 300);
}

void TestChartExport::rendersIntoAPdfPage() {
    ChartFixture f;
    f.fillStore();
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        QPainter painter(&writer);
        ChartRenderStyle style;
        style.size = QSize(1000, 560);
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const ChartRenderStats stats = ChartRenderer::render(
            painter, QRectF(QPointF(0, 0), QSizeF(page.size())),
            ChartRenderRequest::fromStore(f.spec, f.store, {kT0, kT0 + kWindowMinutes * kMinuteMs}, 60),
            style);
        QVERIFY(stats.hasData);
        QCOMPARE(stats.thresholdLines, 2);
    }
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdf.size() < 300 * 1024, qPrintable(QString::number(pdf.size()))); // issue 8's budget per chart
}

void TestChartExport::csvRoundTripsToTheStore_data() {
    QTest::addColumn<ChartCsvOptions::Form>("form");
    QTest::addColumn<ChartCsvOptions::Units>("units");
    QTest::addColumn<QString>("unitName");
    QTest::addColumn<double>("scale");
    QTest::newRow("long form, raw units (like mlwatch-cli query)")
        << ChartCsvOptions::Form::Long << ChartCsvOptions::Units::Raw << QStringLiteral("Microseconds")
        << 1.0;
    QTest::newRow("long form, display units (as the chart shows)")
        << ChartCsvOptions::Form::Long << ChartCsvOptions::Units::Display << QStringLiteral("Milliseconds")
        << 0.001;
    QTest::newRow("wide form, raw units") << ChartCsvOptions::Form::Wide << ChartCsvOptions::Units::Raw
                                          << QStringLiteral("Microseconds") << 1.0;
    QTest::newRow("wide form, display units")
        << ChartCsvOptions::Form::Wide << ChartCsvOptions::Units::Display << QStringLiteral("Milliseconds")
        << 0.001;
}

void TestChartExport::csvRoundTripsToTheStore() {
    QFETCH(ChartCsvOptions::Form, form);
    QFETCH(ChartCsvOptions::Units, units);
    QFETCH(QString, unitName);
    QFETCH(double, scale);
    ChartFixture f;
    QVERIFY(f.show());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.csv"));
    ChartExportOptions options;
    options.csvForm = form;
    options.csvUnits = units;
    options.visibleRangeOnly = false;
    QVERIFY(ChartExporter::writeCsv(*f.view, path, options));

    const ParsedCsv parsed = parseCsv(readAll(path), form);
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.units, QSet<QString>{unitName});
    QCOMPARE(parsed.series.size(), 2);
    for (const ChartSeriesSpec &s : f.spec.series) {
        const QString name = SeriesNaming::seriesName(s.query);
        QVERIFY2(parsed.series.contains(name), qPrintable(name));
        const SeriesData want = expected(f.store.series(s.query.seriesKey()), TimeRange{}, scale);
        QCOMPARE(parsed.series.value(name).timestampsMs, want.timestampsMs);
        QCOMPARE(parsed.series.value(name).values, want.values); // exact: shortest round-trip text
    }
}

void TestChartExport::csvDisplayUnitsArePerDevice() {
    // Training "CPU vs GPU" on ml.g5.2xlarge (8 vCPUs, 1 GPU): display units as the chart draws
    // them, CPU per vCPU next to GPU per GPU; raw units keep SageMaker's sums.
    ChartSpec spec;
    spec.unit = Unit::Percent;
    spec.instanceType = QStringLiteral("ml.g5.2xlarge");
    QList<SeriesData> data;
    for (const char *metric : {"CPUUtilization", "GPUUtilization"}) {
        MetricQuery q;
        q.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
        q.metricName = QLatin1String(metric);
        q.stat = QStringLiteral("Average");
        q.periodSeconds = 60;
        spec.series.append({q, q.metricName});
        SeriesData d;
        d.seriesKey = q.seriesKey();
        d.timestampsMs = {1'763'366'400'000};
        d.values = {metric[0] == 'C' ? 760.0 : 24.0};
        data.append(d);
    }
    for (const ChartCsvOptions::Units units :
         {ChartCsvOptions::Units::Display, ChartCsvOptions::Units::Raw}) {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        ChartCsvOptions options;
        options.units = units;
        QVERIFY(ChartCsvWriter::write(buffer, spec, data, options));
        const ParsedCsv parsed = parseCsv(buffer.data(), ChartCsvOptions::Form::Long);
        QVERIFY(parsed.ok);
        const bool display = units == ChartCsvOptions::Units::Display;
        QCOMPARE(parsed.series.value(SeriesNaming::seriesName(spec.series.at(0).query)).values,
                 QVector<double>{display ? 95.0 : 760.0});
        QCOMPARE(parsed.series.value(SeriesNaming::seriesName(spec.series.at(1).query)).values,
                 QVector<double>{24.0});
    }
}

void TestChartExport::visibleRangeVersusEverythingLoaded() {
    ChartFixture f;
    QVERIFY(f.show());
    const TimeRange window = f.view->window();
    QTemporaryDir dir;
    for (bool visible : {true, false}) {
        ChartExportOptions options;
        options.visibleRangeOnly = visible;
        const QString path =
            dir.filePath(visible ? QStringLiteral("visible.csv") : QStringLiteral("whole.csv"));
        QVERIFY(ChartExporter::writeCsv(*f.view, path, options));
        const ParsedCsv parsed = parseCsv(readAll(path), ChartCsvOptions::Form::Long);
        const QString name = SeriesNaming::seriesName(f.spec.series.first().query);
        const SeriesData stored = f.store.series(f.spec.series.first().query.seriesKey());
        const SeriesData want = expected(stored, visible ? window : TimeRange{}, 1.0);
        QCOMPARE(parsed.series.value(name).timestampsMs, want.timestampsMs);
        if (visible) {
            QVERIFY(want.size() < stored.size()); // the store holds points outside the window
            QCOMPARE(parsed.series.value(name).timestampsMs.first(), window.startMs);
            QVERIFY(parsed.series.value(name).timestampsMs.last() < window.endMs);
        } else {
            QCOMPARE(want.size(), stored.size());
        }
    }
}

void TestChartExport::csvIsByteIdenticalOnRepeat() {
    ChartFixture f;
    QVERIFY(f.show());
    QTemporaryDir dir;
    for (ChartCsvOptions::Form form : {ChartCsvOptions::Form::Long, ChartCsvOptions::Form::Wide}) {
        ChartExportOptions options;
        options.csvForm = form;
        options.csvUnits = ChartCsvOptions::Units::Display;
        QVERIFY(ChartExporter::writeCsv(*f.view, dir.filePath(QStringLiteral("a.csv")), options));
        // A second view of the same data, under another locale: the same bytes.
        MetricChartView other(f.spec, f.store);
        other.setLocale(QLocale(QLocale::German, QLocale::Germany));
        other.setWindow(f.view->window(), 60);
        QVERIFY(ChartExporter::writeCsv(other, dir.filePath(QStringLiteral("b.csv")), options));
        QVERIFY(ChartExporter::writeCsv(*f.view, dir.filePath(QStringLiteral("c.csv")), options));
        const QByteArray a = readAll(dir.filePath(QStringLiteral("a.csv")));
        QVERIFY(a.size() > 1000);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("b.csv"))), a);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("c.csv"))), a);
    }
}

void TestChartExport::fileBaseNameIsSafe_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain title kept")
        << QStringLiteral("GPU utilisation") << QStringLiteral("GPU utilisation");
    QTest::newRow("letters of any script and dashes kept")
        << QStringLiteral("Latenz — Endpunkt ß") << QStringLiteral("Latenz — Endpunkt ß");
    QTest::newRow("path separators replaced")
        << QStringLiteral("CPU/GPU \\ host") << QStringLiteral("CPU-GPU - host");
    QTest::newRow("Windows-reserved characters replaced")
        << QStringLiteral("a:b*c?d\"e<f>g|h") << QStringLiteral("a-b-c-d-e-f-g-h");
    QTest::newRow("control characters and runs of spaces")
        << QStringLiteral("a\tb\n\nc   d") << QStringLiteral("a b c d");
    QTest::newRow("no leading dot, no trailing dot or space")
        << QStringLiteral(" ..hidden. ") << QStringLiteral("hidden");
    QTest::newRow("nothing left becomes chart") << QStringLiteral(" ... ") << QStringLiteral("chart");
    QTest::newRow("long titles cut to 100 characters")
        << QString(300, QLatin1Char('x')) << QString(100, QLatin1Char('x'));
}

void TestChartExport::fileBaseNameIsSafe() {
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(ChartExporter::fileBaseName(title), expected);
}

void TestChartExport::tabExportWritesOnePngAndCsvPerChart() {
    SeriesStore store;
    StageTab tab(Stage::Monitoring, store);
    ChartSpec a = latencySpec(QStringLiteral("Latency / churn"));
    ChartSpec b = latencySpec(QStringLiteral("Latency / churn")); // same title: gets " (2)"
    ChartSpec c = latencySpec(QStringLiteral("Errors: 5xx"));
    b.id += QStringLiteral("-b");
    c.id += QStringLiteral("-c");
    store.replace(minuteSeries(a.series.at(0).query, 0, 120, 500'000));
    auto *exportAll = tab.findChild<QToolButton *>(QStringLiteral("exportTabButton"));
    QVERIFY(exportAll);
    QVERIFY(!exportAll->isEnabled()); // nothing to export yet
    const QList<MetricChartView *> charts = tab.setCharts({a, b, c});
    QCOMPARE(tab.exportController()->charts(), charts);
    QVERIFY(exportAll->isEnabled());
    for (MetricChartView *chart : charts) {
        chart->resize(kChartSize);
        chart->setWindow({kT0, kT0 + 120 * kMinuteMs}, 60);
        chart->setFetchResult(QString());
    }

    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("review/monitoring")); // created on demand
    ChartExportOptions options;
    options.pngScale = 2.0;
    options.csvForm = ChartCsvOptions::Form::Wide;
    const ChartExporter::TabResult result = ChartExporter::exportCharts(charts, folder, options);
    QVERIFY(result.errors.isEmpty());
    const QStringList names{
        QStringLiteral("Latency - churn.png"),     QStringLiteral("Latency - churn.csv"),
        QStringLiteral("Latency - churn (2).png"), QStringLiteral("Latency - churn (2).csv"),
        QStringLiteral("Errors- 5xx.png"),         QStringLiteral("Errors- 5xx.csv")};
    QStringList expectedPaths;
    for (const QString &n : names)
        expectedPaths.append(QDir(folder).absoluteFilePath(n));
    QCOMPARE(result.written, expectedPaths);
    QStringList onDisk = QDir(folder).entryList(QDir::Files, QDir::Name);
    QStringList sortedNames = names;
    sortedNames.sort();
    QCOMPARE(onDisk, sortedNames);
    for (const QString &path : expectedPaths) {
        if (path.endsWith(QLatin1String(".png"))) {
            const QImage png(path);
            QCOMPARE(png.size(), kChartSize * 2);
        } else {
            QVERIFY(readAll(path).startsWith("timestamp,"));
        }
    }
}

void TestChartExport::tabExportReportsAFailedFileAndWritesTheRest() {
    ChartFixture f;
    QVERIFY(f.show());
    QTemporaryDir dir;
    // A folder where the PNG should go: that one file cannot be written.
    const QString base = ChartExporter::fileBaseName(f.spec.title);
    QVERIFY(QDir(dir.path()).mkdir(base + QStringLiteral(".png")));
    const ChartExporter::TabResult result = ChartExporter::exportCharts({f.view.get()}, dir.path(), {});
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().code, ErrorCode::Io);
    QVERIFY(result.errors.first().message.contains(base + QStringLiteral(".png")));
    QCOMPARE(result.written, QStringList{QDir(dir.path()).absoluteFilePath(base + QStringLiteral(".csv"))});
}

void TestChartExport::failedWriteNamesTheFileAndKeepsTheOldOne() {
    ChartFixture f;
    QVERIFY(f.show());
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no-such-folder/chart.csv"));
    const Result<void> r = ChartExporter::writeCsv(*f.view, missing, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
    QVERIFY2(r.error().message.contains(QStringLiteral("chart.csv")), qPrintable(r.error().message));

    // Replacing a file is all or nothing: after a successful write only the new bytes remain,
    // and no temporary file is left behind.
    const QString path = dir.filePath(QStringLiteral("chart.csv"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(1'000'000, 'x'));
    old.close();
    QVERIFY(ChartExporter::writeCsv(*f.view, path, {}));
    const QByteArray now = readAll(path);
    QVERIFY(now.startsWith("timestamp,series,value,unit\n"));
    QVERIFY(!now.contains(QByteArray(10, 'x')));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("chart.csv")});
}

void TestChartExport::chartMenuOffersExports() {
    ChartFixture f;
    f.fillStore();
    QWidget host;
    ChartExportController controller(&host);
    auto *view = new MetricChartView(f.spec, f.store, &host);
    controller.setCharts({view}, QStringLiteral("Monitoring"));
    host.resize(kChartSize);
    view->resize(kChartSize);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));

    for (const char *name :
         {"exportPngAction", "exportPng2xAction", "copyImageAction", "exportCsvAction", "exportTabAction"}) {
        auto *action = view->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY2(view->actions().contains(action), name); // in the context menu and menu button
        QVERIFY2(!action->text().isEmpty(), name);
    }
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
    auto *copy = view->findChild<QAction *>(QStringLiteral("copyImageAction"));
    QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
    QCOMPARE(copy->shortcutContext(), Qt::WidgetWithChildrenShortcut);

    // The menu button is reachable from the keyboard and named for screen readers.
    auto *button = view->findChild<QToolButton *>(QStringLiteral("chartMenuButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(button->focusPolicy() & Qt::TabFocus);
    QVERIFY(button->accessibleName().contains(f.spec.title));
    QVERIFY(button->geometry().right() < view->width() && button->geometry().top() >= 0);
}

void TestChartExport::copyImagePutsTheChartOnTheClipboard() {
    ChartFixture f;
    QVERIFY(f.show());
    ChartExportController controller(f.view.get());
    controller.setCharts({f.view.get()}, QStringLiteral("Monitoring"));
    QSignalSpy exported(&controller, &ChartExportController::exported);
    QGuiApplication::clipboard()->clear();
    f.view->findChild<QAction *>(QStringLiteral("copyImageAction"))->trigger();
    QCOMPARE(exported.size(), 1);
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), kChartSize * f.view->devicePixelRatioF());
    QVERIFY(countDrawn(copied, f.view->renderStyle().palette.seriesColor(0),
                       f.view->renderStyle().palette.plotBackground) > 300);
}

void TestChartExport::ctrlCCopiesTheFocusedChart() {
    ChartFixture f;
    QVERIFY(f.show());
    ChartExportController controller(f.view.get());
    controller.setCharts({f.view.get()}, QStringLiteral("Monitoring"));
    QSignalSpy exported(&controller, &ChartExportController::exported);
    QApplication::setActiveWindow(f.view.get());
    QVERIFY(QTest::qWaitForWindowActive(f.view.get()));
    auto *plot = f.view->findChild<QGraphicsView *>(); // the chart's focusable drawing area
    QVERIFY(plot);
    QVERIFY(plot->focusPolicy() & Qt::TabFocus);
    plot->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(plot->hasFocus());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(plot, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(exported.size(), 1);
    QCOMPARE(QGuiApplication::clipboard()->image().size(), kChartSize * f.view->devicePixelRatioF());
}

void TestChartExport::optionsDialogReturnsWhatWasChosen_data() {
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<ChartCsvOptions::Form>("form");
    QTest::addColumn<ChartCsvOptions::Units>("units");
    QTest::newRow("defaults") << qreal(1.0) << true << ChartCsvOptions::Form::Long
                              << ChartCsvOptions::Units::Raw;
    QTest::newRow("everything switched")
        << qreal(2.0) << false << ChartCsvOptions::Form::Wide << ChartCsvOptions::Units::Display;
}

void TestChartExport::optionsDialogReturnsWhatWasChosen() {
    QFETCH(qreal, scale);
    QFETCH(bool, visible);
    QFETCH(ChartCsvOptions::Form, form);
    QFETCH(ChartCsvOptions::Units, units);
    const ChartExportOptions chosen{scale, form, units, visible};
    ChartExportOptionsDialog dialog(ChartExportOptionsDialog::Mode::Tab);
    dialog.setOptions(chosen);
    QCOMPARE(dialog.options(), chosen);
    // Saved and restored through the settings file.
    ChartExportController::saveOptions(chosen);
    QCOMPARE(ChartExportController::savedOptions(), chosen);
}

void TestChartExport::lastFolderIsRemembered() {
    QTemporaryDir dir;
    ChartExportController::rememberFolderOf(dir.filePath(QStringLiteral("chart.png")));
    QCOMPARE(ChartExportController::lastFolder(), QDir(dir.path()).absolutePath());
    ChartExportController::rememberFolderOf(dir.path()); // a folder (tab export) is itself
    QCOMPARE(ChartExportController::lastFolder(), QDir(dir.path()).absolutePath());
}

QTEST_MAIN(TestChartExport)
#include "tst_chart_export.moc"
