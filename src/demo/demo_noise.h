#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cmath>

// Deterministic "random" numbers for the demo's data: every value is a hash of a seed and a
// position, so the same (series, minute) always gives the same number, on every machine and
// in every run, without storing any table.
namespace mlwatch::demo::noise {

// SplitMix64's finaliser: a good 64-bit mixer.
inline quint64 mix(quint64 x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// FNV-1a of a text, to turn a series' identity into a seed.
inline quint64 seedOf(QByteArrayView text) {
    quint64 h = 0xCBF29CE484222325ULL;
    for (char c : text) {
        h ^= quint8(c);
        h *= 0x100000001B3ULL;
    }
    return mix(h);
}

// Uniform in [0, 1) for (seed, position).
inline double unit(quint64 seed, qint64 position) {
    return double(mix(seed ^ mix(quint64(position))) >> 11) * (1.0 / 9007199254740992.0);
}

// Uniform in [-1, 1).
inline double signedUnit(quint64 seed, qint64 position) {
    return unit(seed, position) * 2.0 - 1.0;
}

// Roughly normal with mean 0 and standard deviation 1 (sum of four uniforms, scaled).
inline double normal(quint64 seed, qint64 position) {
    double sum = 0;
    for (int i = 0; i < 4; ++i)
        sum += unit(seed + quint64(i) * 0x632BE59BD9B4E019ULL, position);
    return (sum - 2.0) * 1.7320508075688772; // variance of the sum is 4/12
}

// Smooth value noise in [-1, 1]: random knots every `spanMinutes`, eased in between, so a
// series wanders instead of jittering.
inline double smooth(quint64 seed, qint64 minute, qint64 spanMinutes) {
    const qint64 knot = minute >= 0 ? minute / spanMinutes : (minute - spanMinutes + 1) / spanMinutes;
    const double t = double(minute - knot * spanMinutes) / double(spanMinutes);
    const double eased = t * t * (3.0 - 2.0 * t);
    const double a = signedUnit(seed ^ 0x5DEECE66DULL, knot);
    const double b = signedUnit(seed ^ 0x5DEECE66DULL, knot + 1);
    return a + (b - a) * eased;
}

} // namespace mlwatch::demo::noise
