#include "charts/alert_preview_chart.h"

#include "charts/chart_axes.h"
#include "charts/chart_palette.h"
#include "charts/chart_status_text.h"
#include "charts/series_segments.h"
#include "core/store/m4_downsampler.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace mlwatch {

namespace {

constexpr int kMinPlotWidthPx = 50;
constexpr qreal kSeriesPenWidth = 1.6;
constexpr qreal kThresholdPenWidth = 1.3;
constexpr int kBandKinds = 4;
constexpr int kBandAlpha = 60; // translucent enough to read the line and grid through it

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

QString formatValue(double value, const QString &symbol) {
    const QString number = QLocale().toString(value, 'g', 6);
    return symbol.isEmpty() ? number : number % QChar(0x202F) % symbol;
}

} // namespace

struct AlertPreviewChart::Private {
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QDateTimeAxis *xAxis = nullptr;
    QValueAxis *yAxis = nullptr;
    QList<QLineSeries *> segments; // [0] carries the legend entry
    QList<QLineSeries *> thresholdLines;
    std::array<QAreaSeries *, kBandKinds> bandSeries{};
    QScatterSeries *fired = nullptr;
    QScatterSeries *resolved = nullptr;
    QLabel *messageLabel = nullptr;
    ChartPalette palette;

    QString legend;
    DisplayUnit unit;
    QVector<qint64> timestampsMs;
    QVector<double> values;
    qint64 gapMs = 0;
    TimeRange window;
    QList<Threshold> thresholds;
    QList<Band> bands;
    QList<Marker> markers;

    bool redrawQueued = false;
    int lastPlotWidth = 0;
    RenderStats stats;

    QLineSeries *segment(qsizetype index) {
        while (segments.size() <= index) {
            auto *line = new QLineSeries(chart);
            chart->addSeries(line);
            line->attachAxis(xAxis);
            line->attachAxis(yAxis);
            segments.append(line);
        }
        return segments.at(index);
    }

    QColor bandColor(int kind) const {
        switch (BandKind(kind)) {
        case BandKind::Pending:
            return withAlpha(palette.warning, kBandAlpha / 2);
        case BandKind::FiringWarning:
            return withAlpha(palette.warning, kBandAlpha);
        case BandKind::FiringCritical:
            return withAlpha(palette.critical, kBandAlpha);
        case BandKind::NoData:
            return withAlpha(palette.mutedText, kBandAlpha / 2);
        }
        return {};
    }

    QColor resolvedColor() const {
        return palette.dark ? QColor(0x3D, 0xD6, 0xA3) : QColor(0x00, 0x9E, 0x73);
    }

    void stylePens() {
        QPen seriesPen(palette.seriesColor(0), kSeriesPenWidth);
        seriesPen.setCosmetic(true);
        for (QLineSeries *line : std::as_const(segments)) {
            line->setPen(seriesPen);
            line->setColor(seriesPen.color());
        }
        for (qsizetype i = 0; i < thresholdLines.size() && i < thresholds.size(); ++i) {
            const Threshold &t = thresholds.at(i);
            const bool critical = t.level == ThresholdLevel::Critical;
            QPen pen(critical ? palette.critical : palette.warning, kThresholdPenWidth,
                     t.recovery ? Qt::DotLine : Qt::DashLine);
            pen.setCosmetic(true);
            thresholdLines[i]->setPen(pen);
        }
        for (int k = 0; k < kBandKinds; ++k) {
            bandSeries[k]->setBrush(bandColor(k));
            bandSeries[k]->setPen(Qt::NoPen);
        }
        fired->setColor(palette.critical);
        fired->setBorderColor(palette.plotBackground);
        resolved->setColor(resolvedColor());
        resolved->setBorderColor(palette.plotBackground);
    }

    int plotWidth() const {
        const int fromPlot = int(chart->plotArea().width());
        return std::max(kMinPlotWidthPx, fromPlot > 0 ? fromPlot : view->width() - 90);
    }

    // One legend entry per kind of thing, and none for kinds this preview does not show.
    void syncLegend() {
        for (qsizetype s = 0; s < segments.size(); ++s)
            for (QLegendMarker *marker : chart->legend()->markers(segments.at(s)))
                marker->setVisible(s == 0);
        for (int k = 0; k < kBandKinds; ++k) {
            const bool any =
                std::any_of(bands.cbegin(), bands.cend(), [k](const Band &b) { return int(b.kind) == k; });
            for (QLegendMarker *marker : chart->legend()->markers(bandSeries[k])) {
                marker->setVisible(any);
                // The band's own fill is too faint to read as a legend swatch: a stronger one.
                marker->setShape(QLegend::MarkerShapeRectangle);
                marker->setBrush(withAlpha(bandColor(k), std::min(255, bandColor(k).alpha() * 3)));
                marker->setPen(QPen(withAlpha(bandColor(k), 255), 1));
            }
        }
        for (QLegendMarker *marker : chart->legend()->markers(fired))
            marker->setVisible(fired->count() > 0);
        for (QLegendMarker *marker : chart->legend()->markers(resolved))
            marker->setVisible(resolved->count() > 0);
    }
};

AlertPreviewChart::AlertPreviewChart(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>()) {
    d->chart = new QChart;
    d->chart->setAnimationOptions(QChart::NoAnimation);
    d->chart->setBackgroundRoundness(0);
    d->chart->setMargins(QMargins(4, 4, 4, 4));
    d->chart->setLocalizeNumbers(true);
    d->chart->setLocale(QLocale());
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->legend()->setShowToolTips(true);
    d->chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    d->xAxis = new QDateTimeAxis(d->chart);
    d->yAxis = new QValueAxis(d->chart);
    d->chart->addAxis(d->xAxis, Qt::AlignBottom);
    d->chart->addAxis(d->yAxis, Qt::AlignLeft);

    // Bands first so that lines and markers are drawn over them.
    const std::array<QString, kBandKinds> bandNames = {tr("Pending"), tr("Firing (warning)"),
                                                       tr("Firing (critical)"), tr("No data")};
    for (int k = 0; k < kBandKinds; ++k) {
        auto *area = new QAreaSeries(d->chart);
        area->setUpperSeries(new QLineSeries(area));
        area->setLowerSeries(new QLineSeries(area));
        area->setName(bandNames[size_t(k)]);
        d->chart->addSeries(area);
        area->attachAxis(d->xAxis);
        area->attachAxis(d->yAxis);
        d->bandSeries[size_t(k)] = area;
    }
    d->segment(0);

    d->fired = new QScatterSeries(d->chart);
    d->fired->setName(tr("Fired"));
    d->fired->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    d->fired->setMarkerSize(12);
    d->resolved = new QScatterSeries(d->chart);
    d->resolved->setName(tr("Resolved"));
    d->resolved->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    d->resolved->setMarkerSize(10);
    for (QScatterSeries *s : {d->fired, d->resolved}) {
        d->chart->addSeries(s);
        s->attachAxis(d->xAxis);
        s->attachAxis(d->yAxis);
    }

    d->view = new QChartView(d->chart, this); // takes ownership of the chart
    d->view->setRenderHint(QPainter::Antialiasing, true);
    d->view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate); // see MetricChartView
    d->view->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    d->messageLabel = new QLabel(this);
    d->messageLabel->setObjectName(QStringLiteral("previewMessage"));
    d->messageLabel->setAlignment(Qt::AlignCenter);
    d->messageLabel->setWordWrap(true);
    d->messageLabel->setAutoFillBackground(true);
    d->messageLabel->setMargin(8);
    d->messageLabel->hide();

    setAccessibleName(tr("Backtest preview"));
    connect(d->chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        // The plot area settles after Qt Charts lays out the labels; M4 must match its width.
        if (std::abs(int(area.width()) - d->lastPlotWidth) > 1)
            scheduleRedraw();
    });
    applyPalette();
    scheduleRedraw();
}

AlertPreviewChart::~AlertPreviewChart() = default;

void AlertPreviewChart::setSeries(const QString &legend, const DisplayUnit &unit,
                                  const QVector<qint64> &timestampsMs, const QVector<double> &displayValues,
                                  qint64 gapMs) {
    d->legend = legend;
    d->unit = unit;
    d->timestampsMs = timestampsMs;
    d->values = displayValues;
    d->gapMs = gapMs;
    scheduleRedraw();
}

void AlertPreviewChart::setWindow(const TimeRange &window) {
    d->window = window;
    scheduleRedraw();
}

void AlertPreviewChart::setThresholds(const QList<Threshold> &thresholds) {
    d->thresholds = thresholds;
    while (d->thresholdLines.size() < thresholds.size()) {
        auto *line = new QLineSeries(d->chart);
        d->chart->addSeries(line);
        line->attachAxis(d->xAxis);
        line->attachAxis(d->yAxis);
        d->thresholdLines.append(line);
    }
    while (d->thresholdLines.size() > thresholds.size()) {
        QLineSeries *line = d->thresholdLines.takeLast();
        d->chart->removeSeries(line);
        delete line;
    }
    d->stylePens();
    scheduleRedraw();
}

void AlertPreviewChart::setOutcome(const QList<Band> &bands, const QList<Marker> &markers) {
    d->bands = bands;
    d->markers = markers;
    scheduleRedraw();
}

void AlertPreviewChart::setMessage(const QString &text) {
    d->messageLabel->setText(text);
    d->messageLabel->setVisible(!text.isEmpty());
    placeMessage();
}

QString AlertPreviewChart::message() const {
    return d->messageLabel->text();
}

AlertPreviewChart::RenderStats AlertPreviewChart::renderStats() const {
    return d->stats;
}

QSize AlertPreviewChart::sizeHint() const {
    return QSize(900, 320);
}

QSize AlertPreviewChart::minimumSizeHint() const {
    return QSize(360, 220);
}

void AlertPreviewChart::scheduleRedraw() {
    if (d->redrawQueued)
        return;
    d->redrawQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->redrawQueued = false;
            redraw();
        },
        Qt::QueuedConnection);
}

void AlertPreviewChart::redraw() {
    const int width = d->plotWidth();
    d->lastPlotWidth = int(d->chart->plotArea().width());
    TimeRange window = d->window;
    if (!window.isValid() && !d->timestampsMs.isEmpty())
        window = {d->timestampsMs.first(), d->timestampsMs.last() + 1};
    if (!window.isValid())
        window = {0, 1};

    RenderStats stats;
    stats.redraws = d->stats.redraws + 1;

    const SeriesSegments segments =
        splitAtGaps(m4Downsample(d->timestampsMs.constData(), d->values.constData(), d->timestampsMs.size(),
                                 window.startMs, window.endMs, width, d->gapMs),
                    1.0);
    const qsizetype pieces = std::max<qsizetype>(1, segments.parts.size());
    for (qsizetype s = 0; s < std::max(pieces, d->segments.size()); ++s) {
        QLineSeries *line = d->segment(s);
        const QList<QPointF> points = s < segments.parts.size() ? segments.parts.at(s) : QList<QPointF>();
        line->replace(points);
        line->setPointsVisible(points.size() == 1);
        line->setVisible(s == 0 || !points.isEmpty());
        line->setName(d->legend);
    }
    stats.points = segments.pointCount;

    double low = std::numeric_limits<double>::quiet_NaN();
    double high = low;
    for (qsizetype i = 0; i < d->thresholds.size(); ++i) {
        const Threshold &t = d->thresholds.at(i);
        QLineSeries *line = d->thresholdLines.at(i);
        line->replace({QPointF(double(window.startMs), t.value), QPointF(double(window.endMs), t.value)});
        const QString value = formatValue(t.value, d->unit.symbol);
        if (!t.recovery)
            line->setName(ChartStatusText::threshold({t.value, t.level}, d->unit.symbol));
        else if (t.level == ThresholdLevel::Critical)
            line->setName(tr("Critical recovery %1").arg(value));
        else
            line->setName(tr("Warning recovery %1").arg(value));
        low = std::isnan(low) ? t.value : std::min(low, t.value);
        high = std::isnan(high) ? t.value : std::max(high, t.value);
        ++stats.thresholdLines;
    }

    const ValueRange y =
        valueAxisRange(segments.pointCount > 0 ? segments.min : std::numeric_limits<double>::quiet_NaN(),
                       segments.pointCount > 0 ? segments.max : std::numeric_limits<double>::quiet_NaN(), low,
                       high, d->unit.raw == Unit::Percent ? 100.0 : std::numeric_limits<double>::quiet_NaN());

    // Each kind of band is one area whose upper edge steps between the axis' bottom and top.
    std::array<QList<QPointF>, kBandKinds> upper;
    std::array<QList<QPointF>, kBandKinds> lower;
    for (const Band &band : std::as_const(d->bands)) {
        const qint64 start = std::max(band.startMs, window.startMs);
        const qint64 end = std::min(band.endMs, window.endMs);
        if (end <= start)
            continue;
        const auto k = size_t(band.kind);
        upper[k] << QPointF(double(start), y.min) << QPointF(double(start), y.max)
                 << QPointF(double(end), y.max) << QPointF(double(end), y.min);
        lower[k] << QPointF(double(start), y.min) << QPointF(double(end), y.min);
        if (band.kind == BandKind::Pending)
            ++stats.pendingBands;
        else if (band.kind == BandKind::NoData)
            ++stats.noDataBands;
        else
            ++stats.firingBands;
    }
    for (size_t k = 0; k < size_t(kBandKinds); ++k) {
        d->bandSeries[k]->upperSeries()->replace(upper[k]);
        d->bandSeries[k]->lowerSeries()->replace(lower[k]);
    }

    const double criticalLine = [this, &y] {
        for (const Threshold &t : std::as_const(d->thresholds))
            if (t.level == ThresholdLevel::Critical && !t.recovery)
                return t.value;
        return (y.min + y.max) / 2;
    }();
    QList<QPointF> fired;
    QList<QPointF> resolved;
    for (const Marker &m : std::as_const(d->markers)) {
        if (!window.contains(m.timeMs))
            continue;
        const QPointF p(double(m.timeMs), std::isfinite(m.value) ? m.value : criticalLine);
        (m.kind == MarkerKind::Fired ? fired : resolved).append(p);
    }
    d->fired->replace(fired);
    d->resolved->replace(resolved);
    stats.firedMarkers = int(fired.size());
    stats.resolvedMarkers = int(resolved.size());

    d->xAxis->setRange(QDateTime::fromMSecsSinceEpoch(window.startMs, Qt::LocalTime),
                       QDateTime::fromMSecsSinceEpoch(window.endMs, Qt::LocalTime));
    d->xAxis->setFormat(timeAxisFormat(window.durationMs()));
    d->xAxis->setTickCount(timeAxisTickCount(window.durationMs(), width));
    d->xAxis->setTitleText(timeAxisTitle(window));
    d->yAxis->setRange(y.min, y.max);
    d->yAxis->setTickCount(y.tickCount);
    d->yAxis->setLabelFormat(QStringLiteral("%.") % QString::number(y.decimals) % QLatin1Char('f'));
    d->yAxis->setTitleText(valueAxisTitle(d->unit));

    d->stylePens();
    d->syncLegend();
    d->stats = stats;
    placeMessage();
    Q_EMIT redrawn();
}

void AlertPreviewChart::applyPalette() {
    d->palette = ChartPalette::fromPalette(palette());
    const ChartPalette &p = d->palette;
    d->chart->setBackgroundBrush(p.background);
    d->chart->setBackgroundPen(Qt::NoPen);
    d->chart->setPlotAreaBackgroundBrush(p.plotBackground);
    d->chart->setPlotAreaBackgroundVisible(true);
    d->chart->legend()->setLabelColor(p.text);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    d->chart->legend()->setFont(legendFont);
    d->view->setBackgroundBrush(p.background);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(d->xAxis), static_cast<QAbstractAxis *>(d->yAxis)}) {
        axis->setLabelsColor(p.text);
        axis->setLabelsFont(font());
        axis->setTitleBrush(p.text);
        axis->setTitleFont(font());
        axis->setGridLineColor(p.grid);
        axis->setLinePenColor(p.grid);
    }
    d->stylePens();

    QPalette label = palette();
    QColor veil = p.plotBackground;
    veil.setAlpha(235);
    label.setColor(QPalette::Window, veil);
    label.setColor(QPalette::WindowText, p.mutedText);
    d->messageLabel->setPalette(label);
}

void AlertPreviewChart::placeMessage() {
    if (!d->messageLabel->isVisibleTo(this))
        return;
    const int width = std::max(120, this->width() * 2 / 3);
    d->messageLabel->setFixedWidth(width);
    const int height = d->messageLabel->heightForWidth(width);
    d->messageLabel->setGeometry((this->width() - width) / 2, std::max(0, (this->height() - height) / 2),
                                 width, height);
    d->messageLabel->raise();
}

void AlertPreviewChart::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
    case QEvent::FontChange:
        applyPalette();
        break;
    case QEvent::LocaleChange:
        d->chart->setLocale(locale());
        scheduleRedraw();
        break;
    default:
        break;
    }
}

void AlertPreviewChart::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    placeMessage();
    scheduleRedraw();
}

void AlertPreviewChart::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    placeMessage();
    scheduleRedraw();
}

} // namespace mlwatch
