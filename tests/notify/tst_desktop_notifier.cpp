#include "notify/desktop_notifier.h"
#include "support/fake_notification_server.h"
#include "support/manual_clock.h"

#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Runs on a private session bus without service activation (ctest: dbus-run-session with
// tests/notify/session-noactivation.conf), against FakeNotificationServer on a second connection.

using namespace mlwatch;
using mlwatch::test::FakeNotificationServer;
using mlwatch::test::ManualClock;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const qint64 kPeriodMs = QDateTime(QDate(2026, 11, 20), QTime(12, 5), Qt::UTC).toMSecsSinceEpoch();
constexpr int kWaitMs = 10000;

// "lat:fired/critical" → a line about rule "lat" (Endpoint latency, 1300 ms) or "err" (Error rate, 5.25 %).
NotificationItem item(const QString &spec) {
    const QStringList idRest = spec.split(QLatin1Char(':'));
    const QStringList kindLevel = idRest.value(1).split(QLatin1Char('/'));
    NotificationItem i;
    i.ruleId = idRest.value(0);
    const bool latency = i.ruleId == QLatin1String("lat");
    i.ruleName = latency ? QStringLiteral("Endpoint latency") : QStringLiteral("Error rate");
    i.unit = latency ? QStringLiteral("ms") : QStringLiteral("%");
    i.unitSymbol = i.unit;
    i.value = latency ? 1300 : 5.25;
    i.periodMs = kPeriodMs;
    i.level = alertLevelFromName(kindLevel.value(1)).value_or(AlertLevel::None);
    const QString kind = kindLevel.value(0);
    using K = NotificationItem::Kind;
    i.kind = kind == QLatin1String("resolved")   ? K::Resolved
             : kind == QLatin1String("reminder") ? K::Reminder
             : kind == QLatin1String("nodata")   ? K::NoData
                                                 : K::Fired;
    if (i.kind == K::Resolved)
        i.state = {AlertStateKind::Ok, AlertLevel::None};
    else if (i.kind == K::NoData)
        i.state = {AlertStateKind::NoData, AlertLevel::None};
    else
        i.state = {AlertStateKind::Firing, i.level};
    return i;
}

AlertNotification notification(const QStringList &specs) {
    AlertNotification n;
    for (const QString &spec : specs)
        n.items.append(item(spec));
    return n;
}

QStringList actionKeys(const QStringList &actions) {
    QStringList keys;
    for (qsizetype i = 0; i < actions.size(); i += 2)
        keys.append(actions[i]);
    return keys;
}

// Every intent a notifier emits, as "open:lat", "snooze:lat:+3600s", "ack:lat".
class IntentLog : public QObject {
public:
    IntentLog(DesktopNotifier &notifier, const ManualClock &clock) {
        connect(&notifier, &DesktopNotifier::openRequested, this,
                [this](const QString &id) { entries.append(QStringLiteral("open:") + id); });
        connect(&notifier, &DesktopNotifier::snoozeRequested, this,
                [this, &clock](const QString &id, qint64 until) {
                    entries.append(
                        QStringLiteral("snooze:%1:+%2s").arg(id).arg((until - clock.nowMs()) / 1000));
                });
        connect(&notifier, &DesktopNotifier::acknowledgeRequested, this,
                [this](const QString &id) { entries.append(QStringLiteral("ack:") + id); });
    }
    QStringList entries;
};

} // namespace

class TestDesktopNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), "no session bus: run under dbus-run-session (ctest does)");
        // Never pop up bubbles on a developer's desktop, nor fight a real daemon for the name.
        if (bus.interface()->isServiceRegistered(kService))
            QSKIP("a real notification server owns org.freedesktop.Notifications; run through ctest "
                  "(a private dbus-run-session bus)");
    }

    void notifyCarriesTheAlert_data() {
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QStringList>("bodyContains");
        QTest::addColumn<int>("urgency");
        QTest::addColumn<QStringList>("actions");
        const QStringList all{"open", "snooze-1h", "acknowledge"};
        QTest::newRow("critical fires: urgency 2, all three actions")
            << QStringList{"lat:fired/critical"} << "Critical: Endpoint latency"
            << QStringList{"Endpoint latency is firing (critical): 1,300 ms at ", "12:05", " UTC"} << 2
            << all;
        QTest::newRow("warning fires: urgency 1")
            << QStringList{"err:fired/warning"} << "Warning: Error rate"
            << QStringList{"Error rate is firing (warning): 5.25 % at"} << 1 << all;
        QTest::newRow("resolution: only Open, nothing to snooze")
            << QStringList{"lat:resolved/critical"} << "Resolved: Endpoint latency"
            << QStringList{"Endpoint latency resolved (was critical): 1,300 ms"} << 1 << QStringList{"open"};
        QTest::newRow("reminder says still firing")
            << QStringList{"lat:reminder/warning"} << "Still firing: Endpoint latency"
            << QStringList{"Endpoint latency is still firing (warning)"} << 1 << all;
        QTest::newRow("coalesced: one Notify lists every line, urgency of the worst")
            << QStringList{"lat:fired/critical", "err:fired/warning", "err:resolved/warning"}
            << "Alerts: 2 firing, 1 resolved"
            << QStringList{"Endpoint latency is firing (critical)", "\nError rate is firing (warning)",
                           "\nError rate resolved"}
            << 2 << all;
    }
    void notifyCarriesTheAlert() {
        QFETCH(QStringList, items);
        QFETCH(QString, summary);
        QFETCH(QStringList, bodyContains);
        QFETCH(int, urgency);
        QFETCH(QStringList, actions);
        FakeNotificationServer server;
        QVERIFY(server.isRegistered());
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        notifier.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        notifier.setTimeZone(QTimeZone::utc());
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);

        notifier.notify(notification(items));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().size(), 1);
        const FakeNotificationServer::NotifyCall call = server.calls().first();
        QCOMPARE(shown.first().first().toUInt(), call.id);
        QCOMPARE(call.appName, QStringLiteral("MLWatch"));
        QCOMPARE(call.appIcon, QStringLiteral("mlwatch"));
        QCOMPARE(call.summary, summary);
        for (const QString &part : std::as_const(bodyContains))
            QVERIFY2(call.body.contains(part), qPrintable(call.body));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).metaType(), QMetaType::fromType<uchar>()); // 'y'
        QCOMPARE(int(call.hints.value(QStringLiteral("urgency")).value<uchar>()), urgency);
        QCOMPARE(actionKeys(call.actions), actions);
        QCOMPARE(call.actions.size(), actions.size() * 2); // every key has a label
        QCOMPARE(call.replacesId, 0u);
    }

    void actionsBecomeIntents_data() {
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("intents");
        QTest::newRow("snooze: snoozeRequested until now + 1 h")
            << QStringList{"lat:fired/critical"} << "snooze-1h" << QStringList{"snooze:lat:+3600s"};
        QTest::newRow("acknowledge") << QStringList{"lat:fired/critical"} << "acknowledge"
                                     << QStringList{"ack:lat"};
        QTest::newRow("open") << QStringList{"lat:fired/critical"} << "open" << QStringList{"open:lat"};
        QTest::newRow("a click on the body opens")
            << QStringList{"lat:fired/critical"} << "default" << QStringList{"open:lat"};
        QTest::newRow("snooze on a coalesced notification snoozes every firing rule in it")
            << QStringList{"lat:fired/critical", "err:fired/warning", "x:resolved/warning"} << "snooze-1h"
            << QStringList{"snooze:lat:+3600s", "snooze:err:+3600s"};
        QTest::newRow("open on a coalesced notification opens the most severe rule")
            << QStringList{"lat:fired/critical", "err:fired/warning"} << "open" << QStringList{"open:lat"};
    }
    void actionsBecomeIntents() {
        QFETCH(QStringList, items);
        QFETCH(QString, action);
        QFETCH(QStringList, intents);
        FakeNotificationServer server;
        QVERIFY(server.isRegistered());
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        IntentLog log(notifier, clock);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(notification(items));
        QVERIFY(shown.wait(kWaitMs));

        server.invokeAction(server.calls().first().id, action);
        QTRY_COMPARE_WITH_TIMEOUT(log.entries, intents, kWaitMs);
    }

    void actionsOfOtherNotificationsAreIgnored() {
        FakeNotificationServer server;
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        IntentLog log(notifier, clock);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(shown.wait(kWaitMs));
        const uint ours = server.calls().first().id;
        // Signals of one sender arrive in order: once the second is seen, the first was ignored.
        server.invokeAction(ours + 100, QStringLiteral("acknowledge"));
        server.invokeAction(ours, QStringLiteral("open"));
        QTRY_COMPARE_WITH_TIMEOUT(log.entries, QStringList{QStringLiteral("open:lat")}, kWaitMs);
        // After NotificationClosed the id is forgotten.
        server.close(ours);
        server.invokeAction(ours, QStringLiteral("acknowledge"));
        notifier.notify(notification({QStringLiteral("err:fired/warning")}));
        QVERIFY(shown.wait(kWaitMs));
        server.invokeAction(server.calls().last().id, QStringLiteral("acknowledge"));
        QTRY_COMPARE_WITH_TIMEOUT(
            log.entries, (QStringList{QStringLiteral("open:lat"), QStringLiteral("ack:err")}), kWaitMs);
    }

    void serverWithoutActionsGetsNoActions() {
        FakeNotificationServer server({QStringLiteral("body")});
        QVERIFY(server.isRegistered());
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().first().actions, QStringList());
        QCOMPARE(notifier.capabilities(), QStringList{QStringLiteral("body")});
    }

    void capabilitiesAreAskedOnce() {
        FakeNotificationServer server;
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        // Three notifications before the answer: all held, then all sent.
        for (const char *spec : {"lat:fired/critical", "err:fired/warning", "lat:resolved/critical"})
            notifier.notify(notification({QString::fromLatin1(spec)}));
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 3, kWaitMs);
        QCOMPARE(server.capabilityQueries(), 1);
    }

    void followUpReplacesTheRulesOpenNotification() {
        FakeNotificationServer server;
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(shown.wait(kWaitMs));
        notifier.notify(notification({QStringLiteral("lat:resolved/critical")}));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().at(1).replacesId, server.calls().at(0).id);

        // Once the user closed it, a new one is shown instead.
        server.close(server.calls().at(1).id);
        notifier.notify(notification({QStringLiteral("err:fired/warning")})); // a marker for the close
        QVERIFY(shown.wait(kWaitMs));
        notifier.notify(notification({QStringLiteral("lat:fired/warning")}));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().last().replacesId, 0u);
    }

    void noServerOnTheBusSaysSoOnce() {
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
        QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);

        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(undelivered.wait(kWaitMs));
        QCOMPARE(unavailable.size(), 1);
        const QString message = unavailable.first().first().toString();
        QVERIFY2(message.contains(QLatin1String("no notification service")), qPrintable(message));
        QVERIFY2(message.contains(kService), qPrintable(message));
        QCOMPARE(undelivered.first().first().toString(), QStringLiteral("Critical: Endpoint latency"));
        QVERIFY(notifier.lastError());
        // On a bus without activation: ServiceUnknown, not a crashed spawned daemon.
        QVERIFY2(notifier.lastError()->detail.startsWith(
                     QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")),
                 qPrintable(notifier.lastError()->detail));

        notifier.notify(notification({QStringLiteral("err:fired/warning")}));
        QVERIFY(undelivered.wait(kWaitMs));
        QCOMPARE(unavailable.size(), 1); // said once
    }

    void serverStartedLaterIsUsed() {
        ManualClock clock;
        DesktopNotifier notifier(clock, QDBusConnection::sessionBus());
        QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
        QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(undelivered.wait(kWaitMs));

        FakeNotificationServer server;
        QVERIFY(server.isRegistered());
        notifier.notify(notification({QStringLiteral("lat:reminder/critical")}));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(server.calls().size(), 1);
        QCOMPARE(unavailable.size(), 1);
        // Actions work with a server that came later (the signal match follows the name's owner).
        IntentLog log(notifier, clock);
        server.invokeAction(server.calls().first().id, QStringLiteral("acknowledge"));
        QTRY_COMPARE_WITH_TIMEOUT(log.entries, QStringList{QStringLiteral("ack:lat")}, kWaitMs);
    }

    void noBusAtAllSaysSo() {
        ManualClock clock;
        const QDBusConnection none(QStringLiteral("mlwatch-no-such-connection")); // never connected
        QVERIFY(!none.isConnected());
        DesktopNotifier notifier(clock, none);
        QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
        notifier.notify(notification({QStringLiteral("lat:fired/critical")}));
        QVERIFY(unavailable.wait(kWaitMs));
        QVERIFY2(unavailable.first().first().toString().contains(QLatin1String("no D-Bus session bus")),
                 qPrintable(unavailable.first().first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktop_notifier.moc"
