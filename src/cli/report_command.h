#pragma once

#include "cli/report_options.h"
#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <vector>

namespace mlwatch {
class Clock;
class HttpClient;
class WeeklyReport;
namespace aws {
class CloudWatchProvider;
}
namespace demo {
class DemoCloud;
}
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli report`: for each account (the demo cloud, or the workspace's accounts through
// the AWS chain) discovers the resources and builds the same charts the GUI shows, then runs a
// WeeklyReport into --out. Alert sections replay the rules (the workspace's plus the defaults
// for its charts, as the GUI's session does) over the fetched weeks: the CLI has no running
// alert engine, and a report must not depend on which machine's history it happens to find.
//
// Needs a QApplication (charts are drawn with Qt Charts); main() creates one for this command.
// With --demo, MLWATCH_DEMO_NOW=<TIME> pins the clock as for `query`, so a pinned report's
// CSVs are byte-identical run after run.
class ReportCommand : public QObject {
    Q_OBJECT
public:
    ReportCommand(ReportOptions options, QProcessEnvironment env, QString home, QObject *parent = nullptr);
    ~ReportCommand() override;

    // `done` is called exactly once with success or the Error whose toString() is the CLI's one
    // stderr line. On success `summary` is one line for stdout.
    void run(std::function<void(Result<void>, QString summary)> done);

private:
    struct Account;
    Result<void> prepare();
    void discoverNext();
    void startReport();
    void finish(const Result<void> &result, const QString &summary = QString());

    ReportOptions m_options;
    QProcessEnvironment m_env;
    QString m_home;
    QTimeZone m_zone;
    QString m_workspaceName;
    QList<AlertRule> m_workspaceRules;
    std::function<void(Result<void>, QString)> m_done;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<HttpClient> m_http;
    std::vector<std::unique_ptr<Account>> m_accounts;
    size_t m_discovered = 0;
    std::unique_ptr<WeeklyReport> m_report;
};

} // namespace mlwatch::cli
