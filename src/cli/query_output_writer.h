#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"
#include "core/model/series_data.h"

#include <QList>

class QIODevice;

namespace mlwatch::cli {

// One queried series with what the output says about it.
struct QuerySeries {
    MetricQuery query;
    SeriesData data; // as the cloud returned it: ascending, raw unit, gaps absent
};

// Writes `query`'s results on stdout in the formats the help documents.
class QueryOutputWriter {
public:
    // SeriesNaming::seriesName (core/export/series_naming.h): shared with chart and report
    // exports, so every CSV names a series the same way.
    static QString seriesName(const MetricQuery &query);

    // SeriesNaming::unitName: the cloud's unit name (CloudWatch's, Azure Monitor's) for the
    // metrics MLWatch knows, else empty. `query` never converts units.
    static QString unitName(const MetricQuery &query);

    // Long-form CSV (see CsvWriter): header, then every datapoint.
    static Result<void> writeCsv(QIODevice &out, const QList<QuerySeries> &series);

    // The stable JSON shape:
    //   {"series":[{"name":…,"namespace":…,"metric":…,"dimensions":{"K":"V",…},"stat":…,
    //               "period":60,"unit":…,"points":[["2026-11-20T12:00:00Z",42],…]}]}
    // Timestamps and numbers are formatted exactly as in the CSV; NaN points are left out and
    // infinities are written as the strings "inf" / "-inf" (JSON has no such numbers). A query
    // with a resource (Azure's ARM id) also has "resource":… after "metric".
    static Result<void> writeJson(QIODevice &out, const QList<QuerySeries> &series);
};

} // namespace mlwatch::cli
