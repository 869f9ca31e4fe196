// The status bar against the real thing: a DemoCloud on loopback (real CloudWatch wire format,
// real SigV4), a real MonitorSession and its FetchScheduler, real widgets under offscreen.
#include "../support/demo_window_fixture.h"
#include "core/fetch/fetch_cost.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "core/store/series_store.h"
#include "demo/demo_cloud.h"
#include "gui/session_status_view.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kNetworkTimeoutMs = test::kDemoNetworkTimeoutMs;

// startAndFetch() (the session's first fetch) comes from DemoSessionFixture.
struct Fixture : test::DemoSessionFixture {
    std::unique_ptr<SessionStatusView> view;

    bool start() {
        if (!startSession(QStringLiteral("Demo cloud")))
            return false;
        view = std::make_unique<SessionStatusView>(*session, QStringLiteral("Demo cloud"));
        view->setProgressDelayMs(0); // no timing in tests: show as soon as a fetch starts
        view->show();
        return QTest::qWaitForWindowExposed(view.get());
    }
    template <typename T = QLabel> T *child(const char *name) const {
        return view->findChild<T *>(QString::fromLatin1(name));
    }
};

} // namespace

class TestSessionStatusView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsRequestsAndDatapoints() {
        Fixture f;
        QVERIFY(f.start());
        QVERIFY(f.startAndFetch());
        const quint64 points = f.session->scheduler().datapointsReceived();
        QVERIFY(points > 0);
        QCOMPARE(f.child("datapointCountLabel")->text(),
                 QStringLiteral("Datapoints: %1").arg(QLocale().toString(points)));
        QTRY_COMPARE(
            f.child("requestCountLabel")->text(),
            QStringLiteral("API requests: %1").arg(QLocale().toString(f.session->http().requestCount())));
    }

    void costOfAutoRefresh_data() {
        QTest::addColumn<int>("intervalSeconds");
        QTest::addColumn<qint64>("compareSeconds");
        QTest::addColumn<int>("metricsFactor"); // per query
        QTest::newRow("every 5 minutes: metrics × 12 × $0.00001") << 300 << qint64(0) << 1;
        QTest::newRow("every minute costs five times as much") << 60 << qint64(0) << 1;
        QTest::newRow("comparing doubles the metrics") << 300 << qint64(86400) << 2;
        QTest::newRow("off: no recurring cost") << 0 << qint64(0) << 0;
    }
    void costOfAutoRefresh() {
        QFETCH(int, intervalSeconds);
        QFETCH(qint64, compareSeconds);
        QFETCH(int, metricsFactor);
        Fixture f;
        QVERIFY(f.start());
        QVERIFY(f.startAndFetch());
        FetchScheduler &scheduler = f.session->scheduler();
        scheduler.setRefreshIntervalSeconds(intervalSeconds);
        scheduler.setCompareOffsetSeconds(compareSeconds);
        f.view->updateCostEstimate();
        const QString text = f.child("refreshCostLabel")->text();
        if (metricsFactor == 0) {
            QCOMPARE(text, QStringLiteral("Auto-refresh off"));
            return;
        }
        const int metrics = int(scheduler.queries().size()) * metricsFactor;
        QVERIFY(metrics > 0);
        const double usd = cloudWatchUsdPerHour(metrics, intervalSeconds);
        QVERIFY(qAbs(usd - metrics * (3600.0 / intervalSeconds) * 0.00001) < 1e-12);
        const QString amount = QLocale().toCurrencyString(usd, QStringLiteral("$"), usd < 0.01 ? 4 : 2);
        QCOMPARE(text, QStringLiteral("Auto-refresh ≈ %1/hour (USD, CloudWatch)").arg(amount));
        QVERIFY(f.child("refreshCostLabel")->toolTip().contains(QLocale().toString(metrics)));
    }

    void progressShowsWhileAFetchRuns() {
        Fixture f;
        QVERIFY(f.start());
        auto *bar = f.child<QProgressBar>("fetchProgressBar");
        auto *cancel = f.child<QPushButton>("cancelFetchButton");
        QVERIFY(bar && cancel);
        QVERIFY(!bar->isVisible());
        QVERIFY(!cancel->isVisible());
        QVERIFY(!cancel->accessibleName().isEmpty());
        QCOMPARE(cancel->shortcut(), QKeySequence(QStringLiteral("Ctrl+.")));
        bool shownAtStart = false;
        connect(&f.session->scheduler(), &FetchScheduler::progressChanged, bar, [&](int arrived, int) {
            if (arrived == 0)
                shownAtStart = bar->isVisible() && cancel->isVisible();
        });
        QVERIFY(f.startAndFetch());
        QVERIFY(shownAtStart);
        // Requests of the load answered of those sent: all of them, once it is done.
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(bar->text(), QStringLiteral("%1 of %1 requests").arg(bar->maximum()));
        const QString planned = QLocale().toString(f.session->scheduler().seriesPlanned());
        QCOMPARE(bar->toolTip(), QStringLiteral("%1 of %1 series loaded").arg(planned));
        QVERIFY(!bar->isVisible()); // and it is gone when the fetch is done
        QVERIFY(!cancel->isVisible());
    }

    void cancelStopsTheFetchAndKeepsTheData() {
        Fixture f;
        QVERIFY(f.start());
        QVERIFY(f.startAndFetch());
        FetchScheduler &scheduler = f.session->scheduler();
        QString key; // a series with data (some of the demo's have none in the last 24 hours)
        for (const MetricQuery &q : scheduler.queries())
            if (f.session->store().series(q.seriesKey()).size() > 0) {
                key = q.seriesKey();
                break;
            }
        const qsizetype before = f.session->store().series(key).size();
        QVERIFY(before > 0);

        auto *cancel = f.child<QPushButton>("cancelFetchButton");
        // Cancel once the refresh's requests are in flight (the next turn of the event loop).
        connect(&scheduler, &FetchScheduler::fetchStarted, cancel, [cancel] {
            QTimer::singleShot(0, cancel, [cancel] { QTest::mouseClick(cancel, Qt::LeftButton); });
        });
        QSignalSpy cancelled(&scheduler, &FetchScheduler::fetchCancelled);
        QSignalSpy finished(&scheduler, &FetchScheduler::fetchFinished);
        scheduler.setWindowSeconds(7 * 24 * 3600); // a long load
        scheduler.tick();
        QVERIFY(cancel->isVisible());
        QVERIFY(finished.wait(kNetworkTimeoutMs) || !finished.isEmpty());
        QCOMPARE(cancelled.size(), 1);
        const auto errors = finished.first().at(1).value<QList<Error>>();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().code, ErrorCode::Cancelled);
        QVERIFY(!scheduler.isBusy());
        QVERIFY(!cancel->isVisible());
        QVERIFY(!f.child<QProgressBar>("fetchProgressBar")->isVisible());
        QVERIFY(f.child("fetchErrorLabel")->text().contains(QStringLiteral("Cancelled")));
        QCOMPARE(f.session->store().series(key).size(), before); // the last data stays
    }
};

QTEST_MAIN(TestSessionStatusView)
#include "tst_session_status_view.moc"
