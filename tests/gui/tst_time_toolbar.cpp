// The main window's time toolbar against the real thing (DemoCloud on loopback, a real
// MonitorSession): custom absolute range, auto-refresh interval, compare with previous period,
// and the tab shortcuts.
#include "../support/demo_window_fixture.h"
#include "charts/metric_chart_view.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/model/compare_offset.h"
#include "core/session/monitor_session.h"
#include "core/store/series_store.h"
#include "demo/demo_cloud.h"
#include "gui/compare_period_selector.h"
#include "gui/custom_range_dialog.h"
#include "gui/main_window.h"
#include "gui/refresh_interval_selector.h"
#include "gui/session_status_view.h"
#include "gui/settings_keys.h"
#include "gui/stage_tab.h"
#include "gui/time_range_selector.h"
#include "gui/time_toolbar_controller.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace mlwatch;

namespace {

constexpr qint64 kHourMs = 3600 * 1000;

struct Fixture : test::DemoWindowFixture {
    QString label(const char *name) const {
        auto *l = window->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QString();
    }
};

} // namespace

class TestTimeToolbar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("mlwatch-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_time_toolbar"));
        QSettings().clear();
    }

    void customRangeShowsAFixedRangeWithoutAutoRefresh() {
        Fixture f;
        QVERIFY(f.start());
        FetchScheduler &scheduler = f.session->scheduler();
        const qint64 end = (f.clock.nowMs() / 60000) * 60000 - 24 * kHourMs;
        const TimeRange range{end - 6 * kHourMs, end};
        CustomRangeDialog *dialog = f.window->timeToolbar()->openCustomRange();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("customRangeZone"))
                    ->text()
                    .startsWith(QStringLiteral("Times in ")));
        dialog->setRange(range);
        QCOMPARE(dialog->range(), range); // local time in the editors, UTC out
        QVERIFY(f.fetch([dialog] { dialog->accept(); }));
        QVERIFY(scheduler.isAbsolute());
        QVERIFY(!scheduler.autoRefreshes());
        QCOMPARE(scheduler.currentRange(), range);
        TimeRangeSelector *selector = f.window->timeRangeSelector();
        QVERIFY(selector->isCustom());
        QVERIFY(selector->currentText().contains(QStringLiteral("(UTC)"))); // the zone is named
        QVERIFY(selector->customRangeAction()->isChecked());
        QCOMPARE(f.label("refreshCostLabel"), QStringLiteral("Auto-refresh off (custom range)"));
        for (MetricChartView *chart : f.window->stageTab(Stage::Monitoring)->charts())
            QCOMPARE(chart->window(), range);

        // A preset leaves the custom range.
        QVERIFY(f.fetch([selector] { selector->choiceActions().at(0)->trigger(); }));
        QVERIFY(!scheduler.isAbsolute());
        QVERIFY(!selector->isCustom());
        QCOMPARE(scheduler.currentRange().durationMs(), kHourMs);
    }

    void customRangeCancelledKeepsThePreset() {
        Fixture f;
        QVERIFY(f.start());
        TimeRangeSelector *selector = f.window->timeRangeSelector();
        const qint64 before = selector->windowSeconds();
        selector->customRangeAction()->trigger();
        auto *dialog = f.window->findChild<CustomRangeDialog *>(QStringLiteral("customRangeDialog"));
        QVERIFY(dialog);
        dialog->reject();
        QVERIFY(!selector->isCustom());
        QCOMPARE(selector->windowSeconds(), before);
        QCOMPARE(selector->currentData().toLongLong(), before);
        QVERIFY(!f.session->scheduler().isAbsolute());
    }

    void customRangeRefusesAnEndBeforeTheStart() {
        CustomRangeDialog dialog(TimeRange{2 * kHourMs, 3 * kHourMs});
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.toEdit()->setDateTime(dialog.fromEdit()->dateTime().addSecs(-60));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("customRangeProblem"))->text().isEmpty());
    }

    void refreshIntervalIsAppliedAndRemembered_data() {
        QTest::addColumn<int>("seconds");
        QTest::newRow("every minute") << 60;
        QTest::newRow("every hour") << 3600;
        QTest::newRow("off") << 0;
    }
    void refreshIntervalIsAppliedAndRemembered() {
        QFETCH(int, seconds);
        {
            Fixture f;
            QVERIFY(f.start());
            RefreshIntervalSelector *box = f.window->timeToolbar()->refreshIntervalSelector();
            QVERIFY(!box->accessibleName().isEmpty());
            QVERIFY(box->setIntervalSeconds(seconds));
            QCOMPARE(f.session->scheduler().refreshIntervalSeconds(), seconds);
            QCOMPARE(QSettings().value(SettingsKeys::kAutoRefreshSeconds).toInt(), seconds);
            QCOMPARE(f.label("refreshCostLabel").startsWith(QStringLiteral("Auto-refresh off")),
                     seconds == 0);
        }
        Fixture again; // the next window starts with it
        QVERIFY(again.start());
        QCOMPARE(again.window->timeToolbar()->refreshIntervalSelector()->intervalSeconds(), seconds);
        QCOMPARE(again.session->scheduler().refreshIntervalSeconds(), seconds);
        QSettings().remove(SettingsKeys::kAutoRefreshSeconds);
    }

    void compareFetchesTheEarlierPeriodAndChartsOverlayIt() {
        Fixture f;
        QVERIFY(f.start());
        FetchScheduler &scheduler = f.session->scheduler();
        const int asked = scheduler.seriesPlanned();
        ComparePeriodSelector *box = f.window->timeToolbar()->comparePeriodSelector();
        QVERIFY(!box->accessibleName().isEmpty());
        QVERIFY(f.fetch([box] { box->setOffsetSeconds(CompareOffset::kWeekSeconds); }));
        QCOMPARE(scheduler.compareOffsetSeconds(), CompareOffset::kWeekSeconds);
        QCOMPARE(scheduler.seriesPlanned(), asked); // only the earlier copies were fetched
        bool anyEarlier = false;
        for (const MetricQuery &q : scheduler.queries())
            anyEarlier = anyEarlier || f.session->store().contains(CompareOffset::seriesKey(
                                           q.seriesKey(), CompareOffset::kWeekSeconds));
        QVERIFY(anyEarlier);
        for (MetricChartView *chart : f.window->stageTab(Stage::Deployment)->charts())
            QCOMPARE(chart->compareOffset(), CompareOffset::kWeekSeconds);
        box->setOffsetSeconds(0);
        for (MetricChartView *chart : f.window->stageTab(Stage::Deployment)->charts())
            QCOMPARE(chart->compareOffset(), qint64(0));
    }

    void cancelledLoadLeavesChartsWithTheirDataSayingCancelled() {
        Fixture f;
        QVERIFY(f.start());
        f.window->statusView()->setProgressDelayMs(0);
        auto *cancel = f.window->findChild<QPushButton *>(QStringLiteral("cancelFetchButton"));
        QVERIFY(cancel);
        // Cancel once the 30-day load's requests are in flight (the next turn of the event loop).
        connect(&f.session->scheduler(), &FetchScheduler::fetchStarted, cancel, [cancel] {
            QTimer::singleShot(0, cancel, [cancel] { QTest::mouseClick(cancel, Qt::LeftButton); });
        });
        QVERIFY(f.fetch([&f] { f.window->timeRangeSelector()->choiceActions().at(4)->trigger(); }));
        QVERIFY(!f.session->scheduler().isBusy());
        int withData = 0;
        for (MetricChartView *chart : f.window->stageTab(Stage::Monitoring)->charts()) {
            QVERIFY2(chart->statusText().contains(QStringLiteral("Cancelled")),
                     qPrintable(chart->statusText()));
            withData += chart->hasDataInWindow() ? 1 : 0;
        }
        QVERIFY(withData > 0); // the last data stays
    }

    void ctrlPageDownAndUpMoveBetweenTabs() {
        Fixture f;
        QVERIFY(f.start());
        auto *tabs = f.window->findChild<QTabWidget *>(QStringLiteral("stageTabs"));
        auto *next = f.window->findChild<QAction *>(QStringLiteral("actionNextTab"));
        auto *previous = f.window->findChild<QAction *>(QStringLiteral("actionPreviousTab"));
        QVERIFY(tabs && next && previous);
        QCOMPARE(next->shortcut(), QKeySequence(QStringLiteral("Ctrl+PgDown")));
        QCOMPARE(previous->shortcut(), QKeySequence(QStringLiteral("Ctrl+PgUp")));
        tabs->setCurrentIndex(0);
        next->trigger();
        QCOMPARE(tabs->currentIndex(), 1);
        previous->trigger();
        previous->trigger(); // wraps to the last tab
        QCOMPARE(tabs->currentIndex(), tabs->count() - 1);
    }
};

QTEST_MAIN(TestTimeToolbar)
#include "tst_time_toolbar.moc"
