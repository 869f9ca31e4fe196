#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/net/http_client.h"
#include "core/store/series_store.h"
#include "notify/alert_notifier.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"
#include "support/fake_notification_server.h"
#include "support/manual_clock.h"

#include <QDBusConnectionInterface>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The whole path on real parts: SeriesStore → AlertEngine → AlertNotifier → DesktopNotifier on a
// private session bus (FakeNotificationServer) and WebhookNotifier to a loopback HTTP server.

using namespace mlwatch;
using mlwatch::test::FakeNotificationServer;
using mlwatch::test::ManualClock;

namespace {

constexpr int kWaitMs = 10000;
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

AlertRule latencyRule(const QString &id, const QString &name, double critical) {
    AlertRule r;
    r.id = id;
    r.name = name;
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = QStringLiteral("ModelLatency");
    r.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("ep")}};
    r.series.stat = QStringLiteral("Average");
    r.unit = QStringLiteral("ms");
    r.critical = critical;
    r.evaluationDelaySeconds = 0;
    r.notifications.repeatIntervalSeconds = 3600;
    return r;
}

// `periods` one-minute datapoints from the newest period due at kNow (11:59–12:00) on.
SeriesData latencySeries(double value, int periods = 1) {
    SeriesData d;
    d.seriesKey = latencyRule(QStringLiteral("x"), QString(), 1).seriesKey();
    for (int i = 0; i < periods; ++i) {
        d.timestampsMs.append(kNow.addSecs(60 * (i - 1)).toMSecsSinceEpoch());
        d.values.append(value);
    }
    return d;
}

// Everything one run of the app would hold, in dependency order.
struct App {
    explicit App(ManualClock &clock)
        : engine(clock, store)
        , notifier(engine, clock)
        , desktop(clock) {
        notifier.setReminderCheckInterval(std::chrono::milliseconds(0)); // checkReminders() by hand
        notifier.setDesktopNotifier(&desktop);
    }
    SeriesStore store;
    AlertEngine engine;
    AlertNotifier notifier;
    DesktopNotifier desktop;
};

} // namespace

class TestAlertNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), "no session bus: run under dbus-run-session (ctest does)");
        if (bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")))
            QSKIP("a real notification server owns the name; run through ctest (a private bus)");
    }

    void onePassBecomesOneDesktopNotification() {
        FakeNotificationServer server;
        QVERIFY(server.isRegistered());
        ManualClock clock(kNow);
        App app(clock);
        QVERIFY(app.engine.setRules(
            {latencyRule(QStringLiteral("lat"), QStringLiteral("Latency"), 1000),
             latencyRule(QStringLiteral("lat-strict"), QStringLiteral("Latency strict"), 500)}));
        QSignalSpy notified(&app.notifier, &AlertNotifier::notified);
        QSignalSpy received(&server, &FakeNotificationServer::notifyReceived);

        app.store.replace(latencySeries(1300)); // both rules fire in one evaluation pass
        QVERIFY(received.wait(kWaitMs));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(server.calls().size(), 1);
        QCOMPARE(server.calls().first().summary, QStringLiteral("Alerts: 2 firing"));
        QCOMPARE(server.calls().first().hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(2));
    }

    void actionsReachTheEngine() {
        FakeNotificationServer server;
        ManualClock clock(kNow);
        App app(clock);
        QVERIFY(app.engine.setRules({latencyRule(QStringLiteral("lat"), QStringLiteral("Latency"), 1000)}));
        QSignalSpy shown(&app.desktop, &DesktopNotifier::shown);
        app.store.replace(latencySeries(1300));
        QVERIFY(shown.wait(kWaitMs));
        const uint id = server.calls().first().id;

        server.invokeAction(id, QStringLiteral("snooze-1h"));
        QTRY_COMPARE_WITH_TIMEOUT(app.engine.status(QStringLiteral("lat")).snoozedUntilMs,
                                  kNow.addSecs(3600).toMSecsSinceEpoch(), kWaitMs);
        server.invokeAction(id, QStringLiteral("acknowledge"));
        QTRY_VERIFY_WITH_TIMEOUT(app.engine.status(QStringLiteral("lat")).acknowledged, kWaitMs);
    }

    void webhookOfTheRuleReceivesTheTransition() {
        QHttpServer http;
        QList<QByteArray> bodies;
        http.route(QStringLiteral("/hook"), QHttpServerRequest::Method::Post,
                   [&bodies](const QHttpServerRequest &req) {
                       bodies.append(req.body());
                       return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
                   });
        const quint16 port = http.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);

        FakeNotificationServer server;
        ManualClock clock(kNow);
        App app(clock);
        HttpClient client;
        WebhookNotifier webhook(client);
        app.notifier.setWebhookNotifier(&webhook);
        AlertRule rule = latencyRule(QStringLiteral("lat"), QStringLiteral("Latency"), 1000);
        rule.notifications.desktop = false;
        rule.notifications.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port));
        QVERIFY(app.engine.setRules({rule}));
        QSignalSpy delivered(&webhook, &WebhookNotifier::delivered);

        app.store.replace(latencySeries(1300));
        QVERIFY(delivered.wait(kWaitMs));
        QCOMPARE(bodies.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(bodies.first()).object();
        QCOMPARE(body.value(QStringLiteral("rule")).toString(), QStringLiteral("lat"));
        QCOMPARE(body.value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
        QCOMPARE(body.value(QStringLiteral("level")).toString(), QStringLiteral("critical"));
        QCOMPARE(body.value(QStringLiteral("value")).toDouble(), 1300.0);
        QCOMPARE(body.value(QStringLiteral("time")).toString(), QStringLiteral("2026-11-20T11:59:00Z"));

        // Desktop is off for this rule: a marker sent afterwards is the server's first call.
        QSignalSpy shown(&app.desktop, &DesktopNotifier::shown);
        AlertNotification marker;
        marker.items.append(NotificationItem{});
        app.desktop.notify(marker);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().size(), 1);
    }

    // Alerts → Notification settings… "Show desktop notifications" off: the policy still decides
    // (notified), but nothing reaches the desktop; switched on again, the next one does.
    void desktopSwitchOffKeepsNotificationsOffTheDesktop() {
        FakeNotificationServer server;
        ManualClock clock(kNow);
        App app(clock);
        QVERIFY(app.notifier.desktopEnabled()); // on by default
        QVERIFY(app.engine.setRules({latencyRule(QStringLiteral("lat"), QStringLiteral("Latency"), 1000),
                                     latencyRule(QStringLiteral("strict"), QStringLiteral("Strict"), 2000)}));
        QSignalSpy notified(&app.notifier, &AlertNotifier::notified);
        QSignalSpy received(&server, &FakeNotificationServer::notifyReceived);

        app.notifier.setDesktopEnabled(false);
        QVERIFY(!app.notifier.desktopEnabled());
        app.store.replace(latencySeries(1300)); // "lat" fires
        app.notifier.deliverPending();
        QCOMPARE(notified.size(), 1);

        app.notifier.setDesktopEnabled(true);
        clock.advanceSeconds(60);                  // the next period
        app.store.replace(latencySeries(2500, 2)); // "strict" fires too; "lat" just stays firing
        app.notifier.deliverPending();
        QCOMPARE(notified.size(), 2);
        QVERIFY(received.wait(kWaitMs));
        // D-Bus keeps the order of one sender's calls: had the first been sent, it would be first.
        QCOMPARE(server.calls().size(), 1);
        QCOMPARE(server.calls().first().summary, QStringLiteral("Critical: Strict"));
    }

    void restartSendsNoDuplicateAndKeepsRepeating() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeNotificationServer server;
        QSignalSpy received(&server, &FakeNotificationServer::notifyReceived);
        ManualClock clock(kNow);
        const AlertRule rule = latencyRule(QStringLiteral("lat"), QStringLiteral("Latency"), 1000);
        {
            App first(clock);
            QVERIFY(first.engine.attachHistory(std::make_unique<AlertHistory>(dir.path())));
            QVERIFY(first.engine.setRules({rule}));
            first.store.replace(latencySeries(1300));
            QVERIFY(received.wait(kWaitMs));
        }
        QCOMPARE(server.calls().size(), 1);

        clock.advanceSeconds(120);
        App second(clock);
        QVERIFY(second.engine.setRules({rule}));
        QVERIFY(second.engine.attachHistory(std::make_unique<AlertHistory>(dir.path())));
        QVERIFY(second.engine.status(QStringLiteral("lat")).state.isFiring()); // restored
        QSignalSpy notified(&second.notifier, &AlertNotifier::notified);
        second.store.replace(latencySeries(1300, 3)); // still above critical up to 12:02
        second.engine.evaluateAll();
        second.notifier.deliverPending();
        second.notifier.checkReminders();
        QCOMPARE(notified.size(), 0); // the restart itself says nothing

        clock.advanceSeconds(3600); // the repeat interval since the rule began firing
        second.notifier.checkReminders();
        QCOMPARE(notified.size(), 1);
        QVERIFY(received.wait(kWaitMs));
        QCOMPARE(server.calls().size(), 2);
        QCOMPARE(server.calls().last().summary, QStringLiteral("Still firing: Latency"));
    }
};

QTEST_GUILESS_MAIN(TestAlertNotifier)
#include "tst_alert_notifier.moc"
