#pragma once

#include "core/alerts/alert_rule.h"
#include "core/catalog/chart_spec.h"
#include "core/common/result.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QIODevice;

namespace mlwatch {
class Clock;
class HttpClient;
namespace aws {
class CloudWatchProvider;
struct AwsResolved;
} // namespace aws
namespace demo {
class DemoCloud;
}
} // namespace mlwatch

namespace mlwatch::cli {

// `mlwatch-cli check (--workspace FILE | --demo) [--at TIME]` as values.
struct CheckOptions {
    bool demo = false;
    QString workspacePath;
    QString atText; // empty = now
    bool help = false;
};

// `mlwatch-cli check`: evaluates every enabled rule once, at --at (default now), and prints one
// line per rule, "<id> <state>" with state ok|pending|firing|nodata, in the workspace's order.
// Exit status: 0 when no rule is firing, 1 when any is, 2 on fetch, auth or configuration errors
// (one line on stderr) — for cron jobs and CI.
//
// The CLI has no running engine, so each rule is replayed over enough periods before --at for
// its clocks to matter (N + pendingFor + keepFiringFor + kWarmUpPeriods periods), as if MLWatch
// had been running; the state after the evaluation at --at is the one printed. Rules are fetched
// with their own period. --demo evaluates the default rules of the demo account's charts (with
// MLWATCH_DEMO_NOW pinning the clock as for `query`). A workspace rule reads its series from its
// `account`, or from the first account.
class CheckCommand : public QObject {
    Q_OBJECT
public:
    static constexpr int kWarmUpPeriods = 30;
    static Result<CheckOptions> parse(const QStringList &arguments);
    static QString helpText();

    CheckCommand(CheckOptions options, QProcessEnvironment env, QString home, QIODevice &out,
                 QObject *parent = nullptr);
    ~CheckCommand() override;

    // `done` is called exactly once: with whether any rule is firing, or the error.
    void run(std::function<void(Result<bool>)> done);

    // The whole command with its own event loop; returns the exit status.
    static int main(const QStringList &arguments, const QProcessEnvironment &env, const QString &home);

private:
    struct Account;
    struct FetchJob;
    Result<void> prepare();
    Result<void> addAccount(const QString &id, const aws::AwsResolved &resolved, const QString &label);
    Result<void> planFetches();
    void fetchNext();
    void report();
    void finish(const Result<bool> &result);

    CheckOptions m_options;
    QProcessEnvironment m_env;
    QString m_home;
    QIODevice &m_out;
    std::function<void(Result<bool>)> m_done;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<HttpClient> m_http;
    std::vector<std::unique_ptr<Account>> m_accounts;
    QList<AlertRule> m_rules;
    // The charts' derived series (RED) by seriesKey: a rule on one (the error budget) is checked
    // on its inputs, fetched, and the series computed from them (DerivedSeries).
    QHash<QString, ChartSeriesSpec> m_derived;
    qint64 m_atMs = 0;
    std::vector<FetchJob> m_jobs;
    size_t m_nextJob = 0;
};

} // namespace mlwatch::cli
