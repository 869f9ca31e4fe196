#include "gui/notification_settings.h"

#include "gui/settings_keys.h"

#include <QSettings>

namespace mlwatch {

namespace {

// "HH:mm": readable in the settings file and free of locale.
const QString kTimeFormat = QStringLiteral("HH:mm");

QTime timeOr(const QSettings &settings, QLatin1StringView key, QTime fallback) {
    const QTime t = QTime::fromString(settings.value(key).toString(), kTimeFormat);
    return t.isValid() ? t : fallback;
}

} // namespace

NotificationSettings NotificationSettings::load(const QSettings &settings) {
    const NotificationSettings defaults;
    NotificationSettings s;
    s.quietHours.enabled =
        settings.value(SettingsKeys::kQuietHoursEnabled, defaults.quietHours.enabled).toBool();
    s.quietHours.start = timeOr(settings, SettingsKeys::kQuietHoursStart, defaults.quietHours.start);
    s.quietHours.end = timeOr(settings, SettingsKeys::kQuietHoursEnd, defaults.quietHours.end);
    s.quietHours.criticalBreaksThrough =
        settings
            .value(SettingsKeys::kQuietHoursCriticalBreaksThrough, defaults.quietHours.criticalBreaksThrough)
            .toBool();
    s.desktopEnabled =
        settings.value(SettingsKeys::kDesktopNotificationsEnabled, defaults.desktopEnabled).toBool();
    return s;
}

void NotificationSettings::save(QSettings &settings) const {
    settings.setValue(SettingsKeys::kQuietHoursEnabled, quietHours.enabled);
    settings.setValue(SettingsKeys::kQuietHoursStart, quietHours.start.toString(kTimeFormat));
    settings.setValue(SettingsKeys::kQuietHoursEnd, quietHours.end.toString(kTimeFormat));
    settings.setValue(SettingsKeys::kQuietHoursCriticalBreaksThrough, quietHours.criticalBreaksThrough);
    settings.setValue(SettingsKeys::kDesktopNotificationsEnabled, desktopEnabled);
}

} // namespace mlwatch
