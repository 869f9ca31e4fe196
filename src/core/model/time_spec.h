#pragma once

#include "core/common/result.h"

#include <QString>

namespace mlwatch {

// Parses a TIME as people type it on the command line, into milliseconds since the Unix epoch
// (UTC). Accepted forms:
//   - ISO 8601 with a stated zone: "2026-11-20T12:00:00Z", "2026-11-20T12:00Z",
//     "2026-11-20T12:00:00.250Z", "2026-11-20T13:00:00+01:00" (also "+0100", "+01"); a bare
//     date "2026-11-20" means midnight UTC. A date-time without a zone is refused rather than
//     guessed: the zone is always stated.
//   - relative to `nowMs`: "-30s", "-30m", "-1h", "-7d", "-2w" (N a non-negative integer);
//   - "now".
// Parsing is locale-independent and case-insensitive for the letters (T, Z, units, "now").
// Errors are ErrorCode::BadArgument with a translated message that names the text and shows
// the accepted forms.
Result<qint64> parseTimeSpec(const QString &text, qint64 nowMs);

} // namespace mlwatch
