#pragma once

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace mlwatch::test {

// A notification server for tests: implements org.freedesktop.Notifications (Notify,
// GetCapabilities, CloseNotification, GetServerInformation) on its OWN connection to the session
// bus, records every Notify, and emits ActionInvoked / NotificationClosed on request.
//
// Being a second connection (QDBusConnection::connectToBus(SessionBus, "fake-notifyd-N")), its
// calls go through the real bus daemon, like a real notification daemon's. The object lives in
// the test's thread, so it answers only while the test runs the event loop (QSignalSpy::wait,
// QTRY_*): the code under test must never make blocking calls to it (no QDBusInterface).
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct NotifyCall {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
        uint id = 0; // the id this server answered
    };

    // Connects, exports the object at /org/freedesktop/Notifications and owns the name
    // org.freedesktop.Notifications; isRegistered() tells whether that worked.
    explicit FakeNotificationServer(QStringList capabilities = {QStringLiteral("actions"),
                                                                QStringLiteral("body")},
                                    QObject *parent = nullptr);
    ~FakeNotificationServer() override; // releases the name and disconnects

    bool isRegistered() const { return m_registered; }
    const QList<NotifyCall> &calls() const { return m_calls; }
    int capabilityQueries() const { return m_capabilityQueries; }

    // Sends the signals a real server sends when the user clicks an action or closes a bubble.
    void invokeAction(uint id, const QString &actionKey);
    void close(uint id, uint reason = 2);

public Q_SLOTS:
    Q_SCRIPTABLE uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                             const QString &summary, const QString &body, const QStringList &actions,
                             const QVariantMap &hints, int expire_timeout);
    Q_SCRIPTABLE QStringList GetCapabilities();
    Q_SCRIPTABLE void CloseNotification(uint id);
    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version, QString &spec_version);

Q_SIGNALS:
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &action_key);
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);
    // Local only (not exported): a Notify was recorded.
    void notifyReceived();

private:
    QString m_connectionName;
    QDBusConnection m_connection;
    QStringList m_capabilities;
    QList<NotifyCall> m_calls;
    uint m_nextId = 1;
    int m_capabilityQueries = 0;
    bool m_registered = false;
};

} // namespace mlwatch::test
