#include "cli/query_output_writer.h"

#include "core/export/csv_writer.h"
#include "core/export/series_naming.h"
#include "core/model/unit.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace mlwatch::cli {

namespace {

QList<Dimension> sortedDimensions(const MetricQuery &query) {
    QList<Dimension> dims = query.dimensions;
    std::sort(dims.begin(), dims.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    return dims;
}

void appendJsonString(QByteArray &out, const QString &text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(c >> 4) & 0xf];
                out += kHex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

Result<void> writeAll(QIODevice &device, const QByteArray &bytes) {
    if (device.write(bytes) != bytes.size())
        return Error{
            ErrorCode::Io,
            QCoreApplication::translate("mlwatch::cli::QueryOutputWriter", "Could not write the output."),
            device.errorString()};
    return {};
}

} // namespace

QString QueryOutputWriter::seriesName(const MetricQuery &query) {
    return SeriesNaming::seriesName(query);
}

QString QueryOutputWriter::unitName(const MetricQuery &query) {
    return SeriesNaming::unitName(query);
}

Result<void> QueryOutputWriter::writeCsv(QIODevice &out, const QList<QuerySeries> &series) {
    QList<CsvSeries> rows;
    rows.reserve(series.size());
    for (const QuerySeries &s : series)
        rows.append(CsvSeries{seriesName(s.query), unitName(s.query), &s.data});
    CsvWriter writer(out);
    writer.writeHeader();
    writer.writeSeries(rows);
    return writer.finish();
}

Result<void> QueryOutputWriter::writeJson(QIODevice &out, const QList<QuerySeries> &series) {
    QByteArray json;
    json += "{\"series\":[";
    bool firstSeries = true;
    for (const QuerySeries &s : series) {
        if (!firstSeries)
            json += ',';
        firstSeries = false;
        json += "\n{\"name\":";
        appendJsonString(json, seriesName(s.query));
        json += ",\"namespace\":";
        appendJsonString(json, s.query.namespaceName);
        json += ",\"metric\":";
        appendJsonString(json, s.query.metricName);
        if (!s.query.resource.isEmpty()) { // Azure: the ARM id the metric was read from
            json += ",\"resource\":";
            appendJsonString(json, s.query.resource);
        }
        json += ",\"dimensions\":{";
        bool firstDim = true;
        for (const Dimension &d : sortedDimensions(s.query)) {
            if (!firstDim)
                json += ',';
            firstDim = false;
            appendJsonString(json, d.name);
            json += ':';
            appendJsonString(json, d.value);
        }
        json += "},\"stat\":";
        appendJsonString(json, s.query.stat);
        json += ",\"period\":" + QByteArray::number(s.query.periodSeconds) + ",\"unit\":";
        const QString unit = unitName(s.query);
        if (unit.isEmpty())
            json += "null";
        else
            appendJsonString(json, unit);
        json += ",\"points\":[";
        const qsizetype n = std::min(s.data.timestampsMs.size(), s.data.values.size());
        bool firstPoint = true;
        char buf[CsvWriter::kMaxIsoChars + CsvWriter::kMaxDoubleChars];
        for (qsizetype i = 0; i < n; ++i) {
            const double v = s.data.values[i];
            if (std::isnan(v))
                continue;
            if (!firstPoint)
                json += ',';
            firstPoint = false;
            json += "[\"";
            json.append(buf, CsvWriter::formatIsoUtc(s.data.timestampsMs[i], buf));
            json += "\",";
            if (std::isinf(v))
                json += v > 0 ? "\"inf\"" : "\"-inf\"";
            else
                json.append(buf, CsvWriter::formatDouble(v, buf));
            json += ']';
        }
        json += "]}";
    }
    json += "\n]}\n";
    return writeAll(out, json);
}

} // namespace mlwatch::cli
