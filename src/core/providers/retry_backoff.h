#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <functional>
#include <optional>

namespace mlwatch {

// The arithmetic the Azure and Google retry policies share (cloud-apis.md §2.5, §3.3).

// Exponential backoff with "equal jitter": a delay in [ceiling/2, ceiling], ceiling =
// min(base × 2^(attempt-1), cap) × scale, so a burst of failing calls does not retry in lockstep.
// `random` gives a value in [0, 1) (clamped); unset = QRandomGenerator::global().
std::chrono::milliseconds jitteredBackoff(std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                          int attempt, const std::function<double()> &random,
                                          double scale = 1.0);

// Retry-After as seconds: a number, or an HTTP date relative to `nowUtc`; nullopt if neither (or
// a date without a valid `nowUtc`, or a negative number).
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &header, const QDateTime &nowUtc);

} // namespace mlwatch
