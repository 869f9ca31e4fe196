#pragma once

#include "core/common/result.h"
#include "core/model/series_data.h"
#include "core/model/time_range.h"
#include "core/model/unit.h"

#include <QList>
#include <QString>

class QIODevice;

namespace mlwatch {

struct ChartSpec;

// What a chart's CSV export contains (the chart menu's "Export CSV…", a tab exported to a
// folder).
struct ChartCsvOptions {
    enum class Form {
        Long, // timestamp,series,value,unit — the shape of `mlwatch-cli query --format csv`
        Wide, // timestamp,<series 1 [unit]>,<series 2 [unit]>… — one row per time, for spreadsheets
    };
    enum class Units {
        Raw,     // as the cloud reported them (what the CLI writes): ModelLatency in Microseconds
        Display, // as the chart shows them: ModelLatency in Milliseconds, bytes in Gibibytes
    };
    Form form = Form::Long;
    Units units = Units::Raw;
    // Only datapoints with range.contains(t) (the chart's visible window); an invalid range
    // (the default) = every loaded datapoint.
    TimeRange range;
};

// Writes one chart's series as CSV: series named by SeriesNaming::seriesName, long form through
// CsvWriter, wide form through CsvWideWriter — so the bytes follow those writers' contracts
// (ISO 8601 UTC, shortest round-trip doubles, locale-independent) and the same inputs always
// give the same bytes.
class ChartCsvWriter {
public:
    // `series` is index-paired with spec.series (missing entries = no data), raw units.
    static Result<void> write(QIODevice &out, const ChartSpec &spec, const QList<SeriesData> &series,
                              const ChartCsvOptions &options);

    // The unit column / header suffix, never translated: CloudWatch's name of the chart's raw
    // unit ("Microseconds"), or of the unit the chart displays ("Milliseconds", "Gibibytes").
    static QString unitName(Unit raw, ChartCsvOptions::Units units);
    // The unit's factor: 1 for Raw, displayUnitFor(raw).scale for Display. write() multiplies
    // series i by UnitRegistry::seriesScale(spec, i) instead (per device where known).
    static double scale(Unit raw, ChartCsvOptions::Units units);
    // A wide-form column header: "<series name> [<unit>]".
    static QString columnName(const QString &seriesName, const QString &unit);

    // `data` limited to `range` (invalid = all) and multiplied by `factor`; shares the points
    // when nothing changes.
    static SeriesData slice(const SeriesData &data, const TimeRange &range, double factor);
};

} // namespace mlwatch
