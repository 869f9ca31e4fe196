#include "charts/metric_chart_view.h"

#include "charts/chart_interaction.h"
#include "charts/chart_navigation.h"
#include "charts/chart_palette.h"
#include "charts/chart_scene.h"
#include "charts/chart_status_label.h"
#include "charts/chart_status_text.h"
#include "core/common/clock.h"
#include "core/model/compare_offset.h"
#include "core/store/series_store.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QSet>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {
constexpr int kMenuButtonMargin = 4;
} // namespace

struct MetricChartView::Private {
    Private(const ChartSpec &s, const SeriesStore &st)
        : scene(s)
        , store(st) {}

    ChartScene scene; // declared first: the QChartView (a child widget) owns its chart
    const SeriesStore &store;
    QSet<QString> keys;

    QChartView *view = nullptr;
    ChartStatusLabel *statusLabel = nullptr;
    QToolButton *menuButton = nullptr;
    ChartPalette palette;

    TimeRange window;
    int periodSeconds = 60;
    bool fetched = false;
    QString error;
    // Decorations (chart_scene.h): "now" of the latest redraw, so an export shows the same band
    // and caption as the screen; the compare offset (0 = off) and the store keys it reads.
    const Clock *clock = nullptr;
    qint64 nowMs = 0;
    qint64 compareOffsetS = 0;
    QSet<QString> compareKeys;
    State state = State::Loading;
    QString statusText;
    qsizetype pointsInWindow = 0;

    bool dirty = true;
    bool redrawQueued = false;
    int lastPlotWidth = 0;
    RenderStats stats;

    // Moving through time (see the header); the gestures are ChartInteraction's.
    ChartInteraction *interaction = nullptr;
    TimeRange viewRange; // invalid = the whole window
    TimeZoneMode timeZone = TimeZoneMode::Local;
    QList<bool> hidden; // index-paired with spec().series
    QList<QAction *> showSeriesActions;
    QAction *resetZoomAction = nullptr;
    bool crosshairShown = false;
    qint64 crosshairMs = 0;

    const ChartSpec &spec() const { return scene.spec(); }
};

MetricChartView::MetricChartView(const ChartSpec &spec, const SeriesStore &store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(spec, store)) {
    for (const ChartSeriesSpec &s : spec.series)
        d->keys.insert(s.query.seriesKey());

    d->view = new QChartView(d->scene.chart(), this); // takes ownership of the chart
    d->view->setRenderHint(QPainter::Antialiasing, true);
    // Qt Charts moves and re-texts axis labels without invalidating where they were; with the
    // default minimal update, old labels stay on screen as ghosts (seen under xcb). A chart is
    // small and M4 keeps its paint cheap, so repaint it whole.
    d->view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    d->view->setFrameShape(QFrame::NoFrame);
    // No setUseOpenGL(): it segfaults under the offscreen platform (qt6-on-debian.md §4), breaks
    // QPainter exports, and M4 already keeps the point count small.
    d->view->setToolTip(spec.explanation);
    // Right-clicks fall through to this widget, which shows its actions (the export menu).
    d->view->setContextMenuPolicy(Qt::NoContextMenu);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    d->statusLabel = new ChartStatusLabel(this);

    d->menuButton = new QToolButton(this);
    d->menuButton->setObjectName(QStringLiteral("chartMenuButton"));
    d->menuButton->setText(QStringLiteral("\u22EF")); // "⋯", the usual "more" affordance
    d->menuButton->setToolTip(tr("Export and copy this chart"));
    d->menuButton->setAccessibleName(tr("Chart menu: %1").arg(spec.title));
    d->menuButton->setAutoRaise(true);
    d->menuButton->setFocusPolicy(Qt::StrongFocus);
    d->menuButton->hide(); // until actions are added
    connect(d->menuButton, &QToolButton::clicked, this, &MetricChartView::showMenuButtonMenu);

    setAccessibleName(spec.title);
    setAccessibleDescription(spec.explanation);
    d->view->setAccessibleName(spec.title);

    connect(&store, &SeriesStore::seriesChanged, this, &MetricChartView::onSeriesChanged);
    // The plot area settles after Qt Charts lays out axis labels; M4 must match its real width.
    connect(d->scene.chart(), &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (std::abs(int(area.width()) - d->lastPlotWidth) > 1)
            scheduleRedraw();
    });
    // The "not yet published" band and the caption's "(3 min ago)" move with the clock, not
    // only with fetches: a shown chart redraws once a minute (cheap: M4 from its index).
    auto *minuteTimer = new QTimer(this);
    minuteTimer->setInterval(60'000);
    connect(minuteTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            markDirty();
    });
    minuteTimer->start();

    addAlertActions();
    addNavigationActions();
    applyPalette();
    updateState();
    markDirty();
}

MetricChartView::~MetricChartView() {
    // The gestures filter the chart view's events; the view outlives this body, its last events
    // (sent while Qt tears it down) must not reach a half-destroyed view through the filter.
    delete d->interaction;
    d->interaction = nullptr;
}

void MetricChartView::addAlertActions() {
    // Shown in the context menu and the menu button like every other action of the chart.
    const qsizetype count = d->spec().series.size();
    for (qsizetype i = 0; i < count; ++i) {
        const QString text =
            count == 1 ? tr("Alert on this…") : tr("Alert on %1…").arg(d->spec().series.at(i).legend);
        auto *action = new QAction(text, this);
        action->setObjectName(QStringLiteral("alertOnThisAction") +
                              (count == 1 ? QString() : QString::number(i)));
        action->setToolTip(tr("Create an alert rule for this series and preview what it would have done"));
        connect(action, &QAction::triggered, this, [this, i] { Q_EMIT alertRequested(int(i)); });
        addAction(action);
    }
}

const ChartSpec &MetricChartView::spec() const {
    return d->spec();
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

void MetricChartView::setClock(const Clock *clock) {
    d->clock = clock;
    markDirty();
}

qint64 MetricChartView::currentTimeMs() const {
    return d->clock ? d->clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void MetricChartView::setCompareOffset(qint64 seconds) {
    seconds = std::max<qint64>(0, seconds);
    if (seconds == d->compareOffsetS)
        return;
    d->compareOffsetS = seconds;
    d->compareKeys.clear();
    if (seconds > 0)
        for (const ChartSeriesSpec &s : d->spec().series)
            d->compareKeys.insert(CompareOffset::seriesKey(s.query.seriesKey(), seconds));
    markDirty();
}

qint64 MetricChartView::compareOffset() const {
    return d->compareOffsetS;
}

ChartRenderRequest MetricChartView::renderRequest() const {
    ChartRenderRequest request =
        ChartRenderRequest::fromStore(d->spec(), d->store, viewRange(), d->periodSeconds, d->compareOffsetS);
    request.nowMs = d->nowMs > 0 ? d->nowMs : currentTimeMs();
    request.hiddenSeries = d->hidden;
    request.timeZone = d->timeZone;
    request.statusText = d->statusText;
    request.statusIsError = d->state == State::Error;
    return request;
}

ChartRenderStyle MetricChartView::renderStyle(qreal devicePixelRatio) const {
    ChartRenderStyle style;
    style.size = size();
    style.devicePixelRatio = devicePixelRatio;
    style.palette = d->palette;
    style.font = font();
    style.locale = locale();
    style.antialiasing = d->view->renderHints().testFlag(QPainter::Antialiasing);
    return style;
}

QImage MetricChartView::renderImage(qreal devicePixelRatio) const {
    return ChartRenderer::renderImage(renderRequest(), renderStyle(devicePixelRatio));
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
    const bool sameLength = range.durationMs() == d->window.durationMs();
    d->window = range;
    d->periodSeconds = std::max(1, periodSeconds);
    if (d->viewRange.isValid()) {
        const TimeRange kept =
            sameLength && range.isValid()
                ? ChartNavigation::clamped(d->viewRange, range,
                                           ChartNavigation::minimumSpanMs(d->periodSeconds))
                : TimeRange{};
        d->viewRange = kept == range ? TimeRange{} : kept;
    }
    viewRangeUpdated();
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
    if (d->compareKeys.contains(seriesKey)) {
        markDirty(); // the comparison overlay changes nothing about the state
        return;
    }
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
            const bool widthChanged = std::abs(d->scene.plotAreaWidth() - d->lastPlotWidth) > 1;
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
        inWindow += ChartScene::pointsInWindow(d->store.series(key), d->window);
    }
    if (!d->error.isEmpty()) {
        state = State::Error;
        text = ChartStatusText::error(d->error);
    } else if (!d->fetched && !anyKnown && d->spec().missingReason.isEmpty()) {
        state = State::Loading;
        text = ChartStatusText::loading();
    } else if (inWindow == 0) {
        state = State::NoData;
        text = ChartStatusText::noData(d->spec(), d->window);
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
    d->nowMs = currentTimeMs();
    const ChartRenderRequest request = renderRequest();
    const bool markEmptySeries = d->state == State::Data;
    // Axes first, then the layout they give, then the points at that plot width: a new window
    // changes the time labels and with them the plot width by a few pixels, which would
    // otherwise cost a second reduction one event-loop turn later (plotAreaChanged).
    d->scene.update(request, d->stats.plotWidthPx, markEmptySeries, /*axesOnly=*/true);
    d->scene.layOut();
    const int plotWidth = ChartScene::plotWidthFor(d->scene.plotAreaWidth(), d->view->width());
    d->lastPlotWidth = d->scene.plotAreaWidth();

    RenderStats stats =
        d->scene.update(request, ChartScene::reductionWidth(plotWidth, devicePixelRatioF()), markEmptySeries);
    stats.redraws = d->stats.redraws + 1;
    stats.statusText = d->statusText;
    d->stats = stats;
    placeStatusLabel();
    d->interaction->place();
    Q_EMIT redrawn();
}

void MetricChartView::applyPalette() {
    d->palette = ChartPalette::fromPalette(palette());
    d->scene.applyStyle(d->palette, font());
    d->view->setBackgroundBrush(d->palette.background);
    d->interaction->applyPalette(d->palette);
    styleStatusLabel();
}

void MetricChartView::styleStatusLabel() {
    d->statusLabel->applyStyle(d->palette, d->state == State::Error);
}

void MetricChartView::placeStatusLabel() {
    if (!d->statusLabel->isVisibleTo(this))
        return;
    // Over stale data (an error after an earlier success) the text sits at the top, else centred.
    d->statusLabel->place(size(), d->stats.seriesWithData > 0);
    d->statusLabel->raise();
}

void MetricChartView::placeMenuButton() {
    d->menuButton->adjustSize();
    d->menuButton->move(width() - d->menuButton->width() - kMenuButtonMargin, kMenuButtonMargin);
    d->menuButton->raise();
}

void MetricChartView::showMenuButtonMenu() {
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(d->menuButton->mapToGlobal(QPoint(0, d->menuButton->height())));
}

bool MetricChartView::event(QEvent *event) {
    switch (event->type()) {
    case QEvent::ActionAdded:
    case QEvent::ActionRemoved:
        // Removal is sent before the action leaves actions(): count what stays.
        d->menuButton->setVisible(actions().size() > (event->type() == QEvent::ActionRemoved ? 1 : 0));
        placeMenuButton();
        break;
    default:
        break;
    }
    return QWidget::event(event);
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
        d->scene.setLocale(locale());
        markDirty();
        break;
    default:
        break;
    }
}

void MetricChartView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    placeStatusLabel();
    placeMenuButton();
    d->interaction->place();
    markDirty();
}

void MetricChartView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    placeStatusLabel();
    if (d->dirty)
        markDirty();
}

// ---- Moving through time (gestures: ChartInteraction) -------------------------------------

void MetricChartView::addNavigationActions() {
    d->interaction = new ChartInteraction(*this, *d->view, d->scene);

    d->resetZoomAction = new QAction(tr("Reset zoom"), this);
    d->resetZoomAction->setObjectName(QStringLiteral("resetZoomAction"));
    d->resetZoomAction->setEnabled(false);
    connect(d->resetZoomAction, &QAction::triggered, this, &MetricChartView::resetZoom);
    addAction(d->resetZoomAction);

    const qsizetype count = d->spec().series.size();
    d->hidden = QList<bool>(count, false);
    for (qsizetype i = 0; i < count; ++i) {
        // The legend entry toggles with the mouse; the action does it from the keyboard (the
        // menu button) and tells screen readers the state.
        for (QLegendMarker *marker : d->scene.chart()->legend()->markers(d->scene.legendCarrier(i)))
            connect(marker, &QLegendMarker::clicked, this,
                    [this, i] { setSeriesHidden(i, !isSeriesHidden(i)); });
        if (count < 2)
            continue; // hiding the only series is a legend click away; no menu entry for it
        auto *action = new QAction(tr("Show %1").arg(d->spec().series.at(i).legend), this);
        action->setObjectName(QStringLiteral("showSeriesAction") + QString::number(i));
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, [this, i](bool shown) { setSeriesHidden(i, !shown); });
        d->showSeriesActions.append(action);
        addAction(action);
    }
}

int MetricChartView::periodSeconds() const {
    return d->periodSeconds;
}

TimeRange MetricChartView::viewRange() const {
    return d->viewRange.isValid() ? d->viewRange : d->window;
}

bool MetricChartView::isZoomed() const {
    return d->viewRange.isValid();
}

void MetricChartView::setViewRange(const TimeRange &range) {
    if (!d->window.isValid())
        return;
    TimeRange next =
        ChartNavigation::clamped(range, d->window, ChartNavigation::minimumSpanMs(d->periodSeconds));
    if (next == d->window)
        next = TimeRange{};
    if (next == d->viewRange)
        return;
    d->viewRange = next;
    viewRangeUpdated();
    markDirty();
    Q_EMIT viewRangeChanged(viewRange());
}

void MetricChartView::resetZoom() {
    setViewRange(TimeRange{});
}

void MetricChartView::viewRangeUpdated() {
    d->resetZoomAction->setEnabled(isZoomed());
    d->interaction->updateIndicator();
}

void MetricChartView::setTimeZoneMode(TimeZoneMode mode) {
    if (mode == d->timeZone)
        return;
    d->timeZone = mode;
    viewRangeUpdated(); // the indicator names the zone
    markDirty();
}

TimeZoneMode MetricChartView::timeZoneMode() const {
    return d->timeZone;
}

void MetricChartView::setCrosshairTime(qint64 timeMs) {
    d->crosshairShown = true;
    d->crosshairMs = timeMs;
    d->interaction->placeCrosshair();
}

void MetricChartView::clearCrosshair() {
    d->crosshairShown = false;
    d->interaction->placeCrosshair();
    d->interaction->hideHover();
}

bool MetricChartView::hasCrosshair() const {
    return d->crosshairShown;
}

qint64 MetricChartView::crosshairTimeMs() const {
    return d->crosshairMs;
}

QString MetricChartView::hoverText() const {
    return d->interaction->hoverText();
}

bool MetricChartView::isSeriesHidden(qsizetype index) const {
    return d->hidden.value(index, false);
}

void MetricChartView::setSeriesHidden(qsizetype index, bool hidden) {
    if (index < 0 || index >= d->hidden.size() || d->hidden.at(index) == hidden)
        return;
    d->hidden[index] = hidden;
    if (index < d->showSeriesActions.size())
        d->showSeriesActions.at(index)->setChecked(!hidden);
    markDirty();
    Q_EMIT seriesHiddenChanged(int(index), hidden);
}

QRect MetricChartView::plotRect() const {
    return d->interaction->plotRect();
}

QRect MetricChartView::legendEntryRect(qsizetype index) const {
    return d->interaction->legendEntryRect(index);
}

QWidget *MetricChartView::mouseArea() const {
    return d->view->viewport();
}

void MetricChartView::keyPressEvent(QKeyEvent *event) {
    if (d->interaction->handleKey(event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

} // namespace mlwatch
