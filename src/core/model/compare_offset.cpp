#include "core/model/compare_offset.h"

#include <QCoreApplication>

#include <algorithm>

namespace mlwatch {

namespace {
constexpr qint64 kHourSeconds = 3600;
const QLatin1StringView kMarker{"@-"};
} // namespace

QString CompareOffset::seriesKey(const QString &seriesKey, qint64 offsetSeconds) {
    if (offsetSeconds <= 0)
        return seriesKey;
    return seriesKey % kMarker % QString::number(offsetSeconds) % QLatin1Char('s');
}

bool CompareOffset::parse(const QString &key, QString *baseKey, qint64 *offsetSeconds) {
    if (!key.endsWith(QLatin1Char('s')))
        return false;
    const qsizetype at = key.lastIndexOf(kMarker);
    if (at < 0)
        return false;
    const QStringView digits =
        QStringView(key).mid(at + kMarker.size(), key.size() - at - kMarker.size() - 1);
    if (digits.isEmpty())
        return false;
    for (QChar c : digits)
        if (!c.isDigit() || c.unicode() > 0x7f)
            return false;
    bool ok = false;
    const qint64 seconds = digits.toLongLong(&ok);
    if (!ok || seconds <= 0)
        return false;
    if (baseKey)
        *baseKey = key.left(at);
    if (offsetSeconds)
        *offsetSeconds = seconds;
    return true;
}

TimeRange CompareOffset::fetchRange(const TimeRange &window, qint64 offsetSeconds) {
    const qint64 shift = drawShiftMs(offsetSeconds);
    return TimeRange{window.startMs - shift, window.endMs - shift};
}

qint64 CompareOffset::drawShiftMs(qint64 offsetSeconds) {
    return offsetSeconds > 0 ? offsetSeconds * 1000 : 0;
}

QString CompareOffset::label(qint64 offsetSeconds) {
    // English has no plural forms file (translations/ holds only de): the singular is its own
    // string so English reads "1 week earlier", not "1 week(s) earlier".
    const auto text = [](const char *one, const char *many, qint64 n) {
        return n == 1 ? QCoreApplication::translate("mlwatch::CompareOffset", one)
                      : QCoreApplication::translate("mlwatch::CompareOffset", many, nullptr, int(n));
    };
    if (offsetSeconds > 0 && offsetSeconds % kWeekSeconds == 0)
        return text("1 week earlier", "%n weeks earlier", offsetSeconds / kWeekSeconds);
    if (offsetSeconds > 0 && offsetSeconds % kDaySeconds == 0)
        return text("1 day earlier", "%n days earlier", offsetSeconds / kDaySeconds);
    if (offsetSeconds > 0 && offsetSeconds % kHourSeconds == 0)
        return text("1 hour earlier", "%n hours earlier", offsetSeconds / kHourSeconds);
    return text("1 minute earlier", "%n minutes earlier", std::max<qint64>(0, offsetSeconds) / 60);
}

QString CompareOffset::legend(const QString &seriesLegend, qint64 offsetSeconds) {
    return QCoreApplication::translate("mlwatch::CompareOffset", "%1 (%2)")
        .arg(seriesLegend, label(offsetSeconds));
}

} // namespace mlwatch
