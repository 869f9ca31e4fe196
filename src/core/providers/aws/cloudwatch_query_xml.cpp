#include "core/providers/aws/cloudwatch_query_xml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

#include <chrono>

namespace mlwatch::aws {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::aws", text);
}

Error badResponse(const QString &message, const QString &detail = {}) {
    return Error{ErrorCode::BadResponse, message, detail};
}

// ---- fixed-format ISO 8601 --------------------------------------------------------------------

int digits(QStringView s, qsizetype from, qsizetype count) {
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

// ---- query protocol XML ---------------------------------------------------------------------

// Element text with surrounding whitespace removed (moto indents text nodes).
QString xmlText(QXmlStreamReader &xml) {
    return xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
}

// Calls `onMember` for each <member> child of the current element; skips anything else.
template <typename F> void forEachMember(QXmlStreamReader &xml, F &&onMember) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"member")
            onMember();
        else
            xml.skipCurrentElement();
    }
}

void readXmlMessages(QXmlStreamReader &xml, QStringList &out) {
    forEachMember(xml, [&] {
        QString code, text;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"Code")
                code = xmlText(xml);
            else if (xml.name() == u"Value")
                text = xmlText(xml);
            else
                xml.skipCurrentElement();
        }
        out.append(text.isEmpty() ? code : code + QStringLiteral(": ") + text);
    });
}

// The first problem found while walking, as a translated message; the walk goes on so the
// reader still reaches the end, but the page is rejected.
struct XmlProblems {
    QString first;
    void note(const QString &problem) {
        if (first.isEmpty())
            first = problem;
    }
};

void readXmlResult(QXmlStreamReader &xml, MetricDataResult &r, XmlProblems &problems) {
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"Id") {
            r.id = xmlText(xml);
        } else if (name == u"Label") {
            r.label = xmlText(xml);
        } else if (name == u"StatusCode") {
            r.statusCode = xmlText(xml);
        } else if (name == u"Timestamps") {
            forEachMember(xml, [&] {
                const QString text = xmlText(xml);
                const std::optional<qint64> ms = parseIso8601Ms(text);
                if (!ms)
                    problems.note(tr("A timestamp in the GetMetricData answer is not ISO 8601."));
                r.timestampsMs.append(ms.value_or(0));
            });
        } else if (name == u"Values") {
            forEachMember(xml, [&] {
                bool ok = false;
                const double v = QStringView(xmlText(xml)).toDouble(&ok);
                if (!ok)
                    problems.note(tr("A value in the GetMetricData answer is not a number."));
                r.values.append(v);
            });
        } else if (name == u"Messages") {
            readXmlMessages(xml, r.messages);
        } else {
            xml.skipCurrentElement();
        }
    }
}

// Moves to the root element; false when there is none.
bool openXmlRoot(QXmlStreamReader &xml) {
    return xml.readNextStartElement();
}

Error invalidXml(const QString &call, const QXmlStreamReader &xml) {
    return badResponse(tr("The %1 answer is not well-formed XML (line %2).").arg(call).arg(xml.lineNumber()),
                       xml.errorString());
}

} // namespace

// "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM|±HHMM)" → UTC ms since the epoch. Fixed positions
// instead of QDateTime::fromString, which costs ~0.5 µs per call (performance.md §5).
std::optional<qint64> parseIso8601Ms(QStringView s) {
    s = s.trimmed();
    if (s.size() < 20 || s[4] != u'-' || s[7] != u'-' || (s[10] != u'T' && s[10] != u't' && s[10] != u' ') ||
        s[13] != u':' || s[16] != u':')
        return std::nullopt;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok())
        return std::nullopt;

    qsizetype i = 19;
    int ms = 0;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        int scale = 100;
        const qsizetype first = i;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9') {
            ms += scale * (s[i].unicode() - u'0');
            scale /= 10;
            ++i;
        }
        if (i == first)
            return std::nullopt;
    }
    qint64 offsetMs = 0;
    if (i < s.size() && (s[i] == u'Z' || s[i] == u'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        const int sign = s[i] == u'-' ? -1 : 1;
        const QStringView zone = s.mid(i + 1);
        int oh = -1, om = -1;
        if (zone.size() == 5 && zone[2] == u':') {
            oh = digits(zone, 0, 2);
            om = digits(zone, 3, 2);
        } else if (zone.size() == 4) {
            oh = digits(zone, 0, 2);
            om = digits(zone, 2, 2);
        }
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return std::nullopt;
        offsetMs = sign * (qint64(oh) * 3600 + om * 60) * 1000;
        i = s.size();
    } else {
        return std::nullopt; // a time without a zone is ambiguous; CloudWatch always sends one
    }
    if (i != s.size())
        return std::nullopt;
    const qint64 days = sys_days{ymd}.time_since_epoch().count();
    return ((days * 24 + h) * 60 + mi) * 60000 + qint64(sec) * 1000 + ms - offsetMs;
}

Result<GetMetricDataPage> parseQueryGetMetricData(const QByteArray &body) {
    const QString call = QStringLiteral("GetMetricData");
    QXmlStreamReader xml(body);
    if (!openXmlRoot(xml))
        return invalidXml(call, xml);
    if (xml.name() != u"GetMetricDataResponse")
        return badResponse(tr("The GetMetricData answer is not a GetMetricDataResponse document."),
                           xml.name().toString());
    GetMetricDataPage page;
    XmlProblems problems;
    bool sawResult = false;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"GetMetricDataResult") {
            xml.skipCurrentElement();
            continue;
        }
        sawResult = true;
        while (xml.readNextStartElement()) {
            const QStringView name = xml.name();
            if (name == u"MetricDataResults")
                forEachMember(xml, [&] { readXmlResult(xml, page.results.emplace_back(), problems); });
            else if (name == u"NextToken")
                page.nextToken = xmlText(xml);
            else if (name == u"Messages")
                readXmlMessages(xml, page.messages);
            else
                xml.skipCurrentElement();
        }
    }
    xml.readNext();
    if (xml.hasError())
        return invalidXml(call, xml);
    if (!problems.first.isEmpty())
        return badResponse(problems.first);
    if (!sawResult)
        return badResponse(tr("The GetMetricData answer has no GetMetricDataResult."));
    return page;
}

Result<ListMetricsPage> parseQueryListMetrics(const QByteArray &body) {
    const QString call = QStringLiteral("ListMetrics");
    QXmlStreamReader xml(body);
    if (!openXmlRoot(xml))
        return invalidXml(call, xml);
    if (xml.name() != u"ListMetricsResponse")
        return badResponse(tr("The ListMetrics answer is not a ListMetricsResponse document."),
                           xml.name().toString());
    ListMetricsPage page;
    bool sawResult = false;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"ListMetricsResult") {
            xml.skipCurrentElement();
            continue;
        }
        sawResult = true;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"NextToken") {
                page.nextToken = xmlText(xml);
            } else if (xml.name() == u"Metrics") {
                forEachMember(xml, [&] {
                    ListedMetric &m = page.metrics.emplace_back();
                    while (xml.readNextStartElement()) {
                        const QStringView name = xml.name();
                        if (name == u"Namespace") {
                            m.namespaceName = xmlText(xml);
                        } else if (name == u"MetricName") {
                            m.metricName = xmlText(xml);
                        } else if (name == u"Dimensions") {
                            forEachMember(xml, [&] {
                                Dimension &d = m.dimensions.emplace_back();
                                while (xml.readNextStartElement()) {
                                    if (xml.name() == u"Name")
                                        d.name = xmlText(xml);
                                    else if (xml.name() == u"Value")
                                        d.value = xmlText(xml);
                                    else
                                        xml.skipCurrentElement();
                                }
                            });
                        } else {
                            xml.skipCurrentElement();
                        }
                    }
                });
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    xml.readNext();
    if (xml.hasError())
        return invalidXml(call, xml);
    if (!sawResult)
        return badResponse(tr("The ListMetrics answer has no ListMetricsResult."));
    return page;
}

// Finds <Error><Code/><Message/></Error> under <ErrorResponse>, <Response><Errors> or <Errors>.
bool readQueryError(const QByteArray &body, AwsError &out) {
    QXmlStreamReader xml(body);
    bool found = false;
    int depth = 0;
    while (!xml.atEnd() && !found) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
        } else if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > 4 || xml.name() != u"Error")
                continue;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"Code") {
                    out.code = xmlText(xml);
                    found = !out.code.isEmpty();
                } else if (xml.name() == u"Message") {
                    out.message = xmlText(xml);
                } else {
                    xml.skipCurrentElement();
                }
            }
            --depth;
        }
    }
    return found;
}

} // namespace mlwatch::aws
