// Choosing what is charted, against the real thing: a DemoCloud on loopback, a real MonitorSession
// and MainWindow under the offscreen platform. The metric browser adds a chart to a tab (and its
// series is fetched); every chart's Rename / Move / Remove actions change its tab.
#include "../support/demo_window_fixture.h"
#include "charts/metric_chart_view.h"
#include "core/catalog/custom_chart.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "core/store/series_store.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/metric_browser_dialog.h"
#include "gui/metric_browser_model.h"
#include "gui/stage_tab.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kNetworkTimeoutMs = test::kDemoNetworkTimeoutMs;

struct Fixture : test::DemoWindowFixture {
    // The pointer rests on the menu bar, off the charts that these tests rebuild.
    Fixture() { options.pointerOnMenuBar = true; }

    QStringList ids(Stage stage) const {
        QStringList out;
        for (MetricChartView *chart : window->stageTab(stage)->charts())
            out.append(chart->spec().id);
        return out;
    }
    QStringList titles(Stage stage) const {
        QStringList out;
        for (MetricChartView *chart : window->stageTab(stage)->charts())
            out.append(chart->spec().title);
        return out;
    }
    QAction *action(Stage stage, int chart, const char *name) const {
        MetricChartView *view = window->stageTab(stage)->charts().value(chart);
        return view ? view->findChild<QAction *>(QLatin1String(name)) : nullptr;
    }
};

// The first metric row named `metricName` under the (filtered) tree.
QModelIndex findMetric(const QAbstractItemModel &model, const QString &metricName,
                       const QModelIndex &parent = {}) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(MetricBrowserModel::KindRole).toInt() == int(MetricBrowserModel::Kind::Metric) &&
            index.data().toString() == metricName)
            return index;
        if (const QModelIndex found = findMetric(model, metricName, index); found.isValid())
            return found;
    }
    return {};
}

} // namespace

class TestMetricBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void viewMenuOpensTheBrowserOnTheCurrentTab() {
        Fixture f;
        QVERIFY(f.start());
        f.window->showStage(Stage::Deployment);
        auto *open = f.window->findChild<QAction *>(QStringLiteral("actionMetricBrowser"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QStringLiteral("Ctrl+B")));
        open->trigger();
        auto *browser = f.window->findChild<MetricBrowserDialog *>();
        QVERIFY(browser && browser->isVisible());
        QCOMPARE(browser->stage(), Stage::Deployment);
        // Its controls are named for screen readers.
        for (const char *name :
             {"metricSearch", "metricTree", "statisticCombo", "stageCombo", "addChartButton"}) {
            auto *widget = browser->findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
        // Discovery answered: the demo account is listed with its resources.
        QCOMPARE(browser->model()->rowCount(), 1);
        QVERIFY(browser->model()->rowCount(browser->model()->index(0, 0)) > 0);
        open->trigger(); // the one browser, raised again
        QCOMPARE(f.window->findChildren<MetricBrowserDialog *>().size(), 1);
    }

    void addingAMetricChartsItOnTheChosenTabAndFetchesIt() {
        Fixture f;
        QVERIFY(f.start());
        // Every demo metric is charted by the catalog: take ModelLatency's charts away first, so
        // that the browser's chart asks for a series the session does not fetch any more.
        QList<ChartSpec> without;
        for (const ChartSpec &chart : f.session->charts()) {
            const bool latency =
                std::any_of(chart.series.cbegin(), chart.series.cend(), [](const ChartSeriesSpec &s) {
                    return s.query.metricName == QLatin1String("ModelLatency");
                });
            if (!latency)
                without.append(chart);
        }
        QVERIFY(without.size() < f.session->charts().size());
        f.session->setCharts(without);
        const int trainingCharts = int(f.ids(Stage::Training).size());

        MetricBrowserDialog *browser = f.window->openMetricBrowser();
        auto *combo = browser->findChild<QComboBox *>(QStringLiteral("stageCombo"));
        combo->setCurrentIndex(combo->findData(int(Stage::Training)));
        QCOMPARE(browser->stage(), Stage::Training);
        auto *search = browser->findChild<QLineEdit *>(QStringLiteral("metricSearch"));
        QTest::keyClicks(search, QStringLiteral("modellatency"));
        auto *tree = browser->findChild<QTreeView *>(QStringLiteral("metricTree"));
        const QModelIndex row = findMetric(*tree->model(), QStringLiteral("ModelLatency"));
        QVERIFY(row.isValid());
        auto *add = browser->findChild<QPushButton *>(QStringLiteral("addChartButton"));
        QVERIFY(!add->isEnabled()); // nothing chosen yet
        tree->setCurrentIndex(row);
        QVERIFY(add->isEnabled());
        QCOMPARE(row.siblingAtColumn(MetricBrowserModel::ChartedColumn).data().toString(), QString());
        const std::optional<BrowsableMetric> metric = browser->model()->metricAt(
            qobject_cast<QSortFilterProxyModel *>(tree->model())->mapToSource(row));
        QVERIFY(metric);

        QSignalSpy fetched(&f.session->scheduler(), &FetchScheduler::fetchFinished);
        QSignalSpy added(browser, &MetricBrowserDialog::chartAdded);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return); // Enter adds, as the button does
        QCOMPARE(added.size(), 1);

        // The chart is on the Training tab, which is shown, and its series is fetched.
        const QString title = QStringLiteral("ModelLatency — ") + metric->resource;
        QCOMPARE(f.ids(Stage::Training).size(), trainingCharts + 1);
        QVERIFY2(f.titles(Stage::Training).contains(title),
                 qPrintable(f.titles(Stage::Training).join(u'\n')));
        QCOMPARE(f.window->findChild<QTabWidget *>(QStringLiteral("stageTabs"))->currentWidget(),
                 f.window->stageTab(Stage::Training));
        const QString id = added.first().first().toString();
        QCOMPARE(f.ids(Stage::Training).last(), id);
        QVERIFY(f.session->scheduler().queries().contains(metric->query));
        QVERIFY(fetched.wait(kNetworkTimeoutMs) || !fetched.isEmpty());
        QVERIFY(f.session->store().contains(metric->query.seriesKey()));
        MetricChartView *view = f.window->stageTab(Stage::Training)->charts().last();
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MetricChartView::State::Data, kNetworkTimeoutMs);
        QVERIFY(browser->findChild<QLabel *>(QStringLiteral("browserStatus"))->text().contains(title));
        // The browser says where the metric is charted now.
        QCOMPARE(tree->currentIndex().siblingAtColumn(MetricBrowserModel::ChartedColumn).data().toString(),
                 QStringLiteral("Training"));

        // Adding it again does not duplicate it: the tab keeps one such chart.
        add->click();
        QCOMPARE(added.size(), 2);
        QCOMPARE(f.ids(Stage::Training).count(id), 1);

        // Another statistic is another chart, named after it.
        auto *statistic = browser->findChild<QComboBox *>(QStringLiteral("statisticCombo"));
        QCOMPARE(statistic->currentText(), metric->query.stat); // the metric's own comes first
        statistic->setCurrentText(QStringLiteral("p99"));
        QCOMPARE(statistic->currentText(), QStringLiteral("p99"));
        add->click();
        QCOMPARE(f.ids(Stage::Training).size(), trainingCharts + 2);
        QCOMPARE(f.titles(Stage::Training).last(),
                 QStringLiteral("ModelLatency (p99) — ") + metric->resource);
        QCOMPARE(f.window->stageTab(Stage::Training)->charts().last()->spec().series.first().query.stat,
                 QStringLiteral("p99"));
    }

    void editsChangeTheTab_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("chart");
        QTest::newRow("rename changes the title only") << QStringLiteral("renameChartAction") << 0;
        QTest::newRow("move later swaps with the next chart") << QStringLiteral("moveChartLaterAction") << 0;
        QTest::newRow("move earlier swaps with the previous chart")
            << QStringLiteral("moveChartEarlierAction") << 1;
        QTest::newRow("remove drops the chart") << QStringLiteral("removeChartAction") << 1;
    }
    void editsChangeTheTab() {
        QFETCH(QString, action);
        QFETCH(int, chart);
        Fixture f;
        QVERIFY(f.start());
        const QStringList ids = f.ids(Stage::Training);
        const QStringList titles = f.titles(Stage::Training);
        QVERIFY(ids.size() >= 3);
        const QStringList others = f.ids(Stage::Monitoring);
        // The ends of the tab cannot move further.
        QVERIFY(!f.action(Stage::Training, 0, "moveChartEarlierAction")->isEnabled());
        QVERIFY(!f.action(Stage::Training, int(ids.size()) - 1, "moveChartLaterAction")->isEnabled());
        QVERIFY(f.action(Stage::Training, 0, "moveChartLaterAction")->isEnabled());

        QAction *edit = f.action(Stage::Training, chart, qPrintable(action));
        QVERIFY(edit);
        QVERIFY(f.window->stageTab(Stage::Training)->charts().value(chart)->actions().contains(edit));
        edit->trigger();

        QStringList wantIds = ids;
        QStringList wantTitles = titles;
        if (action == QLatin1String("renameChartAction")) {
            QInputDialog *dialog = nullptr;
            QTRY_VERIFY((dialog = f.window->findChild<QInputDialog *>(QStringLiteral("renameChartDialog"))));
            QCOMPARE(dialog->textValue(), titles.at(chart));
            dialog->setTextValue(QStringLiteral("  GPU starving?  "));
            dialog->accept();
            wantTitles[chart] = QStringLiteral("GPU starving?");
        } else if (action == QLatin1String("moveChartLaterAction")) {
            wantIds.swapItemsAt(chart, chart + 1);
            wantTitles.swapItemsAt(chart, chart + 1);
        } else if (action == QLatin1String("moveChartEarlierAction")) {
            wantIds.swapItemsAt(chart, chart - 1);
            wantTitles.swapItemsAt(chart, chart - 1);
        } else {
            wantIds.removeAt(chart);
            wantTitles.removeAt(chart);
        }
        QTRY_COMPARE(f.ids(Stage::Training), wantIds);
        QCOMPARE(f.titles(Stage::Training), wantTitles);
        QCOMPARE(f.ids(Stage::Monitoring), others); // other tabs keep theirs
        QStringList sessionTitles;
        for (const ChartSpec &spec : f.session->charts())
            if (spec.stage == Stage::Training)
                sessionTitles.append(spec.title);
        QCOMPARE(sessionTitles, wantTitles);
    }

    void removingTheLastChartLeavesTheTabsMessage() {
        Fixture f;
        QVERIFY(f.start());
        StageTab *tab = f.window->stageTab(Stage::Evaluation);
        auto *message = tab->findChild<QLabel *>(QStringLiteral("stageMessage"));
        QVERIFY(!message->isVisibleTo(tab));
        for (qsizetype left = tab->charts().size(); left > 0; --left) {
            f.action(Stage::Evaluation, 0, "removeChartAction")->trigger();
            QTRY_COMPARE(tab->charts().size(), left - 1);
        }
        QVERIFY(message->isVisibleTo(tab));
        QVERIFY(!message->text().isEmpty());
        QVERIFY(!f.ids(Stage::Training).isEmpty()); // the other tabs keep their charts
    }
};

QTEST_MAIN(TestMetricBrowser)
#include "tst_metric_browser.moc"
