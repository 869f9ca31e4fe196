#pragma once

#include "cli/cli_error.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"
#include "demo/demo_gcp_cloud.h"

#include <QProcessEnvironment>

#include <memory>

namespace mlwatch::cli {

// The clock and the simulated cloud behind every `--demo` command. The undocumented variable
// MLWATCH_DEMO_NOW=<TIME> pins both to one instant, so a pinned run (the tests) is reproducible
// to the byte; otherwise the clock is the system's.
struct DemoLaunch {
    std::unique_ptr<Clock> clock;
    std::unique_ptr<demo::DemoCloud> cloud;
};

Result<DemoLaunch> launchDemo(const QProcessEnvironment &env);

// The same for `query azure --demo`: the simulated Azure (Entra ID, ARM and the metrics data
// plane on loopback), anchored at the same clock.
struct DemoAzureLaunch {
    std::unique_ptr<Clock> clock;
    std::unique_ptr<demo::DemoAzureCloud> cloud;
};

Result<DemoAzureLaunch> launchAzureDemo(const QProcessEnvironment &env);

// The same for `query gcp --demo`: the simulated Google Cloud (OAuth token endpoint, Cloud
// Monitoring and Vertex AI on loopback), anchored at the same clock.
struct DemoGcpLaunch {
    std::unique_ptr<Clock> clock;
    std::unique_ptr<demo::DemoGoogleCloud> cloud;
};

Result<DemoGcpLaunch> launchGcpDemo(const QProcessEnvironment &env);

} // namespace mlwatch::cli
