#include "cloudwatch_test_client.h"

#include "core/net/http_client.h"
#include "core/providers/aws/sigv4_signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace mlwatch::test {

namespace {

using aws::CloudWatchProtocol;

// --- request encoding ------------------------------------------------------------------------

QByteArray form(const QList<QPair<QString, QString>> &params) {
    QByteArray body;
    for (const auto &[key, value] : params) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QString isoTime(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

// --- a minimal XML tree, enough to read CloudWatch's answers order-independently ---------------

struct XmlNode {
    QString name;
    QString text;
    QList<XmlNode> children;

    const XmlNode *child(const QString &n) const {
        for (const XmlNode &c : children)
            if (c.name == n)
                return &c;
        return nullptr;
    }
    QString childText(const QString &n) const {
        const XmlNode *c = child(n);
        return c ? c->text.trimmed() : QString();
    }
    QList<const XmlNode *> members(const QString &listName) const {
        QList<const XmlNode *> out;
        if (const XmlNode *list = child(listName))
            for (const XmlNode &m : list->children)
                if (m.name == QLatin1String("member"))
                    out.append(&m);
        return out;
    }
};

std::optional<XmlNode> parseXml(const QByteArray &body) {
    QXmlStreamReader reader(body);
    QList<XmlNode> stack{XmlNode{}};
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            stack.append(XmlNode{reader.name().toString(), {}, {}});
        } else if (reader.isCharacters()) {
            stack.last().text += reader.text();
        } else if (reader.isEndElement()) {
            XmlNode done = stack.takeLast();
            stack.last().children.append(done);
        }
    }
    if (reader.hasError() || stack.size() != 1 || stack.first().children.size() != 1)
        return std::nullopt;
    return stack.first().children.first();
}

} // namespace

QByteArray getMetricDataBody(CloudWatchProtocol protocol, const QList<TestQuery> &queries,
                             const QDateTime &start, const QDateTime &end, const GmdOptions &options) {
    if (protocol == CloudWatchProtocol::Json) {
        QJsonArray list;
        for (const TestQuery &q : queries) {
            QJsonArray dims;
            for (const Dimension &d : q.dimensions)
                dims.append(
                    QJsonObject{{QStringLiteral("Name"), d.name}, {QStringLiteral("Value"), d.value}});
            const QJsonObject metric{{QStringLiteral("Namespace"), q.namespaceName},
                                     {QStringLiteral("MetricName"), q.metricName},
                                     {QStringLiteral("Dimensions"), dims}};
            list.append(QJsonObject{
                {QStringLiteral("Id"), q.id},
                {QStringLiteral("MetricStat"), QJsonObject{{QStringLiteral("Metric"), metric},
                                                           {QStringLiteral("Period"), q.periodSeconds},
                                                           {QStringLiteral("Stat"), q.stat}}}});
        }
        QJsonObject body{{QStringLiteral("MetricDataQueries"), list},
                         {QStringLiteral("StartTime"), double(start.toSecsSinceEpoch())},
                         {QStringLiteral("EndTime"), double(end.toSecsSinceEpoch())}};
        if (!options.scanBy.isEmpty())
            body.insert(QStringLiteral("ScanBy"), options.scanBy);
        if (options.maxDatapoints > 0)
            body.insert(QStringLiteral("MaxDatapoints"), double(options.maxDatapoints));
        if (!options.nextToken.isEmpty())
            body.insert(QStringLiteral("NextToken"), options.nextToken);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QList<QPair<QString, QString>> p{{QStringLiteral("Action"), QStringLiteral("GetMetricData")},
                                     {QStringLiteral("Version"), QStringLiteral("2010-08-01")}};
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const TestQuery &q = queries.at(i);
        const QString m = QStringLiteral("MetricDataQueries.member.%1.").arg(i + 1);
        p.append({m + QStringLiteral("Id"), q.id});
        p.append({m + QStringLiteral("MetricStat.Metric.Namespace"), q.namespaceName});
        p.append({m + QStringLiteral("MetricStat.Metric.MetricName"), q.metricName});
        for (qsizetype j = 0; j < q.dimensions.size(); ++j) {
            const QString d = m + QStringLiteral("MetricStat.Metric.Dimensions.member.%1.").arg(j + 1);
            p.append({d + QStringLiteral("Name"), q.dimensions.at(j).name});
            p.append({d + QStringLiteral("Value"), q.dimensions.at(j).value});
        }
        p.append({m + QStringLiteral("MetricStat.Period"), QString::number(q.periodSeconds)});
        p.append({m + QStringLiteral("MetricStat.Stat"), q.stat});
    }
    p.append({QStringLiteral("StartTime"), isoTime(start)});
    p.append({QStringLiteral("EndTime"), isoTime(end)});
    if (!options.scanBy.isEmpty())
        p.append({QStringLiteral("ScanBy"), options.scanBy});
    if (options.maxDatapoints > 0)
        p.append({QStringLiteral("MaxDatapoints"), QString::number(options.maxDatapoints)});
    if (!options.nextToken.isEmpty())
        p.append({QStringLiteral("NextToken"), options.nextToken});
    return form(p);
}

QByteArray listMetricsBody(CloudWatchProtocol protocol, const QString &namespaceName,
                           const QString &nextToken) {
    if (protocol == CloudWatchProtocol::Json) {
        QJsonObject body;
        if (!namespaceName.isEmpty())
            body.insert(QStringLiteral("Namespace"), namespaceName);
        if (!nextToken.isEmpty())
            body.insert(QStringLiteral("NextToken"), nextToken);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QList<QPair<QString, QString>> p{{QStringLiteral("Action"), QStringLiteral("ListMetrics")},
                                     {QStringLiteral("Version"), QStringLiteral("2010-08-01")}};
    if (!namespaceName.isEmpty())
        p.append({QStringLiteral("Namespace"), namespaceName});
    if (!nextToken.isEmpty())
        p.append({QStringLiteral("NextToken"), nextToken});
    return form(p);
}

HttpRequest cloudWatchRequest(CloudWatchProtocol protocol, const QUrl &endpoint, const QString &action,
                              const QByteArray &body) {
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = endpoint;
    request.body = body;
    request.callName = action;
    if (protocol == CloudWatchProtocol::Json) {
        request.setHeader("Content-Type", "application/x-amz-json-1.0");
        request.setHeader("X-Amz-Target", "GraniteServiceVersion20100801." + action.toLatin1());
        request.setHeader("x-amzn-query-mode", "true");
    } else {
        request.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }
    return request;
}

void signRequest(HttpRequest &request, const aws::AwsCredentials &credentials, const QDateTime &at) {
    aws::SigV4Signer::sign(request, aws::SigV4Params{QStringLiteral("us-east-1"),
                                                     QStringLiteral("monitoring"), credentials, at});
}

std::optional<HttpResponse> sendAndWait(HttpClient &http, const HttpRequest &request) {
    std::optional<Result<HttpResponse>> outcome;
    http.send(request, &http, [&outcome](Result<HttpResponse> r) { outcome = std::move(r); });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 30000))
        return std::nullopt;
    if (!*outcome)
        return std::nullopt;
    return outcome->value();
}

QMap<QString, TestSeries> fetchAllPages(const Sender &send, CloudWatchProtocol protocol,
                                        const QList<TestQuery> &queries, const QDateTime &start,
                                        const QDateTime &end, GmdOptions options, int *pages) {
    QMap<QString, TestSeries> all;
    int count = 0;
    do {
        const std::optional<HttpResponse> r = send(protocol, QStringLiteral("GetMetricData"),
                                                   getMetricDataBody(protocol, queries, start, end, options));
        if (!r || r->status != 200)
            return {};
        const GmdPage page = parseGetMetricData(protocol, r->body);
        if (!page.readable)
            return {};
        for (auto it = page.results.begin(); it != page.results.end(); ++it) {
            TestSeries &s = all[it.key()];
            s.timestampsMs += it->timestampsMs;
            s.values += it->values;
            s.statusCodes += it->statusCodes;
        }
        options.nextToken = page.nextToken;
        ++count;
    } while (!options.nextToken.isEmpty() && count < 1000);
    if (pages)
        *pages = count;
    return all;
}

QList<MetricDescriptor> listAllPages(const Sender &send, CloudWatchProtocol protocol, const QString &ns,
                                     QList<int> *pageSizes) {
    QList<MetricDescriptor> all;
    QString token;
    do {
        const std::optional<HttpResponse> r =
            send(protocol, QStringLiteral("ListMetrics"), listMetricsBody(protocol, ns, token));
        if (!r || r->status != 200)
            return {};
        const ListPage page = parseListMetrics(protocol, r->body);
        all += page.metrics;
        if (pageSizes)
            pageSizes->append(int(page.metrics.size()));
        token = page.nextToken;
    } while (!token.isEmpty());
    return all;
}

GmdPage parseGetMetricData(CloudWatchProtocol protocol, const QByteArray &body) {
    GmdPage page;
    if (protocol == CloudWatchProtocol::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject() || !doc.object().contains(QLatin1String("MetricDataResults")))
            return page;
        const QJsonArray results = doc.object().value(QLatin1String("MetricDataResults")).toArray();
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            TestSeries &s = page.results[r.value(QLatin1String("Id")).toString()];
            s.statusCodes.append(r.value(QLatin1String("StatusCode")).toString());
            for (const QJsonValue &t : r.value(QLatin1String("Timestamps")).toArray())
                s.timestampsMs.append(qint64(t.toDouble()) * 1000);
            for (const QJsonValue &x : r.value(QLatin1String("Values")).toArray())
                s.values.append(x.toDouble());
        }
        page.nextToken = doc.object().value(QLatin1String("NextToken")).toString();
        page.readable = true;
        return page;
    }
    const std::optional<XmlNode> root = parseXml(body);
    if (!root || root->name != QLatin1String("GetMetricDataResponse"))
        return page;
    const XmlNode *result = root->child(QStringLiteral("GetMetricDataResult"));
    if (!result)
        return page;
    for (const XmlNode *member : result->members(QStringLiteral("MetricDataResults"))) {
        TestSeries &s = page.results[member->childText(QStringLiteral("Id"))];
        s.statusCodes.append(member->childText(QStringLiteral("StatusCode")));
        for (const XmlNode *t : member->members(QStringLiteral("Timestamps")))
            s.timestampsMs.append(QDateTime::fromString(t->text.trimmed(), Qt::ISODate).toMSecsSinceEpoch());
        for (const XmlNode *x : member->members(QStringLiteral("Values")))
            s.values.append(x->text.trimmed().toDouble());
    }
    page.nextToken = result->childText(QStringLiteral("NextToken"));
    page.readable = true;
    return page;
}

ListPage parseListMetrics(CloudWatchProtocol protocol, const QByteArray &body) {
    ListPage page;
    if (protocol == CloudWatchProtocol::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject() || !doc.object().contains(QLatin1String("Metrics")))
            return page;
        for (const QJsonValue &v : doc.object().value(QLatin1String("Metrics")).toArray()) {
            const QJsonObject m = v.toObject();
            MetricDescriptor d{m.value(QLatin1String("Namespace")).toString(),
                               m.value(QLatin1String("MetricName")).toString(),
                               {}};
            for (const QJsonValue &dim : m.value(QLatin1String("Dimensions")).toArray())
                d.dimensions.append(Dimension{dim.toObject().value(QLatin1String("Name")).toString(),
                                              dim.toObject().value(QLatin1String("Value")).toString()});
            page.metrics.append(d);
        }
        page.nextToken = doc.object().value(QLatin1String("NextToken")).toString();
        page.readable = true;
        return page;
    }
    const std::optional<XmlNode> root = parseXml(body);
    if (!root || root->name != QLatin1String("ListMetricsResponse"))
        return page;
    const XmlNode *result = root->child(QStringLiteral("ListMetricsResult"));
    if (!result)
        return page;
    for (const XmlNode *member : result->members(QStringLiteral("Metrics"))) {
        MetricDescriptor d{member->childText(QStringLiteral("Namespace")),
                           member->childText(QStringLiteral("MetricName")),
                           {}};
        for (const XmlNode *dim : member->members(QStringLiteral("Dimensions")))
            d.dimensions.append(
                Dimension{dim->childText(QStringLiteral("Name")), dim->childText(QStringLiteral("Value"))});
        page.metrics.append(d);
    }
    page.nextToken = result->childText(QStringLiteral("NextToken"));
    page.readable = true;
    return page;
}

ErrorInfo parseError(CloudWatchProtocol protocol, const HttpResponse &response) {
    ErrorInfo info;
    if (protocol == CloudWatchProtocol::Json) {
        const QJsonObject o = QJsonDocument::fromJson(response.body).object();
        info.jsonType = o.value(QLatin1String("__type")).toString();
        info.message = o.value(QLatin1String("message")).toString();
        info.code = QString::fromUtf8(response.header("x-amzn-query-error")).section(QLatin1Char(';'), 0, 0);
        return info;
    }
    const std::optional<XmlNode> root = parseXml(response.body);
    if (root && root->name == QLatin1String("ErrorResponse")) {
        if (const XmlNode *error = root->child(QStringLiteral("Error"))) {
            info.code = error->childText(QStringLiteral("Code"));
            info.message = error->childText(QStringLiteral("Message"));
        }
    }
    return info;
}

QDateTime parseHttpDate(const QByteArray &value) {
    QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(value),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!t.isValid())
        return {};
    return QDateTime(t.date(), t.time(), QTimeZone::utc());
}

} // namespace mlwatch::test
