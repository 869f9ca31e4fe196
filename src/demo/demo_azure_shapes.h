#pragma once

#include "demo/demo_noise.h"
#include "demo/demo_story.h"

#include <QString>

#include <algorithm>
#include <cmath>

// Small building blocks shared by the Azure story's halves (demo_azure_workspace_story.cpp,
// demo_azure_serving_story.cpp). Minutes are minutes since the Unix epoch, UTC.
namespace mlwatch::demo::azure_shapes {

inline constexpr qint64 kHour = 60;
inline constexpr qint64 kDay = 24 * kHour;
inline constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
inline constexpr double kPi = 3.14159265358979323846;

// One sample that minute: a gauge's value, or an event count published that minute.
inline MinuteStats single(double value) {
    return {1, value, value, value};
}

inline double clamp(double value, double low, double high) {
    return std::min(high, std::max(low, value));
}

inline qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// 00:00 UTC of the day that holds minute m.
inline qint64 dayStart(qint64 m) {
    return floorDiv(m, kDay) * kDay;
}

inline quint64 seedFor(const QString &resource, const QString &metric, const QString &leaf = QString()) {
    return noise::seedOf((resource + QLatin1Char('|') + metric + QLatin1Char('|') + leaf).toUtf8());
}

// Request traffic relative to the daily peak: highest at 15:00 UTC, lowest at 03:00 UTC, a
// third lower on weekends (the AWS story's rhythm, so the two accounts side by side agree).
inline double traffic(qint64 m) {
    const double hour = double(m - dayStart(m)) / 60.0;
    const double daily = 0.55 + 0.45 * std::sin(2.0 * kPi * (hour - 9.0) / 24.0);
    const qint64 weekday = ((floorDiv(m, kDay) + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
    return daily * (weekday >= 5 ? 0.65 : 1.0);
}

// A count with Poisson-like jitter around `expected`, never negative.
inline double jitteredCount(double expected, quint64 seed, qint64 m) {
    return std::max(0.0, std::round(expected + std::sqrt(std::max(0.0, expected)) * noise::normal(seed, m)));
}

// A short, stable lower-case suffix for generated names ("k2x9q").
inline QString nameSuffix(const QString &seedText, int length = 5) {
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    quint64 h = noise::seedOf(seedText.toUtf8());
    QString out;
    for (int i = 0; i < length; ++i) {
        out += QLatin1Char(alphabet[h % 32]);
        h = noise::mix(h);
    }
    return out;
}

} // namespace mlwatch::demo::azure_shapes
