#pragma once

#include <QLatin1StringView>
#include <QStandardPaths>
#include <QString>

// Every QSettings key the GUI uses, with its default, in one place (DESIGN.md §4: no key
// scattered as a string literal). Secrets never go into QSettings. Add a key here, next to its
// siblings, with the type it holds and what an absent value means.
namespace mlwatch::SettingsKeys {

// QString: the folder the last export (PNG, CSV, a tab to a folder) went to; the next export's
// file dialog opens there. Absent or gone: exportLastFolderDefault().
inline constexpr QLatin1StringView kExportLastFolder{"export/lastFolder"};
inline QString exportLastFolderDefault() {
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return pictures.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation) : pictures;
}

// Chart export choices remembered between exports (ChartExportOptionsDialog): "long"/"wide",
// "raw"/"display", "visible"/"whole", and the PNG scale 1 or 2. Absent: long, raw, visible, 1.
inline constexpr QLatin1StringView kExportCsvForm{"export/csvForm"};
inline constexpr QLatin1StringView kExportCsvUnits{"export/csvUnits"};
inline constexpr QLatin1StringView kExportCsvRange{"export/csvRange"};
inline constexpr QLatin1StringView kExportPngScale{"export/pngScale"};

// Alert notifications (Alerts → Notification settings…, NotificationSettings), applied to the
// AlertNotifier at start and whenever the dialog is accepted.
// bool: quiet hours on. Absent: false.
inline constexpr QLatin1StringView kQuietHoursEnabled{"notifications/quietHours/enabled"};
// QString "HH:mm", wall-clock time in the system's local time zone. Absent or unreadable: 22:00
// and 07:00 (QuietHours' defaults). start > end wraps past midnight; start == end is no window.
inline constexpr QLatin1StringView kQuietHoursStart{"notifications/quietHours/start"};
inline constexpr QLatin1StringView kQuietHoursEnd{"notifications/quietHours/end"};
// bool: critical alerts are notified during quiet hours too. Absent: true.
inline constexpr QLatin1StringView kQuietHoursCriticalBreaksThrough{
    "notifications/quietHours/criticalBreaksThrough"};
// bool: desktop notifications at all (webhooks are not affected). Absent: true.
inline constexpr QLatin1StringView kDesktopNotificationsEnabled{"notifications/desktop"};

// int: the auto-refresh interval in seconds (RefreshIntervalSelector: 0 = off, 60, 300, 900,
// 3600). Absent or another value: 300.
inline constexpr QLatin1StringView kAutoRefreshSeconds{"fetch/autoRefreshSeconds"};

// Workspace files (WorkspaceController): paths only, never content.
// QStringList: the recently opened or saved workspaces, newest first, at most 8. Absent: none.
inline constexpr QLatin1StringView kWorkspaceRecent{"workspace/recent"};
// QString: the workspace the app had open when it last quit; opened again at start. Absent: none
// (the app starts with the catalog's charts).
inline constexpr QLatin1StringView kWorkspaceLast{"workspace/last"};

// QString "local" | "utc": the clock every chart shows times in (View → Show times in UTC;
// TimeDisplay::settingsValue()). Absent or anything else: local.
inline constexpr QLatin1StringView kDisplayTimeZone{"display/timeZone"};

} // namespace mlwatch::SettingsKeys
