#include "core/providers/aws/cloudwatch_response.h"

#include "core/providers/aws/cloudwatch_query_xml.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <string_view>
#include <vector>

namespace mlwatch::aws {

namespace {

namespace sj = simdjson::ondemand;

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::aws", text);
}

Error badResponse(const QString &message, const QString &detail = {}) {
    return Error{ErrorCode::BadResponse, message, detail};
}

QString fromUtf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// ---- JSON (simdjson on-demand) ------------------------------------------------------------

// One reusable parser per thread: its buffers grow to the largest page seen and are reused,
// so a 3 MB page costs no allocation after the first (the price: each thread that ever parsed
// keeps about 3× its largest page). Parsing runs on the UI thread or a
// QtConcurrent worker; never two parses on one thread at once.
sj::parser &threadParser() {
    thread_local sj::parser parser;
    return parser;
}

// simdjson reads up to SIMDJSON_PADDING bytes past the end. A QByteArray's spare capacity cannot
// be relied on (Qt 6 may keep free space before the data), so copy once into a padded buffer
// that each thread reuses: after the first page there is no allocation and no page faulting.
class PaddedInput {
public:
    explicit PaddedInput(const QByteArray &body) {
        thread_local std::vector<char> buffer;
        const auto size = size_t(body.size());
        if (buffer.size() < size + simdjson::SIMDJSON_PADDING)
            buffer.resize(size + simdjson::SIMDJSON_PADDING);
        std::memcpy(buffer.data(), body.constData(), size);
        std::memset(buffer.data() + size, 0, simdjson::SIMDJSON_PADDING);
        m_view = simdjson::padded_string_view(buffer.data(), size, buffer.size());
    }
    const simdjson::padded_string_view &view() const { return m_view; }

private:
    simdjson::padded_string_view m_view;
};

Error invalidJson(const QString &call, simdjson::error_code code) {
    return badResponse(tr("The %1 answer is not valid JSON; it may have been cut off.").arg(call),
                       QString::fromLatin1(simdjson::error_message(code)));
}

// Reads [ {"Code":…,"Value":…}, … ] as "Code: Value".
simdjson::error_code readJsonMessages(sj::value value, QStringList &out) {
    sj::array array;
    if (auto e = value.get_array().get(array))
        return e;
    for (auto element : array) {
        sj::object object;
        if (auto e = element.get_object().get(object))
            return e;
        QString code, text;
        for (auto field : object) {
            std::string_view key, str;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key == "Code" || key == "Value") {
                if (auto e = field.value().get_string().get(str))
                    return e;
                (key == "Code" ? code : text) = fromUtf8(str);
            }
        }
        out.append(text.isEmpty() ? code : code + QStringLiteral(": ") + text);
    }
    return simdjson::SUCCESS;
}

simdjson::error_code readJsonString(sj::value value, QString &out) {
    std::string_view str;
    if (auto e = value.get_string().get(str))
        return e;
    out = fromUtf8(str);
    return simdjson::SUCCESS;
}

// Seconds → ms, rounded half away from zero (inline: std::llround is a libm call per point).
inline qint64 secondsToMs(double seconds) {
    const double ms = seconds * 1000.0;
    return qint64(ms >= 0 ? ms + 0.5 : ms - 0.5);
}

// Counts the array once (a cheap walk over the structural index) and sizes `out` so the
// per-element loop writes through a pointer: no capacity check, no reallocation per point.
template <typename T> simdjson::error_code sizeFor(sj::array &array, QVector<T> &out, T *&cursor, T *&end) {
    size_t count = 0;
    if (auto e = array.count_elements().get(count))
        return e;
    const qsizetype before = out.size();
    out.resize(before + qsizetype(count)); // `out` is empty unless a key repeats: then append
    cursor = out.data() + before;
    end = out.data() + out.size();
    return simdjson::SUCCESS;
}

// Epoch seconds (integer or fractional; Java services may write 1.7145648E9) → ms. An ISO
// string is accepted too, for endpoints that serialise timestamps the query way.
simdjson::error_code readJsonTimestamps(sj::value value, QVector<qint64> &out) {
    sj::array array;
    if (auto e = value.get_array().get(array))
        return e;
    qint64 *cursor = nullptr, *end = nullptr;
    if (auto e = sizeFor(array, out, cursor, end))
        return e;
    for (auto element : array) {
        if (cursor == end)
            return simdjson::TAPE_ERROR;
        // Integers (the usual form) take simdjson's integer fast path; anything else is a
        // double or, failing that, a string.
        int64_t whole = 0;
        if (element.get_int64().get(whole) == simdjson::SUCCESS) {
            *cursor++ = whole * 1000;
            continue;
        }
        double seconds = 0;
        const auto e = element.get_double().get(seconds);
        if (e == simdjson::SUCCESS) {
            *cursor++ = secondsToMs(seconds);
            continue;
        }
        std::string_view text;
        if (e != simdjson::INCORRECT_TYPE || element.get_string().get(text) != simdjson::SUCCESS)
            return e;
        const std::optional<qint64> ms =
            parseIso8601Ms(QString::fromLatin1(text.data(), qsizetype(text.size())));
        if (!ms)
            return simdjson::INCORRECT_TYPE;
        *cursor++ = *ms;
    }
    return cursor == end ? simdjson::SUCCESS : simdjson::TAPE_ERROR;
}

simdjson::error_code readJsonValues(sj::value value, QVector<double> &out) {
    sj::array array;
    if (auto e = value.get_array().get(array))
        return e;
    double *cursor = nullptr, *end = nullptr;
    if (auto e = sizeFor(array, out, cursor, end))
        return e;
    for (auto element : array) {
        if (cursor == end)
            return simdjson::TAPE_ERROR;
        if (auto e = element.get_double().get(*cursor))
            return e;
        ++cursor;
    }
    return cursor == end ? simdjson::SUCCESS : simdjson::TAPE_ERROR;
}

simdjson::error_code readJsonResult(sj::object object, MetricDataResult &r) {
    for (auto field : object) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "Id")
            e = readJsonString(field.value(), r.id);
        else if (key == "Label")
            e = readJsonString(field.value(), r.label);
        else if (key == "StatusCode")
            e = readJsonString(field.value(), r.statusCode);
        else if (key == "Timestamps")
            e = readJsonTimestamps(field.value(), r.timestampsMs);
        else if (key == "Values")
            e = readJsonValues(field.value(), r.values);
        else if (key == "Messages")
            e = readJsonMessages(field.value(), r.messages);
        if (e)
            return e;
    }
    return simdjson::SUCCESS;
}

// Whether the whole body was consumed (3.0.1's document has no public at_end()): the iterator
// reports OUT_OF_BOUNDS past the last token, anything else means content after the object.
bool atEnd(sj::document &doc) {
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

// Opens the body's top-level object; the caller walks its fields.
simdjson::error_code openJsonObject(const PaddedInput &input, sj::document &doc, sj::object &root) {
    if (auto e = threadParser().iterate(input.view()).get(doc))
        return e;
    return doc.get_object().get(root);
}

Result<GetMetricDataPage> parseJsonGetMetricData(const QByteArray &body) {
    const QString call = QStringLiteral("GetMetricData");
    const PaddedInput input(body);
    sj::document doc;
    sj::object root;
    if (auto e = openJsonObject(input, doc, root))
        return invalidJson(call, e);

    GetMetricDataPage page;
    bool sawResults = false;
    for (auto field : root) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return invalidJson(call, e);
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "MetricDataResults") {
            sawResults = true;
            sj::array results;
            if ((e = field.value().get_array().get(results)))
                return invalidJson(call, e);
            for (auto element : results) {
                sj::object object;
                if ((e = element.get_object().get(object)))
                    return invalidJson(call, e);
                MetricDataResult &r = page.results.emplace_back();
                if ((e = readJsonResult(object, r)))
                    return invalidJson(call, e);
            }
        } else if (key == "NextToken") {
            // JSON protocol writes null for absent members in some fakes; treat as absent.
            bool isNull = false;
            if (field.value().is_null().get(isNull) == simdjson::SUCCESS && isNull)
                continue;
            e = readJsonString(field.value(), page.nextToken);
        } else if (key == "Messages") {
            e = readJsonMessages(field.value(), page.messages);
        }
        if (e)
            return invalidJson(call, e);
    }
    if (!atEnd(doc))
        return invalidJson(call, simdjson::TRAILING_CONTENT);
    if (!sawResults)
        return badResponse(tr("The GetMetricData answer has no MetricDataResults."));
    return page;
}

simdjson::error_code readJsonMetric(sj::object object, ListedMetric &m) {
    for (auto field : object) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "Namespace") {
            e = readJsonString(field.value(), m.namespaceName);
        } else if (key == "MetricName") {
            e = readJsonString(field.value(), m.metricName);
        } else if (key == "Dimensions") {
            sj::array dims;
            if ((e = field.value().get_array().get(dims)))
                return e;
            for (auto element : dims) {
                sj::object dimObject;
                if ((e = element.get_object().get(dimObject)))
                    return e;
                Dimension &d = m.dimensions.emplace_back();
                for (auto dimField : dimObject) {
                    std::string_view dimKey;
                    if ((e = dimField.unescaped_key().get(dimKey)))
                        return e;
                    if (dimKey == "Name")
                        e = readJsonString(dimField.value(), d.name);
                    else if (dimKey == "Value")
                        e = readJsonString(dimField.value(), d.value);
                    if (e)
                        return e;
                }
            }
        }
        if (e)
            return e;
    }
    return simdjson::SUCCESS;
}

Result<ListMetricsPage> parseJsonListMetrics(const QByteArray &body) {
    const QString call = QStringLiteral("ListMetrics");
    const PaddedInput input(body);
    sj::document doc;
    sj::object root;
    if (auto e = openJsonObject(input, doc, root))
        return invalidJson(call, e);
    ListMetricsPage page;
    for (auto field : root) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return invalidJson(call, e);
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "Metrics") {
            sj::array metrics;
            if ((e = field.value().get_array().get(metrics)))
                return invalidJson(call, e);
            for (auto element : metrics) {
                sj::object object;
                if ((e = element.get_object().get(object)))
                    return invalidJson(call, e);
                if ((e = readJsonMetric(object, page.metrics.emplace_back())))
                    return invalidJson(call, e);
            }
        } else if (key == "NextToken") {
            bool isNull = false;
            if (field.value().is_null().get(isNull) == simdjson::SUCCESS && isNull)
                continue;
            e = readJsonString(field.value(), page.nextToken);
        }
        if (e)
            return invalidJson(call, e);
    }
    if (!atEnd(doc))
        return invalidJson(call, simdjson::TRAILING_CONTENT);
    return page;
}

// ---- error envelopes ------------------------------------------------------------------------

// "com.amazonaws.cloudwatch#ThrottlingException" or "ThrottlingException:http://…" → the code
// (botocore strips the namespace before '#' and anything after ':').
QString sanitizeErrorCode(QString code) {
    code = code.trimmed();
    if (const qsizetype hash = code.lastIndexOf(QLatin1Char('#')); hash >= 0)
        code = code.mid(hash + 1);
    if (const qsizetype colon = code.indexOf(QLatin1Char(':')); colon >= 0)
        code.truncate(colon);
    return code;
}

bool readJsonError(const QByteArray &body, AwsError &out) {
    // The error path is cold; QJsonDocument keeps it short.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    QString code = object.value(QLatin1StringView("__type")).toString();
    if (code.isEmpty())
        code = object.value(QLatin1StringView("Code")).toString();
    if (code.isEmpty())
        code = object.value(QLatin1StringView("code")).toString();
    QString message = object.value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = object.value(QLatin1StringView("Message")).toString();
    out.code = sanitizeErrorCode(code);
    out.message = message;
    return !out.code.isEmpty();
}

} // namespace

Result<GetMetricDataPage> parseGetMetricDataResponse(CloudWatchProtocol protocol, const QByteArray &body) {
    Result<GetMetricDataPage> page =
        protocol == CloudWatchProtocol::Json ? parseJsonGetMetricData(body) : parseQueryGetMetricData(body);
    if (!page)
        return page;
    for (const MetricDataResult &r : page->results) {
        if (r.id.isEmpty())
            return badResponse(tr("A result in the GetMetricData answer has no Id."));
        if (r.timestampsMs.size() != r.values.size())
            return badResponse(tr("Timestamps and Values differ in length for %1 (%L2 and %L3).")
                                   .arg(r.id)
                                   .arg(r.timestampsMs.size())
                                   .arg(r.values.size()));
    }
    return page;
}

Result<ListMetricsPage> parseListMetricsResponse(CloudWatchProtocol protocol, const QByteArray &body) {
    return protocol == CloudWatchProtocol::Json ? parseJsonListMetrics(body) : parseQueryListMetrics(body);
}

std::optional<AwsError> parseAwsError(const HttpResponse &response) {
    AwsError error;
    error.httpStatus = response.status;

    const QByteArrayView body = QByteArrayView(response.body).trimmed();
    bool fromBody = false;
    if (body.startsWith('{'))
        fromBody = readJsonError(response.body, error);
    else if (body.startsWith('<'))
        fromBody = readQueryError(response.body, error);

    // Query-compatible JSON services put the legacy code here ("Throttling;Sender"); it is the
    // code the query protocol would have sent, so it wins over __type.
    const QByteArray queryError = response.header("x-amzn-query-error");
    if (!queryError.isEmpty()) {
        const qsizetype semicolon = queryError.indexOf(';');
        const QString code =
            QString::fromUtf8(semicolon >= 0 ? queryError.left(semicolon) : queryError).trimmed();
        if (!code.isEmpty()) {
            error.code = code;
            return error;
        }
    }
    if (error.code.isEmpty()) {
        // restJson-style services name the error in a header instead.
        const QByteArray errorType = response.header("x-amzn-ErrorType");
        if (!errorType.isEmpty())
            error.code = sanitizeErrorCode(QString::fromUtf8(errorType));
    }
    if (!fromBody && error.code.isEmpty())
        return std::nullopt;
    return error;
}

} // namespace mlwatch::aws
