#include "support/fake_notification_server.h"

#include <QAtomicInt>

namespace mlwatch::test {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

QString nextConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("fake-notifyd-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

FakeNotificationServer::FakeNotificationServer(QStringList capabilities, QObject *parent)
    : QObject(parent)
    , m_connectionName(nextConnectionName())
    , m_connection(QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName))
    , m_capabilities(std::move(capabilities)) {
    m_registered =
        m_connection.isConnected() &&
        m_connection.registerObject(
            kPath, this, QDBusConnection::ExportScriptableSlots | QDBusConnection::ExportScriptableSignals) &&
        m_connection.registerService(kService);
}

FakeNotificationServer::~FakeNotificationServer() {
    m_connection.unregisterService(kService);
    m_connection.unregisterObject(kPath);
    QDBusConnection::disconnectFromBus(m_connectionName);
}

uint FakeNotificationServer::Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                                    const QString &summary, const QString &body, const QStringList &actions,
                                    const QVariantMap &hints, int expire_timeout) {
    NotifyCall call{app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout, 0};
    call.id = replaces_id != 0 ? replaces_id : m_nextId++;
    m_calls.append(call);
    Q_EMIT notifyReceived();
    return call.id;
}

QStringList FakeNotificationServer::GetCapabilities() {
    ++m_capabilityQueries;
    return m_capabilities;
}

void FakeNotificationServer::CloseNotification(uint id) {
    Q_EMIT NotificationClosed(id, 3); // 3: closed by a call to CloseNotification
}

QString FakeNotificationServer::GetServerInformation(QString &vendor, QString &version,
                                                     QString &spec_version) {
    vendor = QStringLiteral("MLWatch tests");
    version = QStringLiteral("1.0");
    spec_version = QStringLiteral("1.2");
    return QStringLiteral("fake-notifyd");
}

void FakeNotificationServer::invokeAction(uint id, const QString &actionKey) {
    Q_EMIT ActionInvoked(id, actionKey);
}

void FakeNotificationServer::close(uint id, uint reason) {
    Q_EMIT NotificationClosed(id, reason);
}

} // namespace mlwatch::test
