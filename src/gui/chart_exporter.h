#pragma once

#include "core/common/result.h"
#include "core/export/chart_csv_writer.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlwatch {

class MetricChartView;

// The user's choices for a chart export (ChartExportOptionsDialog fills it in).
struct ChartExportOptions {
    qreal pngScale = 1.0; // 1 = the screen's pixels, 2 = twice as sharp, same layout
    ChartCsvOptions::Form csvForm = ChartCsvOptions::Form::Long;
    ChartCsvOptions::Units csvUnits = ChartCsvOptions::Units::Raw;
    bool visibleRangeOnly = true; // false = every loaded datapoint
    friend bool operator==(const ChartExportOptions &, const ChartExportOptions &) = default;
};

// Writes what the chart menu exports: PNGs through ChartRenderer (the screen's own chart code,
// so the file looks like the screen), CSVs through ChartCsvWriter. No dialogs: the caller
// (ChartExportController, tests) chooses paths and shows errors.
//
// Files are written through QSaveFile: a failed write (disk full, no permission) leaves any
// existing file as it was and no half-written file behind — nothing is lost.
class ChartExporter {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::ChartExporter)
public:
    // The chart as it is on screen (size, palette, fonts) at `scale` × its pixels.
    static QImage image(const MetricChartView &view, qreal scale);
    static Result<void> writePng(const MetricChartView &view, const QString &path, qreal scale);
    static Result<void> writeImage(const QImage &image, const QString &path);

    // The CSV options for `view`: its window when only the visible range is wanted.
    static ChartCsvOptions csvOptions(const MetricChartView &view, const ChartExportOptions &options);
    static Result<void> writeCsv(const MetricChartView &view, const QString &path,
                                 const ChartExportOptions &options);

    // A file name (without extension) from a chart title: runs of white space (tabs and line
    // breaks included) become one space, characters that are not allowed in file names on
    // Windows, macOS or Linux (/ \ : * ? " < > | and other control characters) become '-', no leading or
    // trailing dots or spaces, at most 100 characters; "chart" when nothing is left. Letters of any script
    // are kept.
    static QString fileBaseName(const QString &title);
    // Base names for a set of charts, unique (case-insensitively, as on Windows and macOS):
    // a repeated title gets " (2)", " (3)", ….
    static QStringList uniqueBaseNames(const QList<MetricChartView *> &views);

    // The files a tab export of `views` into `folder` writes: "<base>.png" and "<base>.csv"
    // per chart, in chart order (absolute paths).
    static QStringList tabFiles(const QList<MetricChartView *> &views, const QString &folder);

    struct TabResult {
        QStringList written; // absolute paths, in the order written
        QList<Error> errors; // one per file that could not be written; the others are written
    };
    // Writes every chart of a tab into `folder` (created when missing). A file that fails does
    // not stop the others.
    static TabResult exportCharts(const QList<MetricChartView *> &views, const QString &folder,
                                  const ChartExportOptions &options);
};

} // namespace mlwatch
