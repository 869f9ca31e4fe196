#pragma once

#include "core/common/result.h"
#include "core/model/series_data.h"
#include "core/providers/gcp/gcp_time_series_request.h"

#include <QHash>
#include <QMap>
#include <QVector>

#include <optional>

namespace mlwatch::gcp {

// Distribution bucket layout (cloud-apis.md §3.2). Kept with the series for whoever wants
// histograms later; the charted value of a distribution point is its mean.
struct GcpBucketOptions {
    enum class Kind { Linear, Exponential, Explicit };
    Kind kind = Kind::Explicit;
    int numFiniteBuckets = 0; // Linear, Exponential
    double width = 0;         // Linear
    double offset = 0;        // Linear
    double growthFactor = 0;  // Exponential
    double scale = 0;         // Exponential
    QVector<double> bounds;   // Explicit
    friend bool operator==(const GcpBucketOptions &, const GcpBucketOptions &) = default;
};

// One `timeSeries[]` element, its points ascending by endTime (Google sends them newest first,
// cloud-apis.md §4.25). Values: doubleValue (also the strings "NaN"/"Infinity"), int64Value (a JSON
// string, §4.23), boolValue (1 or 0), distributionValue (its mean). A point that is not a finite
// number is a gap, never a zero: a NaN, an infinity, a distribution with count 0 (proto3 leaves
// count out when it is 0), a stringValue (text cannot be charted). A distribution's count and its
// series' bucket options are kept; bucketCounts, sumOfSquaredDeviation, range and exemplars are
// dropped (nothing in MLWatch draws them yet).
struct GcpTimeSeries {
    QString metricType;
    QMap<QString, QString> metricLabels;
    QString resourceType;
    QMap<QString, QString> resourceLabels;
    QString metricKind;           // GAUGE | DELTA | CUMULATIVE
    QString valueType;            // DOUBLE | INT64 | BOOL | DISTRIBUTION | STRING
    QString unit;                 // the series' unit, else the page's; UCUM ("ms", "By", "10^2.%", "1")
    QVector<qint64> timestampsMs; // point interval.endTime, UTC ms
    QVector<double> values;
    QVector<qint64> distributionCounts; // DISTRIBUTION only: index-paired with values
    std::optional<GcpBucketOptions> bucketOptions;

    // The label value for a dimension name ("resource.labels.X", "metric.label.X" …); nullopt when
    // the series does not carry that label (a reducer drops the labels it does not group by).
    std::optional<QString> label(const QString &dimensionName) const;
    // Type and labels: the same series continued on the next page has the same identity.
    QString identity() const;
};

struct GcpTimeSeriesPage {
    QList<GcpTimeSeries> series;
    QString nextPageToken;       // empty on the last page
    QString unit;                // the response's unit, when sent
    QStringList executionErrors; // messages of executionErrors[]: the data may be incomplete
};

// Parses one 2xx body. `{}` (and a body without "timeSeries") is a page without series, not an
// error (cloud-apis.md §3.2). Anything that is not this shape is BadResponse naming what was wrong,
// never echoing the body.
Result<GcpTimeSeriesPage> parseTimeSeriesPage(const QByteArray &body);

// RFC 3339 ("2024-05-01T12:00:00Z", "…:00.123456789Z", "…+02:00") to UTC ms; nullopt if not one.
std::optional<qint64> parseRfc3339(QStringView text);

// Joins the pages of one call: a series continued on a later page (same identity) gets its points
// appended; at the end every series is sorted ascending, a repeated timestamp kept once.
class GcpSeriesAssembler {
public:
    void add(GcpTimeSeriesPage page);
    QList<GcpTimeSeries> take();
    qsizetype pages() const { return m_pages; }

private:
    QList<GcpTimeSeries> m_series;
    QHash<QString, qsizetype> m_index;
    qsizetype m_pages = 0;
};

struct GcpSeriesMatch {
    QList<SeriesData> series;
    QList<Error> errors;
};

// Hands a call's series to its queries. A series belongs to a query when every fixed label of the
// query that the series carries has the query's value. A query without '*' gets exactly its own
// seriesKey() (empty when Google had no data); a query with '*' gets one series per value of the
// split labels, keyed as the query with '*' replaced by the value. When several series land on one
// key (a query without a reducer over a metric with more labels, e.g. replica_id) the first is kept
// and an Error names the labels they differ in and the remedy (a reducer, or a '*' split).
GcpSeriesMatch matchSeries(const GcpTimeSeriesCall &call, const QList<GcpTimeSeries> &series,
                           const QString &account);

} // namespace mlwatch::gcp
