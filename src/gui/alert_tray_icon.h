#pragma once

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace mlwatch {

class AlertEngine;

// The tray icon, where the desktop has a tray (create it only when isAvailable()): the app icon
// with a red badge counting the firing alerts, a tooltip that names them, and a menu — show the
// window, the alerts panel, quit. Clicking the icon shows the window. It emits intents only;
// the app decides what they do. Follows AlertEngine::stateChanged.
class AlertTrayIcon : public QObject {
    Q_OBJECT
public:
    // `engine` must outlive the tray icon. `appIcon` null: the application's window icon.
    explicit AlertTrayIcon(const AlertEngine &engine, const QIcon &appIcon = QIcon(),
                           QObject *parent = nullptr);
    ~AlertTrayIcon() override;

    static bool isAvailable();

    void show();
    // A balloon where the desktop has no notification service (DesktopNotifier::undelivered).
    void showMessage(const QString &title, const QString &body);
    int firingCount() const { return m_firing; }
    QString toolTip() const;
    QIcon icon() const;
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    // The app icon with the count drawn on it (no badge for 0; "99+" past 99).
    static QIcon badgedIcon(const QIcon &base, int count);

Q_SIGNALS:
    void showWindowRequested();
    void showAlertsRequested();
    void quitRequested();

private:
    void update();

    const AlertEngine &m_engine;
    QIcon m_base;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr; // not a QObject child: QMenu is a QWidget and needs no parent here
    int m_firing = -1;
};

} // namespace mlwatch
