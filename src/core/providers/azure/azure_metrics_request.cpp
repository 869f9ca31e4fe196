#include "core/providers/azure/azure_metrics_request.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <limits>

namespace mlwatch::azure {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::azure", text);
}
QString tr(const char *text, const char *disambiguation, int n) {
    return QCoreApplication::translate("mlwatch::azure", text, disambiguation, n);
}

constexpr std::array kSupportedIntervals = {60, 300, 900, 1800, 3600, 21600, 43200, 86400};
constexpr qint64 kMsPerSecond = 1000;

qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// "2024-05-01T12:00:00" (+ ".000" when `withMs`) + "Z", from ms since the epoch.
QString utcText(qint64 ms, bool withMs) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{ms}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{t - day};
    char buf[40];
    const int n = withMs ? std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                                         int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                                         int(hms.hours().count()), int(hms.minutes().count()),
                                         int(hms.seconds().count()), int(hms.subseconds().count()))
                         : std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                                         unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                                         int(hms.minutes().count()), int(hms.seconds().count()));
    return QString::fromLatin1(buf, n);
}

// The value of the segment after `key` in an ARM id ("/subscriptions/{value}/…").
QString segmentAfter(const QString &resourceId, QLatin1StringView key) {
    const QStringList parts = resourceId.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        if (parts.at(i).compare(key, Qt::CaseInsensitive) == 0)
            return parts.at(i + 1);
    return {};
}

QByteArray enc(const QString &value, const QByteArray &keep = {}) {
    return QUrl::toPercentEncoding(value, keep);
}

// The resource id as a URL path: each segment percent-encoded on its own, the slashes kept
// (the id is not encoded as a whole, cloud-apis.md §2.3).
QByteArray encodedResourcePath(const QString &resourceId) {
    QByteArray path;
    const QStringList parts = resourceId.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        path += '/';
        path += enc(part, "!$&'()*+,;=:@");
    }
    return path;
}

// Joins an already-encoded path and query onto a base URL, keeping the base's own path prefix.
QUrl joinUrl(const QUrl &base, const QByteArray &encodedPath, const QByteArray &encodedQuery) {
    QByteArray url = base.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url += encodedPath;
    url += '?';
    url += encodedQuery;
    return QUrl::fromEncoded(url, QUrl::StrictMode);
}

class QueryString {
public:
    void add(QByteArrayView key, const QByteArray &encodedValue) {
        if (!m_text.isEmpty())
            m_text += '&';
        m_text.append(key);
        m_text += '=';
        m_text += encodedValue;
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

RejectedQuery reject(const MetricQuery &query, const QString &message) {
    return {query, Error{ErrorCode::BadArgument, message, query.seriesKey()}};
}

// A group of queries that may share calls, in the order first seen.
struct Group {
    AzureMetricsCall shape; // kind, subscription, region, namespace, interval, aggregation, filter
    QStringList resources;  // first-seen order (original spelling)
    QHash<QString, QStringList> namesByResource; // lower-cased id → distinct names, in order
    QList<MetricQuery> queries;
};

bool sameName(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool containsName(const QStringList &names, const QString &name) {
    return std::any_of(names.cbegin(), names.cend(), [&](const QString &n) { return sameName(n, name); });
}

QList<QStringList> chunks(const QStringList &items, int size) {
    QList<QStringList> out;
    for (qsizetype i = 0; i < items.size(); i += size)
        out.append(items.mid(i, size));
    return out;
}

// Splits one group into calls: resources asking for the same metric names share batches.
void emitCalls(const Group &group, QList<AzureMetricsCall> &calls) {
    QStringList signatures; // first-seen order
    QHash<QString, QStringList> resourcesBySignature;
    QHash<QString, QStringList> namesBySignature;
    for (const QString &resource : group.resources) {
        const QStringList names = group.namesByResource.value(resource.toLower());
        QStringList key;
        for (const QString &n : names)
            key.append(n.toLower());
        key.sort();
        const QString signature = key.join(QLatin1Char('\n'));
        if (!resourcesBySignature.contains(signature)) {
            signatures.append(signature);
            namesBySignature.insert(signature, names);
        }
        resourcesBySignature[signature].append(resource);
    }
    const int resourcesPerCall = group.shape.kind == AzureCallKind::Batch ? kMaxResourcesPerBatch : 1;
    for (const QString &signature : signatures) {
        for (const QStringList &names : chunks(namesBySignature.value(signature), kMaxMetricNamesPerCall)) {
            for (const QStringList &resources :
                 chunks(resourcesBySignature.value(signature), resourcesPerCall)) {
                AzureMetricsCall call = group.shape;
                call.metricNames = names;
                call.resourceIds = resources;
                for (const MetricQuery &q : group.queries)
                    if (containsName(names, q.metricName) &&
                        std::any_of(resources.cbegin(), resources.cend(),
                                    [&](const QString &r) { return sameName(r, q.resource); }))
                        call.queries.append(q);
                calls.append(std::move(call));
            }
        }
    }
}

} // namespace

bool AzureMetricsCall::splits() const {
    return std::any_of(filter.cbegin(), filter.cend(),
                       [](const Dimension &d) { return d.value == QLatin1String("*"); });
}

std::optional<QString> canonicalAggregation(const QString &stat) {
    const QString s = stat.trimmed().toLower();
    if (s == QLatin1String("average") || s == QLatin1String("avg"))
        return QStringLiteral("Average");
    if (s == QLatin1String("minimum") || s == QLatin1String("min"))
        return QStringLiteral("Minimum");
    if (s == QLatin1String("maximum") || s == QLatin1String("max"))
        return QStringLiteral("Maximum");
    if (s == QLatin1String("total") || s == QLatin1String("sum"))
        return QStringLiteral("Total");
    if (s == QLatin1String("count") || s == QLatin1String("samplecount"))
        return QStringLiteral("Count");
    return std::nullopt;
}

int supportedIntervalSeconds(int seconds) {
    for (int grain : kSupportedIntervals)
        if (seconds <= grain)
            return grain;
    return kSupportedIntervals.back();
}

QString isoDuration(int seconds) {
    if (seconds <= 0)
        return QStringLiteral("PT0S");
    const int days = seconds / 86400;
    const int hours = seconds % 86400 / 3600;
    const int minutes = seconds % 3600 / 60;
    const int secs = seconds % 60;
    QString text = QStringLiteral("P");
    if (days > 0)
        text += QString::number(days) + QLatin1Char('D');
    if (hours + minutes + secs > 0) {
        text += QLatin1Char('T');
        if (hours > 0)
            text += QString::number(hours) + QLatin1Char('H');
        if (minutes > 0)
            text += QString::number(minutes) + QLatin1Char('M');
        if (secs > 0)
            text += QString::number(secs) + QLatin1Char('S');
    }
    return text;
}

std::optional<int> parseIsoDuration(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    const QRegularExpressionMatch m = re.match(t);
    // "P" and "PT" alone match the pattern but say nothing.
    if (!m.hasMatch() || t.size() < 3 || t.endsWith(QLatin1Char('T'), Qt::CaseInsensitive))
        return std::nullopt;
    const qint64 total = m.captured(1).toLongLong() * 86400 + m.captured(2).toLongLong() * 3600 +
                         m.captured(3).toLongLong() * 60 + m.captured(4).toLongLong();
    if (total <= 0 || total > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(total);
}

QString armTimespan(const TimeRange &range) {
    const qint64 start = floorDiv(range.startMs, kMsPerSecond) * kMsPerSecond;
    const qint64 end = -floorDiv(-range.endMs, kMsPerSecond) * kMsPerSecond;
    return utcText(start, false) + QLatin1Char('/') + utcText(end, false);
}

QString batchTime(qint64 ms) {
    return utcText(ms, true);
}

QString filterExpression(const QList<Dimension> &dimensions) {
    QStringList terms;
    for (const Dimension &d : dimensions) {
        QString value = d.value;
        value.replace(QLatin1Char('\''), QLatin1String("''"));
        terms.append(d.name + QLatin1String(" eq '") + value + QLatin1Char('\''));
    }
    return terms.join(QLatin1String(" and "));
}

Result<QList<Dimension>> parseFilterExpression(const QString &text) {
    // name eq 'value' — the value may hold doubled quotes.
    static const QRegularExpression term(QStringLiteral("^\\s*([^\\s']+)\\s+(\\w+)\\s+'((?:[^']|'')*)'\\s*"));
    static const QRegularExpression conjunction(QStringLiteral("^(and|or)\\s+"),
                                                QRegularExpression::CaseInsensitiveOption);
    QList<Dimension> out;
    QString rest = text.trimmed();
    while (!rest.isEmpty()) {
        const QRegularExpressionMatch m = term.match(rest);
        if (!m.hasMatch())
            return Error{
                ErrorCode::BadArgument,
                tr("Cannot read the filter \"%1\": write it as name eq 'value' and name eq '*'.").arg(text),
                QString()};
        if (m.captured(2).compare(QLatin1String("eq"), Qt::CaseInsensitive) != 0)
            return Error{ErrorCode::BadArgument,
                         tr("The filter operator \"%1\" is not supported; use eq (and '*' to split by a "
                            "dimension).")
                             .arg(m.captured(2)),
                         QString()};
        QString value = m.captured(3);
        value.replace(QLatin1String("''"), QLatin1String("'"));
        out.append(Dimension{m.captured(1), value});
        rest = rest.mid(m.capturedLength());
        if (rest.isEmpty())
            break;
        const QRegularExpressionMatch c = conjunction.match(rest);
        if (!c.hasMatch() || c.captured(1).compare(QLatin1String("and"), Qt::CaseInsensitive) != 0)
            return Error{ErrorCode::BadArgument,
                         tr("The filter \"%1\" combines terms with something other than \"and\"; MLWatch "
                            "charts one value (or '*') per dimension.")
                             .arg(text),
                         QString()};
        rest = rest.mid(c.capturedLength());
        if (rest.isEmpty())
            return Error{ErrorCode::BadArgument, tr("The filter \"%1\" ends with \"and\".").arg(text),
                         QString()};
    }
    return out;
}

QByteArray encodeMetricNames(const QStringList &names) {
    QByteArray out;
    for (const QString &name : names) {
        if (!out.isEmpty())
            out += ',';
        QString escaped = name;
        escaped.replace(QLatin1Char(','), QLatin1String("%2"));
        out += enc(escaped);
    }
    return out;
}

QString subscriptionOf(const QString &resourceId) {
    return segmentAfter(resourceId, QLatin1StringView("subscriptions"));
}

QString resourceGroupOf(const QString &resourceId) {
    return segmentAfter(resourceId, QLatin1StringView("resourceGroups"));
}

QString resourceNameOf(const QString &resourceId) {
    const QStringList parts = resourceId.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.isEmpty() ? resourceId : parts.last();
}

AzureMetricsPlan planAzureMetricsCalls(const QList<MetricQuery> &queries, const TimeRange &range,
                                       const QHash<QString, QString> &regionByResourceId) {
    AzureMetricsPlan plan;
    QList<Group> groups;
    QHash<QString, qsizetype> groupIndex;
    QSet<QString> seenKeys;

    for (const MetricQuery &q : queries) {
        if (q.resource.trimmed().isEmpty()) {
            plan.rejected.append(reject(
                q,
                tr("Azure metric %1 needs the ARM id of the resource to read it from.").arg(q.metricName)));
            continue;
        }
        if (q.metricName.trimmed().isEmpty()) {
            plan.rejected.append(reject(q, tr("An Azure query for %1 has no metric name.").arg(q.resource)));
            continue;
        }
        const std::optional<QString> aggregation = canonicalAggregation(q.stat);
        if (!aggregation) {
            plan.rejected.append(
                reject(q, tr("Azure Monitor has no aggregation \"%1\" (metric %2); use Average, "
                             "Minimum, Maximum, Total or Count.")
                              .arg(q.stat, q.metricName)));
            continue;
        }
        if (!seenKeys.contains(q.seriesKey()))
            seenKeys.insert(q.seriesKey());
        else
            continue;

        AzureMetricsCall shape;
        shape.subscriptionId = subscriptionOf(q.resource);
        shape.metricNamespace = q.namespaceName;
        shape.intervalSeconds = supportedIntervalSeconds(q.periodSeconds);
        shape.aggregation = *aggregation;
        shape.filter = q.dimensions;
        const qint64 stepMs = qint64(shape.intervalSeconds) * kMsPerSecond;
        shape.range.startMs = floorDiv(range.startMs, stepMs) * stepMs;
        shape.range.endMs = std::max(range.endMs, shape.range.startMs + stepMs);

        const QString region = regionByResourceId.value(q.resource.toLower()).toLower();
        // getBatch needs the region (its host), the subscription (its path) and the namespace
        // (a required parameter); without any of them the resource is read through ARM.
        const bool batch = !region.isEmpty() && !shape.subscriptionId.isEmpty() && !q.namespaceName.isEmpty();
        shape.kind = batch ? AzureCallKind::Batch : AzureCallKind::Arm;
        shape.region = batch ? region : QString();
        const QString key = QStringList{batch ? QStringLiteral("batch") : QStringLiteral("arm"),
                                        batch ? shape.subscriptionId.toLower() + QLatin1Char('|') + region
                                              : q.resource.toLower(),
                                        q.namespaceName.toLower(),
                                        QString::number(shape.intervalSeconds),
                                        shape.aggregation,
                                        filterExpression(q.dimensions)}
                                .join(QLatin1Char('\x1f'));

        qsizetype index = groupIndex.value(key, -1);
        if (index < 0) {
            index = groups.size();
            groupIndex.insert(key, index);
            groups.append(Group{shape, {}, {}, {}});
        }
        Group &group = groups[index];
        const QString resourceKey = q.resource.toLower();
        if (!group.namesByResource.contains(resourceKey))
            group.resources.append(q.resource);
        QStringList &names = group.namesByResource[resourceKey];
        if (!containsName(names, q.metricName))
            names.append(q.metricName);
        group.queries.append(q);
    }

    for (const Group &group : groups)
        emitCalls(group, plan.calls);
    return plan;
}

HttpRequest buildMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call) {
    return call.kind == AzureCallKind::Batch ? buildBatchMetricsRequest(endpoint, call)
                                             : buildArmMetricsRequest(endpoint, call);
}

HttpRequest buildArmMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call) {
    const QString resourceId = call.resourceIds.value(0);
    QueryString query;
    query.add("api-version", enc(endpoint.apiVersion));
    if (!call.metricNamespace.isEmpty())
        query.add("metricnamespace", enc(call.metricNamespace));
    query.add("metricnames", encodeMetricNames(call.metricNames));
    query.add("aggregation", enc(call.aggregation));
    query.add("interval", enc(isoDuration(call.intervalSeconds)));
    query.add("timespan", enc(armTimespan(call.range), ":/"));
    if (!call.filter.isEmpty())
        query.add("$filter", enc(filterExpression(call.filter), "'*"));
    if (call.splits())
        query.add("top", QByteArray::number(kTopWhenSplitting));

    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url =
        joinUrl(endpoint.resolvedArmEndpoint(),
                encodedResourcePath(resourceId) + "/providers/Microsoft.Insights/metrics", query.text());
    request.callName = tr("Azure Monitor metrics for %1").arg(resourceNameOf(resourceId));
    return request;
}

HttpRequest buildBatchMetricsRequest(const AzureEndpointConfig &endpoint, const AzureMetricsCall &call) {
    QueryString query;
    query.add("api-version", enc(endpoint.batchApiVersion));
    query.add("metricnamespace", enc(call.metricNamespace));
    query.add("metricnames", encodeMetricNames(call.metricNames));
    query.add("starttime", enc(batchTime(call.range.startMs), ":"));
    query.add("endtime", enc(batchTime(call.range.endMs), ":"));
    query.add("interval", enc(isoDuration(call.intervalSeconds)));
    query.add("aggregation", enc(call.aggregation));
    if (!call.filter.isEmpty())
        query.add("filter", enc(filterExpression(call.filter), "'*"));
    if (call.splits())
        query.add("top", QByteArray::number(kTopWhenSplitting));

    // {"resourceids":[…]} written by hand: ARM ids need no escaping beyond quotes and
    // backslashes, and the member order stays fixed for diffing.
    QByteArray body = "{\"resourceids\":[";
    for (qsizetype i = 0; i < call.resourceIds.size(); ++i) {
        if (i > 0)
            body += ',';
        QString id = call.resourceIds.at(i);
        id.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        id.replace(QLatin1Char('"'), QLatin1String("\\\""));
        body += '"';
        body += id.toUtf8();
        body += '"';
    }
    body += "]}";

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = joinUrl(endpoint.batchEndpointFor(call.region),
                          "/subscriptions/" + enc(call.subscriptionId) + "/metrics:getBatch", query.text());
    request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.body = body;
    request.callName = tr("metrics:getBatch (%n resources)", nullptr, int(call.resourceIds.size()));
    return request;
}

} // namespace mlwatch::azure
