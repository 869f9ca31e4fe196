// Benchmark parse.cloudwatch_page (performance.md §5, §7.2): one full GetMetricData page —
// 10 queries × 10 080 points = 100 800 datapoints, about 3 MB of AWS JSON 1.0 — from response
// bytes to columnar (ms, value) arrays.
//   ours:     mlwatch::aws::parseGetMetricDataResponse (simdjson on-demand)
//   baseline: QJsonDocument::fromJson + walking the arrays into QVector<qint64> / QVector<double>
// Both sides produce, and then free, the same arrays; the page is generated before timing.

#include "core/providers/aws/cloudwatch_response.h"
#include "support/ab_runner.h"
#include "support/bench_report.h"
#include "support/cloudwatch_page_generator.h"
#include "support/plain_qt_cloudwatch_parser.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

using namespace mlwatch;
using namespace mlwatch::bench;

namespace {

constexpr int kDefaultPairs = 31; // a pair costs ~25 ms here: cheap enough for a tight median

// Both parsers must read the same numbers, or the timings compare different work.
bool sameResult(const aws::GetMetricDataPage &ours, const QList<PlainQtSeries> &baseline, QString &why) {
    if (ours.results.size() != baseline.size()) {
        why = QStringLiteral("%1 results versus %2").arg(ours.results.size()).arg(baseline.size());
        return false;
    }
    for (qsizetype i = 0; i < baseline.size(); ++i) {
        const aws::MetricDataResult &a = ours.results.at(i);
        const PlainQtSeries &b = baseline.at(i);
        if (a.id != b.id || a.timestampsMs != b.timestampsMs || a.values.size() != b.values.size()) {
            why = QStringLiteral("result %1 differs in id, timestamps or size").arg(i);
            return false;
        }
        for (qsizetype j = 0; j < b.values.size(); ++j) {
            if (std::abs(a.values.at(j) - b.values.at(j)) > 1e-12 * std::abs(b.values.at(j))) {
                why = QStringLiteral("result %1 value %2: %3 versus %4")
                          .arg(i)
                          .arg(j)
                          .arg(a.values.at(j), 0, 'g', 17)
                          .arg(b.values.at(j), 0, 'g', 17);
                return false;
            }
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int exitCode = 0;
    const std::optional<BenchOptions> options =
        BenchOptions::fromArguments(app.arguments(), kDefaultPairs, exitCode);
    if (!options)
        return exitCode;
    QTextStream err(stderr);

    const CloudWatchPageSpec spec;
    const CloudWatchPage page = CloudWatchPageGenerator::generate(spec);

    {
        const Result<aws::GetMetricDataPage> ours =
            aws::parseGetMetricDataResponse(aws::CloudWatchProtocol::Json, page.body);
        if (!ours) {
            err << "parse.cloudwatch_page: our parser rejected the page: " << ours.error().message << " ("
                << ours.error().detail << ")\n";
            return 1;
        }
        QString error, why;
        const QList<PlainQtSeries> baseline = PlainQtCloudWatchParser::parse(page.body, &error);
        if (baseline.isEmpty()) {
            err << "parse.cloudwatch_page: QJsonDocument rejected the page: " << error << '\n';
            return 1;
        }
        if (!sameResult(*ours, baseline, why)) {
            err << "parse.cloudwatch_page: the parsers disagree: " << why << '\n';
            return 1;
        }
    }

    // Every step consumes its result (point count into `sink`) so nothing can be optimised away.
    qsizetype sink = 0;
    const auto ours = [&] {
        const Result<aws::GetMetricDataPage> parsed =
            aws::parseGetMetricDataResponse(aws::CloudWatchProtocol::Json, page.body);
        if (!parsed)
            qFatal("our parser failed during timing");
        for (const aws::MetricDataResult &r : parsed->results)
            sink += r.values.size();
    };
    const auto baseline = [&] {
        const QList<PlainQtSeries> parsed = PlainQtCloudWatchParser::parse(page.body);
        for (const PlainQtSeries &s : parsed)
            sink += s.values.size();
    };

    AbRunner runner(QStringLiteral("parse.cloudwatch_page"), *options);
    const AbResult result = runner.run(ours, baseline);
    if (sink <= 0)
        return 1;

    const QJsonObject input{
        {QStringLiteral("format"), QStringLiteral("AWS JSON 1.0 GetMetricData response")},
        {QStringLiteral("queries"), spec.queries},
        {QStringLiteral("points_per_query"), spec.pointsPerQuery},
        {QStringLiteral("points"), page.points},
        {QStringLiteral("bytes"), page.body.size()},
        {QStringLiteral("seed"), qint64(spec.seed)},
        {QStringLiteral("ours"),
         QStringLiteral("mlwatch::aws::parseGetMetricDataResponse (simdjson on-demand)")},
        {QStringLiteral("baseline"),
         QStringLiteral("QJsonDocument::fromJson + walk into QVector<qint64>/QVector<double>")},
    };
    return BenchReport(result, input).finish(options->jsonPath);
}
