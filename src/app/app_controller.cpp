#include "app/app_controller.h"

#include "core/providers/aws/aws_environment.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/missing_credentials_page.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>

namespace mlwatch {

AppController::AppController(QObject *parent)
    : QObject(parent) {}

AppController::~AppController() {
    // The window refers to the session, the session's provider to the demo cloud's socket.
    m_window.reset();
    m_session.reset();
    m_demo.reset();
}

bool AppController::openDemo() {
    m_demo = std::make_unique<demo::DemoCloud>();
    if (!m_demo->start()) {
        QMessageBox::critical(
            nullptr, tr("MLWatch"),
            tr("The demo cloud could not listen on 127.0.0.1. Is the loopback interface up?"));
        return false;
    }
    m_session =
        std::make_unique<MonitorSession>(m_clock, m_demo->resolved(), tr("Demo cloud (simulated AWS)"));
    showSession(tr("Demo cloud (simulated AWS)"));
    return true;
}

void AppController::openAws() {
    const Result<aws::AwsResolved> resolved =
        aws::resolveAwsChain({}, QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!resolved) {
        m_missingCredentials = std::make_unique<MissingCredentialsPage>(resolved.error());
        connect(m_missingCredentials.get(), &MissingCredentialsPage::quitRequested, qApp,
                &QApplication::quit);
        connect(m_missingCredentials.get(), &MissingCredentialsPage::demoRequested, this, [this] {
            if (openDemo())
                m_missingCredentials->hide();
        });
        m_missingCredentials->show();
        return;
    }
    // The source names where the keys came from ("profile default (…)"), never the keys.
    const QString label =
        tr("AWS %1 — %2")
            .arg(resolved->endpoint.region.isEmpty() ? QStringLiteral("?") : resolved->endpoint.region,
                 resolved->source);
    m_session = std::make_unique<MonitorSession>(m_clock, *resolved, label);
    showSession(label);
}

void AppController::showSession(const QString &accountLabel) {
    m_window = std::make_unique<MainWindow>(*m_session, accountLabel);
    if (m_initialStage)
        m_window->showStage(*m_initialStage);
    m_window->show();
    m_session->start();
}

} // namespace mlwatch
