// The app as main() composes it (AppController on the demo cloud), on a private D-Bus session
// bus WITHOUT a notification service, with its data and settings in a throw-away folder:
//  - the stored notification settings reach the AlertNotifier at start, and a change through
//    Alerts → Notification settings… reaches it at once;
//  - desktop notifications that cannot be shown and webhooks that fail show in the status bar
//    (short; in full in the tooltip) and leave it when the channel works again;
//  - the evaluation timer puts a rule whose data stopped arriving into nodata;
//  - the rules file sits beside the demo's alert history, and an unreadable one is reported;
//  - --demo shows the simulated AWS, Azure and Google Cloud side by side: every tab has charts
//    of the three clouds, grouped by account, and the Azure and Google ones fill with data.
#include "../support/manual_clock.h"
#include "app/app_controller.h"
#include "charts/metric_chart_view.h"
#include "core/alerts/alert_engine.h"
#include "core/alerts/user_rules_file.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "core/store/series_store.h"
#include "gui/main_window.h"
#include "gui/notification_settings.h"
#include "gui/notification_settings_dialog.h"
#include "gui/stage_tab.h"
#include "gui/user_rule_store.h"
#include "notify/alert_notifier.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 60'000; // generous: discovery and the first fetch on a loaded machine
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

NotificationSettings custom() {
    NotificationSettings s;
    s.quietHours = QuietHours{true, QTime(21, 30), QTime(6, 15), false};
    s.desktopEnabled = false;
    return s;
}

} // namespace

class TestAppController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session (ctest does)");
        if (QDBusConnection::sessionBus().interface()->isServiceRegistered(
                QStringLiteral("org.freedesktop.Notifications")))
            QSKIP("a notification server owns the name; run through ctest (a private bus)");
        QCoreApplication::setApplicationName(QStringLiteral("mlwatch-tst-app"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
    }
    // A fresh data folder (alert history, rules) and settings folder for every test.
    void init() {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("XDG_DATA_HOME", m_home->filePath(QStringLiteral("data")).toUtf8());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home->filePath(QStringLiteral("config")));
        QSettings().clear();
    }
    void cleanup() { m_home.reset(); }

    void storedNotificationSettingsReachTheNotifierAtStart_data();
    void storedNotificationSettingsReachTheNotifierAtStart();
    void changedNotificationSettingsReachTheNotifier();
    void unavailableDesktopNotificationsShowInTheStatusBar();
    void failedWebhookShowsInTheStatusBarUntilOneIsDelivered();
    void evaluationTimerPutsSilentRulesIntoNoData();
    void rulesFileSitsBesideTheDemosHistory();
    void unreadableRulesFileIsReportedAndDefaultsRun();
    void demoShowsThreeCloudsOnEveryTab();

private:
    // Opens the demo and waits until its charts (and default rules) are there.
    static bool openDemoAndWaitForCharts(AppController &app) {
        if (!app.openDemo())
            return false;
        if (!app.session()->charts().isEmpty())
            return true;
        QSignalSpy ready(app.session(), &MonitorSession::chartsReady);
        return ready.wait(kWaitMs);
    }
    static QLabel *notice(const AppController &app) {
        return app.window()->findChild<QLabel *>(QStringLiteral("alertNoticeLabel"));
    }
    QString demoAlertFolder() const {
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/alerts/demo");
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestAppController::storedNotificationSettingsReachTheNotifierAtStart_data() {
    QTest::addColumn<bool>("stored");
    QTest::newRow("nothing stored: defaults (desktop on, no quiet hours)") << false;
    QTest::newRow("stored quiet hours and desktop off") << true;
}

void TestAppController::storedNotificationSettingsReachTheNotifierAtStart() {
    QFETCH(bool, stored);
    const NotificationSettings expected = stored ? custom() : NotificationSettings{};
    if (stored) {
        QSettings settings;
        expected.save(settings);
    }
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(app.openDemo());
    QVERIFY(app.alertNotifier());
    QCOMPARE(app.alertNotifier()->quietHours(), expected.quietHours);
    QCOMPARE(app.alertNotifier()->desktopEnabled(), expected.desktopEnabled);
}

void TestAppController::changedNotificationSettingsReachTheNotifier() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(app.openDemo());
    QCOMPARE(app.alertNotifier()->quietHours(), QuietHours{});

    auto *action = app.window()->findChild<QAction *>(QStringLiteral("actionNotificationSettings"));
    QVERIFY(action);
    action->trigger();
    auto *dialog =
        app.window()->findChild<NotificationSettingsDialog *>(QStringLiteral("notificationSettingsDialog"));
    QVERIFY(dialog);
    dialog->setSettings(custom());
    dialog->accept();
    QCOMPARE(app.alertNotifier()->quietHours(), custom().quietHours);
    QCOMPARE(app.alertNotifier()->desktopEnabled(), false);
    QCOMPARE(NotificationSettings::load(QSettings()), custom()); // and kept for the next start
}

void TestAppController::unavailableDesktopNotificationsShowInTheStatusBar() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(app.openDemo());
    QLabel *label = notice(app);
    QVERIFY(label);
    QVERIFY(!label->isVisible()); // nothing to report yet

    AlertNotification notification;
    NotificationItem item;
    item.ruleId = QStringLiteral("default:x");
    item.ruleName = QStringLiteral("Model latency");
    notification.items.append(item);
    app.desktopNotifier()->notify(notification); // no org.freedesktop.Notifications on this bus

    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), kWaitMs);
    QVERIFY(app.desktopNotifier()->lastError());
    QVERIFY2(label->text().contains(QStringLiteral("Desktop notifications unavailable")),
             qPrintable(label->text()));
    QCOMPARE(label->toolTip(), app.desktopNotifier()->lastError()->message); // in full
}

void TestAppController::failedWebhookShowsInTheStatusBarUntilOneIsDelivered() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(openDemoAndWaitForCharts(app));
    const AlertRule rule = app.session()->alerts().rules().first();
    QVERIFY(!rule.name.isEmpty());
    WebhookRetryPolicy once;
    once.maxAttempts = 1;
    app.webhookNotifier()->setRetryPolicy(once);

    // A loopback port nobody listens on: connection refused, a real failure.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    NotificationItem item;
    item.ruleId = rule.id;
    item.ruleName = rule.name;
    QSignalSpy failed(app.webhookNotifier(), &WebhookNotifier::failed);
    QVERIFY(app.webhookNotifier()->post(
        QUrl(QStringLiteral("http://127.0.0.1:%1/T000/B000/secret-path").arg(closedPort)), item));
    QVERIFY(failed.wait(kWaitMs) || !failed.isEmpty());
    const Error error = failed.first().at(1).value<Error>();

    QLabel *label = notice(app);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("Webhook of \"%1\" failed").arg(rule.name)),
             qPrintable(label->text()));
    QCOMPARE(label->toolTip(), error.message);
    QVERIFY(!label->toolTip().contains(QStringLiteral("secret-path"))); // webhook paths carry tokens

    // The rule's webhook works again: the notice goes.
    QHttpServer server;
    server.route(QStringLiteral("/hook"), QHttpServerRequest::Method::Post, [](const QHttpServerRequest &) {
        return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QSignalSpy delivered(app.webhookNotifier(), &WebhookNotifier::delivered);
    QVERIFY(app.webhookNotifier()->post(QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)), item));
    QVERIFY(delivered.wait(kWaitMs) || !delivered.isEmpty());
    QVERIFY(!label->isVisible());
}

void TestAppController::evaluationTimerPutsSilentRulesIntoNoData() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(app.openDemo());
    QSignalSpy fetched(&app.session()->scheduler(), &FetchScheduler::fetchFinished);
    QVERIFY(fetched.wait(kWaitMs) || !fetched.isEmpty());

    QTimer *timer = app.alertEvaluationTimer();
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), AppController::kAlertEvaluationIntervalMs);

    // A rule on a series the demo serves right up to now (an endpoint: a job may be over), judged
    // on the last 15 minutes with no delay, that goes to nodata when a whole window has no datapoint.
    std::optional<MetricQuery> live;
    for (const ChartSpec &chart : app.session()->charts())
        for (const ChartSeriesSpec &series : chart.series) {
            const SeriesData data = app.session()->store().series(series.query.seriesKey());
            if (!live && !data.timestampsMs.isEmpty() &&
                data.timestampsMs.last() >= kNow.addSecs(-600).toMSecsSinceEpoch())
                live = series.query;
        }
    QVERIFY2(live, "the demo serves some series up to now");
    AlertRule rule;
    rule.id = QStringLiteral("rule:silence");
    rule.name = QStringLiteral("Silence watch");
    rule.series = *live;
    rule.periodSeconds = 300;
    rule.series.periodSeconds = 300;
    rule.evaluationPeriods = 3;
    rule.critical = 1e15; // never breached: the state tells data from no data
    rule.evaluationDelaySeconds = 0;
    rule.missingData = MissingDataPolicy::Missing;
    AlertEngine &engine = app.session()->alerts();
    QVERIFY(engine.addOrReplaceRule(rule));

    // No fetch happens between advancing the clock and the tick: the test never returns to the
    // event loop in between, so the scheduler's own timer cannot fetch for the new time.
    // (QTimer::timeout is a private signal: it is fired through the meta-object, as QTimer does.)
    QVERIFY(QMetaObject::invokeMethod(timer, "timeout", Qt::DirectConnection));
    QCOMPARE(engine.status(rule.id).state.kind, AlertStateKind::Ok); // data within the window
    clock.advanceSeconds(24 * 3600);                                 // fetches stopped a day ago
    QVERIFY(QMetaObject::invokeMethod(timer, "timeout", Qt::DirectConnection));
    QCOMPARE(engine.status(rule.id).state.kind, AlertStateKind::NoData);
}

void TestAppController::rulesFileSitsBesideTheDemosHistory() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(app.openDemo());
    QVERIFY(app.userRules());
    QCOMPARE(app.userRules()->path(), UserRulesFile::pathIn(demoAlertFolder()));
    QVERIFY(app.userRules()->path().startsWith(m_home->path())); // AppDataLocation, here the test's
    QVERIFY(!app.userRules()->loadError());
}

void TestAppController::unreadableRulesFileIsReportedAndDefaultsRun() {
    QVERIFY(QDir().mkpath(demoAlertFolder()));
    const QString path = UserRulesFile::pathIn(demoAlertFolder());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"mlwatch-rules\", \"version\": 1, \"rules\": [1, }");
    }
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(openDemoAndWaitForCharts(app));              // the app starts all the same …
    QVERIFY(!app.session()->alerts().rules().isEmpty()); // … on the default rules
    QVERIFY(app.userRules()->loadError());
    QLabel *label = notice(app);
    QVERIFY(label->isVisible()); // … and says so
    QVERIFY2(label->text().contains(QStringLiteral("default rules in use")), qPrintable(label->text()));
    QVERIFY(label->toolTip().contains(path));
    QVERIFY(label->toolTip().contains(QStringLiteral("line 1, column")));
}

void TestAppController::demoShowsThreeCloudsOnEveryTab() {
    test::ManualClock clock(kNow);
    AppController app(clock);
    QVERIFY(openDemoAndWaitForCharts(app));
    QCOMPARE(app.session()->accounts().size(), 3);
    QCOMPARE(app.session()->accounts().at(1).id, QLatin1String(AppController::kDemoAzureAccountId));
    QCOMPARE(app.session()->accounts().at(2).id, QLatin1String(AppController::kDemoGoogleAccountId));
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Azure")));
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Google")));

    for (Stage stage : allStages()) {
        StageTab *tab = app.window()->stageTab(stage);
        QVERIFY(tab);
        QStringList clouds;
        for (const MetricChartView *chart : tab->charts()) {
            QCOMPARE(chart->spec().stage, stage);
            if (!clouds.contains(chart->spec().cloud))
                clouds.append(chart->spec().cloud);
        }
        QCOMPARE(clouds,
                 (QStringList{QStringLiteral("aws"), QStringLiteral("azure"), QStringLiteral("gcp")}));
        QVERIFY(tab->isGroupedByAccount());
        QStringList headings;
        for (const QLabel *heading : tab->findChildren<QLabel *>(QStringLiteral("accountHeading")))
            headings.append(heading->text());
        QVERIFY2(headings.contains(QStringLiteral("Azure — Demo Azure (fraud-ml)")),
                 qPrintable(headings.join(QLatin1Char('|'))));
        QVERIFY2(headings.contains(QStringLiteral("Google Cloud — Demo Google Cloud (mlwatch-demo-gcp)")),
                 qPrintable(headings.join(QLatin1Char('|'))));
    }

    // The Azure charts fill: the story's endpoint has requests in the last 24 hours.
    MetricChartView *requests = nullptr;
    for (MetricChartView *chart : app.window()->stageTab(Stage::Monitoring)->charts())
        if (chart->spec().id == QLatin1String("monitoring/requests/demo-azure/fraud-scoring"))
            requests = chart;
    QVERIFY(requests);
    QTRY_VERIFY_WITH_TIMEOUT(requests->hasDataInWindow(), kWaitMs);
    // … and so do the Google ones: churn-scoring serves predictions around the clock.
    MetricChartView *predictions = nullptr;
    for (MetricChartView *chart : app.window()->stageTab(Stage::Monitoring)->charts())
        if (chart->spec().id == QLatin1String("monitoring/requests/demo-gcp/churn-scoring"))
            predictions = chart;
    QVERIFY(predictions);
    QTRY_VERIFY_WITH_TIMEOUT(predictions->hasDataInWindow(), kWaitMs);
}

QTEST_MAIN(TestAppController)
#include "tst_app_controller.moc"
