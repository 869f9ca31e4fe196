#pragma once

// The demo set-up the GUI tests drive: a DemoCloud on loopback (real wire formats, real
// signing), a real MonitorSession on it and, for DemoWindowFixture, a real MainWindow shown
// under the offscreen platform. Built in dependency order; the members are destroyed in reverse
// declaration order (window, then session, then cloud), which is the order they need.
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "manual_clock.h"

#include <QMenuBar>
#include <QPoint>
#include <QSignalSpy>
#include <QString>
#include <QTest>

#include <memory>

namespace mlwatch::test {

inline constexpr int kDemoNetworkTimeoutMs = 60'000; // generous: a loaded CI machine, several pages

struct DemoSessionFixture {
    ManualClock clock;
    demo::DemoCloud cloud;
    std::unique_ptr<MonitorSession> session;

    // Starts the demo cloud and builds a session on it, not yet started.
    bool startSession(const QString &accountLabel) {
        if (!cloud.start(clock.nowUtc()))
            return false;
        session = std::make_unique<MonitorSession>(clock, cloud.resolved(), accountLabel);
        return true;
    }

    // Runs `trigger` and waits for the fetch it causes to finish (true also when it finished
    // within `trigger`); false on timeout.
    template <typename F> bool fetch(F &&trigger) {
        QSignalSpy fetched(&session->scheduler(), &FetchScheduler::fetchFinished);
        trigger();
        return fetched.wait(kDemoNetworkTimeoutMs) || !fetched.isEmpty();
    }

    // Starts the session and waits for discovery and the first fetch.
    bool startAndFetch() {
        return fetch([this] { session->start(); });
    }
};

// Where the tests' start-ups differ; set in the test fixture's constructor.
struct DemoWindowOptions {
    QString accountLabel = QStringLiteral("Demo cloud");
    // Rest the pointer on the menu bar, off charts that a test rebuilds (no stray hover events).
    bool pointerOnMenuBar = false;
    // Start the session and wait for its first fetch; otherwise the session is left unstarted.
    bool awaitFirstFetch = true;
};

struct DemoWindowFixture : DemoSessionFixture {
    DemoWindowOptions options;
    std::unique_ptr<MainWindow> window;

    // Builds the window (1280×800), shows it and waits until it is exposed, then as `options` say.
    bool start() {
        if (!startSession(options.accountLabel))
            return false;
        window = std::make_unique<MainWindow>(*session, clock, options.accountLabel);
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        if (options.pointerOnMenuBar)
            QTest::mouseMove(window->menuBar(), QPoint(2, 2));
        return !options.awaitFirstFetch || startAndFetch();
    }
};

} // namespace mlwatch::test
