#include "demo/demo_request_reader.h"

#include "demo/demo_dataset.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>

namespace mlwatch::demo {

namespace {

const QByteArray kTargetPrefix = QByteArrayLiteral("GraniteServiceVersion20100801.");
constexpr int kMaxQueries = 500;
constexpr int kMaxDimensions = 30;

// --- form body → JSON shape ------------------------------------------------------------------

// "A.member.2.B=x" becomes {"A":[…, {"B":"x"}]}: a tree of names first, then every node whose only
// child is "member" with numeric children becomes an array ordered by that number.
struct FormNode {
    QString value;
    std::map<QString, FormNode> children;
};

QJsonValue toJson(const FormNode &node) {
    if (node.children.empty())
        return node.value;
    if (node.children.size() == 1 && node.children.begin()->first == QLatin1String("member")) {
        std::map<int, QJsonValue> ordered;
        for (const auto &[index, child] : node.children.begin()->second.children) {
            bool ok = false;
            const int n = index.toInt(&ok);
            if (ok && n >= 1)
                ordered[n] = toJson(child);
        }
        QJsonArray array;
        for (const auto &entry : ordered)
            array.append(entry.second);
        return array;
    }
    QJsonObject object;
    for (const auto &[name, child] : node.children)
        object.insert(name, toJson(child));
    return object;
}

QJsonObject formToJson(const QByteArray &body) {
    FormNode root;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        const QStringList path =
            QString::fromUtf8(QByteArray::fromPercentEncoding(key)).split(QLatin1Char('.'));
        FormNode *node = &root;
        for (const QString &segment : path)
            node = &node->children[segment];
        node->value = QString::fromUtf8(QByteArray::fromPercentEncoding(value));
    }
    return toJson(root).toObject();
}

DemoOutcome<QJsonObject> bodyAsJson(aws::CloudWatchProtocol protocol, const QByteArray &body) {
    if (protocol == aws::CloudWatchProtocol::Query)
        return formToJson(body);
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return DemoError{400, QStringLiteral("SerializationException"),
                         QStringLiteral("Start of structure or map found where not expected."), true};
    return doc.object();
}

// --- tolerant field readers: the form gives strings, JSON gives numbers and booleans ----------

std::optional<qint64> integerOf(const QJsonValue &v) {
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d)
            return qint64(d);
        return std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

std::optional<bool> booleanOf(const QJsonValue &v) {
    if (v.isBool())
        return v.toBool();
    if (v.isString() && (v.toString() == QLatin1String("true") || v.toString() == QLatin1String("false")))
        return v.toString() == QLatin1String("true");
    return std::nullopt;
}

// Epoch seconds (JSON protocol, maybe fractional) or ISO 8601 (query protocol).
std::optional<qint64> timeOf(const QJsonValue &v) {
    if (v.isDouble())
        return qint64(std::llround(v.toDouble() * 1000.0));
    if (v.isString()) {
        QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            return std::nullopt;
        if (t.timeSpec() == Qt::LocalTime)
            t.setTimeZone(QTimeZone::utc()); // AWS reads a zone-less time as UTC
        return t.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

QString member(const QString &list, qsizetype index, const QString &field) {
    return QStringLiteral("%1.member.%2.%3").arg(list).arg(index + 1).arg(field);
}

DemoError invalidValue(const QString &value, const QString &parameter) {
    return DemoError::invalidParameter(
        QStringLiteral("The value %1 for parameter %2 is not valid.").arg(value, parameter));
}

QString text(const QJsonValue &v) {
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return QString();
}

bool isValidPeriod(qint64 seconds) {
    return seconds == 1 || seconds == 5 || seconds == 10 || seconds == 20 || seconds == 30 ||
           (seconds >= 60 && seconds % 60 == 0);
}

std::optional<DemoError> readDimensions(const QJsonValue &value, const QString &prefix,
                                        QList<Dimension> &out) {
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxDimensions)
        return DemoError::invalidParameter(
            QStringLiteral("The collection %1 must not have a size greater than %2.")
                .arg(prefix)
                .arg(kMaxDimensions));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject d = array.at(i).toObject();
        if (!d.contains(QLatin1String("Name")))
            return DemoError::missingParameter(member(prefix, i, QStringLiteral("Name")));
        if (!d.contains(QLatin1String("Value")))
            return DemoError::missingParameter(member(prefix, i, QStringLiteral("Value")));
        out.append(Dimension{text(d.value(QLatin1String("Name"))), text(d.value(QLatin1String("Value")))});
    }
    return std::nullopt;
}

DemoOutcome<DemoDataQuery> readQuery(const QJsonObject &q, qsizetype index) {
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-zA-Z0-9_]{0,254}$"));
    const QString list = QStringLiteral("MetricDataQueries");
    DemoDataQuery query;
    if (!q.contains(QLatin1String("Id")))
        return DemoError::missingParameter(member(list, index, QStringLiteral("Id")));
    query.id = text(q.value(QLatin1String("Id")));
    if (!idPattern.match(query.id).hasMatch())
        return invalidValue(query.id, member(list, index, QStringLiteral("Id")));
    query.label = text(q.value(QLatin1String("Label")));
    if (q.contains(QLatin1String("ReturnData"))) {
        const std::optional<bool> b = booleanOf(q.value(QLatin1String("ReturnData")));
        if (!b)
            return invalidValue(text(q.value(QLatin1String("ReturnData"))),
                                member(list, index, QStringLiteral("ReturnData")));
        query.returnData = *b;
    }
    const bool hasStat = q.contains(QLatin1String("MetricStat"));
    const bool hasExpression = q.contains(QLatin1String("Expression"));
    if (hasStat && hasExpression)
        return DemoError{
            400, QStringLiteral("InvalidParameterCombination"),
            QStringLiteral("Exactly one element of the MetricStat or the Expression element must be "
                           "specified in %1.")
                .arg(member(list, index, QString()).chopped(1)),
            true};
    if (hasExpression)
        return DemoError::invalidParameter(
            QStringLiteral("The demo cloud does not evaluate metric math (%1).")
                .arg(member(list, index, QStringLiteral("Expression"))));
    if (!hasStat)
        return DemoError::missingParameter(member(list, index, QStringLiteral("MetricStat")));

    const QString statPrefix = member(list, index, QStringLiteral("MetricStat"));
    const QJsonObject stat = q.value(QLatin1String("MetricStat")).toObject();
    const QJsonObject metric = stat.value(QLatin1String("Metric")).toObject();
    if (!metric.contains(QLatin1String("MetricName")))
        return DemoError::missingParameter(statPrefix + QStringLiteral(".Metric.MetricName"));
    query.namespaceName = text(metric.value(QLatin1String("Namespace")));
    query.metricName = text(metric.value(QLatin1String("MetricName")));
    if (std::optional<DemoError> e =
            readDimensions(metric.value(QLatin1String("Dimensions")),
                           statPrefix + QStringLiteral(".Metric.Dimensions"), query.dimensions))
        return *e;

    if (!stat.contains(QLatin1String("Period")))
        return DemoError::missingParameter(statPrefix + QStringLiteral(".Period"));
    const std::optional<qint64> period = integerOf(stat.value(QLatin1String("Period")));
    if (!period || *period <= 0 || *period > 86400 * 366)
        return invalidValue(text(stat.value(QLatin1String("Period"))),
                            statPrefix + QStringLiteral(".Period"));
    if (!isValidPeriod(*period))
        return DemoError::invalidParameter(
            QStringLiteral("The parameter %1.Period must be a multiple of 60.").arg(statPrefix));
    query.periodSeconds = int(*period);

    if (!stat.contains(QLatin1String("Stat")))
        return DemoError::missingParameter(statPrefix + QStringLiteral(".Stat"));
    query.stat = text(stat.value(QLatin1String("Stat")));
    if (!DemoDataset::isKnownStat(query.stat))
        return invalidValue(query.stat, statPrefix + QStringLiteral(".Stat"));
    query.unit = text(stat.value(QLatin1String("Unit")));
    return query;
}

QByteArray hashHex(const QString &canonical) {
    return QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
}

} // namespace

// --- public ------------------------------------------------------------------------------------

QByteArray GetMetricDataInput::fingerprint() const {
    QString canonical =
        QStringLiteral("gmd|%1|%2|%3|%4").arg(startMs).arg(endMs).arg(ascending).arg(maxDatapoints);
    for (const DemoDataQuery &q : queries)
        canonical += QLatin1Char('|') + q.id + QLatin1Char(';') + q.label + QLatin1Char(';') +
                     DemoDataset::keyOf(q.namespaceName, q.metricName, q.dimensions) + QLatin1Char(';') +
                     QString::number(q.periodSeconds) + QLatin1Char(';') + q.stat + QLatin1Char(';') +
                     q.unit + QLatin1Char(';') + (q.returnData ? QLatin1Char('1') : QLatin1Char('0'));
    return hashHex(canonical);
}

QByteArray ListMetricsInput::fingerprint() const {
    QString canonical = QStringLiteral("lm|") + namespaceName + QLatin1Char('|') + metricName +
                        QLatin1Char('|') + (recentlyActive ? QLatin1Char('1') : QLatin1Char('0'));
    for (const DimensionFilter &f : dimensions)
        canonical += QLatin1Char('|') + f.name + (f.value ? QLatin1Char('=') + *f.value : QString());
    return hashHex(canonical);
}

aws::CloudWatchProtocol DemoRequestReader::protocolOf(const QByteArray &targetHeader) {
    return targetHeader.isEmpty() ? aws::CloudWatchProtocol::Query : aws::CloudWatchProtocol::Json;
}

DemoOutcome<QString> DemoRequestReader::action(aws::CloudWatchProtocol protocol,
                                               const QByteArray &targetHeader, const QByteArray &body) {
    if (protocol == aws::CloudWatchProtocol::Json) {
        if (!targetHeader.startsWith(kTargetPrefix))
            return DemoError{
                400, QStringLiteral("UnknownOperationException"),
                QStringLiteral("The target %1 is not valid.").arg(QString::fromUtf8(targetHeader)), true};
        return QString::fromUtf8(targetHeader.mid(kTargetPrefix.size()));
    }
    const QString name = formToJson(body).value(QLatin1String("Action")).toString();
    if (name.isEmpty())
        return DemoError{400, QStringLiteral("MissingAction"), QStringLiteral("Missing Action"), true};
    return name;
}

DemoOutcome<GetMetricDataInput> DemoRequestReader::readGetMetricData(aws::CloudWatchProtocol protocol,
                                                                     const QByteArray &body) {
    const DemoOutcome<QJsonObject> parsed = bodyAsJson(protocol, body);
    if (!parsed.ok())
        return parsed.error();
    const QJsonObject in = parsed.value();
    GetMetricDataInput input;

    const QJsonArray queries = in.value(QLatin1String("MetricDataQueries")).toArray();
    if (queries.isEmpty())
        return DemoError::missingParameter(QStringLiteral("MetricDataQueries"));
    if (queries.size() > kMaxQueries)
        return DemoError::invalidParameter(
            QStringLiteral("The collection MetricDataQueries must not have a size greater than %1.")
                .arg(kMaxQueries));
    QStringList ids;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const DemoOutcome<DemoDataQuery> q = readQuery(queries.at(i).toObject(), i);
        if (!q.ok())
            return q.error();
        if (ids.contains(q.value().id))
            return DemoError::invalidParameter(
                QStringLiteral("The value %1 for parameter %2 is not unique.")
                    .arg(q.value().id, member(QStringLiteral("MetricDataQueries"), i, QStringLiteral("Id"))));
        ids.append(q.value().id);
        input.queries.append(q.value());
    }

    for (const auto &[field, target] : {std::pair{QStringLiteral("StartTime"), &input.startMs},
                                        std::pair{QStringLiteral("EndTime"), &input.endMs}}) {
        if (!in.contains(field))
            return DemoError::missingParameter(field);
        const std::optional<qint64> t = timeOf(in.value(field));
        if (!t)
            return invalidValue(text(in.value(field)), field);
        *target = *t;
    }
    if (input.startMs >= input.endMs)
        return DemoError::invalidParameter(
            QStringLiteral("The parameter StartTime must be less than the parameter EndTime."));

    if (in.contains(QLatin1String("ScanBy"))) {
        const QString scanBy = text(in.value(QLatin1String("ScanBy")));
        if (scanBy != QLatin1String("TimestampAscending") && scanBy != QLatin1String("TimestampDescending"))
            return invalidValue(scanBy, QStringLiteral("ScanBy"));
        input.ascending = scanBy == QLatin1String("TimestampAscending");
    }
    if (in.contains(QLatin1String("MaxDatapoints"))) {
        const std::optional<qint64> max = integerOf(in.value(QLatin1String("MaxDatapoints")));
        if (!max || *max <= 0)
            return invalidValue(text(in.value(QLatin1String("MaxDatapoints"))),
                                QStringLiteral("MaxDatapoints"));
        input.maxDatapoints = *max;
    }
    input.nextToken = text(in.value(QLatin1String("NextToken")));
    return input;
}

DemoOutcome<ListMetricsInput> DemoRequestReader::readListMetrics(aws::CloudWatchProtocol protocol,
                                                                 const QByteArray &body) {
    const DemoOutcome<QJsonObject> parsed = bodyAsJson(protocol, body);
    if (!parsed.ok())
        return parsed.error();
    const QJsonObject in = parsed.value();
    ListMetricsInput input;
    input.namespaceName = text(in.value(QLatin1String("Namespace")));
    input.metricName = text(in.value(QLatin1String("MetricName")));
    input.nextToken = text(in.value(QLatin1String("NextToken")));
    const QJsonArray dims = in.value(QLatin1String("Dimensions")).toArray();
    if (dims.size() > 10)
        return DemoError::invalidParameter(
            QStringLiteral("The collection Dimensions must not have a size greater than 10."));
    for (qsizetype i = 0; i < dims.size(); ++i) {
        const QJsonObject d = dims.at(i).toObject();
        if (!d.contains(QLatin1String("Name")))
            return DemoError::missingParameter(
                member(QStringLiteral("Dimensions"), i, QStringLiteral("Name")));
        ListMetricsInput::DimensionFilter filter{text(d.value(QLatin1String("Name"))), std::nullopt};
        if (d.contains(QLatin1String("Value")))
            filter.value = text(d.value(QLatin1String("Value")));
        input.dimensions.append(filter);
    }
    if (in.contains(QLatin1String("RecentlyActive"))) {
        const QString recently = text(in.value(QLatin1String("RecentlyActive")));
        if (recently != QLatin1String("PT3H"))
            return invalidValue(recently, QStringLiteral("RecentlyActive"));
        input.recentlyActive = true;
    }
    return input;
}

} // namespace mlwatch::demo
