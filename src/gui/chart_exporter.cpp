#include "gui/chart_exporter.h"

#include "charts/chart_renderer.h"
#include "charts/metric_chart_view.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace mlwatch {

namespace {

constexpr int kMaxBaseNameLength = 100;

Error ioError(const QString &path, const QString &reason) {
    return Error{ErrorCode::Io,
                 ChartExporter::tr("Could not save “%1”: %2").arg(QDir::toNativeSeparators(path), reason),
                 reason};
}

// Opens `file` for writing, runs `write` on it and commits: all or nothing.
template <typename Write> Result<void> writeAtomically(const QString &path, Write write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    const Result<void> written = write(file);
    if (!written) {
        file.cancelWriting();
        return ioError(path,
                       written.error().detail.isEmpty() ? written.error().message : written.error().detail);
    }
    if (!file.commit())
        return ioError(path, file.errorString());
    return {};
}

} // namespace

QImage ChartExporter::image(const MetricChartView &view, qreal scale) {
    return view.renderImage(scale);
}

Result<void> ChartExporter::writeImage(const QImage &image, const QString &path) {
    return writeAtomically(path, [&image](QSaveFile &file) -> Result<void> {
        QString why;
        if (!ChartRenderer::writePng(image, file, &why))
            return Error{ErrorCode::Io, why, file.errorString()};
        return {};
    });
}

Result<void> ChartExporter::writePng(const MetricChartView &view, const QString &path, qreal scale) {
    return writeImage(image(view, scale), path);
}

ChartCsvOptions ChartExporter::csvOptions(const MetricChartView &view, const ChartExportOptions &options) {
    ChartCsvOptions csv;
    csv.form = options.csvForm;
    csv.units = options.csvUnits;
    if (options.visibleRangeOnly)
        csv.range = view.viewRange(); // the zoomed range when zoomed; invalid before the first window
    return csv;
}

Result<void> ChartExporter::writeCsv(const MetricChartView &view, const QString &path,
                                     const ChartExportOptions &options) {
    const ChartRenderRequest snapshot = view.renderRequest(); // the store's data, no copy
    const ChartCsvOptions csv = csvOptions(view, options);
    return writeAtomically(path, [&](QSaveFile &file) {
        return ChartCsvWriter::write(file, snapshot.spec, snapshot.series, csv);
    });
}

QString ChartExporter::fileBaseName(const QString &title) {
    static const QRegularExpression kForbidden(QStringLiteral("[\\\\/:*?\"<>|\\x{0000}-\\x{001F}\\x{007F}]"));
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    QString name = title;
    name.replace(kSpaces, QStringLiteral(" ")); // tabs and line breaks too, before they count as control
    name.replace(kForbidden, QStringLiteral("-"));
    name = name.left(kMaxBaseNameLength);
    // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
    while (!name.isEmpty() && (name.front() == QLatin1Char('.') || name.front() == QLatin1Char(' ')))
        name.remove(0, 1);
    while (!name.isEmpty() && (name.back() == QLatin1Char('.') || name.back() == QLatin1Char(' ')))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("chart") : name;
}

QStringList ChartExporter::uniqueBaseNames(const QList<MetricChartView *> &views) {
    QStringList names;
    QSet<QString> taken;
    for (const MetricChartView *view : views) {
        const QString base = fileBaseName(view->spec().title);
        QString name = base;
        for (int n = 2; taken.contains(name.toCaseFolded()); ++n)
            name = base + QStringLiteral(" (%1)").arg(n);
        taken.insert(name.toCaseFolded());
        names.append(name);
    }
    return names;
}

QStringList ChartExporter::tabFiles(const QList<MetricChartView *> &views, const QString &folder) {
    const QDir dir(folder);
    QStringList files;
    for (const QString &base : uniqueBaseNames(views)) {
        files.append(dir.absoluteFilePath(base + QStringLiteral(".png")));
        files.append(dir.absoluteFilePath(base + QStringLiteral(".csv")));
    }
    return files;
}

ChartExporter::TabResult ChartExporter::exportCharts(const QList<MetricChartView *> &views,
                                                     const QString &folder,
                                                     const ChartExportOptions &options) {
    TabResult result;
    if (!QDir().mkpath(folder)) {
        result.errors.append(ioError(folder, tr("the folder could not be created")));
        return result;
    }
    const QStringList files = tabFiles(views, folder);
    for (qsizetype i = 0; i < views.size(); ++i) {
        const QString png = files.at(2 * i);
        const QString csv = files.at(2 * i + 1);
        if (const Result<void> r = writePng(*views.at(i), png, options.pngScale); r)
            result.written.append(png);
        else
            result.errors.append(r.error());
        if (const Result<void> r = writeCsv(*views.at(i), csv, options); r)
            result.written.append(csv);
        else
            result.errors.append(r.error());
    }
    return result;
}

} // namespace mlwatch
