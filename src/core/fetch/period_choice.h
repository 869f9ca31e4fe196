#pragma once

#include "core/model/time_range.h"

namespace mlwatch {

// The period (seconds) to ask CloudWatch for, for a window: the smallest of
// 60, 300, 900, 3600, 21600, 86400 that keeps the window under `maxPoints` points and that
// CloudWatch accepts for data that old (older than 15 days: a multiple of 300; older than
// 63 days: a multiple of 3600 — else it silently returns nothing; cloud-apis.md §1.5).
int choosePeriodSeconds(const TimeRange &range, qint64 nowMs, int maxPoints = 2000);

} // namespace mlwatch
