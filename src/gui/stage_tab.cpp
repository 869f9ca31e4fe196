#include "gui/stage_tab.h"

#include "charts/chart_view_sync.h"
#include "charts/metric_chart_view.h"
#include "core/auth/account.h"
#include "gui/chart_export_controller.h"
#include "gui/insights_strip.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
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
    m_viewSync = new ChartViewSync(this);
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

    // Grouped by account: one link per account, to its part of a long page.
    m_accountLinks = new QLabel(this);
    m_accountLinks->setObjectName(QStringLiteral("accountLinks"));
    m_accountLinks->setTextFormat(Qt::RichText);
    m_accountLinks->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_accountLinks->setContentsMargins(4, 0, 4, 2);
    m_accountLinks->setWordWrap(true);
    m_accountLinks->hide();
    connect(m_accountLinks, &QLabel::linkActivated, this,
            [this](const QString &link) { revealAccount(link.toInt()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    // Insights of this tab's charts, under the description; a chip jumps to its chart.
    m_insights = new InsightsStrip(store, this);
    connect(m_insights, &InsightsStrip::chartRequested, this, [this](const QString &chartId) {
        for (MetricChartView *chart : std::as_const(m_charts))
            if (chart->spec().id == chartId)
                return revealChart(chart);
    });
    layout->addWidget(m_insights);
    layout->addWidget(m_accountLinks);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_scroll, 1);

    showMessage(tr("Discovering resources…"));
}

QList<MetricChartView *> StageTab::setCharts(const QList<ChartSpec> &charts) {
    qDeleteAll(m_charts);
    m_charts.clear();
    m_shown.clear();
    qDeleteAll(m_headings);
    m_headings.clear();
    m_accountGroups.clear();
    for (const ChartSpec &spec : charts) {
        auto *view = new MetricChartView(spec, m_store, m_gridHost);
        view->setObjectName(QStringLiteral("chart-") + spec.id);
        view->setMinimumHeight(kMinChartHeight);
        m_charts.append(view);
        connect(view, &MetricChartView::stateChanged, this, &StageTab::scheduleReorder);
    }
    buildGroups(charts);
    m_export->setCharts(m_charts, titleFor(m_stage));
    m_viewSync->setCharts(m_charts);
    m_insights->setCharts(m_charts);
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

void StageTab::refreshInsights() {
    m_insights->scheduleRefresh();
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

void StageTab::buildGroups(const QList<ChartSpec> &charts) {
    // Accounts in the order their first chart appears; resources likewise within an account.
    QStringList accountKeys;
    QList<QHash<QString, qsizetype>> resourceIndex;
    for (qsizetype i = 0; i < charts.size(); ++i) {
        const ChartSpec &spec = charts.at(i);
        const QString key =
            (spec.cloud.isEmpty() ? QStringLiteral("aws") : spec.cloud) + QLatin1Char('|') + spec.account;
        qsizetype a = accountKeys.indexOf(key);
        if (a < 0) {
            a = accountKeys.size();
            accountKeys.append(key);
            m_accountGroups.append(AccountGroup{});
            resourceIndex.append(QHash<QString, qsizetype>());
        }
        AccountGroup &account = m_accountGroups[a];
        qsizetype r = resourceIndex[a].value(spec.resource, -1);
        if (r < 0) {
            r = account.resources.size();
            resourceIndex[a].insert(spec.resource, r);
            account.resources.append(ResourceGroup{});
        }
        account.resources[r].charts.append(m_charts.at(i));
    }
    m_accountLinks->clear();
    m_accountLinks->setVisible(m_accountGroups.size() > 1);
    if (m_accountGroups.size() <= 1)
        return; // one account: one grid, as it always was
    QStringList links;
    for (AccountGroup &account : m_accountGroups) {
        const ChartSpec &first = account.resources.first().charts.first()->spec();
        const QString cloudId = first.cloud.isEmpty() ? QStringLiteral("aws") : first.cloud;
        const std::optional<AccountKind> kind = accountKindFromId(cloudId);
        const QString cloud = kind ? accountKindTitle(*kind) : cloudId;
        const QString label = !first.accountLabel.isEmpty() ? first.accountLabel : first.account;
        // "AWS — Demo cloud"; a label that names its cloud already is not prefixed twice.
        const QString text = label.isEmpty()           ? cloud
                             : label.startsWith(cloud) ? label
                                                       : tr("%1 — %2", "cloud — account").arg(cloud, label);
        account.heading = makeHeading(text, QStringLiteral("accountHeading"), true);
        account.emptyHeading =
            makeHeading(tr("%1 — no data in this time window", "account heading").arg(text),
                        QStringLiteral("accountHeading"), true);
        links.append(QStringLiteral("<a href=\"%1\">%2</a>").arg(links.size()).arg(text.toHtmlEscaped()));
        for (ResourceGroup &resource : account.resources) {
            const QString name = resource.charts.first()->spec().resource;
            resource.heading = makeHeading(name.isEmpty() ? tr("Other charts") : name,
                                           QStringLiteral("resourceHeading"), false);
        }
    }
    m_accountLinks->setText(
        tr("Go to: %1", "links to the accounts' parts of the tab").arg(links.join(QStringLiteral(" · "))));
}

QLabel *StageTab::makeHeading(const QString &text, const QString &objectName, bool account) {
    auto *label = new QLabel(text, m_gridHost);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setAccessibleName(text);
    QFont font = label->font();
    font.setBold(true);
    if (account)
        font.setPointSizeF(font.pointSizeF() * 1.25);
    label->setFont(font);
    // An account starts a new part of the page; a resource is a caption over its charts.
    label->setContentsMargins(4, account ? 10 : 4, 4, account ? 2 : 0);
    if (!account)
        label->setForegroundRole(QPalette::PlaceholderText);
    m_headings.append(label);
    return label;
}

void StageTab::revealAccount(int index) {
    if (index < 0 || index >= m_accountGroups.size())
        return;
    // Its first heading on the page: over its charts with data, else over the ones without.
    const AccountGroup &account = m_accountGroups.at(index);
    for (QWidget *item : std::as_const(m_shown)) {
        if (item == account.heading || item == account.emptyHeading) {
            m_scroll->verticalScrollBar()->setValue(item->y());
            return;
        }
    }
}

QList<QLabel *> StageTab::headings() const {
    QList<QLabel *> out;
    for (QWidget *w : m_shown)
        if (auto *label = qobject_cast<QLabel *>(w))
            out.append(label);
    return out;
}

QList<QWidget *> StageTab::orderedItems() const {
    // Charts with data in the window first, in catalog order; the ones that only explain why they
    // are empty (e.g. last month's finished jobs in a 24-hour window) follow.
    const auto dataFirst = [](QList<MetricChartView *> charts) {
        std::stable_sort(charts.begin(), charts.end(),
                         [](const MetricChartView *a, const MetricChartView *b) {
                             return a->hasDataInWindow() && !b->hasDataInWindow();
                         });
        return charts;
    };
    QList<QWidget *> items;
    if (m_accountGroups.size() <= 1) {
        for (MetricChartView *view : dataFirst(m_charts))
            items.append(view);
        return items;
    }
    // A resource moves down only once every chart of it said "no data" (not while loading, not
    // on an error, which must stay in sight).
    const auto hasData = [](const ResourceGroup &g) {
        return !std::all_of(g.charts.begin(), g.charts.end(), [](const MetricChartView *c) {
            return c->state() == MetricChartView::State::NoData;
        });
    };
    QList<QWidget *> withoutData; // after every account's resources with data
    for (const AccountGroup &account : m_accountGroups) {
        bool headed = false;
        bool emptyHeaded = false;
        for (const ResourceGroup &resource : account.resources) {
            const bool withData = hasData(resource);
            QList<QWidget *> &part = withData ? items : withoutData;
            bool &partHeaded = withData ? headed : emptyHeaded;
            if (!partHeaded) {
                part.append(withData ? account.heading : account.emptyHeading);
                partHeaded = true;
            }
            part.append(resource.heading);
            for (MetricChartView *view : dataFirst(resource.charts))
                part.append(view);
        }
    }
    return items + withoutData;
}

void StageTab::reflow(bool force) {
    const int width = m_scroll->viewport()->width();
    const int columns = std::clamp(width / kMinChartWidth, 1, kMaxColumns);
    const QList<QWidget *> ordered = orderedItems();
    if (!force && columns == m_columns && ordered == m_shown)
        return;
    m_columns = columns;
    for (QWidget *item : std::as_const(m_shown))
        m_grid->removeWidget(item);
    m_shown = ordered;
    // Headings span the row and start a new one; charts fill the columns between them.
    int row = 0;
    int column = 0;
    for (QWidget *item : std::as_const(m_shown)) {
        if (qobject_cast<QLabel *>(item)) {
            if (column != 0)
                ++row;
            m_grid->addWidget(item, row++, 0, 1, columns);
            column = 0;
            continue;
        }
        m_grid->addWidget(item, row, column);
        if (++column == columns) {
            column = 0;
            ++row;
        }
    }
    for (int c = 0; c < kMaxColumns; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    // A heading out of the layout would float at its old place.
    for (QLabel *heading : std::as_const(m_headings))
        heading->setVisible(m_shown.contains(heading));
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
