#include "charts/metric_chart_view.h"

#include "charts/chart_axes.h"
#include "charts/chart_palette.h"
#include "charts/chart_status_text.h"
#include "charts/series_segments.h"
#include "core/store/m4_downsampler.h"
#include "core/store/series_store.h"

#include <QAbstractAxis>
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
#include <QPointer>
#include <QSet>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwatch {

namespace {

constexpr double kGapPeriods = 2.5; // a hole longer than this many periods is drawn as a break
constexpr int kMinPlotWidthPx = 50;
constexpr qreal kSeriesPenWidth = 1.6;
constexpr qreal kThresholdPenWidth = 1.3;

// Number of datapoints of `data` inside [startMs, endMs]: decides "data" versus "no data".
qsizetype pointsInWindow(const SeriesData &data, const TimeRange &window) {
    const auto begin = data.timestampsMs.cbegin();
    const auto end = data.timestampsMs.cend();
    return std::upper_bound(begin, end, window.endMs) - std::lower_bound(begin, end, window.startMs);
}

} // namespace

struct MetricChartView::Private {
    Private(const ChartSpec &s, const SeriesStore &st)
        : spec(s)
        , store(st)
        , unit(displayUnitFor(s.unit)) {}

    ChartSpec spec;
    const SeriesStore &store;
    DisplayUnit unit;
    QSet<QString> keys;

    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QDateTimeAxis *xAxis = nullptr;
    QValueAxis *yAxis = nullptr;
    QList<QList<QLineSeries *>> segmentPools; // per ChartSpec series: [0] carries the legend entry
    QList<QLineSeries *> thresholdSeries;     // index-paired with spec.thresholds
    QLabel *statusLabel = nullptr;
    ChartPalette palette;

    TimeRange window;
    int periodSeconds = 60;
    bool fetched = false;
    QString error;
    State state = State::Loading;
    QString statusText;
    qsizetype pointsInWindow = 0;

    bool dirty = true;
    bool redrawQueued = false;
    int lastPlotWidth = 0;
    RenderStats stats;

    QLineSeries *segment(qsizetype seriesIndex, qsizetype segmentIndex) {
        QList<QLineSeries *> &pool = segmentPools[seriesIndex];
        while (pool.size() <= segmentIndex) {
            auto *line = new QLineSeries(chart);
            line->setName(spec.series.at(seriesIndex).legend);
            chart->addSeries(line);
            line->attachAxis(xAxis);
            line->attachAxis(yAxis);
            pool.append(line);
        }
        return pool.at(segmentIndex);
    }

    // One legend entry per metric, however many pieces its line is cut into. Set after every
    // change: Qt Charts re-shows a marker when its series' visibility changes.
    void syncLegend() {
        for (const QList<QLineSeries *> &pool : std::as_const(segmentPools))
            for (qsizetype s = 0; s < pool.size(); ++s)
                for (QLegendMarker *marker : chart->legend()->markers(pool.at(s)))
                    marker->setVisible(s == 0);
    }

    void stylePens() {
        for (qsizetype i = 0; i < segmentPools.size(); ++i) {
            QPen pen(palette.seriesColor(i), kSeriesPenWidth);
            pen.setCosmetic(true);
            for (QLineSeries *line : std::as_const(segmentPools[i])) {
                line->setPen(pen);
                line->setColor(pen.color());
            }
        }
        for (qsizetype i = 0; i < thresholdSeries.size(); ++i) {
            const bool critical = spec.thresholds.at(i).level == ThresholdLevel::Critical;
            QPen pen(critical ? palette.critical : palette.warning, kThresholdPenWidth,
                     critical ? Qt::DashLine : Qt::DashDotLine);
            pen.setCosmetic(true);
            thresholdSeries[i]->setPen(pen);
        }
    }

    // Pixel width the M4 reduction targets: the plot area once laid out, else an estimate.
    int plotWidth() const {
        const int fromPlot = int(chart->plotArea().width());
        const int estimate = view->width() - 90; // y-axis labels and margins
        return std::max(kMinPlotWidthPx, fromPlot > 0 ? fromPlot : estimate);
    }
};

MetricChartView::MetricChartView(const ChartSpec &spec, const SeriesStore &store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(spec, store)) {
    for (const ChartSeriesSpec &s : spec.series)
        d->keys.insert(s.query.seriesKey());

    d->chart = new QChart;
    d->chart->setTitle(spec.title);
    d->chart->setAnimationOptions(QChart::NoAnimation);
    d->chart->setBackgroundRoundness(0);
    d->chart->setMargins(QMargins(4, 4, 4, 4));
    d->chart->setLocalizeNumbers(true);
    d->chart->setLocale(QLocale());
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->legend()->setShowToolTips(true); // full names of entries the legend had to shorten
    // Line-shaped markers drawn with each series' pen: threshold entries look dashed like their lines.
    d->chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    d->xAxis = new QDateTimeAxis(d->chart);
    // Until the first fetch says otherwise, show the last day rather than Qt's 1970 default.
    const QDateTime now = QDateTime::currentDateTime();
    d->xAxis->setRange(now.addDays(-1), now);
    d->xAxis->setFormat(timeAxisFormat(24LL * 3600 * 1000));
    d->yAxis = new QValueAxis(d->chart);
    d->yAxis->setTitleText(valueAxisTitle(d->unit));
    d->xAxis->setTitleText(timeAxisTitle(d->window));
    d->chart->addAxis(d->xAxis, Qt::AlignBottom);
    d->chart->addAxis(d->yAxis, Qt::AlignLeft);

    d->segmentPools.resize(spec.series.size());
    for (qsizetype i = 0; i < spec.series.size(); ++i)
        d->segment(i, 0);
    for (const ThresholdLine &line : spec.thresholds) {
        auto *series = new QLineSeries(d->chart);
        series->setName(ChartStatusText::threshold(line, d->unit.symbol));
        d->chart->addSeries(series);
        series->attachAxis(d->xAxis);
        series->attachAxis(d->yAxis);
        d->thresholdSeries.append(series);
    }

    d->view = new QChartView(d->chart, this); // takes ownership of the chart
    d->view->setRenderHint(QPainter::Antialiasing, true);
    // Qt Charts moves and re-texts axis labels without invalidating where they were; with the
    // default minimal update, old labels stay on screen as ghosts (seen under xcb). A chart is
    // small and M4 keeps its paint cheap, so repaint it whole.
    d->view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    d->view->setFrameShape(QFrame::NoFrame);
    // No setUseOpenGL(): it segfaults under the offscreen platform (qt6-on-debian.md §4), breaks
    // QPainter exports, and M4 already keeps the point count small.
    d->view->setToolTip(spec.explanation);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    d->statusLabel = new QLabel(this);
    d->statusLabel->setAlignment(Qt::AlignCenter);
    d->statusLabel->setWordWrap(true);
    d->statusLabel->setAutoFillBackground(true);
    d->statusLabel->setMargin(8);
    d->statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    setAccessibleName(spec.title);
    setAccessibleDescription(spec.explanation);
    d->view->setAccessibleName(spec.title);

    connect(&store, &SeriesStore::seriesChanged, this, &MetricChartView::onSeriesChanged);
    // The plot area settles after Qt Charts lays out axis labels; M4 must match its real width.
    connect(d->chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (std::abs(int(area.width()) - d->lastPlotWidth) > 1)
            scheduleRedraw();
    });

    applyPalette();
    updateState();
    markDirty();
}

MetricChartView::~MetricChartView() = default;

const ChartSpec &MetricChartView::spec() const {
    return d->spec;
}
TimeRange MetricChartView::window() const {
    return d->window;
}
MetricChartView::State MetricChartView::state() const {
    return d->state;
}
bool MetricChartView::hasDataInWindow() const {
    return d->pointsInWindow > 0;
}
QString MetricChartView::statusText() const {
    return d->statusText;
}
MetricChartView::RenderStats MetricChartView::renderStats() const {
    return d->stats;
}

QSize MetricChartView::sizeHint() const {
    return QSize(560, 320);
}
QSize MetricChartView::minimumSizeHint() const {
    return QSize(320, 240);
}

void MetricChartView::setWindow(const TimeRange &range, int periodSeconds) {
    if (range == d->window && periodSeconds == d->periodSeconds)
        return;
    d->window = range;
    d->periodSeconds = std::max(1, periodSeconds);
    updateState();
    markDirty();
}

void MetricChartView::setFetchResult(const QString &errorMessage) {
    d->fetched = true;
    d->error = errorMessage;
    updateState();
    markDirty();
}

void MetricChartView::onSeriesChanged(const QString &seriesKey) {
    if (!d->keys.contains(seriesKey))
        return;
    updateState();
    markDirty();
}

void MetricChartView::markDirty() {
    d->dirty = true;
    scheduleRedraw();
}

void MetricChartView::scheduleRedraw() {
    if (d->redrawQueued)
        return;
    d->redrawQueued = true;
    // One redraw per event-loop turn however many series of this chart changed in it. A plot
    // area that moved (new axis labels, resize) only needs one if M4's pixel width is off.
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->redrawQueued = false;
            if (!isVisible())
                return; // drawn on show
            const bool widthChanged = std::abs(int(d->chart->plotArea().width()) - d->lastPlotWidth) > 1;
            if (d->dirty || widthChanged)
                redraw();
        },
        Qt::QueuedConnection);
}

void MetricChartView::updateState() {
    State state = State::Data;
    QString text;
    qsizetype inWindow = 0;
    bool anyKnown = false;
    for (const QString &key : std::as_const(d->keys)) {
        if (!d->store.contains(key))
            continue;
        anyKnown = true;
        inWindow += d->window.isValid() ? pointsInWindow(d->store.series(key), d->window)
                                        : d->store.series(key).size();
    }
    if (!d->error.isEmpty()) {
        state = State::Error;
        text = ChartStatusText::error(d->error);
    } else if (!d->fetched && !anyKnown) {
        state = State::Loading;
        text = ChartStatusText::loading();
    } else if (inWindow == 0) {
        state = State::NoData;
        text = ChartStatusText::noData(d->spec, d->window);
    }

    d->pointsInWindow = inWindow;
    d->statusText = text;
    d->statusLabel->setText(text);
    d->statusLabel->setToolTip(state == State::Error ? d->error : QString());
    d->statusLabel->setVisible(!text.isEmpty());
    placeStatusLabel();
    if (state != d->state) {
        d->state = state;
        styleStatusLabel();
        Q_EMIT stateChanged(state);
    }
}

void MetricChartView::redraw() {
    d->dirty = false;
    const int width = d->plotWidth();
    d->lastPlotWidth = int(d->chart->plotArea().width());

    TimeRange window = d->window;
    if (!window.isValid()) {
        // No fetch window yet (or a test feeding the store directly): show what is there.
        window = {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
        for (const QString &key : std::as_const(d->keys)) {
            const SeriesData known = d->store.series(key);
            if (known.size() > 0) {
                window.startMs = std::min(window.startMs, known.timestampsMs.first());
                window.endMs = std::max(window.endMs, known.timestampsMs.last() + 1);
            }
        }
        if (!window.isValid())
            window = {0, 1};
    }

    RenderStats stats;
    stats.redraws = d->stats.redraws + 1;
    stats.plotWidthPx = width;
    double dataMin = std::numeric_limits<double>::quiet_NaN();
    double dataMax = dataMin;
    for (qsizetype i = 0; i < d->spec.series.size(); ++i) {
        const ChartSeriesSpec &spec = d->spec.series.at(i);
        const SeriesData series = d->store.series(spec.query.seriesKey());
        const qint64 periodS = std::max<qint64>(d->periodSeconds, spec.query.periodSeconds);
        const auto gapMs = qint64(kGapPeriods * double(periodS) * 1000.0);
        const SeriesSegments segments =
            splitAtGaps(m4Downsample(series.timestampsMs.constData(), series.values.constData(),
                                     series.size(), window.startMs, window.endMs, width, gapMs),
                        d->unit.scale);

        const qsizetype pieces = std::max<qsizetype>(1, segments.parts.size());
        QList<QLineSeries *> &pool = d->segmentPools[i];
        for (qsizetype s = 0; s < std::max(pieces, pool.size()); ++s) {
            QLineSeries *line = d->segment(i, s);
            const QList<QPointF> points = s < segments.parts.size() ? segments.parts.at(s) : QList<QPointF>();
            line->replace(points); // one bulk update: append() per point is quadratic (perf §1.1)
            // A lone point between two gaps has no line to draw; mark it so it stays visible.
            line->setPointsVisible(points.size() == 1);
            line->setVisible(s == 0 || !points.isEmpty());
        }
        const bool hasData = pointsInWindow(series, window) > 0;
        pool.first()->setName(hasData || d->state != State::Data
                                  ? spec.legend
                                  : ChartStatusText::legendWithoutData(spec.legend));
        if (hasData)
            ++stats.seriesWithData;
        if (segments.pointCount > 0) {
            dataMin = std::isnan(dataMin) ? segments.min : std::min(dataMin, segments.min);
            dataMax = std::isnan(dataMax) ? segments.max : std::max(dataMax, segments.max);
        }
        stats.segments += int(segments.parts.size());
        stats.points += segments.pointCount;
    }
    d->syncLegend();
    d->stylePens(); // new segments get the theme's colours when added; ours win

    double thresholdMin = std::numeric_limits<double>::quiet_NaN();
    double thresholdMax = thresholdMin;
    for (qsizetype i = 0; i < d->thresholdSeries.size(); ++i) {
        const double value = d->spec.thresholds.at(i).value; // already in display units
        d->thresholdSeries[i]->replace(
            {QPointF(double(window.startMs), value), QPointF(double(window.endMs), value)});
        thresholdMin = std::isnan(thresholdMin) ? value : std::min(thresholdMin, value);
        thresholdMax = std::isnan(thresholdMax) ? value : std::max(thresholdMax, value);
        ++stats.thresholdLines;
    }

    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.startMs, Qt::LocalTime);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.endMs, Qt::LocalTime);
    d->xAxis->setRange(from, to);
    d->xAxis->setFormat(timeAxisFormat(window.durationMs()));
    d->xAxis->setTickCount(timeAxisTickCount(window.durationMs(), width));
    d->xAxis->setTitleText(timeAxisTitle(window));

    const ValueRange y =
        valueAxisRange(dataMin, dataMax, thresholdMin, thresholdMax,
                       d->spec.unit == Unit::Percent ? 100.0 : std::numeric_limits<double>::quiet_NaN());
    d->yAxis->setRange(y.min, y.max);
    d->yAxis->setTickCount(y.tickCount);
    d->yAxis->setLabelFormat(QStringLiteral("%.") % QString::number(y.decimals) % QLatin1Char('f'));

    d->stats = stats;
    placeStatusLabel();
    Q_EMIT redrawn();
}

void MetricChartView::applyPalette() {
    d->palette = ChartPalette::fromPalette(palette());
    const ChartPalette &p = d->palette;
    QFont titleFont = font();
    titleFont.setBold(true);

    d->chart->setBackgroundBrush(p.background);
    d->chart->setBackgroundPen(Qt::NoPen);
    d->chart->setPlotAreaBackgroundBrush(p.plotBackground);
    d->chart->setPlotAreaBackgroundVisible(true);
    d->chart->setTitleBrush(p.text);
    d->chart->setTitleFont(titleFont);
    d->chart->legend()->setLabelColor(p.text);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9); // five entries fit a 560 px chart
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

    styleStatusLabel();
}

void MetricChartView::styleStatusLabel() {
    QPalette label = palette();
    QColor veil = d->palette.plotBackground;
    veil.setAlpha(235);
    label.setColor(QPalette::Window, veil);
    label.setColor(QPalette::WindowText,
                   d->state == State::Error ? d->palette.critical : d->palette.mutedText);
    d->statusLabel->setPalette(label);
}

void MetricChartView::placeStatusLabel() {
    if (!d->statusLabel->isVisibleTo(this))
        return;
    const int width = std::max(120, this->width() * 3 / 4);
    d->statusLabel->setFixedWidth(width);
    const int height = d->statusLabel->heightForWidth(width);
    // Over stale data (an error after an earlier success) the text sits at the top, else centred.
    const int top = d->stats.seriesWithData > 0 ? 32 : (this->height() - height) / 2;
    d->statusLabel->setGeometry((this->width() - width) / 2, std::max(0, top), width, height);
    d->statusLabel->raise();
}

void MetricChartView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
    case QEvent::FontChange:
        applyPalette();
        break;
    case QEvent::LocaleChange:
        d->chart->setLocale(locale());
        markDirty();
        break;
    default:
        break;
    }
}

void MetricChartView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    placeStatusLabel();
    markDirty();
}

void MetricChartView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    placeStatusLabel();
    if (d->dirty)
        markDirty();
}

} // namespace mlwatch
