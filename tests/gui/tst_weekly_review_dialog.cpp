// File → Weekly review… against the real thing: a DemoCloud on loopback, a real MonitorSession,
// the real dialog under the offscreen platform. Pins: the menu entry opens the dialog; the week
// picker offers complete ISO weeks in the chosen zone, newest first; a run writes the folder and
// reports progress up to its total; Cancel stops the run and leaves nothing behind; the alert
// sections fall back to replaying the rules when no history reaches back to the week.
#include "../support/manual_clock.h"
#include "core/alerts/alert_engine.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/weekly_review_dialog.h"
#include "report/report_data_fetcher.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kTimeoutMs = 120'000; // generous: a loaded CI machine; never a sleep

struct Fixture {
    test::ManualClock clock; // Friday 2026-11-20 12:00 UTC: W46 is the newest complete week
    demo::DemoCloud cloud;
    std::unique_ptr<MonitorSession> session;

    bool start() {
        if (!cloud.start(clock.nowUtc()))
            return false;
        session = std::make_unique<MonitorSession>(clock, cloud.resolved(), QStringLiteral("Demo cloud"));
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        session->start();
        return !ready.isEmpty() || ready.wait(kTimeoutMs);
    }
};

} // namespace

class TestWeeklyReviewDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileMenuOpensTheDialog();
    void weekPickerOffersCompleteWeeksInTheZone();
    void writesTheFolderWithProgress();
    void cancelLeavesNothingBehind();
    void cancelWhileWritingRemovesWhatWasWritten();
    void replaysRulesWithoutHistory();
};

void TestWeeklyReviewDialog::fileMenuOpensTheDialog() {
    Fixture f;
    QVERIFY(f.start());
    MainWindow window(*f.session, f.clock, QStringLiteral("Demo cloud"));
    auto *action = window.findChild<QAction *>(QStringLiteral("actionWeeklyReview"));
    QVERIFY(action);
    const QList<QAction *> fileActions = window.menuBar()->actions().first()->menu()->actions();
    QVERIFY(fileActions.contains(action));
    action->trigger();
    QTRY_VERIFY(window.findChild<WeeklyReviewDialog *>(QStringLiteral("weeklyReviewDialog")));
}

void TestWeeklyReviewDialog::weekPickerOffersCompleteWeeksInTheZone() {
    Fixture f;
    QVERIFY(f.start());
    WeeklyReviewDialog dialog(*f.session, f.clock);
    dialog.setTimeZoneId(QStringLiteral("Europe/Berlin"));
    QCOMPARE(dialog.weekText(), QStringLiteral("2026-W46"));
    QComboBox *picker = nullptr;
    for (QComboBox *box : dialog.findChildren<QComboBox *>())
        if (box->accessibleName() == QLatin1String("Week"))
            picker = box;
    QVERIFY(picker);
    QCOMPARE(picker->count(), WeeklyReviewDialog::kWeeksOffered);
    QCOMPARE(picker->itemData(1).toString(), QStringLiteral("2026-W45"));
    // Sunday 23:30 UTC is already Monday in Berlin: the week it ended is complete there.
    f.clock.set(QDateTime(QDate(2026, 11, 22), QTime(23, 30), Qt::UTC));
    dialog.setTimeZoneId(QStringLiteral("UTC"));
    dialog.setTimeZoneId(QStringLiteral("Europe/Berlin"));
    QCOMPARE(picker->itemData(0).toString(), QStringLiteral("2026-W47"));
    dialog.setTimeZoneId(QStringLiteral("UTC"));
    QCOMPARE(picker->itemData(0).toString(), QStringLiteral("2026-W46"));
}

void TestWeeklyReviewDialog::writesTheFolderWithProgress() {
    Fixture f;
    QVERIFY(f.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("review"));
    WeeklyReviewDialog dialog(*f.session, f.clock);
    dialog.setTimeZoneId(QStringLiteral("Europe/Berlin"));
    dialog.setOutputDir(out);
    auto *bar = dialog.findChild<QProgressBar *>();
    QVERIFY(bar);
    QSignalSpy finished(&dialog, &WeeklyReviewDialog::reportFinished);
    int maxSeen = 0;
    connect(bar, &QProgressBar::valueChanged, this, [&](int v) { maxSeen = std::max(maxSeen, v); });
    dialog.start();
    QVERIFY(dialog.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!dialog.isRunning());
    QCOMPARE(maxSeen, bar->maximum()); // progress reached its total
    QVERIFY(QFile::exists(out + QStringLiteral("/report.pdf")));
    QVERIFY(QFile::exists(out + QStringLiteral("/summary.csv")));
    QVERIFY(!QDir(out + QStringLiteral("/charts")).entryList({QStringLiteral("*.png")}).isEmpty());
    QVERIFY(dialog.statusText().contains(QDir::toNativeSeparators(out)));
}

void TestWeeklyReviewDialog::cancelLeavesNothingBehind() {
    Fixture f;
    QVERIFY(f.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("review"));
    WeeklyReviewDialog dialog(*f.session, f.clock);
    dialog.setOutputDir(out);
    QSignalSpy finished(&dialog, &WeeklyReviewDialog::reportFinished);
    dialog.start();
    dialog.cancel(); // while the first fetch is in flight
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!dialog.isRunning());
}

void TestWeeklyReviewDialog::cancelWhileWritingRemovesWhatWasWritten() {
    Fixture f;
    QVERIFY(f.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("review"));
    WeeklyReviewDialog dialog(*f.session, f.clock);
    dialog.setOutputDir(out);
    auto *bar = dialog.findChild<QProgressBar *>();
    QVERIFY(bar);
    // Cancel once a few files are on disk: the next step sees it and cleans up.
    bool cancelled = false;
    connect(bar, &QProgressBar::valueChanged, this, [&] {
        const QDir data(out + QStringLiteral("/data"));
        if (!cancelled && data.exists() && data.entryList(QDir::Files).size() >= 3) {
            cancelled = true;
            dialog.cancel();
        }
    });
    QSignalSpy finished(&dialog, &WeeklyReviewDialog::reportFinished);
    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QVERIFY(cancelled);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!QFileInfo::exists(out)); // the folder it created is gone again, with every file
}

void TestWeeklyReviewDialog::replaysRulesWithoutHistory() {
    Fixture f;
    QVERIFY(f.start());
    WeeklyReviewDialog dialog(*f.session, f.clock);
    const ReportRequest request = dialog.request();
    QVERIFY(!request.rules.isEmpty()); // the session's default rules
    QCOMPARE(request.rules.size(), f.session->alerts().rules().size());
    QVERIFY(!request.history); // no history attached: replay
    QCOMPARE(request.accounts.size(), 1);
    QCOMPARE(request.accounts.first().charts.size(), f.session->charts().size());
    QVERIFY(request.week.isIsoWeek());
}

QTEST_MAIN(TestWeeklyReviewDialog)
#include "tst_weekly_review_dialog.moc"
