#pragma once

#include "core/common/clock.h"
#include "core/model/stage.h"

#include <QObject>

#include <memory>
#include <optional>

namespace mlwatch {

class MainWindow;
class MissingCredentialsPage;
class MonitorSession;
namespace demo {
class DemoCloud;
}

// The `mlwatch` executable's composition: which account to watch (the demo cloud or the AWS
// credential chain), the session for it, and the window. Members are declared in dependency
// order so they are destroyed in reverse: window, session, demo cloud, clock.
class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // Starts the simulated AWS cloud on loopback and shows it. False when it cannot listen.
    bool openDemo();
    // Tries the AWS credential chain; without credentials shows a page that explains why and
    // offers the demo.
    void openAws();
    // The tab to show first (for screenshots and for people who live in one stage).
    void setInitialStage(std::optional<Stage> stage) { m_initialStage = stage; }

private:
    void showSession(const QString &accountLabel);

    SystemClock m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MissingCredentialsPage> m_missingCredentials;
    std::optional<Stage> m_initialStage;
};

} // namespace mlwatch
