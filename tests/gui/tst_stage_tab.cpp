// StageTab's grid (real widgets, offscreen): with charts of one account it is one grid, charts
// with data first, and no heading; with charts of several accounts it is grouped — a heading per
// account (cloud and label) and per resource, each group on rows of its own, resources without
// data after every account's resources with data.
#include "charts/metric_chart_view.h"
#include "core/store/series_store.h"
#include "gui/stage_tab.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;

namespace {

const TimeRange kWindow{1'700'000'000'000, 1'700'003'600'000};

ChartSpec chart(const QString &cloud, const QString &account, const QString &accountLabel,
                const QString &resource, const QString &kind) {
    ChartSpec spec;
    spec.id = QStringLiteral("monitoring/") + kind + QLatin1Char('/') +
              (account.isEmpty() ? QString() : account + QLatin1Char('/')) + resource;
    spec.stage = Stage::Monitoring;
    spec.title = kind + QStringLiteral(" — ") + resource;
    spec.resource = resource;
    spec.account = account;
    spec.accountLabel = accountLabel;
    spec.cloud = cloud;
    spec.unit = Unit::Count;
    MetricQuery q;
    q.namespaceName = QStringLiteral("ns");
    q.metricName = kind;
    q.dimensions = {{QStringLiteral("resource"), resource}};
    q.account = account;
    spec.series = {ChartSeriesSpec{q, kind}};
    return spec;
}

ChartSpec aws(const QString &resource, const QString &kind) {
    return chart(QStringLiteral("aws"), QString(), QStringLiteral("Demo cloud (simulated AWS)"), resource,
                 kind);
}

ChartSpec azure(const QString &resource, const QString &kind) {
    return chart(QStringLiteral("azure"), QStringLiteral("demo-azure"),
                 QStringLiteral("Demo Azure (fraud-ml)"), resource, kind);
}

QStringList texts(const QList<QLabel *> &labels) {
    QStringList out;
    for (const QLabel *label : labels)
        out.append(label->text());
    return out;
}

// Puts one point inside the window for the chart's series.
void giveData(SeriesStore &store, const ChartSpec &spec) {
    for (const ChartSeriesSpec &s : spec.series)
        store.replace(SeriesData{s.query.seriesKey(), {kWindow.startMs + 60'000}, {1.0}});
}

// The tab on screen at a width for two columns, its charts told the window.
struct Fixture {
    explicit Fixture(const QList<ChartSpec> &specs)
        : tab(Stage::Monitoring, store) {
        tab.resize(1200, 900);
        tab.show();
        views = tab.setCharts(specs);
        for (MetricChartView *view : views)
            view->setWindow(kWindow, 60);
        if (!QTest::qWaitForWindowExposed(&tab))
            qFatal("the tab is not shown");
    }
    MetricChartView *view(const QString &id) const {
        for (MetricChartView *v : views)
            if (v->spec().id == id)
                return v;
        return nullptr;
    }
    // The fetch answered: charts without points say "no data".
    void fetched() {
        for (MetricChartView *view : views)
            view->setFetchResult(QString());
        settle();
    }
    // Lets the queued reorder run.
    void settle() {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
    }

    SeriesStore store;
    StageTab tab;
    QList<MetricChartView *> views;
};

// Top-to-bottom, left-to-right order of the visible headings and charts, by their geometry.
QStringList screenOrder(const StageTab &tab, const QList<MetricChartView *> &views) {
    QList<QPair<QPoint, QString>> items;
    for (const QLabel *heading : tab.headings())
        if (heading->isVisible())
            items.append({heading->pos(), QStringLiteral("# ") + heading->text()});
    for (const MetricChartView *view : views)
        items.append({view->pos(), view->spec().id});
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return a.first.y() != b.first.y() ? a.first.y() < b.first.y() : a.first.x() < b.first.x();
    });
    QStringList out;
    for (const auto &item : items)
        out.append(item.second);
    return out;
}

} // namespace

class TstStageTab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneAccountIsOneGridWithoutHeadings() {
        Fixture f({aws(QStringLiteral("a"), QStringLiteral("cpu")),
                   aws(QStringLiteral("b"), QStringLiteral("cpu")),
                   aws(QStringLiteral("b"), QStringLiteral("memory"))});
        QVERIFY(!f.tab.isGroupedByAccount());
        QVERIFY(f.tab.headings().isEmpty());
        QVERIFY(f.tab.findChildren<QLabel *>(QStringLiteral("accountHeading")).isEmpty());
        QVERIFY(!f.tab.findChild<QLabel *>(QStringLiteral("accountLinks"))->isVisible());
        // Two columns, resources not separated: b's first chart sits beside a's.
        QCOMPARE(screenOrder(f.tab, f.views),
                 (QStringList{QStringLiteral("monitoring/cpu/a"), QStringLiteral("monitoring/cpu/b"),
                              QStringLiteral("monitoring/memory/b")}));
        // Charts with data first, as always.
        giveData(f.store, f.views.last()->spec());
        f.settle();
        QCOMPARE(screenOrder(f.tab, f.views).first(), QStringLiteral("monitoring/memory/b"));
    }

    void severalAccountsAreGroupedByAccountThenResource() {
        const QList<ChartSpec> specs{aws(QStringLiteral("churn"), QStringLiteral("invocations")),
                                     aws(QStringLiteral("churn"), QStringLiteral("latency")),
                                     aws(QStringLiteral("churn"), QStringLiteral("errors")),
                                     azure(QStringLiteral("fraud-scoring"), QStringLiteral("requests")),
                                     azure(QStringLiteral("llm-eval"), QStringLiteral("requests"))};
        Fixture f(specs);
        for (const ChartSpec &spec : specs)
            giveData(f.store, spec);
        f.settle();
        QVERIFY(f.tab.isGroupedByAccount());
        QCOMPARE(texts(f.tab.headings()),
                 (QStringList{QStringLiteral("AWS — Demo cloud (simulated AWS)"), QStringLiteral("churn"),
                              QStringLiteral("Azure — Demo Azure (fraud-ml)"),
                              QStringLiteral("fraud-scoring"), QStringLiteral("llm-eval")}));
        // Each group starts a row of its own (two columns at this width).
        QCOMPARE(
            screenOrder(f.tab, f.views),
            (QStringList{
                QStringLiteral("# AWS — Demo cloud (simulated AWS)"), QStringLiteral("# churn"),
                QStringLiteral("monitoring/invocations/churn"), QStringLiteral("monitoring/latency/churn"),
                QStringLiteral("monitoring/errors/churn"), QStringLiteral("# Azure — Demo Azure (fraud-ml)"),
                QStringLiteral("# fraud-scoring"),
                QStringLiteral("monitoring/requests/demo-azure/fraud-scoring"), QStringLiteral("# llm-eval"),
                QStringLiteral("monitoring/requests/demo-azure/llm-eval")}));
        // A link per account; the Azure one scrolls its heading to the top.
        auto *links = f.tab.findChild<QLabel *>(QStringLiteral("accountLinks"));
        QVERIFY(links && links->isVisible());
        QVERIFY2(links->text().contains(QStringLiteral("AWS — Demo cloud (simulated AWS)")) &&
                     links->text().contains(QStringLiteral("Azure — Demo Azure (fraud-ml)")),
                 qPrintable(links->text()));
        Q_EMIT links->linkActivated(QStringLiteral("1"));
        auto *scroll = f.tab.findChild<QScrollArea *>();
        QCOMPARE(scroll->verticalScrollBar()->value(),
                 std::min(f.tab.headings().at(2)->y(), scroll->verticalScrollBar()->maximum()));
        QVERIFY(scroll->verticalScrollBar()->value() > 0);
        const MetricChartView *errors = f.view(QStringLiteral("monitoring/errors/churn"));
        const MetricChartView *fraud = f.view(QStringLiteral("monitoring/requests/demo-azure/fraud-scoring"));
        QCOMPARE(errors->x(), f.view(QStringLiteral("monitoring/invocations/churn"))->x()); // a new row
        QVERIFY(fraud->y() > errors->y() + errors->height()); // after the heading
    }

    void resourcesWithoutDataFollowEveryAccountsLiveCharts() {
        const QList<ChartSpec> specs{aws(QStringLiteral("old-job"), QStringLiteral("cpu")),
                                     aws(QStringLiteral("live-job"), QStringLiteral("cpu")),
                                     azure(QStringLiteral("fraud-scoring"), QStringLiteral("requests")),
                                     azure(QStringLiteral("idle-ws"), QStringLiteral("runs"))};
        Fixture f(specs);
        // Until the fetch answers, every resource stays under its account's first heading.
        QCOMPARE(texts(f.tab.headings()).size(), 6);
        giveData(f.store, specs.at(1));
        giveData(f.store, specs.at(2));
        f.fetched();
        QCOMPARE(
            texts(f.tab.headings()),
            (QStringList{QStringLiteral("AWS — Demo cloud (simulated AWS)"), QStringLiteral("live-job"),
                         QStringLiteral("Azure — Demo Azure (fraud-ml)"), QStringLiteral("fraud-scoring"),
                         QStringLiteral("AWS — Demo cloud (simulated AWS) — no data in this time window"),
                         QStringLiteral("old-job"),
                         QStringLiteral("Azure — Demo Azure (fraud-ml) — no data in this time window"),
                         QStringLiteral("idle-ws")}));
        // Data arrives for the old job: it moves up, and the AWS "no data" heading goes away.
        giveData(f.store, specs.at(0));
        f.settle();
        QCOMPARE(texts(f.tab.headings()),
                 (QStringList{QStringLiteral("AWS — Demo cloud (simulated AWS)"), QStringLiteral("old-job"),
                              QStringLiteral("live-job"), QStringLiteral("Azure — Demo Azure (fraud-ml)"),
                              QStringLiteral("fraud-scoring"),
                              QStringLiteral("Azure — Demo Azure (fraud-ml) — no data in this time window"),
                              QStringLiteral("idle-ws")}));
        // Headings not in the grid are hidden, not left floating.
        for (QLabel *label : f.tab.findChildren<QLabel *>(QStringLiteral("accountHeading")))
            QCOMPARE(label->isVisible(), f.tab.headings().contains(label));
    }

    void headingNamesTheCloudOnce_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("heading");
        QTest::newRow("a label without the cloud gets it in front")
            << QStringLiteral("prod") << QStringLiteral("AWS — prod");
        QTest::newRow("a label that starts with the cloud is kept")
            << QStringLiteral("AWS eu-west-1 — prod") << QStringLiteral("AWS eu-west-1 — prod");
        QTest::newRow("no label: the cloud alone") << QString() << QStringLiteral("AWS");
    }

    void headingNamesTheCloudOnce() {
        QFETCH(QString, label);
        QFETCH(QString, heading);
        ChartSpec first = aws(QStringLiteral("r"), QStringLiteral("cpu"));
        first.accountLabel = label;
        Fixture f({first, azure(QStringLiteral("e"), QStringLiteral("requests"))});
        QCOMPARE(f.tab.headings().value(0)->text(), heading);
    }

    void backToOneAccountDropsTheHeadings() {
        Fixture f({aws(QStringLiteral("r"), QStringLiteral("cpu")),
                   azure(QStringLiteral("e"), QStringLiteral("requests"))});
        QVERIFY(f.tab.isGroupedByAccount());
        f.views = f.tab.setCharts({aws(QStringLiteral("r"), QStringLiteral("cpu"))});
        QVERIFY(!f.tab.isGroupedByAccount());
        QVERIFY(f.tab.headings().isEmpty());
        QVERIFY(f.tab.findChildren<QLabel *>(QStringLiteral("resourceHeading")).isEmpty());
        QCOMPARE(f.tab.chartWatching(f.views.first()->spec().series.first().query.seriesKey()),
                 f.views.first());
    }
};

QTEST_MAIN(TstStageTab)
#include "tst_stage_tab.moc"
