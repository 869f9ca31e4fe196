#include "gui/stage_tab.h"

#include "charts/metric_chart_view.h"
#include "gui/chart_export_controller.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mlwatch {

namespace {
constexpr int kMinChartWidth = 520; // below this, axis labels start to collide
constexpr int kMaxColumns = 3;
constexpr int kMinChartHeight = 300; // room for title, legend and five y labels
} // namespace

StageTab::StageTab(Stage stage, const SeriesStore &store, QWidget *parent)
    : QWidget(parent)
    , m_stage(stage)
    , m_store(store) {
    setObjectName(QStringLiteral("stageTab-") + stageId(stage));
    setAccessibleName(titleFor(stage));

    m_description = new QLabel(descriptionFor(stage), this);
    m_description->setObjectName(QStringLiteral("stageDescription"));
    m_description->setWordWrap(true);
    m_description->setContentsMargins(4, 2, 4, 2);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("stageMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_gridHost = new QWidget;
    m_grid = new QGridLayout(m_gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_gridHost);
    m_scroll->viewport()->installEventFilter(this);

    m_export = new ChartExportController(this);
    m_exportAll = new QToolButton(this);
    m_exportAll->setObjectName(QStringLiteral("exportTabButton"));
    m_exportAll->setText(tr("Export all charts…"));
    m_exportAll->setToolTip(tr("Save every chart of this tab as PNG and CSV into a folder"));
    m_exportAll->setAutoRaise(true);
    m_exportAll->setEnabled(false);
    connect(m_exportAll, &QToolButton::clicked, m_export, &ChartExportController::exportAll);
    auto *header = new QHBoxLayout;
    header->addWidget(m_description, 1);
    header->addWidget(m_exportAll, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_scroll, 1);

    showMessage(tr("Discovering resources…"));
}

QList<MetricChartView *> StageTab::setCharts(const QList<ChartSpec> &charts) {
    qDeleteAll(m_charts);
    m_charts.clear();
    m_shown.clear();
    for (const ChartSpec &spec : charts) {
        auto *view = new MetricChartView(spec, m_store, m_gridHost);
        view->setObjectName(QStringLiteral("chart-") + spec.id);
        view->setMinimumHeight(kMinChartHeight);
        m_charts.append(view);
        connect(view, &MetricChartView::stateChanged, this, &StageTab::scheduleReorder);
    }
    m_export->setCharts(m_charts, titleFor(m_stage));
    m_exportAll->setEnabled(!m_charts.isEmpty());
    if (m_charts.isEmpty()) {
        showMessage(tr("No resources for this stage were found in this account and region."));
    } else {
        m_message->hide();
        m_scroll->show();
    }
    reflow(true);
    return m_charts;
}

MetricChartView *StageTab::chartWatching(const QString &seriesKey) const {
    for (MetricChartView *chart : m_charts)
        for (const ChartSeriesSpec &series : chart->spec().series)
            if (series.query.seriesKey() == seriesKey)
                return chart;
    return nullptr;
}

void StageTab::revealChart(MetricChartView *chart) {
    if (!m_charts.contains(chart))
        return;
    m_scroll->ensureWidgetVisible(chart);
    chart->setFocus(Qt::OtherFocusReason);
}

void StageTab::showMessage(const QString &text) {
    m_message->setText(text);
    m_message->show();
    m_scroll->setVisible(!m_charts.isEmpty());
}

bool StageTab::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        reflow();
    return QWidget::eventFilter(watched, event);
}

void StageTab::scheduleReorder() {
    if (m_reorderQueued)
        return;
    m_reorderQueued = true;
    // After a fetch every chart changes state in the same turn: reorder once.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_reorderQueued = false;
            reflow(true);
        },
        Qt::QueuedConnection);
}

void StageTab::reflow(bool force) {
    const int width = m_scroll->viewport()->width();
    const int columns = std::clamp(width / kMinChartWidth, 1, kMaxColumns);
    // Charts with data in the window first, in catalog order; the ones that only explain why they
    // are empty (e.g. last month's finished jobs in a 24-hour window) follow.
    QList<MetricChartView *> ordered = m_charts;
    std::stable_sort(ordered.begin(), ordered.end(), [](const MetricChartView *a, const MetricChartView *b) {
        return a->hasDataInWindow() && !b->hasDataInWindow();
    });
    if (!force && columns == m_columns && ordered == m_shown)
        return;
    m_columns = columns;
    m_shown = ordered;
    for (MetricChartView *view : std::as_const(m_shown))
        m_grid->removeWidget(view);
    for (qsizetype i = 0; i < m_shown.size(); ++i)
        m_grid->addWidget(m_shown.at(i), int(i / columns), int(i % columns));
    for (int c = 0; c < kMaxColumns; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

QString StageTab::titleFor(Stage stage) {
    return mlwatch::stageTitle(stage);
}

QString StageTab::descriptionFor(Stage stage) {
    switch (stage) {
    case Stage::DataPreparation:
        return tr(
            "Processing jobs that clean and transform your data: do they have memory and CPU to spare?");
    case Stage::Training:
        return tr("Training jobs: are the GPUs busy, or is the job waiting on CPU or input?");
    case Stage::Evaluation:
        return tr("Evaluation: how long queries over the results take and how large the datasets grow.");
    case Stage::Deployment:
        return tr("Endpoints serving the model: CPU and memory of their instances.");
    case Stage::Monitoring:
        return tr("Live traffic: requests, errors, latency and data drift, against their thresholds.");
    }
    return {};
}

} // namespace mlwatch
