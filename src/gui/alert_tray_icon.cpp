#include "gui/alert_tray_icon.h"

#include "core/alerts/alert_engine.h"
#include "gui/alert_texts.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QStyle>
#include <QSystemTrayIcon>

namespace mlwatch {

namespace {
constexpr int kIconSize = 64;
constexpr int kMaxNamesInToolTip = 5;
} // namespace

AlertTrayIcon::AlertTrayIcon(const AlertEngine &engine, const QIcon &appIcon, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_base(appIcon) {
    if (m_base.isNull())
        m_base = QApplication::windowIcon();
    if (m_base.isNull())
        m_base = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);

    m_menu = new QMenu;
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *showWindow = m_menu->addAction(tr("Show MLWatch"));
    showWindow->setObjectName(QStringLiteral("trayShowWindowAction"));
    QAction *showAlerts = m_menu->addAction(tr("Alerts panel"));
    showAlerts->setObjectName(QStringLiteral("trayShowAlertsAction"));
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit"));
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(showWindow, &QAction::triggered, this, &AlertTrayIcon::showWindowRequested);
    connect(showAlerts, &QAction::triggered, this, &AlertTrayIcon::showAlertsRequested);
    connect(quit, &QAction::triggered, this, &AlertTrayIcon::quitRequested);

    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertTrayIcon::showWindowRequested);
    connect(&engine, &AlertEngine::stateChanged, this, &AlertTrayIcon::update);
    connect(&engine, &AlertEngine::rulesChanged, this, &AlertTrayIcon::update);
    update();
}

AlertTrayIcon::~AlertTrayIcon() {
    delete m_menu;
}

bool AlertTrayIcon::isAvailable() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void AlertTrayIcon::show() {
    m_tray->show();
}

void AlertTrayIcon::showMessage(const QString &title, const QString &body) {
    m_tray->showMessage(title, body, QSystemTrayIcon::Warning);
}

QString AlertTrayIcon::toolTip() const {
    return m_tray->toolTip();
}

QIcon AlertTrayIcon::icon() const {
    return m_tray->icon();
}

QIcon AlertTrayIcon::badgedIcon(const QIcon &base, int count) {
    if (count <= 0)
        return base;
    QPixmap pixmap = base.pixmap(kIconSize, kIconSize);
    if (pixmap.isNull()) {
        pixmap = QPixmap(kIconSize, kIconSize);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = count > 99 ? QStringLiteral("99+") : QLocale().toString(count);
    const int diameter = int(pixmap.width() * 0.6);
    const QRect badge(pixmap.width() - diameter, pixmap.height() - diameter, diameter, diameter);
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(QColor(0xD0, 0x21, 0x21));
    painter.drawEllipse(badge.adjusted(1, 1, -1, -1));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(int(diameter * (text.size() > 2 ? 0.38 : 0.55)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    painter.end();
    return QIcon(pixmap);
}

void AlertTrayIcon::update() {
    const QStringList firing = m_engine.firingRuleIds();
    QStringList names;
    for (const QString &id : firing) {
        if (names.size() == kMaxNamesInToolTip) {
            names.append(tr("… and %1 more").arg(QLocale().toString(firing.size() - kMaxNamesInToolTip)));
            break;
        }
        const std::optional<AlertRule> rule = m_engine.rule(id);
        names.append(tr("%1 (%2)").arg(rule && !rule->name.isEmpty() ? rule->name : id,
                                       AlertTexts::level(m_engine.status(id).state.level)));
    }
    const QString summary = firing.isEmpty()
                                ? tr("MLWatch: no alerts firing")
                                : tr("MLWatch: alerts firing: %1").arg(QLocale().toString(firing.size()));
    m_tray->setToolTip(names.isEmpty() ? summary
                                       : summary % QLatin1Char('\n') % names.join(QLatin1Char('\n')));
    if (m_firing != firing.size()) {
        m_firing = int(firing.size());
        m_tray->setIcon(badgedIcon(m_base, m_firing));
    }
}

} // namespace mlwatch
