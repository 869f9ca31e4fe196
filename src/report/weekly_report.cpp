#include "report/weekly_report.h"

#include "report/report_pdf_writer.h"

namespace mlwatch {

WeeklyReport::WeeklyReport(ReportRequest request, WeeklyReportOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    // Write steps before the data is known: a file per chart and format, plus the PDF's fixed
    // pages (cover, summary, five stages, table, log) and two charts a page.
    qsizetype charts = 0;
    for (const ReportAccount &account : request.accounts)
        charts += account.charts.size();
    const WeeklyReportFormats &f = m_options.formats;
    m_estimatedWriteSteps = 1 + (f.csv ? int(charts) + 1 : 0) + (f.png ? int(charts) : 0) +
                            (f.pdf ? 10 + int(charts) / ReportPdfWriter::kChartsPerPage : 0);
    m_fetcher = std::make_unique<ReportDataFetcher>(std::move(request));
    m_fetchSteps = m_fetcher->totalSteps();
    connect(m_fetcher.get(), &ReportDataFetcher::progress, this,
            [this](int done, int) { Q_EMIT progress(done, m_fetchSteps + m_estimatedWriteSteps); });
}

WeeklyReport::~WeeklyReport() = default;

void WeeklyReport::start(bool force, std::function<void(Result<void>)> done) {
    m_done = std::move(done);
    if (Result<void> ok = WeeklyReportWriter::checkOutputDir(m_options.outputDir, force); !ok) {
        finish(ok);
        return;
    }
    if (!m_options.formats.any()) {
        finish(Error{ErrorCode::BadArgument, tr("Choose at least one format."), QString()});
        return;
    }
    m_fetcher->fetch([this](Result<ReportData> data) {
        if (!data) {
            finish(data.error());
            return;
        }
        write(std::move(*data));
    });
}

void WeeklyReport::cancel() {
    if (m_writer)
        m_writer->cancel();
    else
        m_fetcher->cancel();
}

void WeeklyReport::write(ReportData data) {
    m_writer = std::make_unique<WeeklyReportWriter>(std::move(data), m_options);
    const int total = m_fetchSteps + m_writer->totalSteps();
    connect(m_writer.get(), &WeeklyReportWriter::progress, this,
            [this, total](int done, int) { Q_EMIT progress(m_fetchSteps + done, total); });
    m_writer->start([this](Result<void> result) { finish(result); });
}

void WeeklyReport::finish(Result<void> result) {
    if (!m_done)
        return;
    auto done = std::move(m_done); // moved out first: `done` may destroy this object
    m_done = nullptr;
    done(result);
}

} // namespace mlwatch
