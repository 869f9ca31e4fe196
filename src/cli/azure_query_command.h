#pragma once

#include "cli/cli_options.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace mlwatch {
class AzureTokenSource;
class Clock;
class HttpClient;
namespace azure {
class AzureMonitorProvider;
}
namespace demo {
class DemoAzureCloud;
}
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli query azure`: signs in with the client-credentials flow (the AZURE_* variables,
// a stored account with its client secret from the OS keychain, or the in-process simulated
// Azure), reads one metric of one resource over the window through AzureMonitorProvider (the
// ARM metrics GET), and writes CSV or JSON to `out` with the same contract as `query aws`.
// A --filter value '*' splits the answer: every series Azure returns is written, named with its
// dimension values. Lives on the thread of the event loop that runs it.
//
// Hidden for tests and reproducible screenshots: with --demo, MLWATCH_DEMO_NOW=<TIME> pins the
// simulated Azure's anchor and the command's clock to that instant, as for `query aws --demo`.
class AzureQueryCommand : public QObject {
    Q_OBJECT
public:
    AzureQueryCommand(AzureQueryOptions options, QProcessEnvironment env, QIODevice &out,
                      QObject *parent = nullptr);
    ~AzureQueryCommand() override;

    // Starts the query. `done` is called exactly once, possibly before run() returns: with
    // success, or with the Error whose toString() is the CLI's one stderr line.
    void run(std::function<void(Result<void>)> done);

    // The query `query` splits into whose seriesKey() is `key`: each '*' replaced by the value
    // the key carries. nullopt when `key` is not one of `query`'s series. Public for tests.
    static std::optional<MetricQuery> splitQueryFor(const MetricQuery &query, const QString &key);

private:
    // Who signs in where, before any connection is made. The secret stays in memory only.
    struct SignIn {
        QString tenantId;
        QString clientId;
        QString clientSecret;
        QUrl authorityHost;
        QUrl armEndpoint;
        QUrl batchEndpoint; // empty = Azure's regional hosts
        QString label;      // the account as error messages name it
    };

    Result<void> prepare(); // clock, credentials, endpoint checks, token sources, provider
    Result<SignIn> fromEnvironment() const;
    Result<SignIn> fromStoredAccount() const;

    AzureQueryOptions m_options;
    QProcessEnvironment m_env;
    QIODevice &m_out;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<demo::DemoAzureCloud> m_demo;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AzureTokenSource> m_armTokens;
    std::unique_ptr<AzureTokenSource> m_batchTokens;
    std::unique_ptr<azure::AzureMonitorProvider> m_provider;
};

} // namespace mlwatch::cli
