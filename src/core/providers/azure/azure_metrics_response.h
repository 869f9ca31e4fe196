#pragma once

#include "core/common/result.h"
#include "core/model/series_data.h"
#include "core/net/http_types.h"
#include "core/providers/azure/azure_metrics_request.h"

#include <QVector>

#include <optional>

namespace mlwatch::azure {

// One `timeseries[]` element: the points that carry the requested aggregation. A data element
// without that key (or with null) is a grain without data: it is left out, never read as zero
// (cloud-apis.md §2.3, §4.17), as SeriesData wants gaps.
struct AzureTimeSeries {
    QList<Dimension> metadata;    // metadatavalues; Azure lower-cases the names
    QVector<qint64> timestampsMs; // UTC ms since the epoch, as returned (ascending)
    QVector<double> values;       // index-paired with timestampsMs
};

// One `value[]` element: a metric of one resource. A 200 can carry per-metric failures.
struct AzureMetric {
    QString name; // name.value
    QString unit;
    QString errorCode; // "Success" (or absent) when fine
    QString errorMessage;
    QList<AzureTimeSeries> timeseries;

    bool succeeded() const { return errorCode.isEmpty() || errorCode == QLatin1String("Success"); }
};

// The metrics of one resource: an ARM GET answer, or one `values[]` entry of getBatch.
struct AzureResourceMetrics {
    QString resourceId; // getBatch: resourceid; ARM: empty (the call names the one resource)
    QString region;     // resourceregion, lower-case
    QString interval;   // the grain Azure used (may differ with AutoAdjustTimegrain)
    QList<AzureMetric> metrics;
};

// Parse a 2xx body. `aggregation` is the call's (Average …); its lower-case form is the key
// read from each data element. Anything that is not Azure Monitor's shape gives BadResponse
// naming what was wrong (never echoing the body).
Result<AzureResourceMetrics> parseArmMetricsResponse(const QByteArray &body, const QString &aggregation);
Result<QList<AzureResourceMetrics>> parseBatchMetricsResponse(const QByteArray &body,
                                                              const QString &aggregation);
Result<QList<AzureResourceMetrics>> parseMetricsResponse(AzureCallKind kind, const QByteArray &body,
                                                         const QString &aggregation);

struct AzureSeriesMatch {
    QList<SeriesData> series;
    QList<Error> errors;
};

// Hands what came back to the call's queries: by resource id (case-insensitively), metric name
// (case-insensitively, as Azure treats names) and the dimension values in metadatavalues (names
// compared case-insensitively: they come back lower-cased). A query without '*' gets exactly its
// own seriesKey() (empty when Azure had no data); a query that splits by a dimension gets one
// series per value, keyed as the query with '*' replaced by that value. A metric with
// errorCode != "Success" becomes an Error naming `account`, the metric, the resource and
// Azure's errorMessage; the other metrics of the answer still load. Series are ascending.
AzureSeriesMatch matchSeries(const AzureMetricsCall &call, const QList<AzureResourceMetrics> &results,
                             const QString &account);

// The ARM error envelope {"error":{"code","message"}} (also the data plane's).
struct AzureError {
    int httpStatus = 0;
    QString code;    // "ResourceNotFound", "AuthorizationFailed", …
    QString message; // Azure's own text (it never contains our token)
};

// nullopt when the body is not an Azure error envelope.
std::optional<AzureError> parseAzureError(const HttpResponse &response);

// Who asked what, for error messages.
struct AzureCallDescription {
    QString account;      // "Azure prod (environment)"
    QString call;         // "Azure Monitor metrics for ep1", "metrics:getBatch (50 resources)"
    QString subject;      // what was read: "ep1", "50 resources in subscription 0000…"
    bool listing = false; // discovery (needs Reader) rather than metrics (needs Monitoring Reader)
};

// The Error a person sees for a final non-2xx answer (after `attempts` tries): 401 token
// rejected, 403 missing Monitoring Reader role, 404 resource not found, 400 Azure's own
// validation text, 429 throttled (naming the wait Azure asked for, and saying so when that wait
// is beyond `maxWaitSeconds`, the longest MLWatch waits; 0 = no such limit), 5xx failed on
// Azure's side.
Error azureHttpError(const HttpResponse &response, const AzureCallDescription &what, int attempts,
                     qint64 maxWaitSeconds = 0);

} // namespace mlwatch::azure
