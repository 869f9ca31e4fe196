#include "cli/demo_launch.h"

#include "core/model/time_spec.h"

#include <QCoreApplication>

namespace mlwatch::cli {

namespace {

const char kDemoNowVariable[] = "MLWATCH_DEMO_NOW";

// A clock that stands still at the pinned instant. A command lasts seconds, well inside the
// demo server's five-minute signature window.
class PinnedClock final : public Clock {
public:
    explicit PinnedClock(qint64 ms)
        : m_now(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)) {}
    QDateTime nowUtc() const override { return m_now; }

private:
    QDateTime m_now;
};

// The pinned clock when MLWATCH_DEMO_NOW is set, else the system's.
Result<std::unique_ptr<Clock>> demoClock(const QProcessEnvironment &env) {
    if (!env.contains(QLatin1String(kDemoNowVariable)))
        return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
    const Result<qint64> pinned =
        parseTimeSpec(env.value(QLatin1String(kDemoNowVariable)), QDateTime::currentMSecsSinceEpoch());
    if (!pinned)
        return badArgument(QLatin1String(kDemoNowVariable) + QStringLiteral(": ") + pinned.error().message);
    return std::unique_ptr<Clock>(std::make_unique<PinnedClock>(*pinned));
}

Error cannotListen() {
    return Error{
        ErrorCode::Network,
        QCoreApplication::translate("mlwatch::cli", "Could not start the simulated cloud on 127.0.0.1."),
        QString()};
}

} // namespace

Result<DemoLaunch> launchDemo(const QProcessEnvironment &env) {
    Result<std::unique_ptr<Clock>> clock = demoClock(env);
    if (!clock)
        return clock.error();
    DemoLaunch launch;
    launch.clock = std::move(*clock);
    launch.cloud = std::make_unique<demo::DemoCloud>();
    if (!launch.cloud->start(launch.clock->nowUtc()))
        return cannotListen();
    return launch;
}

Result<DemoAzureLaunch> launchAzureDemo(const QProcessEnvironment &env) {
    Result<std::unique_ptr<Clock>> clock = demoClock(env);
    if (!clock)
        return clock.error();
    DemoAzureLaunch launch;
    launch.clock = std::move(*clock);
    launch.cloud = std::make_unique<demo::DemoAzureCloud>();
    if (!launch.cloud->start(launch.clock->nowUtc()))
        return cannotListen();
    return launch;
}

Result<DemoGcpLaunch> launchGcpDemo(const QProcessEnvironment &env) {
    Result<std::unique_ptr<Clock>> clock = demoClock(env);
    if (!clock)
        return clock.error();
    DemoGcpLaunch launch;
    launch.clock = std::move(*clock);
    launch.cloud = std::make_unique<demo::DemoGoogleCloud>();
    if (!launch.cloud->start(launch.clock->nowUtc()))
        return cannotListen();
    return launch;
}

} // namespace mlwatch::cli
