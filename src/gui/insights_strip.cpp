#include "gui/insights_strip.h"

#include "charts/metric_chart_view.h"
#include "core/common/clock.h"
#include "core/insights/insight_engine.h"
#include "core/store/series_store.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>

namespace mlwatch {

namespace {

QStyle::StandardPixmap iconFor(InsightSeverity severity) {
    switch (severity) {
    case InsightSeverity::Critical:
        return QStyle::SP_MessageBoxCritical;
    case InsightSeverity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case InsightSeverity::Info:
        return QStyle::SP_MessageBoxInformation;
    }
    return QStyle::SP_MessageBoxInformation;
}

const Clock &systemClock() {
    static const SystemClock clock;
    return clock;
}

} // namespace

InsightsStrip::InsightsStrip(const SeriesStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_zone(QTimeZone::systemTimeZone()) {
    setObjectName(QStringLiteral("insightsStrip"));
    setAccessibleName(tr("Insights"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(4, 0, 4, 2);
    m_layout->setSpacing(4);
    m_caption = new QLabel(tr("Insights:"), this);
    m_caption->setObjectName(QStringLiteral("insightsCaption"));
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_empty = new QLabel(tr("No findings for this window"), this);
    m_empty->setObjectName(QStringLiteral("insightsEmpty"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    // More findings than kMaxChips: the rest in a menu, so the strip never widens the window.
    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("insightsMore"));
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_more->setAutoRaise(true);
    m_more->setMenu(new QMenu(m_more));
    m_more->menu()->setToolTipsVisible(true);
    m_more->hide();
    m_layout->addWidget(m_caption);
    m_layout->addWidget(m_empty);
    m_layout->addWidget(m_more);
    m_layout->addStretch(1);
    // The chips may be cut off at the right edge rather than hold the window wide.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(&store, &SeriesStore::seriesChanged, this, &InsightsStrip::onSeriesChanged);
    hide(); // until there are charts to talk about
}

InsightsStrip::~InsightsStrip() = default;

void InsightsStrip::setCharts(const QList<MetricChartView *> &charts) {
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts))
        if (chart)
            disconnect(chart, nullptr, this, nullptr);
    m_charts.clear();
    m_keys.clear();
    for (MetricChartView *chart : charts) {
        m_charts.append(chart);
        for (const ChartSeriesSpec &series : chart->spec().series)
            m_keys.insert(series.query.seriesKey());
        connect(chart, &MetricChartView::stateChanged, this, &InsightsStrip::scheduleRefresh);
    }
    setVisible(!charts.isEmpty());
    refreshNow();
}

void InsightsStrip::setClock(const Clock *clock) {
    m_clock = clock;
    scheduleRefresh();
}

void InsightsStrip::setTimeZone(const QTimeZone &zone) {
    m_zone = zone;
    scheduleRefresh();
}

void InsightsStrip::onSeriesChanged(const QString &seriesKey) {
    if (m_keys.contains(seriesKey))
        scheduleRefresh();
}

void InsightsStrip::scheduleRefresh() {
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    // A fetch replaces every series of the tab in one turn, then tells the charts the window:
    // recompute once, after both.
    QMetaObject::invokeMethod(this, &InsightsStrip::refreshNow, Qt::QueuedConnection);
}

void InsightsStrip::refreshNow() {
    m_refreshQueued = false;
    InsightInput input;
    for (const QPointer<MetricChartView> &chart : std::as_const(m_charts)) {
        if (!chart)
            continue;
        input.charts.append(chart->spec());
        if (!input.window.isValid())
            input.window = chart->window();
    }
    input.nowMs = (m_clock ? *m_clock : systemClock()).nowMs();
    input.locale = locale();
    input.zone = m_zone;
    const QList<Insight> found = InsightEngine::evaluate(input, m_store);
    if (found != m_insights) {
        m_insights = found;
        rebuildChips();
    }
    Q_EMIT refreshed();
}

QString InsightsStrip::chipText(const Insight &insight) const {
    // Several resources may have the same finding: the chip names its resource, shortened.
    if (insight.resource.isEmpty())
        return insight.title;
    return tr("%1 — %2", "insight — resource")
        .arg(insight.title, fontMetrics().elidedText(insight.resource, Qt::ElideMiddle, kResourceWidth));
}

void InsightsStrip::rebuildChips() {
    qDeleteAll(m_chips);
    m_chips.clear();
    m_more->menu()->clear();
    for (qsizetype i = 0; i < m_insights.size(); ++i) {
        const Insight &insight = m_insights.at(i);
        const QString chartId = insight.chartId;
        const QString fullName =
            insight.resource.isEmpty()
                ? insight.title
                : tr("%1 — %2", "insight — resource").arg(insight.title, insight.resource);
        if (i >= kMaxChips) {
            // The rest, most severe first like the chips, in the "more" menu.
            QAction *action =
                m_more->menu()->addAction(style()->standardIcon(iconFor(insight.severity)), fullName);
            action->setToolTip(insight.evidence);
            connect(action, &QAction::triggered, this, [this, chartId] { Q_EMIT chartRequested(chartId); });
            continue;
        }
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("insightChip"));
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setIcon(style()->standardIcon(iconFor(insight.severity), nullptr, chip));
        chip->setIconSize(QSize(16, 16));
        chip->setAutoRaise(true);
        chip->setCursor(Qt::PointingHandCursor);
        chip->setFocusPolicy(Qt::StrongFocus);
        chip->setText(chipText(insight));
        chip->setToolTip(insight.evidence);
        chip->setAccessibleName(fullName);
        chip->setAccessibleDescription(insight.evidence);
        chip->installEventFilter(this);
        connect(chip, &QToolButton::clicked, this, [this, chartId] { Q_EMIT chartRequested(chartId); });
        // Before the stretch at the end.
        m_layout->insertWidget(m_layout->indexOf(m_more), chip);
        chip->show(); // at once, not on the layout's next turn: the strip may be on screen already
        m_chips.append(chip);
    }
    m_empty->setVisible(m_chips.isEmpty());
    const auto hidden = int(m_more->menu()->actions().size());
    m_more->setText(tr("%n more", "insights not shown as chips", hidden));
    m_more->setVisible(hidden > 0);
}

QString InsightsStrip::emptyText() const {
    return m_chips.isEmpty() ? m_empty->text() : QString();
}

bool InsightsStrip::eventFilter(QObject *watched, QEvent *event) {
    // Enter activates a chip like Space does (a tool button only knows Space).
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        auto *chip = qobject_cast<QToolButton *>(watched);
        if (chip && m_chips.contains(chip) && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
            chip->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace mlwatch
