#pragma once

#include "core/common/result.h"
#include "core/model/stage.h"
#include "report/report_text.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

class QPainter;
class QPdfWriter;
class QRectF;

namespace mlwatch {

struct ReportChart;
struct ReportData;

// Lays out and paints report.pdf, one page per call so the caller can report progress and
// cancel between pages. A4 landscape, vector output (charts come from ChartRenderer, the one
// rendering path), in this order:
//   cover (workspace, accounts, dates, zone, generated at, contents) · summary (alerts fired by
//   level, time in alert, noisiest rules, data coverage, insights when there are any) · one
//   section per workflow stage (two charts a page: this week, last week faint, thresholds; the
//   charts without data this week listed together instead of as empty axes) · the
//   week-over-week table (series with data in either week) · the alert log.
// Every page's footer states the time zone, the range and "Page n of N". Text, dates and
// numbers follow `locale`; times are shown in the report's zone.
class ReportPdfWriter {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::ReportPdfWriter)
public:
    static constexpr int kChartsPerPage = 2;
    static constexpr int kMaxAlertLogRows = 600; // the rest is in alerts.csv (the page says so)

    // `data` must outlive the writer.
    ReportPdfWriter(const ReportData &data, const QLocale &locale);
    ~ReportPdfWriter();

    // The page plan is known before anything is painted.
    int pageCount() const { return int(m_pages.size()); }

    Result<void> begin(const QString &path);
    // Paints page `index`; pages must be painted in order, each once.
    void paintPage(int index);
    Result<void> finish();
    // Stops writing (the caller removes the file).
    void abort();

private:
    enum class PageKind { Cover, Summary, Stage, Metrics, AlertLog };
    struct Page {
        PageKind kind = PageKind::Cover;
        Stage stage = Stage::DataPreparation;
        int first = 0; // first chart / row of this page
        int count = 0; // charts / rows on it
        bool continued = false;
    };
    void plan();
    int firstPageOf(PageKind kind, Stage stage = Stage::DataPreparation) const;

    void paintCover(QPainter &p);
    void paintSummary(QPainter &p);
    void paintStage(QPainter &p, const Page &page);
    void paintChart(QPainter &p, const QRectF &rect, const ReportChart &chart);
    void paintEmptyCharts(QPainter &p, const QRectF &rect, const QList<int> &charts);
    void paintMetrics(QPainter &p, const Page &page);
    void paintAlertLog(QPainter &p, const Page &page);
    void paintFooter(QPainter &p, int index);
    qreal paintTitle(QPainter &p, const QString &title, const QString &subtitle);

    QString alertSourceText() const;
    QString stateText(int kind, int level) const;

    const ReportData &m_data;
    ReportText m_text;
    QList<Page> m_pages;
    // Per allStages() entry: the charts with data this week (a slot each, indexes into
    // m_data.charts) and those without (listed together in one slot, no empty axes).
    QList<QList<int>> m_chartsByStage;
    QList<QList<int>> m_emptyChartsByStage;
    QList<int> m_metricRows; // indexes into m_data.metrics: series with data in either week
    std::unique_ptr<QPdfWriter> m_pdf;
    std::unique_ptr<QPainter> m_painter;
    int m_painted = 0;
};

} // namespace mlwatch
