#include "demo/demo_response_writer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>
#include <QXmlStreamWriter>

#include <algorithm>

namespace mlwatch::demo {

namespace {

const QString kXmlNamespace = QStringLiteral("http://monitoring.amazonaws.com/doc/2010-08-01/");
const QByteArray kJsonType = QByteArrayLiteral("application/x-amz-json-1.0");
const QByteArray kXmlType = QByteArrayLiteral("text/xml");

// The JSON protocol's error shape for a query-protocol code. CloudWatch's model names some
// errors differently in JSON (InternalServiceError is the InternalServiceFault shape); the
// query code always travels in x-amzn-query-error, as for every awsQueryCompatible service.
QString jsonErrorType(const QString &code) {
    struct Mapping {
        const char *queryCode;
        const char *jsonType;
    };
    static const Mapping kMappings[] = {
        {"Throttling", "com.amazon.coral.availability#ThrottlingException"},
        {"InternalServiceError", "com.amazonaws.cloudwatch#InternalServiceFault"},
        {"InvalidParameterValue", "com.amazonaws.cloudwatch#InvalidParameterValueException"},
        {"MissingParameter", "com.amazonaws.cloudwatch#MissingRequiredParameterException"},
        {"InvalidParameterCombination", "com.amazonaws.cloudwatch#InvalidParameterCombinationException"},
        {"InvalidNextToken", "com.amazonaws.cloudwatch#InvalidNextToken"},
        {"InvalidAction", "com.amazon.coral.service#UnknownOperationException"},
    };
    for (const Mapping &m : kMappings)
        if (code == QLatin1String(m.queryCode))
            return QLatin1String(m.jsonType);
    return QStringLiteral("com.amazon.coral.service#") + code;
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

QString number(double v) {
    // Shortest text that reads back to the same double; the C locale's digits and dot.
    return QLocale::c().toString(v, 'g', QLocale::FloatingPointShortest);
}

DemoReply json(const QJsonObject &object) {
    return DemoReply{200, kJsonType, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

// Writes <OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata>
// around what `body` writes.
template <typename Body> DemoReply xml(const QString &operation, const QString &requestId, Body body) {
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartElement(operation + QStringLiteral("Response"));
    w.writeDefaultNamespace(kXmlNamespace);
    w.writeStartElement(operation + QStringLiteral("Result"));
    body(w);
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("ResponseMetadata"));
    w.writeTextElement(QStringLiteral("RequestId"), requestId);
    w.writeEndElement();
    w.writeEndElement();
    return DemoReply{200, kXmlType, out, {}};
}

struct Slice {
    const DemoQueryResult *result = nullptr;
    qsizetype from = 0;
    qsizetype to = 0; // exclusive
    bool partial = false;
};

QList<Slice> pageSlices(const QList<DemoQueryResult> &results, qint64 offset, qint64 pageEnd) {
    QList<Slice> slices;
    qint64 start = 0; // where this result's points begin in the concatenation
    for (const DemoQueryResult &r : results) {
        const qint64 n = r.points.values.size();
        const qint64 end = start + n;
        if (n == 0) {
            if (offset == 0)
                slices.append(Slice{&r, 0, 0, false});
        } else if (end > offset && start < pageEnd) {
            const qint64 from = std::max(offset, start) - start;
            const qint64 to = std::min(pageEnd, end) - start;
            slices.append(Slice{&r, qsizetype(from), qsizetype(to), end > pageEnd});
        }
        start = end;
    }
    return slices;
}

} // namespace

DemoReply DemoResponseWriter::error(aws::CloudWatchProtocol protocol, const DemoError &error,
                                    const QString &requestId) {
    const QString type = error.senderFault ? QStringLiteral("Sender") : QStringLiteral("Receiver");
    DemoReply reply;
    reply.status = error.httpStatus;
    if (protocol == aws::CloudWatchProtocol::Json) {
        reply.contentType = kJsonType;
        reply.body = QJsonDocument(QJsonObject{{QStringLiteral("__type"), jsonErrorType(error.code)},
                                               {QStringLiteral("message"), error.message}})
                         .toJson(QJsonDocument::Compact);
        reply.headers.append(
            {QByteArrayLiteral("x-amzn-query-error"), (error.code + QLatin1Char(';') + type).toUtf8()});
        return reply;
    }
    reply.contentType = kXmlType;
    QXmlStreamWriter w(&reply.body);
    w.writeStartElement(QStringLiteral("ErrorResponse"));
    w.writeDefaultNamespace(kXmlNamespace);
    w.writeStartElement(QStringLiteral("Error"));
    w.writeTextElement(QStringLiteral("Type"), type);
    w.writeTextElement(QStringLiteral("Code"), error.code);
    w.writeTextElement(QStringLiteral("Message"), error.message);
    w.writeEndElement();
    w.writeTextElement(QStringLiteral("RequestId"), requestId);
    w.writeEndElement();
    return reply;
}

DemoReply DemoResponseWriter::getMetricData(aws::CloudWatchProtocol protocol,
                                            const QList<DemoQueryResult> &results, qint64 offset,
                                            qint64 pageSize, const QByteArray &fingerprint,
                                            const QString &requestId) {
    qint64 total = 0;
    for (const DemoQueryResult &r : results)
        total += r.points.values.size();
    const qint64 pageEnd = offset + std::max<qint64>(1, pageSize);
    const QList<Slice> slices = pageSlices(results, offset, pageEnd);
    const QString nextToken = pageEnd < total ? tokenFor("gmd", pageEnd, fingerprint) : QString();

    const auto statusOf = [](const Slice &s) {
        return s.partial ? QStringLiteral("PartialData") : QStringLiteral("Complete");
    };
    if (protocol == aws::CloudWatchProtocol::Json) {
        QJsonArray items;
        for (const Slice &s : slices) {
            QJsonArray timestamps;
            QJsonArray values;
            for (qsizetype i = s.from; i < s.to; ++i) {
                timestamps.append(double(s.result->points.timestampsMs.at(i) / 1000));
                values.append(s.result->points.values.at(i));
            }
            items.append(QJsonObject{{QStringLiteral("Id"), s.result->id},
                                     {QStringLiteral("Label"), s.result->label},
                                     {QStringLiteral("StatusCode"), statusOf(s)},
                                     {QStringLiteral("Timestamps"), timestamps},
                                     {QStringLiteral("Values"), values},
                                     {QStringLiteral("Messages"), QJsonArray()}});
        }
        QJsonObject out{{QStringLiteral("MetricDataResults"), items},
                        {QStringLiteral("Messages"), QJsonArray()}};
        if (!nextToken.isEmpty())
            out.insert(QStringLiteral("NextToken"), nextToken);
        return json(out);
    }
    return xml(QStringLiteral("GetMetricData"), requestId, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("MetricDataResults"));
        for (const Slice &s : slices) {
            w.writeStartElement(QStringLiteral("member"));
            w.writeTextElement(QStringLiteral("Id"), s.result->id);
            w.writeTextElement(QStringLiteral("Label"), s.result->label);
            w.writeTextElement(QStringLiteral("StatusCode"), statusOf(s));
            w.writeStartElement(QStringLiteral("Timestamps"));
            for (qsizetype i = s.from; i < s.to; ++i)
                w.writeTextElement(QStringLiteral("member"), isoTime(s.result->points.timestampsMs.at(i)));
            w.writeEndElement();
            w.writeStartElement(QStringLiteral("Values"));
            for (qsizetype i = s.from; i < s.to; ++i)
                w.writeTextElement(QStringLiteral("member"), number(s.result->points.values.at(i)));
            w.writeEndElement();
            w.writeEmptyElement(QStringLiteral("Messages"));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEmptyElement(QStringLiteral("Messages"));
        if (!nextToken.isEmpty())
            w.writeTextElement(QStringLiteral("NextToken"), nextToken);
    });
}

DemoReply DemoResponseWriter::listMetrics(aws::CloudWatchProtocol protocol,
                                          const QList<MetricDescriptor> &metrics, qint64 offset,
                                          qint64 pageSize, const QByteArray &fingerprint,
                                          const QString &requestId) {
    const qint64 end = std::min<qint64>(metrics.size(), offset + std::max<qint64>(1, pageSize));
    const QString nextToken = end < metrics.size() ? tokenFor("lm", end, fingerprint) : QString();
    if (protocol == aws::CloudWatchProtocol::Json) {
        QJsonArray items;
        for (qint64 i = offset; i < end; ++i) {
            const MetricDescriptor &m = metrics.at(i);
            QJsonArray dims;
            for (const Dimension &d : m.dimensions)
                dims.append(
                    QJsonObject{{QStringLiteral("Name"), d.name}, {QStringLiteral("Value"), d.value}});
            items.append(QJsonObject{{QStringLiteral("Namespace"), m.namespaceName},
                                     {QStringLiteral("MetricName"), m.metricName},
                                     {QStringLiteral("Dimensions"), dims}});
        }
        QJsonObject out{{QStringLiteral("Metrics"), items}};
        if (!nextToken.isEmpty())
            out.insert(QStringLiteral("NextToken"), nextToken);
        return json(out);
    }
    return xml(QStringLiteral("ListMetrics"), requestId, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("Metrics"));
        for (qint64 i = offset; i < end; ++i) {
            const MetricDescriptor &m = metrics.at(i);
            w.writeStartElement(QStringLiteral("member"));
            w.writeTextElement(QStringLiteral("Namespace"), m.namespaceName);
            w.writeTextElement(QStringLiteral("MetricName"), m.metricName);
            w.writeStartElement(QStringLiteral("Dimensions"));
            for (const Dimension &d : m.dimensions) {
                w.writeStartElement(QStringLiteral("member"));
                w.writeTextElement(QStringLiteral("Name"), d.name);
                w.writeTextElement(QStringLiteral("Value"), d.value);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        if (!nextToken.isEmpty())
            w.writeTextElement(QStringLiteral("NextToken"), nextToken);
    });
}

DemoReply DemoResponseWriter::garbage() {
    return DemoReply{
        200,
        QByteArrayLiteral("text/html; charset=utf-8"),
        QByteArrayLiteral("<html><head><title>Sign in to the network</title></head>"
                          "<body><p>Please accept the terms of use to continue.</p></body></html>"),
        {}};
}

QString DemoResponseWriter::tokenFor(const QByteArray &kind, qint64 offset, const QByteArray &fingerprint) {
    const QByteArray plain = kind + ':' + QByteArray::number(offset) + ':' + fingerprint;
    return QString::fromLatin1(plain.toBase64());
}

std::optional<qint64> DemoResponseWriter::offsetOf(const QString &nextToken, const QByteArray &kind,
                                                   const QByteArray &fingerprint) {
    if (nextToken.isEmpty())
        return 0;
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(nextToken.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3 || parts.at(0) != kind || parts.at(2) != fingerprint)
        return std::nullopt;
    bool ok = false;
    const qint64 offset = parts.at(1).toLongLong(&ok);
    if (!ok || offset <= 0)
        return std::nullopt;
    return offset;
}

} // namespace mlwatch::demo
