#pragma once

#include "core/common/result.h"
#include "report/report_data_fetcher.h"
#include "report/weekly_report_writer.h"

#include <QObject>

#include <functional>
#include <memory>

namespace mlwatch {

// One weekly review from start to finish: ReportDataFetcher (two batched fetches per account),
// then WeeklyReportWriter (the folder). What File → Weekly review… and `mlwatch-cli report` run.
//
// progress(done, total) covers both phases; `total` is an estimate until the data has arrived
// (the PDF's page count depends on it) and may grow once then. cancel() stops at the next step
// and removes what was written. GUI thread only, with a QApplication.
class WeeklyReport : public QObject {
    Q_OBJECT
public:
    WeeklyReport(ReportRequest request, WeeklyReportOptions options, QObject *parent = nullptr);
    ~WeeklyReport() override;

    // Checks the output folder first (WeeklyReportWriter::checkOutputDir with `force`), then
    // fetches and writes. `done` is called exactly once.
    void start(bool force, std::function<void(Result<void>)> done);
    void cancel();

    // The first fetchSteps() of progress are the fetches; the rest write the folder.
    int fetchSteps() const { return m_fetchSteps; }

    // After success: what was collected and written (relative paths).
    const ReportData *data() const { return m_writer ? &m_writer->data() : nullptr; }
    QStringList writtenFiles() const { return m_writer ? m_writer->writtenFiles() : QStringList(); }

Q_SIGNALS:
    void progress(int done, int total);

private:
    void write(ReportData data);
    void finish(Result<void> result);

    WeeklyReportOptions m_options;
    std::unique_ptr<ReportDataFetcher> m_fetcher;
    std::unique_ptr<WeeklyReportWriter> m_writer;
    std::function<void(Result<void>)> m_done;
    int m_fetchSteps = 0;
    int m_estimatedWriteSteps = 0;
};

} // namespace mlwatch
