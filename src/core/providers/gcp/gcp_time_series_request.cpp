#include "core/providers/gcp/gcp_time_series_request.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace mlwatch::gcp {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this helper
// looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::gcp", text);
}

constexpr qint64 kMsPerSecond = 1000;

// The enums of Aggregation (cloud-apis.md §3.2, plus ALIGN_COUNT_FALSE / ALIGN_PERCENT_CHANGE /
// REDUCE_COUNT_FALSE, which the v3 enum also has).
constexpr std::array kAligners = {
    "ALIGN_NONE",          "ALIGN_DELTA",         "ALIGN_RATE",          "ALIGN_INTERPOLATE",
    "ALIGN_NEXT_OLDER",    "ALIGN_MIN",           "ALIGN_MAX",           "ALIGN_MEAN",
    "ALIGN_COUNT",         "ALIGN_SUM",           "ALIGN_STDDEV",        "ALIGN_COUNT_TRUE",
    "ALIGN_COUNT_FALSE",   "ALIGN_FRACTION_TRUE", "ALIGN_PERCENTILE_99", "ALIGN_PERCENTILE_95",
    "ALIGN_PERCENTILE_50", "ALIGN_PERCENTILE_05", "ALIGN_PERCENT_CHANGE"};
constexpr std::array kReducers = {"REDUCE_NONE",          "REDUCE_MEAN",          "REDUCE_MIN",
                                  "REDUCE_MAX",           "REDUCE_SUM",           "REDUCE_STDDEV",
                                  "REDUCE_COUNT",         "REDUCE_COUNT_TRUE",    "REDUCE_COUNT_FALSE",
                                  "REDUCE_FRACTION_TRUE", "REDUCE_PERCENTILE_99", "REDUCE_PERCENTILE_95",
                                  "REDUCE_PERCENTILE_50", "REDUCE_PERCENTILE_05"};

template <size_t N> bool known(const std::array<const char *, N> &names, const QString &name) {
    return std::any_of(names.cbegin(), names.cend(), [&](const char *n) { return name == QLatin1String(n); });
}

qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

QByteArray enc(const QString &value) {
    return QUrl::toPercentEncoding(value);
}

class QueryString {
public:
    void add(QByteArrayView key, const QString &value) {
        if (!m_text.isEmpty())
            m_text += '&';
        m_text.append(key);
        m_text += '=';
        m_text += enc(value);
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

RejectedQuery reject(const MetricQuery &query, const QString &message) {
    return {query, Error{ErrorCode::BadArgument, message, query.seriesKey()}};
}

// A query read against the contract, before grouping.
struct Parsed {
    MetricQuery query;
    QString project;
    GcpAggregation aggregation;
    int alignmentSeconds = 0; // 0 when nothing is aligned
    QList<Dimension> fixed;   // canonical names, sorted by name
    QStringList splits;       // canonical names of the '*' labels, sorted
    QString userFilter;       // the kUserFilterDimension's expression, trimmed; empty = none
};

std::optional<QString> valueOf(const QList<Dimension> &dims, const QString &name) {
    for (const Dimension &d : dims)
        if (d.name == name)
            return d.value;
    return std::nullopt;
}

// Everything but the fixed label values: queries with the same shape may share a call.
QString shapeKey(const Parsed &p) {
    QStringList fixedNames;
    for (const Dimension &d : p.fixed)
        fixedNames.append(d.name);
    return QStringList{p.project,
                       p.query.metricName,
                       p.query.namespaceName,
                       p.aggregation.aligner,
                       p.aggregation.reducer,
                       QString::number(p.alignmentSeconds),
                       fixedNames.join(QLatin1Char(',')),
                       p.splits.join(QLatin1Char(',')),
                       p.userFilter}
        .join(QLatin1Char('\x1f'));
}

// The fixed values of every label but `except`, as a key.
QString restKey(const Parsed &p, const QString &except) {
    QStringList parts;
    for (const Dimension &d : p.fixed)
        if (d.name != except)
            parts.append(d.name + QLatin1Char('=') + d.value);
    return parts.join(QLatin1Char('\x1f'));
}

GcpTimeSeriesCall callShape(const Parsed &p, const TimeRange &range) {
    GcpTimeSeriesCall call;
    call.project = p.project;
    call.metricType = p.query.metricName;
    call.resourceType = p.query.namespaceName;
    call.userFilter = p.userFilter;
    call.aggregation = p.aggregation;
    call.alignmentSeconds = p.alignmentSeconds > 0 ? p.alignmentSeconds : kMinAlignmentSeconds;
    call.range.startMs = floorDiv(range.startMs, kMsPerSecond) * kMsPerSecond;
    call.range.endMs = -floorDiv(-range.endMs, kMsPerSecond) * kMsPerSecond;
    call.range.endMs = std::max(call.range.endMs, call.range.startMs + kMsPerSecond);
    if (!p.aggregation.reducer.isEmpty())
        for (const QString &split : p.splits)
            call.groupByFields.append(parseLabelName(split)->groupByName());
    return call;
}

// Calls for one group of same-shape queries: merged over the label that splits them into the
// fewest partitions (see the top of the header).
void emitCalls(const QList<Parsed> &group, const TimeRange &range, QList<GcpTimeSeriesCall> &calls) {
    const Parsed &first = group.first();
    QString mergeOver;
    qsizetype fewest = group.size() + 1;
    for (const Dimension &candidate : first.fixed) {
        QSet<QString> partitions;
        for (const Parsed &p : group)
            partitions.insert(restKey(p, candidate.name));
        if (partitions.size() < fewest) {
            fewest = partitions.size();
            mergeOver = candidate.name;
        }
    }

    QStringList order; // partitions in first-seen order
    QHash<QString, QList<Parsed>> partitions;
    for (const Parsed &p : group) {
        const QString key = restKey(p, mergeOver);
        if (!partitions.contains(key))
            order.append(key);
        partitions[key].append(p);
    }
    for (const QString &key : order) {
        const QList<Parsed> &members = partitions.value(key);
        QStringList values;
        for (const Parsed &p : members) {
            const QString v = valueOf(p.fixed, mergeOver).value_or(QString());
            if (!values.contains(v))
                values.append(v);
        }
        for (qsizetype i = 0; i < values.size(); i += kMaxOneOfValues) {
            const QStringList chunk = values.mid(i, kMaxOneOfValues);
            GcpTimeSeriesCall call = callShape(members.first(), range);
            for (const Dimension &d : members.first().fixed)
                if (d.name != mergeOver || chunk.size() == 1)
                    call.filter.append(d.name == mergeOver ? Dimension{d.name, chunk.first()} : d);
            if (chunk.size() > 1) {
                call.mergedLabel = mergeOver;
                call.mergedValues = chunk;
                if (!call.aggregation.reducer.isEmpty())
                    call.groupByFields.append(parseLabelName(mergeOver)->groupByName());
            }
            for (const Parsed &p : members)
                if (mergeOver.isEmpty() || chunk.contains(valueOf(p.fixed, mergeOver).value_or(QString())))
                    call.queries.append(p.query);
            calls.append(std::move(call));
        }
    }
}

Result<Parsed> parseQuery(const MetricQuery &q) {
    Parsed p;
    p.query = q;
    if (q.metricName.trimmed().isEmpty())
        return Error{ErrorCode::BadArgument, tr("A Google Cloud Monitoring query has no metric type."),
                     q.seriesKey()};
    Result<QString> project = projectOf(q.resource);
    if (!project)
        return project.error();
    p.project = *project;
    Result<GcpAggregation> aggregation = parseAggregation(q.stat);
    if (!aggregation)
        return aggregation.error();
    p.aggregation = *aggregation;
    if (p.aggregation.aligns())
        p.alignmentSeconds = std::max(q.periodSeconds, kMinAlignmentSeconds);
    for (const Dimension &d : q.dimensions) {
        if (d.name == QLatin1String(kUserFilterDimension)) {
            const QString expression = d.value.trimmed();
            if (expression.isEmpty() || expression == QLatin1String("*") || !p.userFilter.isEmpty())
                return Error{ErrorCode::BadArgument,
                             tr("A query for %1 has an empty filter expression, a \"*\" one or two of them; "
                                "give one Cloud Monitoring filter.")
                                 .arg(q.metricName),
                             q.seriesKey()};
            p.userFilter = expression;
            continue;
        }
        const std::optional<GcpLabelRef> label = parseLabelName(d.name);
        if (!label)
            return Error{ErrorCode::BadArgument,
                         tr("\"%1\" is not a label Google Cloud Monitoring can filter on (metric %2); name "
                            "labels resource.labels.NAME or metric.labels.NAME.")
                             .arg(d.name, q.metricName),
                         q.seriesKey()};
        const QString name = label->filterName();
        if (valueOf(p.fixed, name) || p.splits.contains(name))
            return Error{ErrorCode::BadArgument,
                         tr("The label %1 is given twice in a query for %2.").arg(name, q.metricName),
                         q.seriesKey()};
        if (d.value == QLatin1String("*"))
            p.splits.append(name);
        else
            p.fixed.append(Dimension{name, d.value});
    }
    std::sort(p.fixed.begin(), p.fixed.end(),
              [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    p.splits.sort();
    return p;
}

} // namespace

Result<GcpAggregation> parseAggregation(const QString &stat) {
    const QStringList parts = stat.split(QLatin1Char('|'));
    if (parts.size() > 2)
        return Error{ErrorCode::BadArgument,
                     tr("\"%1\" is not an aggregation: write ALIGNER or ALIGNER|REDUCER, e.g. "
                        "ALIGN_RATE|REDUCE_SUM.")
                         .arg(stat),
                     QString()};
    GcpAggregation out;
    const QString aligner = parts.value(0).trimmed().toUpper();
    const QString reducer = parts.value(1).trimmed().toUpper();
    if (!aligner.isEmpty() && !known(kAligners, aligner))
        return Error{
            ErrorCode::BadArgument,
            tr("Google Cloud Monitoring has no aligner \"%1\"; use one such as ALIGN_MEAN, ALIGN_RATE, "
               "ALIGN_DELTA or ALIGN_PERCENTILE_99.")
                .arg(parts.value(0).trimmed()),
            QString()};
    if (!reducer.isEmpty() && !known(kReducers, reducer))
        return Error{ErrorCode::BadArgument,
                     tr("Google Cloud Monitoring has no cross-series reducer \"%1\"; use one such as "
                        "REDUCE_SUM, REDUCE_MEAN or REDUCE_PERCENTILE_99.")
                         .arg(parts.value(1).trimmed()),
                     QString()};
    out.aligner = aligner == QLatin1String("ALIGN_NONE") ? QString() : aligner;
    out.reducer = reducer == QLatin1String("REDUCE_NONE") ? QString() : reducer;
    if (!out.reducer.isEmpty() && out.aligner.isEmpty())
        return Error{ErrorCode::BadArgument,
                     tr("The reducer %1 needs an aligner before it (e.g. ALIGN_DELTA|%1): Google reduces "
                        "only aligned series.")
                         .arg(out.reducer),
                     QString()};
    return out;
}

QString GcpLabelRef::filterName() const {
    return (scope == Scope::Resource ? QStringLiteral("resource.labels.")
                                     : QStringLiteral("metric.labels.")) +
           key;
}

QString GcpLabelRef::groupByName() const {
    return (scope == Scope::Resource ? QStringLiteral("resource.label.") : QStringLiteral("metric.label.")) +
           key;
}

std::optional<GcpLabelRef> parseLabelName(const QString &name) {
    static const QRegularExpression re(
        QStringLiteral("^(resource|metric)\\.labels?\\.([A-Za-z0-9_][A-Za-z0-9_-]*)$"));
    const QRegularExpressionMatch m = re.match(name.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return GcpLabelRef{m.captured(1) == QLatin1String("resource") ? GcpLabelRef::Scope::Resource
                                                                  : GcpLabelRef::Scope::Metric,
                       m.captured(2)};
}

QString quoteFilterString(const QString &value) {
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString GcpTimeSeriesCall::filterText() const {
    QStringList clauses{QStringLiteral("metric.type = ") + quoteFilterString(metricType)};
    if (!resourceType.isEmpty())
        clauses.append(QStringLiteral("resource.type = ") + quoteFilterString(resourceType));
    for (const Dimension &d : filter)
        clauses.append(d.name + QStringLiteral(" = ") + quoteFilterString(d.value));
    if (!mergedLabel.isEmpty()) {
        QStringList quoted;
        for (const QString &v : mergedValues)
            quoted.append(quoteFilterString(v));
        clauses.append(mergedLabel + QStringLiteral(" = one_of(") + quoted.join(QLatin1Char(',')) +
                       QLatin1Char(')'));
    }
    // Parenthesised: in Google's filter language OR binds tighter than AND, but NOT and a
    // trailing comparison would not, so the user's expression is one operand whatever it holds.
    if (!userFilter.isEmpty())
        clauses.append(QLatin1Char('(') + userFilter + QLatin1Char(')'));
    return clauses.join(QStringLiteral(" AND "));
}

QString rfc3339(qint64 ms) {
    using namespace std::chrono;
    const sys_time<seconds> t{seconds{floorDiv(ms, kMsPerSecond)}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{t - day};
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                                int(hms.minutes().count()), int(hms.seconds().count()));
    return QString::fromLatin1(buf, n);
}

QString durationText(int seconds) {
    return QString::number(seconds) + QLatin1Char('s');
}

Result<QString> projectOf(const QString &resource) {
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.:_-]*$"));
    QString project = resource.trimmed();
    if (project.startsWith(QLatin1String("projects/")))
        project = project.mid(int(qstrlen("projects/")));
    if (project.isEmpty())
        return Error{ErrorCode::BadArgument,
                     tr("A Google Cloud Monitoring query needs the project to read from (projects/PROJECT)."),
                     resource};
    if (!id.match(project).hasMatch())
        return Error{ErrorCode::BadArgument,
                     tr("\"%1\" is not a Google Cloud project; MLWatch reads metrics of projects "
                        "(projects/PROJECT), not of folders or organizations.")
                         .arg(resource),
                     resource};
    return project;
}

QString shortMetricType(const QString &metricType) {
    const qsizetype slash = metricType.indexOf(QLatin1Char('/'));
    return slash > 0 && metricType.left(slash).contains(QLatin1Char('.')) ? metricType.mid(slash + 1)
                                                                          : metricType;
}

QString timeSeriesCallName(const GcpTimeSeriesCall &call) {
    return tr("timeSeries.list (%1, project %2)").arg(shortMetricType(call.metricType), call.project);
}

GcpTimeSeriesPlan planTimeSeriesCalls(const QList<MetricQuery> &queries, const TimeRange &range) {
    GcpTimeSeriesPlan plan;
    QStringList order;
    QHash<QString, QList<Parsed>> groups;
    QSet<QString> seenKeys;
    for (const MetricQuery &q : queries) {
        Result<Parsed> parsed = parseQuery(q);
        if (!parsed) {
            plan.rejected.append(reject(q, parsed.error().message));
            continue;
        }
        if (seenKeys.contains(q.seriesKey()))
            continue;
        seenKeys.insert(q.seriesKey());
        const QString key = shapeKey(*parsed);
        if (!groups.contains(key))
            order.append(key);
        groups[key].append(std::move(*parsed));
    }
    for (const QString &key : order)
        emitCalls(groups.value(key), range, plan.calls);
    return plan;
}

HttpRequest buildTimeSeriesRequest(const GcpEndpointConfig &endpoint, const GcpTimeSeriesCall &call,
                                   const QString &pageToken) {
    QueryString query;
    query.add("filter", call.filterText());
    query.add("interval.startTime", rfc3339(call.range.startMs));
    query.add("interval.endTime", rfc3339(call.range.endMs));
    if (call.aggregation.aligns()) {
        query.add("aggregation.alignmentPeriod", durationText(call.alignmentSeconds));
        query.add("aggregation.perSeriesAligner", call.aggregation.aligner);
        if (!call.aggregation.reducer.isEmpty()) {
            query.add("aggregation.crossSeriesReducer", call.aggregation.reducer);
            for (const QString &field : call.groupByFields)
                query.add("aggregation.groupByFields", field); // repeated key, one per field
        }
    }
    query.add("view", call.view == GcpView::Headers ? QStringLiteral("HEADERS") : QStringLiteral("FULL"));
    query.add("pageSize", QString::number(call.pageSize));
    if (!pageToken.isEmpty())
        query.add("pageToken", pageToken);

    QByteArray url = endpoint.resolvedMonitoringEndpoint().toEncoded(
        QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url += "/v3/projects/" + enc(call.project) + "/timeSeries?" + query.text();

    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = QUrl::fromEncoded(url, QUrl::StrictMode);
    request.callName = timeSeriesCallName(call);
    return request;
}

} // namespace mlwatch::gcp
