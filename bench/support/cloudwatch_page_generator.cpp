#include "support/cloudwatch_page_generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <random>

namespace mlwatch::bench {

namespace {

constexpr const char *kMetricNames[] = {"CPUUtilization", "GPUUtilization", "GPUMemoryUtilization",
                                        "MemoryUtilization", "DiskUtilization"};

template <typename T> void appendNumber(QByteArray &out, T value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Q_ASSERT(ec == std::errc());
    out.append(buffer, qsizetype(end - buffer));
}

} // namespace

CloudWatchPage CloudWatchPageGenerator::generate(const CloudWatchPageSpec &spec) {
    CloudWatchPage page;
    std::mt19937_64 random(spec.seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);

    QByteArray &out = page.body;
    out.reserve(qsizetype(spec.queries) * spec.pointsPerQuery * 32 + 1024);
    out.append("{\"MetricDataResults\":[");
    for (int q = 0; q < spec.queries; ++q) {
        const QString id = QStringLiteral("m%1").arg(q);
        page.ids.append(id);
        if (q > 0)
            out.append(',');
        out.append("{\"Id\":\"").append(id.toLatin1()).append("\",\"Label\":\"algo-");
        appendNumber(out, q / 5 + 1);
        out.append(' ').append(kMetricNames[q % 5]).append("\",\"Timestamps\":[");
        for (int i = 0; i < spec.pointsPerQuery; ++i) {
            if (i > 0)
                out.append(',');
            appendNumber(out, spec.startEpochSeconds + qint64(i) * spec.periodSeconds);
        }
        out.append("],\"Values\":[");

        // Each series: its own level, daily amplitude and phase, plus an AR(1) walk and
        // occasional spikes — enough structure that M4 keeps different points per column.
        const double level = 20.0 + 50.0 * uniform(random);
        const double amplitude = 5.0 + 15.0 * uniform(random);
        const double phase = 2.0 * std::numbers::pi * uniform(random);
        double walk = 0;
        for (int i = 0; i < spec.pointsPerQuery; ++i) {
            if (i > 0)
                out.append(',');
            const double day = double(i) * spec.periodSeconds / 86400.0;
            walk = 0.98 * walk + 1.5 * noise(random);
            double value = level + amplitude * std::sin(2.0 * std::numbers::pi * day + phase) + walk;
            if (uniform(random) < 0.002)
                value += 30.0 * uniform(random);
            appendNumber(out, std::clamp(value, 0.0, 100.0));
        }
        out.append("],\"StatusCode\":\"Complete\"}");
        page.points += spec.pointsPerQuery;
    }
    out.append("],\"Messages\":[]}");

    page.firstMs = spec.startEpochSeconds * 1000;
    page.lastMs = (spec.startEpochSeconds + qint64(spec.pointsPerQuery - 1) * spec.periodSeconds) * 1000;
    return page;
}

} // namespace mlwatch::bench
