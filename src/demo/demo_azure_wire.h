#pragma once

#include "core/net/http_types.h"
#include "demo/demo_error.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace mlwatch::demo {

// An HTTP answer of the simulated Azure before it goes on the wire (the server adds Date and
// the x-ms request-id headers).
struct DemoAzureReply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers;
};

// Decoded query-string or form parameters, in order. Decoding is ASP.NET's: '+' is a space and
// %XX a byte (so an unencoded '+' in a timespan offset becomes a space, which is what breaks
// real clients — cloud-apis.md §4 pitfall 15). Names match case-insensitively, as ARM's do.
class DemoAzureParams {
public:
    static DemoAzureParams parse(QByteArrayView encoded);

    std::optional<QString> value(QStringView name) const; // the first with that name
    bool has(QStringView name) const { return value(name).has_value(); }
    const QList<QPair<QString, QString>> &items() const { return m_items; }

private:
    QList<QPair<QString, QString>> m_items;
};

// Azure's small wire conventions: JSON answers, the ARM error envelope, ISO 8601 times and
// durations as the metrics APIs accept and print them.
class DemoAzureWire {
public:
    static DemoAzureReply json(int status, const QJsonObject &body);
    // {"error":{"code","message"}} — ARM's envelope (common-types ErrorResponse), which the
    // metrics and batch APIs use too.
    static DemoAzureReply armError(const DemoError &error);

    // "2024-05-01T12:00:00Z", with optional seconds, fraction (up to 7 digits) and a ±hh:mm
    // offset instead of Z; milliseconds since the epoch, nullopt when malformed.
    static std::optional<qint64> parseDateTime(const QString &text);
    // "PT1M", "P1D", "PT1H30M", "P1DT6H", "PT90S"; milliseconds, nullopt when malformed or zero.
    static std::optional<qint64> parseDuration(const QString &text);

    static QString formatDateTime(qint64 msSinceEpoch, bool withMilliseconds = false);
    static QString formatDuration(qint64 ms); // "PT1M", "PT1H", "P1D", "P1DT6H"
    // .NET TimeSpan text as Azure's grain errors print it: "00:01:00", "1.00:00:00".
    static QString formatTimeSpan(qint64 ms);
};

} // namespace mlwatch::demo
