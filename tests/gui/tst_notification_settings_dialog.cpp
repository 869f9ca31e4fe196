// Alerts → Notification settings…: the dialog shows and returns every field (quiet hours on/off,
// from, until, critical breaks through; desktop notifications on/off) and names the time zone;
// the settings round-trip through QSettings under the keys of settings_keys.h with their
// defaults; and the main window's action opens the dialog on the stored settings, stores what
// is accepted and announces it (the app applies it to the notifier: tests/app).
#include "../support/manual_clock.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/notification_settings.h"
#include "gui/notification_settings_dialog.h"
#include "gui/settings_keys.h"

#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::NotificationSettings)

namespace {

NotificationSettings make(bool quiet, QTime start, QTime end, bool critical, bool desktop) {
    NotificationSettings s;
    s.quietHours = QuietHours{quiet, start, end, critical};
    s.desktopEnabled = desktop;
    return s;
}

} // namespace

class TestNotificationSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        // Keep the person's real settings out of it: QSettings() lands in the temporary folder.
        QCoreApplication::setOrganizationName(QStringLiteral("mlwatch-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_notification_settings_dialog"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }
    void init() { QSettings().clear(); }

    void dialogShowsAndReturnsEveryField_data();
    void dialogShowsAndReturnsEveryField();
    void editingTheWidgetsChangesTheSettings();
    void dialogNamesTheTimeZone();
    void settingsRoundTripThroughQSettings_data();
    void settingsRoundTripThroughQSettings();
    void unreadableStoredValuesFallBackToDefaults();
    void mainWindowActionStoresAndAnnouncesTheSettings();

private:
    QTemporaryDir m_settingsDir;
};

void TestNotificationSettingsDialog::dialogShowsAndReturnsEveryField_data() {
    QTest::addColumn<NotificationSettings>("settings");
    QTest::newRow("defaults: desktop on, quiet hours off (22:00–07:00, critical breaks through)")
        << NotificationSettings{};
    QTest::newRow("quiet hours past midnight, critical held back too")
        << make(true, QTime(21, 30), QTime(6, 15), false, true);
    QTest::newRow("quiet hours within one day") << make(true, QTime(12, 0), QTime(13, 30), true, true);
    QTest::newRow("desktop notifications off") << make(false, QTime(22, 0), QTime(7, 0), true, false);
}

void TestNotificationSettingsDialog::dialogShowsAndReturnsEveryField() {
    QFETCH(NotificationSettings, settings);
    test::ManualClock clock;
    NotificationSettingsDialog dialog(clock);
    dialog.setSettings(settings);
    QCOMPARE(dialog.settings(), settings);

    auto *quiet = dialog.findChild<QGroupBox *>(QStringLiteral("quietHoursGroup"));
    auto *start = dialog.findChild<QTimeEdit *>(QStringLiteral("startEdit"));
    auto *end = dialog.findChild<QTimeEdit *>(QStringLiteral("endEdit"));
    auto *critical = dialog.findChild<QCheckBox *>(QStringLiteral("criticalCheck"));
    auto *desktop = dialog.findChild<QCheckBox *>(QStringLiteral("desktopCheck"));
    QVERIFY(quiet && start && end && critical && desktop);
    QCOMPARE(quiet->isChecked(), settings.quietHours.enabled);
    QCOMPARE(start->time(), settings.quietHours.start);
    QCOMPARE(end->time(), settings.quietHours.end);
    QCOMPARE(critical->isChecked(), settings.quietHours.criticalBreaksThrough);
    QCOMPARE(desktop->isChecked(), settings.desktopEnabled);
    // The times cannot be edited while quiet hours are off.
    QCOMPARE(start->isEnabled(), settings.quietHours.enabled);
}

void TestNotificationSettingsDialog::editingTheWidgetsChangesTheSettings() {
    test::ManualClock clock;
    NotificationSettingsDialog dialog(clock);
    QCOMPARE(dialog.settings(), NotificationSettings{}); // a new dialog shows the defaults
    dialog.findChild<QGroupBox *>(QStringLiteral("quietHoursGroup"))->setChecked(true);
    dialog.findChild<QTimeEdit *>(QStringLiteral("startEdit"))->setTime(QTime(23, 45));
    dialog.findChild<QTimeEdit *>(QStringLiteral("endEdit"))->setTime(QTime(5, 0));
    dialog.findChild<QCheckBox *>(QStringLiteral("criticalCheck"))->setChecked(false);
    dialog.findChild<QCheckBox *>(QStringLiteral("desktopCheck"))->setChecked(false);
    QCOMPARE(dialog.settings(), make(true, QTime(23, 45), QTime(5, 0), false, false));
}

void TestNotificationSettingsDialog::dialogNamesTheTimeZone() {
    test::ManualClock clock;
    NotificationSettingsDialog dialog(clock);
    auto *zone = dialog.findChild<QLabel *>(QStringLiteral("zoneLabel"));
    QVERIFY(zone);
    QCOMPARE(zone->text(), dialog.zoneText());
    // The tests run with TZ=UTC; the label names the zone the policy judges quiet hours in.
    QVERIFY2(zone->text().contains(QStringLiteral("time zone, ")) &&
                 zone->text().contains(QStringLiteral("UTC")),
             qPrintable(zone->text()));
}

void TestNotificationSettingsDialog::settingsRoundTripThroughQSettings_data() {
    dialogShowsAndReturnsEveryField_data();
}

void TestNotificationSettingsDialog::settingsRoundTripThroughQSettings() {
    QFETCH(NotificationSettings, settings);
    {
        QSettings stored;
        settings.save(stored);
    }
    QCOMPARE(NotificationSettings::load(QSettings()), settings);
    // Stored under the documented keys, times as "HH:mm".
    const QSettings stored;
    QCOMPARE(stored.value(SettingsKeys::kQuietHoursStart).toString(),
             settings.quietHours.start.toString(QStringLiteral("HH:mm")));
    QCOMPARE(stored.value(SettingsKeys::kQuietHoursEnabled).toBool(), settings.quietHours.enabled);
    QCOMPARE(stored.value(SettingsKeys::kDesktopNotificationsEnabled).toBool(), settings.desktopEnabled);
}

void TestNotificationSettingsDialog::unreadableStoredValuesFallBackToDefaults() {
    QCOMPARE(NotificationSettings::load(QSettings()), NotificationSettings{}); // nothing stored
    QSettings stored;
    stored.setValue(SettingsKeys::kQuietHoursEnabled, true);
    stored.setValue(SettingsKeys::kQuietHoursStart, QStringLiteral("25:99"));
    stored.setValue(SettingsKeys::kQuietHoursEnd, QStringLiteral("soon"));
    const NotificationSettings loaded = NotificationSettings::load(stored);
    QVERIFY(loaded.quietHours.enabled);
    QCOMPARE(loaded.quietHours.start, QuietHours{}.start);
    QCOMPARE(loaded.quietHours.end, QuietHours{}.end);
}

void TestNotificationSettingsDialog::mainWindowActionStoresAndAnnouncesTheSettings() {
    test::ManualClock clock;
    demo::DemoCloud cloud;
    QVERIFY(cloud.start(clock.nowUtc()));
    MonitorSession session(clock, cloud.resolved(), QStringLiteral("Demo"));
    MainWindow window(session, clock, QStringLiteral("Demo"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const NotificationSettings before = make(true, QTime(20, 0), QTime(8, 0), true, true);
    {
        QSettings stored;
        before.save(stored);
    }
    auto *action = window.findChild<QAction *>(QStringLiteral("actionNotificationSettings"));
    QVERIFY(action);
    QVERIFY(action->text().contains(QStringLiteral("Notification settings")));
    action->trigger();
    auto *dialog =
        window.findChild<NotificationSettingsDialog *>(QStringLiteral("notificationSettingsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->settings(), before); // opens on what is stored

    const NotificationSettings after = make(true, QTime(22, 30), QTime(6, 30), false, false);
    dialog->setSettings(after);
    QSignalSpy changed(&window, &MainWindow::notificationSettingsChanged);
    dialog->accept();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<NotificationSettings>(), after);
    QCOMPARE(NotificationSettings::load(QSettings()), after);

    // Cancel changes nothing.
    dialog = window.openNotificationSettings();
    QCOMPARE(dialog->settings(), after);
    dialog->setSettings(NotificationSettings{});
    dialog->reject();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(NotificationSettings::load(QSettings()), after);
}

QTEST_MAIN(TestNotificationSettingsDialog)
#include "tst_notification_settings_dialog.moc"
