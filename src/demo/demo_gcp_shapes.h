#pragma once

#include "demo/demo_noise.h"

#include <QString>

#include <algorithm>
#include <cmath>

// Small building blocks of the simulated Google Cloud's story (demo_gcp_pipeline_story.cpp,
// demo_gcp_serving_story.cpp). Minutes are minutes since the Unix epoch, UTC.
namespace mlwatch::demo::gcp_shapes {

inline constexpr qint64 kHour = 60;
inline constexpr qint64 kDay = 24 * kHour;
inline constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
inline constexpr double kPi = 3.14159265358979323846;

inline qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// 00:00 UTC of the day that holds minute m.
inline qint64 dayStart(qint64 m) {
    return floorDiv(m, kDay) * kDay;
}

// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
inline int weekday(qint64 m) {
    return int(((floorDiv(m, kDay) + 3) % 7 + 7) % 7);
}

inline quint64 seedFor(const QString &text) {
    return noise::seedOf(text.toUtf8());
}

// Traffic relative to the daily peak: highest at 15:00 UTC, lowest at 03:00 UTC, a third lower
// on weekends (the same rhythm as the AWS and Azure stories, so accounts side by side agree).
inline double traffic(qint64 m) {
    const double hour = double(m - dayStart(m)) / 60.0;
    const double daily = 0.55 + 0.45 * std::sin(2.0 * kPi * (hour - 9.0) / 24.0);
    return daily * (weekday(m) >= 5 ? 0.65 : 1.0);
}

// A count with Poisson-like jitter around `expected`, never negative.
inline double jitteredCount(double expected, quint64 seed, qint64 m) {
    return std::max(0.0, std::round(expected + std::sqrt(std::max(0.0, expected)) * noise::normal(seed, m)));
}

// A stable decimal id of `digits` digits (no leading zero), like Google's numeric resource ids.
inline QString numericId(const QString &seedText, int digits = 19) {
    quint64 h = seedFor(seedText);
    QString out;
    for (int i = 0; i < digits; ++i) {
        out += QLatin1Char(char('0' + (i == 0 ? 1 + h % 9 : h % 10)));
        h = noise::mix(h);
    }
    return out;
}

// A short, stable lower-case suffix for generated names ("k2x9q").
inline QString nameSuffix(const QString &seedText, int length = 5) {
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    quint64 h = seedFor(seedText);
    QString out;
    for (int i = 0; i < length; ++i) {
        out += QLatin1Char(alphabet[h % 32]);
        h = noise::mix(h);
    }
    return out;
}

} // namespace mlwatch::demo::gcp_shapes
