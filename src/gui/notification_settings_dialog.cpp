#include "gui/notification_settings_dialog.h"

#include "ui_notification_settings_dialog.h"

#include "charts/chart_axes.h"
#include "core/common/clock.h"

#include <QLocale>
#include <QTimeZone>

namespace mlwatch {

NotificationSettingsDialog::NotificationSettingsDialog(const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NotificationSettingsDialog>())
    , m_clock(clock) {
    m_ui->setupUi(this);
    // Hours and minutes only, in the locale's 12- or 24-hour style.
    const bool twelveHour =
        QLocale().timeFormat(QLocale::ShortFormat).contains(QLatin1String("ap"), Qt::CaseInsensitive);
    const QString format = twelveHour ? QStringLiteral("h:mm AP") : QStringLiteral("HH:mm");
    m_ui->startEdit->setDisplayFormat(format);
    m_ui->endEdit->setDisplayFormat(format);
    m_ui->zoneLabel->setText(zoneText());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setSettings(NotificationSettings{});
}

NotificationSettingsDialog::~NotificationSettingsDialog() = default;

QString NotificationSettingsDialog::zoneText() const {
    // The policy judges quiet hours in the system zone, so that is the one to name.
    const QString id = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const QString now = localZoneLabel(m_clock.nowMs());
    if (id.isEmpty() || id == now)
        return tr("Times are in this computer's time zone, %1.").arg(now);
    return tr("Times are in this computer's time zone, %1 (%2 now).").arg(id, now);
}

void NotificationSettingsDialog::setSettings(const NotificationSettings &settings) {
    m_ui->desktopCheck->setChecked(settings.desktopEnabled);
    m_ui->quietHoursGroup->setChecked(settings.quietHours.enabled);
    m_ui->startEdit->setTime(settings.quietHours.start);
    m_ui->endEdit->setTime(settings.quietHours.end);
    m_ui->criticalCheck->setChecked(settings.quietHours.criticalBreaksThrough);
}

NotificationSettings NotificationSettingsDialog::settings() const {
    NotificationSettings s;
    s.desktopEnabled = m_ui->desktopCheck->isChecked();
    s.quietHours.enabled = m_ui->quietHoursGroup->isChecked();
    s.quietHours.start = m_ui->startEdit->time();
    s.quietHours.end = m_ui->endEdit->time();
    s.quietHours.criticalBreaksThrough = m_ui->criticalCheck->isChecked();
    return s;
}

} // namespace mlwatch
