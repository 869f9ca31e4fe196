#pragma once

#include "core/net/http_types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace mlwatch::demo {

// An HTTP answer of the simulated Google Cloud before it goes on the wire (the server adds Date
// and the request-id headers).
struct DemoGcpReply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers;
};

// An error in Google's terms: the HTTP status, the canonical status name ("INVALID_ARGUMENT",
// "RESOURCE_EXHAUSTED" …) and Google's English message (untranslated, like Google's).
struct DemoGcpError {
    int httpStatus = 400;
    QString status;
    QString message;
    QJsonArray details; // google.rpc details ("@type" …); may be empty

    static DemoGcpError invalidArgument(const QString &message) {
        return {400, QStringLiteral("INVALID_ARGUMENT"), message, {}};
    }
    // "Field <field> had an invalid value of "<value>": <reason>" — the style of Google's
    // request-validation messages.
    static DemoGcpError invalidField(const QString &field, const QString &value, const QString &reason);
};

// A value or the error to answer with (Google's twin of DemoOutcome).
template <typename T> class DemoGcpOutcome {
public:
    DemoGcpOutcome(T value)
        : m_value(std::move(value)) {} // NOLINT: implicit by design
    DemoGcpOutcome(DemoGcpError error)
        : m_error(std::move(error)) {} // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const DemoGcpError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DemoGcpError m_error;
};

// Decoded query-string or form parameters, in order; repeated names are repeated entries
// (aggregation.groupByFields=a&aggregation.groupByFields=b). Decoding is form decoding ('+' is a
// space, %XX a byte). Names are normalised the way Google's REST mapping accepts them: both the
// JSON name ("interval.startTime") and the proto field name ("interval.start_time") work, so
// snake_case segments are turned into camelCase; matching is then case-sensitive.
class DemoGcpParams {
public:
    static DemoGcpParams parse(QByteArrayView encoded);

    std::optional<QString> value(QStringView name) const; // the first with that name
    QStringList values(QStringView name) const;
    QStringList names() const;

private:
    QList<QPair<QString, QString>> m_items;
};

// Google's small wire conventions: JSON answers, the google.rpc.Status error envelope, RFC 3339
// timestamps and protobuf Duration strings.
class DemoGcpWire {
public:
    static DemoGcpReply json(int status, const QJsonObject &body);
    // {"error":{"code":…,"message":…,"status":…,"details":[…]}} (details only when present).
    static DemoGcpReply error(const DemoGcpError &error);

    // "2024-05-01T12:00:00Z", "…T12:00:00.123456789Z", "…T14:00:00+02:00"; seconds required (a
    // protobuf Timestamp). Milliseconds since the epoch; nullopt when malformed.
    static std::optional<qint64> parseTimestamp(const QString &text);
    // "60s", "3600s", "1.5s" (a protobuf Duration); milliseconds, nullopt when malformed.
    static std::optional<qint64> parseDuration(const QString &text);
    // "2024-05-01T12:00:00Z", or with ".123Z" when the milliseconds are not zero.
    static QString formatTimestamp(qint64 msSinceEpoch);
};

} // namespace mlwatch::demo
