#pragma once

#include "gui/notification_settings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NotificationSettingsDialog;
}

namespace mlwatch {

class Clock;

// Alerts → Notification settings… (forms/notification_settings_dialog.ui): desktop notifications
// on or off, and quiet hours — on or off, from, until (local wall-clock times; the dialog names
// the computer's time zone) and whether critical alerts break through.
//
// A dialog that returns a value: settings() after exec() == Accepted. It saves nothing; the
// caller stores the value (NotificationSettings::save) and applies it.
class NotificationSettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `clock` (for the zone's current offset, which daylight saving changes) must outlive the dialog.
    explicit NotificationSettingsDialog(const Clock &clock, QWidget *parent = nullptr);
    ~NotificationSettingsDialog() override;

    void setSettings(const NotificationSettings &settings);
    NotificationSettings settings() const;

    // "Times are in this computer's time zone, Europe/Berlin (CET, UTC+01:00 now)."
    QString zoneText() const;

private:
    std::unique_ptr<Ui::NotificationSettingsDialog> m_ui;
    const Clock &m_clock;
};

} // namespace mlwatch
