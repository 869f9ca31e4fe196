#include "support/plain_qt_cloudwatch_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace mlwatch::bench {

QList<PlainQtSeries> PlainQtCloudWatchParser::parse(const QByteArray &body, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue results = document.object().value(QLatin1String("MetricDataResults"));
    if (parseError.error != QJsonParseError::NoError || !results.isArray()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QStringLiteral("no MetricDataResults array");
        return {};
    }

    QList<PlainQtSeries> out;
    const QJsonArray array = results.toArray();
    out.reserve(array.size());
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        PlainQtSeries &series = out.emplace_back();
        series.id = object.value(QLatin1String("Id")).toString();
        const QJsonArray timestamps = object.value(QLatin1String("Timestamps")).toArray();
        const QJsonArray values = object.value(QLatin1String("Values")).toArray();
        series.timestampsMs.reserve(timestamps.size());
        series.values.reserve(values.size());
        for (const QJsonValue &t : timestamps)
            series.timestampsMs.append(std::llround(t.toDouble() * 1000.0));
        for (const QJsonValue &v : values)
            series.values.append(v.toDouble());
    }
    return out;
}

} // namespace mlwatch::bench
