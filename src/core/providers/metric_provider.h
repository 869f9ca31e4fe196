#pragma once

#include "core/common/result.h"
#include "core/model/metric_descriptor.h"
#include "core/model/metric_query.h"
#include "core/model/series_data.h"
#include "core/model/time_range.h"

#include <QObject>

#include <functional>

namespace mlwatch {

// What one fetch produced. Series that arrived are kept even when other calls of the same
// fetch failed: a throttled batch must not blank the charts that did load. A series whose call
// failed is left out of `series` (its error is in `errors`), so what was loaded before stays.
struct FetchReport {
    QList<SeriesData> series;
    QList<Error> errors;
};

// One cloud account's metrics, behind one interface. Implementations batch the queries into as
// few calls as the cloud allows, sign or authorise them, follow pagination, retry what is worth
// retrying and map every failure to an Error that names the account, the call and a remedy.
// Callbacks run on the provider's thread, exactly once each.
class MetricProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Shown to people: "AWS us-east-1 (environment)", "Demo cloud".
    virtual QString accountLabel() const = 0;

    virtual void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
                       std::function<void(FetchReport)> done) = 0;

    // Lists the metrics of the given namespaces (all pages).
    virtual void discover(const QStringList &namespaces,
                          std::function<void(Result<QList<MetricDescriptor>>)> done) = 0;

    // Aborts everything in flight; pending callbacks report ErrorCode::Cancelled.
    virtual void cancelAll() = 0;
};

} // namespace mlwatch
