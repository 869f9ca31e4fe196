#pragma once

#include "cli/cli_options.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QUrl>

#include <functional>
#include <memory>

class QIODevice;

namespace mlwatch {
class Clock;
class GoogleTokenSource;
class HttpClient;
namespace gcp {
class CloudMonitoringProvider;
}
namespace demo {
class DemoGoogleCloud;
}
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli query gcp`: gets an OAuth token from Google credentials (the file named by
// GOOGLE_APPLICATION_CREDENTIALS or gcloud's application default credentials, a stored account
// whose file is in the OS keychain, or the in-process simulated Google Cloud), reads one metric
// type of one project over the window through CloudMonitoringProvider (timeSeries.list), and
// writes CSV or JSON to `out` with the same contract as `query aws`. --group-by labels split
// the answer: every series Google returns is written, named with its label values. The token
// endpoint the credentials name (token_uri) is held to this machine's EndpointPolicy before any
// connection. Lives on the thread of the event loop that runs it.
//
// Hidden for tests and reproducible screenshots: with --demo, MLWATCH_DEMO_NOW=<TIME> pins the
// simulated Google Cloud's anchor and the command's clock to that instant, as for `query aws --demo`.
class GcpQueryCommand : public QObject {
    Q_OBJECT
public:
    // `home` stands for "~" in gcloud's default configuration directory.
    GcpQueryCommand(GcpQueryOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                    QObject *parent = nullptr);
    ~GcpQueryCommand() override;

    // Starts the query. `done` is called exactly once, possibly before run() returns: with
    // success, or with the Error whose toString() is the CLI's one stderr line.
    void run(std::function<void(Result<void>)> done);

private:
    // Whose credentials go where, before any connection is made. The JSON stays in memory only.
    struct SignIn {
        QByteArray credentialsJson;
        QUrl monitoringEndpoint; // empty = Google's
        QString quotaProjectId;
        QString label;        // the account as error messages name it
        QString policyName;   // the account as EndpointPolicy messages name it
        bool trusted = false; // the demo's own loopback server: no policy check needed
    };

    Result<void> prepare(); // clock, credentials, endpoint checks, token source, provider
    Result<SignIn> fromEnvironment() const;
    Result<SignIn> fromStoredAccount() const;

    GcpQueryOptions m_options;
    QProcessEnvironment m_env;
    QString m_home;
    QIODevice &m_out;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<demo::DemoGoogleCloud> m_demo;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GoogleTokenSource> m_tokens;
    std::unique_ptr<gcp::CloudMonitoringProvider> m_provider;
};

} // namespace mlwatch::cli
