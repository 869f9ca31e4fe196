#include "report/weekly_report_writer.h"

#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "report/report_chart_request.h"
#include "report/report_csv_writer.h"
#include "report/report_pdf_writer.h"
#include "report/report_text.h"
#include "report/scoped_local_zone.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

namespace mlwatch {

namespace {

const QString kPdfName = QStringLiteral("report.pdf");
const QString kChartsDir = QStringLiteral("charts");
const QString kDataDir = QStringLiteral("data");

Error ioError(const QString &message, const QString &detail = QString()) {
    return Error{ErrorCode::Io, message, detail};
}

} // namespace

std::optional<WeeklyReportFormats> WeeklyReportFormats::parse(const QString &text) {
    WeeklyReportFormats formats{false, false, false};
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &raw : parts) {
        const QString part = raw.trimmed().toLower();
        bool *flag = part == QLatin1String("pdf")   ? &formats.pdf
                     : part == QLatin1String("png") ? &formats.png
                     : part == QLatin1String("csv") ? &formats.csv
                                                    : nullptr;
        if (!flag || *flag)
            return std::nullopt; // unknown or repeated
        *flag = true;
    }
    return formats;
}

WeeklyReportWriter::WeeklyReportWriter(ReportData data, WeeklyReportOptions options, QObject *parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_options(std::move(options)) {
    planSteps();
}

WeeklyReportWriter::~WeeklyReportWriter() {
    if (m_done) { // destroyed mid-way: leave no half-written report behind
        m_pdf.reset();
        removeWritten();
    }
}

Result<void> WeeklyReportWriter::checkOutputDir(const QString &dir, bool force) {
    if (dir.isEmpty())
        return Error{ErrorCode::BadArgument, tr("No output folder given."), QString()};
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return Error{ErrorCode::BadArgument,
                     tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(dir)), QString()};
    if (!info.exists()) {
        // Only the folder itself is created: making its parents would write outside it.
        if (!QFileInfo(info.absolutePath()).isDir())
            return Error{
                ErrorCode::BadArgument,
                tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())),
                QString()};
        return {};
    }
    const bool empty =
        QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (!empty && !force)
        return Error{ErrorCode::BadArgument,
                     tr("%1 is not empty: choose an empty folder, or overwrite the report in it explicitly "
                        "(--force).")
                         .arg(QDir::toNativeSeparators(dir)),
                     QString()};
    return {};
}

QString WeeklyReportWriter::path(const QString &relative) const {
    return QDir(m_options.outputDir).filePath(relative);
}

Result<void> WeeklyReportWriter::makeDir(const QString &relative) {
    const QString full = relative.isEmpty() ? m_options.outputDir : path(relative);
    if (QFileInfo(full).isDir())
        return {};
    if (!QDir().mkdir(full))
        return ioError(tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(full)));
    m_createdDirs.prepend(full); // deepest first, for removal
    return {};
}

void WeeklyReportWriter::planSteps() {
    const WeeklyReportFormats &f = m_options.formats;
    m_steps.append([this, f]() -> Result<void> {
        if (Result<void> r = makeDir(QString()); !r)
            return r;
        if (f.png)
            if (Result<void> r = makeDir(kChartsDir); !r)
                return r;
        if (f.csv)
            if (Result<void> r = makeDir(kDataDir); !r)
                return r;
        return {};
    });
    if (f.csv) {
        for (qsizetype i = 0; i < m_data.charts.size(); ++i) {
            m_steps.append([this, i]() -> Result<void> {
                const QString relative =
                    kDataDir + QLatin1Char('/') + m_data.charts.at(i).fileStem + QStringLiteral(".csv");
                m_written.append(relative);
                return ReportCsvWriter::writeChartData(path(relative), m_data.charts.at(i));
            });
        }
        m_steps.append([this]() -> Result<void> {
            m_written.append(QStringLiteral("alerts.csv"));
            if (Result<void> r = ReportCsvWriter::writeAlerts(path(QStringLiteral("alerts.csv")), m_data); !r)
                return r;
            m_written.append(QStringLiteral("summary.csv"));
            return ReportCsvWriter::writeSummary(path(QStringLiteral("summary.csv")), m_data);
        });
    }
    if (f.png)
        for (qsizetype i = 0; i < m_data.charts.size(); ++i)
            m_steps.append([this, i] { return writePng(m_data.charts.at(i)); });
    if (f.pdf) {
        m_pdf = std::make_unique<ReportPdfWriter>(m_data, m_options.locale);
        const int pages = m_pdf->pageCount();
        for (int page = 0; page < pages; ++page) {
            m_steps.append([this, page]() -> Result<void> {
                if (page == 0) {
                    m_written.append(kPdfName);
                    if (Result<void> r = m_pdf->begin(path(kPdfName)); !r)
                        return r;
                }
                m_pdf->paintPage(page);
                return {};
            });
        }
        m_steps.append([this] { return m_pdf->finish(); });
    }
}

Result<void> WeeklyReportWriter::writePng(const ReportChart &chart) {
    const QString relative = kChartsDir + QLatin1Char('/') + chart.fileStem + QStringLiteral(".png");
    ChartRenderStyle style;
    style.size = QSize(kPngWidth, kPngHeight);
    style.palette = ChartPalette::print();
    style.locale = m_options.locale;
    QImage image;
    {
        const ScopedLocalZone zone(m_data.week.zone()); // the time axis in the report's zone
        image = ChartRenderer::renderImage(
            reportChartRequest(chart, m_data.week, ReportText::lastWeekLegend()), style);
    }
    m_written.append(relative);
    QSaveFile file(path(relative));
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return ioError(tr("Could not write %1.").arg(QDir::toNativeSeparators(path(relative))),
                       file.errorString());
    return {};
}

void WeeklyReportWriter::start(std::function<void(Result<void>)> done) {
    m_done = std::move(done);
    m_next = 0;
    m_cancelled = false;
    Q_EMIT progress(0, totalSteps());
    QTimer::singleShot(0, this, &WeeklyReportWriter::runNext);
}

void WeeklyReportWriter::cancel() {
    m_cancelled = true;
}

void WeeklyReportWriter::runNext() {
    if (!m_done)
        return;
    if (m_cancelled) {
        finish(Error{ErrorCode::Cancelled, tr("The report was cancelled."), QString()});
        return;
    }
    if (m_next >= m_steps.size()) {
        finish({});
        return;
    }
    const Result<void> r = m_steps.at(m_next)();
    ++m_next;
    if (!r) {
        finish(r);
        return;
    }
    Q_EMIT progress(m_next, totalSteps());
    // One step per event-loop turn: the progress dialog repaints and Cancel is seen in between.
    QTimer::singleShot(0, this, &WeeklyReportWriter::runNext);
}

void WeeklyReportWriter::removeWritten() {
    for (const QString &relative : std::as_const(m_written))
        QFile::remove(path(relative));
    for (const QString &dir : std::as_const(m_createdDirs))
        QDir().rmdir(dir); // only when empty: never removes what someone else put there
}

void WeeklyReportWriter::finish(Result<void> result) {
    if (!result) {
        if (m_pdf)
            m_pdf->abort();
        removeWritten();
        m_written.clear();
    }
    auto done = std::move(m_done);
    m_done = nullptr;
    done(result);
}

} // namespace mlwatch
