// View → Show times in UTC against the real main window (demo cloud on loopback, offscreen):
// the action reaches every tab's charts, is remembered in the settings, and a new window starts
// in the remembered mode; View → Reset zoom.
#include "../support/demo_window_fixture.h"
#include "charts/metric_chart_view.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/settings_keys.h"
#include "gui/stage_tab.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

struct Fixture : test::DemoWindowFixture {
    QList<MetricChartView *> charts() const {
        QList<MetricChartView *> out;
        for (Stage stage : allStages())
            out += window->stageTab(stage)->charts();
        return out;
    }
};

} // namespace

class TestTimeZoneToggle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QSettings().remove(SettingsKeys::kDisplayTimeZone);
    }
    void cleanupTestCase() { QSettings().remove(SettingsKeys::kDisplayTimeZone); }

    void showTimesInUtcReachesEveryChartAndIsRemembered() {
        {
            Fixture f;
            QVERIFY(f.start());
            auto *action = f.window->findChild<QAction *>(QStringLiteral("actionShowUtc"));
            QVERIFY(action);
            QVERIFY(action->isCheckable());
            QVERIFY(!action->isChecked()); // local time unless chosen
            QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+U")));
            const QList<MetricChartView *> charts = f.charts();
            QVERIFY(!charts.isEmpty());
            for (MetricChartView *chart : charts)
                QCOMPARE(chart->timeZoneMode(), TimeZoneMode::Local);

            action->trigger();
            for (MetricChartView *chart : charts)
                QCOMPARE(chart->timeZoneMode(), TimeZoneMode::Utc);
            QCOMPARE(QSettings().value(SettingsKeys::kDisplayTimeZone).toString(), QStringLiteral("utc"));
        }
        // A new window starts the way the last one was left.
        Fixture f;
        QVERIFY(f.start());
        auto *action = f.window->findChild<QAction *>(QStringLiteral("actionShowUtc"));
        QVERIFY(action && action->isChecked());
        QVERIFY(!f.charts().isEmpty());
        for (MetricChartView *chart : f.charts())
            QCOMPARE(chart->timeZoneMode(), TimeZoneMode::Utc);
        action->trigger();
        QCOMPARE(f.charts().first()->timeZoneMode(), TimeZoneMode::Local);

        QCOMPARE(QSettings().value(SettingsKeys::kDisplayTimeZone).toString(), QStringLiteral("local"));
    }

    // View → Reset zoom (Ctrl+0) shows the whole range on the current tab's charts.
    void resetZoomActionResetsTheCurrentTab() {
        Fixture f;
        QVERIFY(f.start());
        StageTab *tab = f.window->stageTab(Stage::Monitoring);
        f.window->showStage(Stage::Monitoring);
        QVERIFY(!tab->charts().isEmpty());
        MetricChartView *chart = tab->charts().first();
        const TimeRange window = chart->window();
        chart->setViewRange({window.startMs, window.startMs + window.durationMs() / 4});
        for (MetricChartView *c : tab->charts())
            QVERIFY(c->isZoomed()); // the tab's charts move together (StageTab's ChartViewSync)
        auto *reset = f.window->findChild<QAction *>(QStringLiteral("actionResetZoom"));
        QVERIFY(reset);
        QCOMPARE(reset->shortcut(), QKeySequence(QStringLiteral("Ctrl+0")));
        reset->trigger();
        for (MetricChartView *c : tab->charts())
            QVERIFY(!c->isZoomed());
    }
};

QTEST_MAIN(TestTimeZoneToggle)
#include "tst_time_zone_toggle.moc"
