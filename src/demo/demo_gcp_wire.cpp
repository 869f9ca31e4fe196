#include "demo/demo_gcp_wire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace mlwatch::demo {

namespace {

QString decodeComponent(QByteArray raw) {
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

// "interval.start_time" → "interval.startTime"; "pageToken" stays as it is.
QString camelCase(const QString &name) {
    QString out;
    out.reserve(name.size());
    bool upper = false;
    for (const QChar c : name) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

} // namespace

DemoGcpError DemoGcpError::invalidField(const QString &field, const QString &value, const QString &reason) {
    return invalidArgument(
        QStringLiteral("Field %1 had an invalid value of \"%2\": %3").arg(field, value, reason));
}

DemoGcpParams DemoGcpParams::parse(QByteArrayView encoded) {
    DemoGcpParams p;
    for (const QByteArray &pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        p.m_items.append({camelCase(decodeComponent(name)), decodeComponent(value)});
    }
    return p;
}

std::optional<QString> DemoGcpParams::value(QStringView name) const {
    for (const auto &[n, v] : m_items)
        if (n == name)
            return v;
    return std::nullopt;
}

QStringList DemoGcpParams::values(QStringView name) const {
    QStringList out;
    for (const auto &[n, v] : m_items)
        if (n == name)
            out.append(v);
    return out;
}

QStringList DemoGcpParams::names() const {
    QStringList out;
    for (const auto &item : m_items)
        out.append(item.first);
    return out;
}

DemoGcpReply DemoGcpWire::json(int status, const QJsonObject &body) {
    return DemoGcpReply{status,
                        QByteArrayLiteral("application/json; charset=UTF-8"),
                        QJsonDocument(body).toJson(QJsonDocument::Compact),
                        {}};
}

DemoGcpReply DemoGcpWire::error(const DemoGcpError &error) {
    QJsonObject inner{{QStringLiteral("code"), error.httpStatus},
                      {QStringLiteral("message"), error.message},
                      {QStringLiteral("status"), error.status}};
    if (!error.details.isEmpty())
        inner.insert(QStringLiteral("details"), error.details);
    return json(error.httpStatus, QJsonObject{{QStringLiteral("error"), inner}});
}

std::optional<qint64> DemoGcpWire::parseTimestamp(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{"
                                                      "2})(?:\\.(\\d{1,9}))?([Zz]|[+-]\\d{2}:\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 ms = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    if (!m.captured(7).isEmpty())
        ms += m.captured(7).leftJustified(3, u'0').left(3).toLongLong();
    const QString zone = m.captured(8);
    if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const qint64 offset = (zone.mid(1, 2).toLongLong() * 60 + zone.mid(4, 2).toLongLong()) * 60 * 1000;
        ms -= zone.startsWith(u'+') ? offset : -offset;
    }
    return ms;
}

std::optional<qint64> DemoGcpWire::parseDuration(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d+)(?:\\.(\\d{1,9}))?s$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    qint64 ms = m.captured(1).toLongLong() * 1000;
    if (!m.captured(2).isEmpty())
        ms += m.captured(2).leftJustified(3, u'0').left(3).toLongLong();
    return ms;
}

QString DemoGcpWire::formatTimestamp(qint64 msSinceEpoch) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc());
    return t.toString(msSinceEpoch % 1000 == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")
                                               : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace mlwatch::demo
