#include "core/export/chart_csv_writer.h"

#include "core/catalog/chart_spec.h"
#include "core/export/csv_wide_writer.h"
#include "core/export/csv_writer.h"
#include "core/export/series_naming.h"
#include "core/model/unit_registry.h"

#include <algorithm>

namespace mlwatch {

QString ChartCsvWriter::unitName(Unit raw, ChartCsvOptions::Units units) {
    if (units == ChartCsvOptions::Units::Raw)
        return cloudWatchUnitName(raw);
    // What displayUnitFor() shows, spelled out in CloudWatch's style (locale-independent).
    switch (raw) {
    case Unit::Microseconds:
        return cloudWatchUnitName(Unit::Milliseconds);
    case Unit::Bytes:
        return QStringLiteral("Gibibytes");
    case Unit::Fraction: // shown ×100
        return cloudWatchUnitName(Unit::Percent);
    default:
        return cloudWatchUnitName(raw);
    }
}

double ChartCsvWriter::scale(Unit raw, ChartCsvOptions::Units units) {
    return units == ChartCsvOptions::Units::Raw ? 1.0 : displayUnitFor(raw).scale;
}

QString ChartCsvWriter::columnName(const QString &seriesName, const QString &unit) {
    return unit.isEmpty() ? seriesName : seriesName + QStringLiteral(" [") + unit + QLatin1Char(']');
}

SeriesData ChartCsvWriter::slice(const SeriesData &data, const TimeRange &range, double factor) {
    const qsizetype n = std::min(data.timestampsMs.size(), data.values.size());
    qsizetype lo = 0;
    qsizetype hi = n;
    if (range.isValid()) {
        const auto begin = data.timestampsMs.cbegin();
        lo = std::lower_bound(begin, begin + n, range.startMs) - begin;
        hi = std::lower_bound(begin, begin + n, range.endMs) - begin; // half-open: endMs is out
    }
    if (lo == 0 && hi == data.size() && hi == data.values.size() && factor == 1.0)
        return data; // implicitly shared: no copy
    SeriesData out;
    out.seriesKey = data.seriesKey;
    out.timestampsMs = data.timestampsMs.mid(lo, hi - lo);
    out.values.reserve(hi - lo);
    for (qsizetype i = lo; i < hi; ++i)
        out.values.append(data.values[i] * factor);
    return out;
}

Result<void> ChartCsvWriter::write(QIODevice &out, const ChartSpec &spec, const QList<SeriesData> &series,
                                   const ChartCsvOptions &options) {
    const QString unit = unitName(spec.unit, options.units);
    QList<SeriesData> sliced;
    sliced.reserve(spec.series.size());
    for (qsizetype i = 0; i < spec.series.size(); ++i) {
        // Display units as the chart draws them: per device where the instance type is known.
        const double factor =
            options.units == ChartCsvOptions::Units::Raw ? 1.0 : UnitRegistry::seriesScale(spec, i);
        sliced.append(slice(i < series.size() ? series.at(i) : SeriesData(), options.range, factor));
    }

    if (options.form == ChartCsvOptions::Form::Wide) {
        QList<CsvColumn> columns;
        for (qsizetype i = 0; i < spec.series.size(); ++i)
            columns.append(CsvColumn{columnName(SeriesNaming::seriesName(spec.series.at(i).query), unit),
                                     &sliced.at(i)});
        CsvWideWriter writer(out);
        return writer.write(columns);
    }
    QList<CsvSeries> rows;
    for (qsizetype i = 0; i < spec.series.size(); ++i)
        rows.append(CsvSeries{SeriesNaming::seriesName(spec.series.at(i).query), unit, &sliced.at(i)});
    CsvWriter writer(out);
    writer.writeHeader();
    writer.writeSeries(rows);
    return writer.finish();
}

} // namespace mlwatch
