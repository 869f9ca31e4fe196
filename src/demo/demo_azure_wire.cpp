#include "demo/demo_azure_wire.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace mlwatch::demo {

namespace {

constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

QString decodeComponent(QByteArray raw) {
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

} // namespace

DemoAzureParams DemoAzureParams::parse(QByteArrayView encoded) {
    DemoAzureParams p;
    for (const QByteArray &pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        p.m_items.append({decodeComponent(name), decodeComponent(value)});
    }
    return p;
}

std::optional<QString> DemoAzureParams::value(QStringView name) const {
    for (const auto &[n, v] : m_items)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

DemoAzureReply DemoAzureWire::json(int status, const QJsonObject &body) {
    return DemoAzureReply{status,
                          QByteArrayLiteral("application/json; charset=utf-8"),
                          QJsonDocument(body).toJson(QJsonDocument::Compact),
                          {}};
}

DemoAzureReply DemoAzureWire::armError(const DemoError &error) {
    return json(error.httpStatus, QJsonObject{{QStringLiteral("error"),
                                               QJsonObject{{QStringLiteral("code"), error.code},
                                                           {QStringLiteral("message"), error.message}}}});
}

std::optional<qint64> DemoAzureWire::parseDateTime(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{"
                                                      "2})(?:\\.(\\d{1,7}))?)?(Z|[+-]\\d{2}:\\d{2})$"));
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
    if (zone != QLatin1String("Z")) {
        const qint64 offset = (zone.mid(1, 2).toLongLong() * 60 + zone.mid(4, 2).toLongLong()) * kMinuteMs;
        ms -= zone.startsWith(u'+') ? offset : -offset;
    }
    return ms;
}

std::optional<qint64> DemoAzureWire::parseDuration(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || text.endsWith(u'T', Qt::CaseInsensitive))
        return std::nullopt;
    const qint64 ms = m.captured(1).toLongLong() * kDayMs + m.captured(2).toLongLong() * kHourMs +
                      m.captured(3).toLongLong() * kMinuteMs + qint64(m.captured(4).toDouble() * 1000.0);
    if (ms <= 0)
        return std::nullopt;
    return ms;
}

QString DemoAzureWire::formatDateTime(qint64 msSinceEpoch, bool withMilliseconds) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc());
    return t.toString(withMilliseconds ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                       : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString DemoAzureWire::formatDuration(qint64 ms) {
    const qint64 days = ms / kDayMs;
    const qint64 hours = ms % kDayMs / kHourMs;
    const qint64 minutes = ms % kHourMs / kMinuteMs;
    const qint64 seconds = ms % kMinuteMs / kSecondMs;
    QString out = QStringLiteral("P");
    if (days > 0)
        out += QString::number(days) + QLatin1Char('D');
    if (hours > 0 || minutes > 0 || seconds > 0 || days == 0) {
        out += QLatin1Char('T');
        if (hours > 0)
            out += QString::number(hours) + QLatin1Char('H');
        if (minutes > 0)
            out += QString::number(minutes) + QLatin1Char('M');
        if (seconds > 0 || (days == 0 && hours == 0 && minutes == 0))
            out += QString::number(seconds) + QLatin1Char('S');
    }
    return out;
}

QString DemoAzureWire::formatTimeSpan(qint64 ms) {
    const qint64 days = ms / kDayMs;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg(ms % kDayMs / kHourMs, 2, 10, QLatin1Char('0'))
                              .arg(ms % kHourMs / kMinuteMs, 2, 10, QLatin1Char('0'))
                              .arg(ms % kMinuteMs / kSecondMs, 2, 10, QLatin1Char('0'));
    return days > 0 ? QString::number(days) + QLatin1Char('.') + clock : clock;
}

} // namespace mlwatch::demo
