#include "report/report_pdf_writer.h"

#include "charts/chart_palette.h"
#include "charts/chart_renderer.h"
#include "report/report_chart_request.h"
#include "report/report_data.h"
#include "report/report_pdf_page.h"
#include "report/scoped_local_zone.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace mlwatch {

namespace {

using namespace pdf;

// A chart is laid out this wide (logical px, the height follows its slot) and scaled into the
// slot, so its fonts read at about 7 pt and the M4 reduction works at this width
// (performance.md §7.2: ≤ 4 points per column keeps a chart under ~300 KB of PDF).
constexpr int kChartLayoutWidth = 1050;
constexpr int kEmptyListColumns = 2;
constexpr int kMaxNoisiestRules = 8;
constexpr int kMaxErrorLines = 5;

} // namespace

ReportPdfWriter::ReportPdfWriter(const ReportData &data, const QLocale &locale)
    : m_data(data)
    , m_text(locale, data.week.zone()) {
    plan();
}

ReportPdfWriter::~ReportPdfWriter() {
    abort();
}

void ReportPdfWriter::plan() {
    m_pages.append(Page{PageKind::Cover});
    m_pages.append(Page{PageKind::Summary});
    for (Stage stage : allStages()) {
        QList<int> charts, empty;
        for (int i = 0; i < int(m_data.charts.size()); ++i) {
            const ReportChart &chart = m_data.charts.at(i);
            if (chart.spec.stage == stage)
                (chart.hasData() ? charts : empty).append(i);
        }
        m_chartsByStage.append(charts);
        m_emptyChartsByStage.append(empty);
        // Slots: each chart with data, then one for the list of those without. A stage without
        // any chart still gets its page: it says why it is empty.
        const int slots = int(charts.size()) + (empty.isEmpty() ? 0 : 1);
        for (int first = 0; first == 0 || first < slots; first += kChartsPerPage)
            m_pages.append(
                Page{PageKind::Stage, stage, first, std::min(kChartsPerPage, slots - first), first > 0});
    }
    for (int i = 0; i < int(m_data.metrics.size()); ++i) {
        const ReportMetricRow &row = m_data.metrics.at(i);
        if (row.thisWeek.count > 0 || row.lastWeek.count > 0)
            m_metricRows.append(i);
    }
    const auto addTable = [this](PageKind kind, int rows, int perPage) {
        for (int first = 0; first == 0 || first < rows; first += perPage)
            m_pages.append(
                Page{kind, Stage::DataPreparation, first, std::min(perPage, rows - first), first > 0});
    };
    addTable(PageKind::Metrics, int(m_metricRows.size()), kRowsPerTablePage);
    // One row less on log pages: the last one may need a line for what did not fit.
    addTable(PageKind::AlertLog, int(std::min<qsizetype>(m_data.alertLog.size(), kMaxAlertLogRows)),
             kRowsPerTablePage - 1);
}

int ReportPdfWriter::firstPageOf(PageKind kind, Stage stage) const {
    for (int i = 0; i < int(m_pages.size()); ++i)
        if (m_pages.at(i).kind == kind && (kind != PageKind::Stage || m_pages.at(i).stage == stage))
            return i;
    return 0;
}

Result<void> ReportPdfWriter::begin(const QString &path) {
    m_pdf = std::make_unique<QPdfWriter>(path);
    m_pdf->setResolution(kDpi);
    m_pdf->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF()));
    m_pdf->setCreator(QStringLiteral("MLWatch"));
    m_pdf->setTitle(m_data.week.isIsoWeek() ? tr("Weekly review %1").arg(m_data.week.isoWeekText())
                                            : tr("Weekly review"));
    m_painter = std::make_unique<QPainter>();
    if (!m_painter->begin(m_pdf.get())) {
        m_painter.reset();
        m_pdf.reset();
        return Error{ErrorCode::Io, tr("Could not write %1.").arg(path), QString()};
    }
    m_painted = 0;
    return {};
}

void ReportPdfWriter::paintPage(int index) {
    if (!m_painter || index != m_painted || index >= pageCount())
        return;
    QPainter &p = *m_painter;
    if (index > 0)
        m_pdf->newPage();
    p.save();
    p.setPen(kText);
    const Page &page = m_pages.at(index);
    switch (page.kind) {
    case PageKind::Cover:
        paintCover(p);
        break;
    case PageKind::Summary:
        paintSummary(p);
        break;
    case PageKind::Stage:
        paintStage(p, page);
        break;
    case PageKind::Metrics:
        paintMetrics(p, page);
        break;
    case PageKind::AlertLog:
        paintAlertLog(p, page);
        break;
    }
    p.restore();
    paintFooter(p, index);
    ++m_painted;
}

Result<void> ReportPdfWriter::finish() {
    if (!m_painter)
        return Error{ErrorCode::Io, tr("The PDF was not started."), QString()};
    const bool ok = m_painter->end();
    m_painter.reset();
    m_pdf.reset();
    if (!ok)
        return Error{ErrorCode::Io, tr("Could not finish the PDF."), QString()};
    return {};
}

void ReportPdfWriter::abort() {
    if (m_painter && m_painter->isActive())
        m_painter->end();
    m_painter.reset();
    m_pdf.reset();
}

qreal ReportPdfWriter::paintTitle(QPainter &p, const QString &title, const QString &subtitle) {
    p.setFont(font(18, true));
    p.setPen(kAccent);
    p.drawText(QRectF(kMargin, kMargin, kContentWidth, 26), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font(9.5));
    p.setPen(kMuted);
    const qreal h = paragraph(p, QRectF(kMargin, kMargin + 28, kContentWidth, 28), subtitle);
    p.setPen(kText);
    return kMargin + 28 + std::max<qreal>(h, 14) + 8;
}

void ReportPdfWriter::paintFooter(QPainter &p, int index) {
    p.save();
    const qreal y = kPageHeight - kMargin - kFooterHeight + 8;
    p.setPen(QPen(kRule, 0.6));
    p.drawLine(QPointF(kMargin, y), QPointF(kMargin + kContentWidth, y));
    p.setFont(font(8));
    p.setPen(kMuted);
    const QRectF r(kMargin, y + 3, kContentWidth, kFooterHeight - 6);
    p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, tr("Times in %1").arg(m_data.week.zoneText()));
    const QString what = m_data.week.isIsoWeek() ? m_data.week.isoWeekText() : m_text.dayRange(m_data.week);
    p.drawText(
        r, Qt::AlignHCenter | Qt::AlignVCenter,
        tr("%1 · weekly review %2", "workspace · weekly review <week>").arg(m_data.workspaceName, what));
    p.drawText(r, Qt::AlignRight | Qt::AlignVCenter,
               tr("Page %1 of %2").arg(m_text.integer(index + 1), m_text.integer(pageCount())));
    p.restore();
}

void ReportPdfWriter::paintCover(QPainter &p) {
    const ReportWeek &week = m_data.week;
    p.setFont(font(11, true));
    p.setPen(kMuted);
    p.drawText(QRectF(kMargin, 70, kContentWidth, 18), Qt::AlignLeft, QStringLiteral("MLWatch"));
    p.setFont(font(32, true));
    p.setPen(kAccent);
    p.drawText(QRectF(kMargin, 90, kContentWidth, 44), Qt::AlignLeft, tr("Weekly review"));
    p.setFont(font(16));
    p.setPen(kText);
    const QString heading = week.isIsoWeek()
                                ? tr("Week %1: %2").arg(week.isoWeekText(), m_text.dayRange(week))
                                : m_text.dayRange(week);
    p.drawText(QRectF(kMargin, 140, kContentWidth, 24), Qt::AlignLeft, heading);

    // The facts a reader needs before any chart: whose data, which times, which zone.
    const QList<std::pair<QString, QString>> facts = {
        {tr("Workspace"), m_data.workspaceName},
        {tr("Accounts"),
         m_data.accountLabels.isEmpty() ? tr("none") : m_data.accountLabels.join(QStringLiteral(", "))},
        {tr("From"), m_text.dateTime(week.range().startMs)},
        {tr("To (exclusive)"), m_text.dateTime(week.range().endMs)},
        {tr("Time zone"), week.zoneText()},
        {tr("Compared with"), tr("the same days one week earlier (%1 – %2), drawn faintly behind this week")
                                  .arg(m_text.dateTime(week.previousRange().startMs),
                                       m_text.dateTime(week.previousRange().endMs))},
        {tr("Generated at"), m_text.dateTime(m_data.generatedAtMs)},
    };
    qreal y = 190;
    for (const auto &[label, value] : facts) {
        p.setFont(font(10.5, true));
        p.setPen(kMuted);
        p.drawText(QRectF(kMargin, y, 130, 18), Qt::AlignLeft | Qt::AlignTop, label);
        p.setFont(font(10.5));
        p.setPen(kText);
        y += std::max<qreal>(18, paragraph(p, QRectF(kMargin + 140, y, kContentWidth - 140, 40), value) + 4);
    }

    // Contents, with page numbers (the plan is known before painting).
    y += 16;
    p.setFont(font(12, true));
    p.drawText(QRectF(kMargin, y, kContentWidth, 18), Qt::AlignLeft, tr("Contents"));
    y += 22;
    QList<std::pair<QString, int>> contents = {{tr("Summary"), firstPageOf(PageKind::Summary)}};
    for (Stage stage : allStages())
        contents.append({ReportText::stageTitle(stage), firstPageOf(PageKind::Stage, stage)});
    contents.append({tr("Week over week"), firstPageOf(PageKind::Metrics)});
    contents.append({tr("Alert log"), firstPageOf(PageKind::AlertLog)});
    p.setFont(font(10.5));
    for (const auto &[title, page] : contents) {
        p.drawText(QRectF(kMargin + 10, y, 300, 16), Qt::AlignLeft | Qt::AlignVCenter, title);
        p.drawText(QRectF(kMargin + 310, y, 60, 16), Qt::AlignRight | Qt::AlignVCenter,
                   m_text.integer(page + 1));
        y += 16;
    }
}

QString ReportPdfWriter::alertSourceText() const {
    switch (m_data.alertSource) {
    case ReportAlertSource::None:
        return tr("No alert rules: nothing was watched, so nothing could fire.");
    case ReportAlertSource::History:
        return tr("From the alert history recorded while MLWatch ran. Rules: %1.")
            .arg(m_text.integer(m_data.rules.size()));
    case ReportAlertSource::Replay:
        return tr("No alert history was recorded, so the alert rules were replayed over this range's data. "
                  "Rules: %1.")
            .arg(m_text.integer(m_data.rules.size()));
    }
    return {};
}

void ReportPdfWriter::paintSummary(QPainter &p) {
    const ReportWeek &week = m_data.week;
    qreal y = paintTitle(p, tr("Summary"), tr("%1, %2").arg(m_text.dayRange(week), week.zoneText()));
    const AlertWeekStats &alerts = m_data.alerts;
    const ChartPalette palette = ChartPalette::print();

    // Alerts fired by level, then time in alert.
    p.setFont(font(12, true));
    p.drawText(QRectF(kMargin, y, kContentWidth, 18), Qt::AlignLeft, tr("Alerts"));
    y += 22;
    p.setFont(font(10.5));
    if (m_data.alertSource == ReportAlertSource::None) {
        y += paragraph(p, QRectF(kMargin, y, kContentWidth, 40), alertSourceText()) + 10;
    } else {
        p.drawText(QRectF(kMargin, y, kContentWidth, 16), Qt::AlignLeft,
                   tr("Alerts fired: %1 (critical %2, warning %3)")
                       .arg(m_text.integer(alerts.fired()), m_text.integer(alerts.firedCritical),
                            m_text.integer(alerts.firedWarning)));
        y += 17;
        p.drawText(
            QRectF(kMargin, y, kContentWidth, 16), Qt::AlignLeft,
            tr("Time in alert: %1 (at least one rule firing)").arg(m_text.duration(alerts.timeInAlertMs)));
        y += 17;
        p.setPen(kMuted);
        p.setFont(font(9));
        y += paragraph(p, QRectF(kMargin, y, kContentWidth, 30), alertSourceText()) + 10;
        p.setPen(kText);

        p.setFont(font(12, true));
        p.drawText(QRectF(kMargin, y, kContentWidth, 18), Qt::AlignLeft, tr("Noisiest rules"));
        y += 22;
        p.setFont(font(9.5));
        if (alerts.rules.isEmpty()) {
            p.drawText(QRectF(kMargin, y, kContentWidth, 16), Qt::AlignLeft,
                       tr("No rule fired in this range."));
            y += 24;
        } else {
            const QList<Column> columns = {{390, Qt::AlignLeft},
                                           {90, Qt::AlignRight},
                                           {90, Qt::AlignRight},
                                           {90, Qt::AlignRight},
                                           {110, Qt::AlignRight}};
            p.setFont(font(9, true));
            tableRow(p, y, columns,
                     {tr("Rule"), tr("Fired"), tr("Critical"), tr("Warning"), tr("Time firing")}, false);
            y += kRowHeight;
            p.setFont(font(9.5));
            for (int i = 0; i < alerts.rules.size() && i < kMaxNoisiestRules; ++i) {
                const RuleWeekStats &r = alerts.rules.at(i);
                tableRow(p, y, columns,
                         {r.ruleName, m_text.integer(r.fired()), m_text.integer(r.firedCritical),
                          m_text.integer(r.firedWarning), m_text.duration(r.timeInAlertMs)},
                         i % 2 == 0);
                y += kRowHeight;
            }
            y += 10;
        }
    }

    // Data coverage: a range without data says so in words.
    p.setFont(font(12, true));
    p.drawText(QRectF(kMargin, y, kContentWidth, 18), Qt::AlignLeft, tr("Data"));
    y += 22;
    p.setFont(font(10.5));
    const qsizetype withData = m_data.chartsWithData();
    QString coverage;
    if (m_data.charts.isEmpty())
        coverage = tr("The accounts have no resources that MLWatch charts.");
    else if (withData == 0)
        coverage = tr("No data in this range: none of the %1 charts has a datapoint between %2 and %3.")
                       .arg(m_text.integer(m_data.charts.size()), m_text.dateTime(week.range().startMs),
                            m_text.dateTime(week.range().endMs));
    else
        coverage = tr("%1 of %2 charts have data in this range.")
                       .arg(m_text.integer(withData), m_text.integer(m_data.charts.size()));
    y += paragraph(p, QRectF(kMargin, y, kContentWidth, 40), coverage) + 6;
    if (!m_data.fetchErrors.isEmpty()) {
        p.setPen(palette.critical);
        p.setFont(font(9.5));
        for (int i = 0; i < m_data.fetchErrors.size() && i < kMaxErrorLines; ++i)
            y += paragraph(p, QRectF(kMargin, y, kContentWidth, 30),
                           tr("Not fetched: %1").arg(m_data.fetchErrors.at(i).message)) +
                 2;
        p.setPen(kText);
        y += 6;
    }

    // The week's insights, only when there are some.
    if (!m_data.insights.isEmpty()) {
        p.setFont(font(12, true));
        p.drawText(QRectF(kMargin, y, kContentWidth, 18), Qt::AlignLeft, tr("Insights of the week"));
        y += 22;
        p.setFont(font(10.5));
        for (const QString &insight : m_data.insights) {
            if (y > kContentBottom - 20)
                break;
            y += paragraph(p, QRectF(kMargin + 10, y, kContentWidth - 10, 40),
                           QStringLiteral("• ") + insight) +
                 3;
        }
    }
}

void ReportPdfWriter::paintStage(QPainter &p, const Page &page) {
    const qsizetype stageIndex = allStages().indexOf(page.stage);
    const QList<int> &charts = m_chartsByStage.at(stageIndex);
    const QList<int> &empty = m_emptyChartsByStage.at(stageIndex);
    QString title = ReportText::stageTitle(page.stage);
    if (page.continued)
        title = tr("%1 (continued)").arg(title);
    const qreal top = paintTitle(p, title, ReportText::stageIntro(page.stage));
    if (charts.isEmpty() && empty.isEmpty()) {
        p.setFont(font(10.5));
        paragraph(p, QRectF(kMargin, top, kContentWidth, 40),
                  tr("No charts for this stage: the accounts have no resources of this kind."));
        return;
    }
    const qreal slot = (kContentBottom - top) / kChartsPerPage;
    for (int i = 0; i < page.count; ++i) {
        const int item = page.first + i;
        const qreal y = top + i * slot;
        if (item >= charts.size()) { // the last slot: the charts without data this week
            paintEmptyCharts(p, QRectF(kMargin, y, kContentWidth, slot - 10), empty);
            continue;
        }
        const ReportChart &chart = m_data.charts.at(charts.at(item));
        // Chart, then one line that says why it matters (and what failed, if anything).
        const QRectF chartRect(kMargin, y, kContentWidth, slot - 26);
        paintChart(p, chartRect, chart);
        p.setFont(font(8.5));
        QString note = chart.spec.explanation;
        if (!chart.errors.isEmpty()) {
            p.setPen(ChartPalette::print().critical);
            note = tr("Not fetched: %1").arg(chart.errors.join(QStringLiteral("; ")));
        } else {
            p.setPen(kMuted);
        }
        const QFontMetricsF fm(p.font(), p.device());
        p.drawText(QRectF(kMargin, chartRect.bottom() + 3, kContentWidth, 16), Qt::AlignLeft | Qt::AlignTop,
                   fm.elidedText(note, Qt::ElideRight, kContentWidth));
        p.setPen(kText);
    }
}

void ReportPdfWriter::paintEmptyCharts(QPainter &p, const QRectF &rect, const QList<int> &charts) {
    const ReportWeek &week = m_data.week;
    p.save();
    p.setPen(QPen(kRule, 0.8));
    p.drawRect(rect);
    const QRectF inner = rect.adjusted(12, 10, -12, -10);
    p.setFont(font(10.5, true));
    p.setPen(kText);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Charts without data in this range: %1").arg(m_text.integer(charts.size())));
    p.setFont(font(9));
    p.setPen(kMuted);
    p.drawText(QRectF(inner.left(), inner.top() + 18, inner.width(), 16), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Nothing was reported between %1 and %2 (%3): jobs that did not run, or resources "
                  "that were idle.")
                   .arg(m_text.dateTime(week.range().startMs), m_text.dateTime(week.range().endMs),
                        week.zoneText()));
    // The titles in columns; what does not fit is counted.
    p.setPen(kText);
    const qreal lineHeight = 13;
    const qreal listTop = inner.top() + 42;
    const int perColumn = std::max(1, int((inner.bottom() - listTop) / lineHeight));
    const int capacity = perColumn * kEmptyListColumns;
    const qreal columnWidth = inner.width() / kEmptyListColumns;
    const QFontMetricsF fm(p.font(), p.device());
    for (int i = 0; i < charts.size() && i < capacity; ++i) {
        QString text = m_data.charts.at(charts.at(i)).spec.title;
        if (m_data.charts.at(charts.at(i)).hasLastWeekData())
            text = tr("%1 (data last week)").arg(text);
        if (i == capacity - 1 && charts.size() > capacity)
            text = tr("… and %1 more").arg(m_text.integer(charts.size() - capacity + 1));
        const QRectF line(inner.left() + (i / perColumn) * columnWidth,
                          listTop + (i % perColumn) * lineHeight, columnWidth - 8, lineHeight);
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(QStringLiteral("• ") + text, Qt::ElideRight, line.width()));
    }
    p.restore();
}

void ReportPdfWriter::paintChart(QPainter &p, const QRectF &rect, const ReportChart &chart) {
    const ReportWeek &week = m_data.week;
    ChartRenderStyle style;
    style.size = QSize(kChartLayoutWidth, int(kChartLayoutWidth * rect.height() / rect.width()));
    style.locale = m_text.locale();
    style.palette = ChartPalette::print();
    const ScopedLocalZone zone(week.zone()); // the axis speaks the report's zone
    ChartRenderer::render(p, rect, reportChartRequest(chart, week, ReportText::lastWeekLegend()), style);
}

void ReportPdfWriter::paintMetrics(QPainter &p, const Page &page) {
    QString title = tr("Week over week");
    if (page.continued)
        title = tr("%1 (continued)").arg(title);
    QString subtitle =
        tr("p50, p95 and max of every series: this week against the same days one week earlier. "
           "Percentiles are nearest-rank over the datapoints of each week; \"—\" means no data.");
    if (const qsizetype left = m_data.metrics.size() - m_metricRows.size(); left > 0)
        subtitle += QLatin1Char(' ') +
                    tr("Series without data in either week are not listed: %1.").arg(m_text.integer(left));
    paintTitle(p, title, subtitle);
    const qreal numeric = 60;
    const QList<Column> columns = {
        {190, Qt::AlignLeft},      {146, Qt::AlignLeft},      {numeric, Qt::AlignRight},
        {numeric, Qt::AlignRight}, {numeric, Qt::AlignRight}, {numeric, Qt::AlignRight},
        {74, Qt::AlignRight},      {numeric, Qt::AlignRight}, {numeric, Qt::AlignRight}};
    qreal y = kTableTop - 2 * kRowHeight;
    if (m_metricRows.isEmpty()) {
        p.setFont(font(10.5));
        p.drawText(QRectF(kMargin, y, kContentWidth, 16), Qt::AlignLeft,
                   m_data.metrics.isEmpty()
                       ? tr("No charts, so no metrics to compare.")
                       : tr("No data in this range or the week before it: nothing to compare."));
        return;
    }
    p.setFont(font(8.5, true));
    tableRow(p, y, columns,
             {QString(), QString(), tr("p50"), QString(), tr("p95"), QString(), QString(), tr("max")}, false);
    y += kRowHeight;
    const QString now = tr("this week");
    const QString before = tr("last week");
    tableRow(p, y, columns,
             {tr("Chart"), tr("Series"), now, before, now, before, tr("p95 change"), now, before}, false);
    y += kRowHeight;
    p.setPen(QPen(kRule, 0.6));
    p.drawLine(QPointF(kMargin, y), QPointF(kMargin + kContentWidth, y));
    p.setPen(kText);
    p.setFont(font(8.5));
    for (int i = 0; i < page.count; ++i) {
        const ReportMetricRow &row = m_data.metrics.at(m_metricRows.at(page.first + i));
        const QStringList texts{row.chartTitle,
                                row.legend,
                                m_text.value(row.thisWeek.p50, row.unit),
                                m_text.value(row.lastWeek.p50, row.unit),
                                m_text.value(row.thisWeek.p95, row.unit),
                                m_text.value(row.lastWeek.p95, row.unit),
                                m_text.change(row.thisWeek.p95, row.lastWeek.p95),
                                m_text.value(row.thisWeek.max, row.unit),
                                m_text.value(row.lastWeek.max, row.unit)};
        tableRow(p, y, columns, texts, i % 2 == 1);
        y += kRowHeight;
    }
}

QString ReportPdfWriter::stateText(int kind, int level) const {
    QString state;
    switch (AlertStateKind(kind)) {
    case AlertStateKind::Ok:
        state = tr("ok");
        break;
    case AlertStateKind::Pending:
        state = tr("pending");
        break;
    case AlertStateKind::Firing:
        state = tr("firing");
        break;
    case AlertStateKind::NoData:
        state = tr("no data");
        break;
    }
    if (AlertLevel(level) == AlertLevel::Critical)
        return tr("%1 (critical)").arg(state);
    if (AlertLevel(level) == AlertLevel::Warning)
        return tr("%1 (warning)").arg(state);
    return state;
}

void ReportPdfWriter::paintAlertLog(QPainter &p, const Page &page) {
    QString title = tr("Alert log");
    if (page.continued)
        title = tr("%1 (continued)").arg(title);
    paintTitle(p, title, alertSourceText());
    qreal y = kTableTop - 2 * kRowHeight;
    p.setFont(font(10.5));
    if (m_data.alertSource == ReportAlertSource::None)
        return;
    if (m_data.alertLog.isEmpty()) {
        p.drawText(QRectF(kMargin, y, kContentWidth, 16), Qt::AlignLeft,
                   tr("No alert changed state in this range."));
        return;
    }
    const QList<Column> columns = {
        {150, Qt::AlignLeft}, {330, Qt::AlignLeft}, {200, Qt::AlignLeft}, {90, Qt::AlignRight}};
    p.setFont(font(8.5, true));
    tableRow(p, y + kRowHeight, columns, {tr("Time"), tr("Rule"), tr("Change"), tr("Value")}, false);
    y += 2 * kRowHeight;
    p.setPen(QPen(kRule, 0.6));
    p.drawLine(QPointF(kMargin, y), QPointF(kMargin + kContentWidth, y));
    p.setFont(font(8.5));
    const ChartPalette palette = ChartPalette::print();
    for (int i = 0; i < page.count; ++i) {
        const AlertTransition &t = m_data.alertLog.at(page.first + i);
        std::optional<AlertRule> rule;
        for (const AlertRule &r : m_data.rules)
            if (r.id == t.ruleId)
                rule = r;
        const QString value =
            t.hasValue() ? m_text.value(t.value, rule ? rule->displayUnit() : DisplayUnit{}) : tr("missing");
        p.setPen(t.to.isFiring() ? (t.to.level == AlertLevel::Critical ? palette.critical : palette.warning)
                                 : kText);
        tableRow(p, y, columns,
                 {m_text.weekdayTime(t.timeMs), m_data.ruleName(t.ruleId),
                  tr("%1 → %2").arg(stateText(int(t.from.kind), int(t.from.level)),
                                    stateText(int(t.to.kind), int(t.to.level))),
                  value},
                 i % 2 == 1);
        y += kRowHeight;
    }
    p.setPen(kText);
    const bool last =
        page.first + page.count >= std::min<qsizetype>(m_data.alertLog.size(), kMaxAlertLogRows);
    if (last && m_data.alertLog.size() > kMaxAlertLogRows)
        p.drawText(QRectF(kMargin, y + 4, kContentWidth, 16), Qt::AlignLeft,
                   tr("… and %1 more changes: every one is in alerts.csv.")
                       .arg(m_text.integer(m_data.alertLog.size() - kMaxAlertLogRows)));
}

} // namespace mlwatch
