#include "demo/demo_gcp_list_request.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

namespace mlwatch::demo {

namespace {

using A = DemoGcpAligner;
using R = DemoGcpReducer;
using K = DemoGcpKind;
using V = DemoGcpValueType;

constexpr qint64 kMinPeriodMs = 60 * 1000;

const QStringList kKnownAligners{QStringLiteral("ALIGN_NONE"),          QStringLiteral("ALIGN_DELTA"),
                                 QStringLiteral("ALIGN_RATE"),          QStringLiteral("ALIGN_INTERPOLATE"),
                                 QStringLiteral("ALIGN_NEXT_OLDER"),    QStringLiteral("ALIGN_MIN"),
                                 QStringLiteral("ALIGN_MAX"),           QStringLiteral("ALIGN_MEAN"),
                                 QStringLiteral("ALIGN_COUNT"),         QStringLiteral("ALIGN_SUM"),
                                 QStringLiteral("ALIGN_STDDEV"),        QStringLiteral("ALIGN_COUNT_TRUE"),
                                 QStringLiteral("ALIGN_COUNT_FALSE"),   QStringLiteral("ALIGN_FRACTION_TRUE"),
                                 QStringLiteral("ALIGN_PERCENTILE_99"), QStringLiteral("ALIGN_PERCENTILE_95"),
                                 QStringLiteral("ALIGN_PERCENTILE_50"), QStringLiteral("ALIGN_PERCENTILE_05"),
                                 QStringLiteral("ALIGN_PERCENT_CHANGE")};
const QStringList kKnownReducers{
    QStringLiteral("REDUCE_NONE"),          QStringLiteral("REDUCE_MEAN"),
    QStringLiteral("REDUCE_MIN"),           QStringLiteral("REDUCE_MAX"),
    QStringLiteral("REDUCE_SUM"),           QStringLiteral("REDUCE_STDDEV"),
    QStringLiteral("REDUCE_COUNT"),         QStringLiteral("REDUCE_COUNT_TRUE"),
    QStringLiteral("REDUCE_COUNT_FALSE"),   QStringLiteral("REDUCE_FRACTION_TRUE"),
    QStringLiteral("REDUCE_PERCENTILE_99"), QStringLiteral("REDUCE_PERCENTILE_95"),
    QStringLiteral("REDUCE_PERCENTILE_50"), QStringLiteral("REDUCE_PERCENTILE_05")};

// Google's message for a query parameter that does not parse as its proto type.
DemoGcpError badValue(const char *protoPath, const char *protoType, const QString &value,
                      const QString &detail = {}) {
    QString message = QStringLiteral("Invalid value at '%1' (%2), \"%3\"")
                          .arg(QLatin1String(protoPath), QLatin1String(protoType), value);
    if (!detail.isEmpty())
        message += QLatin1String(", ") + detail;
    return DemoGcpError::invalidArgument(message);
}

std::optional<double> percentileOf(const QString &name) {
    static const QRegularExpression re(QStringLiteral("_PERCENTILE_(\\d\\d)$"));
    const QRegularExpressionMatch m = re.match(name);
    return m.hasMatch() ? std::optional<double>(m.captured(1).toDouble()) : std::nullopt;
}

bool numeric(V v) {
    return v == V::Int64 || v == V::Double;
}

// Whether Google lets `aligner` run on metrics of this kind and value type.
bool alignerApplies(A aligner, K kind, V value) {
    switch (aligner) {
    case A::None:
    case A::NextOlder:
        return true;
    case A::Delta:
        return kind != K::Gauge;
    case A::Rate:
        return kind != K::Gauge && numeric(value);
    case A::Min:
    case A::Max:
        return kind != K::Cumulative && numeric(value);
    case A::Mean:
    case A::Sum:
    case A::Count:
        return kind != K::Cumulative;
    case A::Percentile:
        return kind != K::Cumulative && value == V::Distribution;
    }
    return false;
}

bool reducerApplies(R reducer, V value) {
    switch (reducer) {
    case R::Min:
    case R::Max:
        return numeric(value);
    default:
        return true;
    }
}

QByteArray fingerprintOf(const DemoGcpParams &params) {
    QStringList parts;
    for (const QString &name : params.names())
        if (name != QLatin1String("pageToken") && name != QLatin1String("pageSize"))
            for (const QString &v : params.values(name))
                parts.append(name + QLatin1Char('=') + v);
    parts.removeDuplicates();
    parts.sort();
    return QCryptographicHash::hash(parts.join(QLatin1Char('&')).toUtf8(), QCryptographicHash::Sha256)
        .toHex()
        .left(16);
}

} // namespace

DemoGcpOutcome<DemoGcpListRequest> DemoGcpListRequest::parse(const DemoGcpParams &params) {
    DemoGcpListRequest r;
    r.fingerprint = fingerprintOf(params);
    for (const QString &name : params.names())
        if (name.startsWith(QLatin1String("secondaryAggregation.")))
            return DemoGcpError::invalidArgument(
                QStringLiteral("The simulated Cloud Monitoring does not implement secondaryAggregation (%1).")
                    .arg(name));

    r.filterText = params.value(u"filter").value_or(QString());
    const DemoGcpOutcome<DemoGcpFilter> filter = DemoGcpFilter::parse(r.filterText);
    if (!filter.ok())
        return filter.error();
    r.filter = filter.value();
    const QStringList types = r.filter.metricTypeEqualities();
    if (types.size() != 1 || r.filter.metricTypeReferences() != 1)
        return DemoGcpError::invalidField(
            QStringLiteral("filter"), r.filterText,
            QStringLiteral("A filter must specify exactly one metric type with metric.type = \"TYPE\"."));
    r.metric = DemoGcpCatalog::find(types.first());
    if (!r.metric)
        return DemoGcpError{
            404,
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("Cannot find metric(s) that match type = \"%1\".").arg(types.first()),
            {}};

    const std::optional<QString> endText = params.value(u"interval.endTime");
    if (!endText || endText->isEmpty())
        return DemoGcpError::invalidField(QStringLiteral("interval.endTime"), QString(),
                                          QStringLiteral("An end time is required."));
    const auto timestamp = [](const char *path, const QString &text) {
        return badValue(
            path, "type.googleapis.com/google.protobuf.Timestamp", text,
            QStringLiteral("Illegal timestamp format; timestamps must end with 'Z' or have a valid "
                           "timezone offset."));
    };
    const std::optional<qint64> end = DemoGcpWire::parseTimestamp(*endText);
    if (!end)
        return timestamp("interval.end_time", *endText);
    r.endMs = *end;
    r.startMs = r.endMs;
    if (const std::optional<QString> startText = params.value(u"interval.startTime");
        startText && !startText->isEmpty()) {
        const std::optional<qint64> start = DemoGcpWire::parseTimestamp(*startText);
        if (!start)
            return timestamp("interval.start_time", *startText);
        if (*start > r.endMs)
            return DemoGcpError::invalidField(QStringLiteral("interval.startTime"), *startText,
                                              QStringLiteral("The start time must be before the end time."));
        r.startMs = *start;
    }

    r.alignerName = params.value(u"aggregation.perSeriesAligner").value_or(QStringLiteral("ALIGN_NONE"));
    if (!kKnownAligners.contains(r.alignerName))
        return badValue("aggregation.per_series_aligner",
                        "type.googleapis.com/google.monitoring.v3.Aggregation.Aligner", r.alignerName);
    static const QHash<QString, A> aligners{{QStringLiteral("ALIGN_NONE"), A::None},
                                            {QStringLiteral("ALIGN_DELTA"), A::Delta},
                                            {QStringLiteral("ALIGN_RATE"), A::Rate},
                                            {QStringLiteral("ALIGN_MIN"), A::Min},
                                            {QStringLiteral("ALIGN_MAX"), A::Max},
                                            {QStringLiteral("ALIGN_MEAN"), A::Mean},
                                            {QStringLiteral("ALIGN_SUM"), A::Sum},
                                            {QStringLiteral("ALIGN_COUNT"), A::Count},
                                            {QStringLiteral("ALIGN_NEXT_OLDER"), A::NextOlder}};
    if (const std::optional<double> p = percentileOf(r.alignerName)) {
        r.aligner = A::Percentile;
        r.alignerPercentile = *p;
    } else if (aligners.contains(r.alignerName)) {
        r.aligner = aligners.value(r.alignerName);
    } else {
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.perSeriesAligner"), r.alignerName,
            QStringLiteral("The simulated Cloud Monitoring does not implement this "
                           "aligner."));
    }

    const QString periodText = params.value(u"aggregation.alignmentPeriod").value_or(QString());
    if (!periodText.isEmpty()) {
        const std::optional<qint64> period = DemoGcpWire::parseDuration(periodText);
        if (!period)
            return badValue("aggregation.alignment_period", "type.googleapis.com/google.protobuf.Duration",
                            periodText,
                            QStringLiteral("Illegal duration format; duration must end with 's'"));
        if (*period < kMinPeriodMs)
            return DemoGcpError::invalidField(QStringLiteral("aggregation.alignmentPeriod"), periodText,
                                              QStringLiteral("The alignment period must be at least 60s."));
        r.periodMs = *period;
    }
    if (r.aligner != A::None && r.periodMs == 0)
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.alignmentPeriod"), periodText,
            QStringLiteral(
                "An alignment period is required when a per-series aligner other than ALIGN_NONE is "
                "specified."));
    if (r.aligner == A::None)
        r.periodMs = 0;

    r.reducerName = params.value(u"aggregation.crossSeriesReducer").value_or(QStringLiteral("REDUCE_NONE"));
    if (!kKnownReducers.contains(r.reducerName))
        return badValue("aggregation.cross_series_reducer",
                        "type.googleapis.com/google.monitoring.v3.Aggregation.Reducer", r.reducerName);
    static const QHash<QString, R> reducers{
        {QStringLiteral("REDUCE_NONE"), R::None}, {QStringLiteral("REDUCE_SUM"), R::Sum},
        {QStringLiteral("REDUCE_MEAN"), R::Mean}, {QStringLiteral("REDUCE_MIN"), R::Min},
        {QStringLiteral("REDUCE_MAX"), R::Max},   {QStringLiteral("REDUCE_COUNT"), R::Count}};
    if (const std::optional<double> p = percentileOf(r.reducerName)) {
        r.reducer = R::Percentile;
        r.reducerPercentile = *p;
    } else if (reducers.contains(r.reducerName)) {
        r.reducer = reducers.value(r.reducerName);
    } else {
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.crossSeriesReducer"), r.reducerName,
            QStringLiteral("The simulated Cloud Monitoring does not implement this "
                           "reducer."));
    }
    if (r.reducer != R::None && r.aligner == A::None)
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.perSeriesAligner"), r.alignerName,
            QStringLiteral(
                "A per-series aligner other than ALIGN_NONE is required when a cross-series reducer is "
                "specified."));

    static const QRegularExpression field(
        QStringLiteral("^(metric|resource)\\.labels?\\.([A-Za-z_][A-Za-z0-9_]*)$"));
    for (const QString &f : params.values(u"aggregation.groupByFields")) {
        if (f == QLatin1String("resource.type")) {
            r.groupBy.append(f);
            continue;
        }
        const QRegularExpressionMatch m = field.match(f);
        if (!m.hasMatch())
            return DemoGcpError::invalidField(QStringLiteral("aggregation.groupByFields"), f,
                                              QStringLiteral("Expected resource.type, metric.label.KEY or "
                                                             "resource.label.KEY."));
        r.groupBy.append(m.captured(1) + QStringLiteral(".labels.") + m.captured(2));
    }

    if (!alignerApplies(r.aligner, r.metric->kind, r.metric->valueType))
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.perSeriesAligner"), r.alignerName,
            QStringLiteral("The aligner cannot be applied to metrics with kind %1 and value type %2.")
                .arg(DemoGcpCatalog::kindName(r.metric->kind),
                     DemoGcpCatalog::valueTypeName(r.metric->valueType)));
    if (!reducerApplies(r.reducer, r.alignedValueType()))
        return DemoGcpError::invalidField(
            QStringLiteral("aggregation.crossSeriesReducer"), r.reducerName,
            QStringLiteral("The reducer cannot be applied to metrics with kind %1 and value type %2.")
                .arg(DemoGcpCatalog::kindName(r.alignedKind()),
                     DemoGcpCatalog::valueTypeName(r.alignedValueType())));

    const QString view = params.value(u"view").value_or(QStringLiteral("FULL"));
    if (view != QLatin1String("FULL") && view != QLatin1String("HEADERS"))
        return badValue(
            "view", "type.googleapis.com/google.monitoring.v3.ListTimeSeriesRequest.TimeSeriesView", view);
    r.headersOnly = view == QLatin1String("HEADERS");

    if (const std::optional<QString> size = params.value(u"pageSize"); size && !size->isEmpty()) {
        bool ok = false;
        const qint64 n = size->toLongLong(&ok);
        if (!ok)
            return badValue("page_size", "TYPE_INT32", *size);
        if (n < 0)
            return DemoGcpError::invalidField(QStringLiteral("pageSize"), *size,
                                              QStringLiteral("The page size must not be negative."));
        r.pageSize = n == 0 ? kMaxPageSize : int(std::min<qint64>(n, kMaxPageSize));
    }
    r.pageToken = params.value(u"pageToken").value_or(QString());
    return r;
}

DemoGcpKind DemoGcpListRequest::alignedKind() const {
    switch (aligner) {
    case A::None:
    case A::NextOlder:
        return metric->kind;
    case A::Delta:
        return K::Delta;
    case A::Sum:
    case A::Count:
        return metric->kind == K::Delta ? K::Delta : K::Gauge;
    default:
        return K::Gauge;
    }
}

DemoGcpValueType DemoGcpListRequest::alignedValueType() const {
    switch (aligner) {
    case A::Rate:
    case A::Mean:
    case A::Percentile:
        return V::Double;
    case A::Count:
        return V::Int64;
    default:
        return metric->valueType;
    }
}

DemoGcpValueType DemoGcpListRequest::outputValueType() const {
    switch (reducer) {
    case R::Mean:
    case R::Percentile:
        return V::Double;
    case R::Count:
        return V::Int64;
    default:
        return alignedValueType();
    }
}

QString DemoGcpListRequest::outputUnit() const {
    if (aligner == A::Count || reducer == R::Count)
        return QStringLiteral("1");
    if (aligner == A::Rate)
        return metric->unit + QStringLiteral("/s");
    return metric->unit;
}

} // namespace mlwatch::demo
