#pragma once

#include "core/alerts/notification_policy.h"

class QSettings;

namespace mlwatch {

// How alert notifications reach this person, as Alerts → Notification settings… edits them:
// quiet hours (local wall-clock times in the system's time zone; critical alerts may break
// through) and the global desktop switch. Stored in QSettings under the keys of settings_keys.h;
// the app applies them to the AlertNotifier at start and on every change.
struct NotificationSettings {
    QuietHours quietHours;
    bool desktopEnabled = true;

    // Missing or unreadable values take the defaults (see settings_keys.h).
    static NotificationSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

} // namespace mlwatch
