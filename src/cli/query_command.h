#pragma once

#include "cli/cli_options.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QIODevice;

namespace mlwatch {
class Clock;
class HttpClient;
namespace aws {
class CloudWatchProvider;
}
namespace demo {
class DemoCloud;
}
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli query aws`: resolves the credentials (the AWS chain, a stored account with its
// secret from the OS keychain, or the in-process demo cloud), fetches one metric over the window through
// CloudWatchProvider, and writes CSV or JSON to `out`. Lives on the thread of the event loop that runs it.
//
// Hidden for tests and reproducible screenshots: with --demo, MLWATCH_DEMO_NOW=<TIME> pins the
// demo's anchor (and the clock that relative TIMEs and signatures use) to that instant.
class QueryCommand : public QObject {
    Q_OBJECT
public:
    // `env` and `home` are where the credential chain looks (the process's, normally).
    QueryCommand(QueryOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                 QObject *parent = nullptr);
    ~QueryCommand() override;

    // Starts the query. `done` is called exactly once, possibly before run() returns: with
    // success, or with the Error whose toString() is the CLI's one stderr line.
    void run(std::function<void(Result<void>)> done);

private:
    Result<void> prepare(); // clock, credentials, endpoint checks, provider
    // --account: the stored account with its secret from the keychain.
    Result<aws::AwsResolved> resolveStoredAccount();

    QueryOptions m_options;
    QProcessEnvironment m_env;
    QString m_home;
    QIODevice &m_out;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<aws::CloudWatchProvider> m_provider;
};

} // namespace mlwatch::cli
