#pragma once

#include "core/common/result.h"
#include "report/report_data.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mlwatch {

class ReportPdfWriter;

// Which files a weekly review folder gets.
struct WeeklyReportFormats {
    bool pdf = true; // report.pdf
    bool png = true; // charts/<chart>.png
    bool csv = true; // data/<chart>.csv, alerts.csv, summary.csv

    bool any() const { return pdf || png || csv; }
    // "pdf,png,csv" (any subset, any order, no repeats) → formats; nullopt for anything else.
    static std::optional<WeeklyReportFormats> parse(const QString &text);
};

struct WeeklyReportOptions {
    QString outputDir;
    WeeklyReportFormats formats;
    QLocale locale; // text, dates and numbers of the PDF (the UI language); CSVs ignore it
};

// Writes a weekly review folder from a ReportData:
//   report.pdf · charts/<chart>.png · data/<chart>.csv · alerts.csv · summary.csv
// Works one file (or one PDF page) per event-loop turn, so progress(done, total) can be shown
// and cancel() takes effect between steps; a cancelled or failed run removes what it wrote.
// Writes nothing outside the output folder: chart file names are sanitised ids, and the folder
// itself is created only when its parent exists (checkOutputDir()).
//
// GUI thread only, with a QApplication (ChartRenderer draws with Qt Charts).
class WeeklyReportWriter : public QObject {
    Q_OBJECT
public:
    // The PNGs' layout size (logical px) and pixel ratio.
    static constexpr int kPngWidth = 1280;
    static constexpr int kPngHeight = 600;

    WeeklyReportWriter(ReportData data, WeeklyReportOptions options, QObject *parent = nullptr);
    ~WeeklyReportWriter() override;

    // The folder rule: `dir` may be missing (then its parent must exist) or an empty folder;
    // a folder with anything in it is refused (BadArgument) unless `force`, in which case the
    // report's files are overwritten and nothing else is touched.
    static Result<void> checkOutputDir(const QString &dir, bool force);

    int totalSteps() const { return int(m_steps.size()); }
    // Starts writing; `done` is called exactly once, after the last step, on failure or on cancel.
    void start(std::function<void(Result<void>)> done);
    void cancel();

    // Paths relative to the output folder, in the order written.
    QStringList writtenFiles() const { return m_written; }
    const ReportData &data() const { return m_data; }

Q_SIGNALS:
    void progress(int done, int total);

private:
    using Step = std::function<Result<void>()>;
    void planSteps();
    void runNext();
    void finish(Result<void> result);
    void removeWritten();
    QString path(const QString &relative) const;
    Result<void> writePng(const ReportChart &chart);
    Result<void> makeDir(const QString &relative);

    ReportData m_data;
    WeeklyReportOptions m_options;
    QList<Step> m_steps;
    int m_next = 0;
    bool m_cancelled = false;
    std::function<void(Result<void>)> m_done;
    std::unique_ptr<ReportPdfWriter> m_pdf;
    QStringList m_written;
    QStringList m_createdDirs; // removed again (when empty) after a failure
};

} // namespace mlwatch
