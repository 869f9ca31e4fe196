#include "core/workspace/chart_spec_json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::WorkspaceFile", text);
}

Error bad(const QString &field, const QString &message) {
    return Error{ErrorCode::BadArgument, field + QStringLiteral(": ") + message, QString()};
}

constexpr Unit kUnits[] = {Unit::None,         Unit::Count,          Unit::Percent,
                           Unit::Microseconds, Unit::Milliseconds,   Unit::Seconds,
                           Unit::Bytes,        Unit::CountPerSecond, Unit::Fraction};

std::optional<Unit> unitFromName(const QString &name) {
    for (Unit u : kUnits)
        if (cloudWatchUnitName(u) == name)
            return u;
    return std::nullopt;
}

std::optional<Stage> stageFromId(const QString &id) {
    for (Stage s : allStages())
        if (stageId(s) == id)
            return s;
    return std::nullopt;
}

// Reads members of one JSON object, remembering the first problem with its full path. Every
// member name is checked against looksLikeSecretMember() before any value is read.
class Reader {
public:
    Reader(const QJsonValue &value, QString path)
        : m_path(std::move(path)) {
        if (!value.isObject()) {
            m_error = bad(m_path, tr("must be a JSON object."));
            return;
        }
        m_object = value.toObject();
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (looksLikeSecretMember(it.key())) {
                m_error = bad(member(it.key()), tr("secrets never go into a workspace file."));
                return;
            }
    }

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }
    QString member(const QString &key) const { return m_path + QLatin1Char('.') + key; }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    QString string(const char *key, const QString &fallback = QString(), bool required = false) {
        if (failed())
            return fallback;
        const QJsonValue v = value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, tr("is required."));
            return fallback;
        }
        if (!v.isString()) {
            fail(key, tr("must be a string."));
            return fallback;
        }
        if (required && v.toString().isEmpty())
            fail(key, tr("is required."));
        return v.toString();
    }

    QJsonArray array(const char *key) {
        if (failed())
            return {};
        const QJsonValue v = value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, tr("must be a JSON array."));
            return {};
        }
        return v.toArray();
    }

    void fail(const char *key, const QString &message) { failAt(member(QLatin1String(key)), message); }
    void failAt(const QString &path, const QString &message) {
        if (!m_error)
            m_error = bad(path, message);
    }
    void take(const Error &error) {
        if (!m_error)
            m_error = error;
    }

private:
    QString m_path;
    QJsonObject m_object;
    std::optional<Error> m_error;
};

QString derivationName(SeriesDerivation d) {
    switch (d) {
    case SeriesDerivation::None:
        return {};
    case SeriesDerivation::RatePerSecond:
        return QStringLiteral("rate-per-second");
    case SeriesDerivation::ErrorPercent:
        return QStringLiteral("error-percent");
    }
    return {};
}

std::optional<SeriesDerivation> derivationFromName(const QString &name) {
    for (SeriesDerivation d : {SeriesDerivation::RatePerSecond, SeriesDerivation::ErrorPercent})
        if (derivationName(d) == name)
            return d;
    return std::nullopt;
}

QJsonObject queryToJson(const MetricQuery &query) {
    QJsonObject q;
    q.insert(QStringLiteral("namespace"), query.namespaceName);
    q.insert(QStringLiteral("metric"), query.metricName);
    QJsonObject dims;
    for (const Dimension &d : query.dimensions)
        dims.insert(d.name, d.value);
    q.insert(QStringLiteral("dimensions"), dims);
    q.insert(QStringLiteral("stat"), query.stat);
    q.insert(QStringLiteral("period"), query.periodSeconds);
    if (!query.resource.isEmpty())
        q.insert(QStringLiteral("resource"), query.resource);
    if (!query.account.isEmpty())
        q.insert(QStringLiteral("account"), query.account);
    return q;
}

std::optional<MetricQuery> readQuery(const QJsonValue &value, const QString &path, Reader &outer) {
    Reader r(value, path);
    MetricQuery q;
    q.namespaceName = r.string("namespace", QString(), true);
    q.metricName = r.string("metric", QString(), true);
    q.stat = r.string("stat", QStringLiteral("Average"));
    if (!r.failed() && q.stat.isEmpty())
        r.fail("stat", tr("must not be empty."));
    q.resource = r.string("resource");
    q.account = r.string("account");
    if (!r.failed()) {
        const QJsonValue period = r.value("period");
        if (!period.isUndefined()) {
            if (!period.isDouble() || period.toDouble() != double(period.toInt()) || period.toInt() < 1)
                r.fail("period", tr("must be a whole number of seconds from 1."));
            else
                q.periodSeconds = period.toInt();
        }
    }
    if (!r.failed()) {
        const QJsonValue dims = r.value("dimensions");
        if (!dims.isUndefined() && !dims.isNull() && !dims.isObject())
            r.fail("dimensions", tr("must be a JSON object of names and values."));
        const QJsonObject o = dims.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) { // QJsonObject: sorted by name
            if (!it.value().isString()) {
                r.failAt(r.member(QStringLiteral("dimensions.")) + it.key(), tr("must be a string."));
                break;
            }
            q.dimensions.append(Dimension{it.key(), it.value().toString()});
        }
    }
    if (r.failed()) {
        outer.take(r.error());
        return std::nullopt;
    }
    return q;
}

} // namespace

bool looksLikeSecretMember(const QString &key) {
    static const QRegularExpression kSecret(
        QStringLiteral("secret|token|password|passwd|credential|accesskey|privatekey|apikey"),
        QRegularExpression::CaseInsensitiveOption);
    return kSecret.match(key).hasMatch();
}

QJsonObject ChartSpecJson::toJson(const ChartSpec &chart) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), chart.id);
    o.insert(QStringLiteral("stage"), stageId(chart.stage));
    o.insert(QStringLiteral("title"), chart.title);
    if (!chart.resource.isEmpty())
        o.insert(QStringLiteral("resource"), chart.resource);
    if (!chart.account.isEmpty())
        o.insert(QStringLiteral("account"), chart.account);
    if (!chart.instanceType.isEmpty())
        o.insert(QStringLiteral("instanceType"), chart.instanceType);
    if (!chart.cloud.isEmpty())
        o.insert(QStringLiteral("cloud"), chart.cloud);
    o.insert(QStringLiteral("unit"), cloudWatchUnitName(chart.unit));
    QJsonArray series;
    for (const ChartSeriesSpec &s : chart.series) {
        QJsonObject entry{{QStringLiteral("legend"), s.legend},
                          {QStringLiteral("query"), queryToJson(s.query)}};
        if (s.derivation != SeriesDerivation::None) {
            entry.insert(QStringLiteral("derivation"), derivationName(s.derivation));
            QJsonArray inputs;
            for (const MetricQuery &input : s.inputs)
                inputs.append(queryToJson(input));
            entry.insert(QStringLiteral("inputs"), inputs);
        }
        series.append(entry);
    }
    o.insert(QStringLiteral("series"), series);
    if (!chart.thresholds.isEmpty()) {
        QJsonArray thresholds;
        for (const ThresholdLine &t : chart.thresholds)
            thresholds.append(QJsonObject{{QStringLiteral("value"), t.value},
                                          {QStringLiteral("level"), t.level == ThresholdLevel::Critical
                                                                        ? QStringLiteral("critical")
                                                                        : QStringLiteral("warning")}});
        o.insert(QStringLiteral("thresholds"), thresholds);
    }
    if (!chart.explanation.isEmpty())
        o.insert(QStringLiteral("explanation"), chart.explanation);
    return o;
}

Result<ChartSpec> ChartSpecJson::fromJson(const QJsonValue &value, const QString &path) {
    Reader r(value, path);
    ChartSpec c;
    c.id = r.string("id", QString(), true);
    const QString stage = r.string("stage", QString(), true);
    if (!r.failed()) {
        if (const std::optional<Stage> s = stageFromId(stage))
            c.stage = *s;
        else
            r.fail("stage", tr("\"%1\" is not a stage: use data-preparation, training, evaluation, "
                               "deployment or monitoring.")
                                .arg(stage));
    }
    c.title = r.string("title");
    c.resource = r.string("resource");
    c.account = r.string("account");
    c.instanceType = r.string("instanceType");
    c.cloud = r.string("cloud");
    if (!r.failed() && !c.cloud.isEmpty() && c.cloud != QLatin1String("aws") &&
        c.cloud != QLatin1String("azure") && c.cloud != QLatin1String("gcp"))
        r.fail("cloud", tr("must be \"aws\", \"azure\" or \"gcp\", not \"%1\".").arg(c.cloud));
    const QString unit = r.string("unit", QStringLiteral("None"));
    if (!r.failed()) {
        if (const std::optional<Unit> u = unitFromName(unit))
            c.unit = *u;
        else
            r.fail("unit", tr("\"%1\" is not a unit: use None, Count, Percent, Microseconds, "
                              "Milliseconds, Seconds, Bytes, Count/Second or Fraction.")
                               .arg(unit));
    }
    c.explanation = r.string("explanation");

    const QJsonArray series = r.array("series");
    for (qsizetype i = 0; i < series.size() && !r.failed(); ++i) {
        const QString at = r.member(QStringLiteral("series[%1]").arg(i));
        Reader sr(series.at(i), at);
        ChartSeriesSpec s;
        s.legend = sr.string("legend");
        if (!sr.failed() && sr.value("query").isUndefined())
            sr.fail("query", tr("is required: the namespace, metric, dimensions, statistic and period."));
        if (sr.failed()) {
            r.take(sr.error());
            break;
        }
        const std::optional<MetricQuery> q =
            readQuery(sr.value("query"), sr.member(QStringLiteral("query")), r);
        if (!q)
            break;
        s.query = *q;
        const QString derivation = sr.string("derivation");
        if (!derivation.isEmpty()) {
            if (const std::optional<SeriesDerivation> d = derivationFromName(derivation))
                s.derivation = *d;
            else
                sr.fail("derivation",
                        tr("must be \"rate-per-second\" or \"error-percent\", not \"%1\".").arg(derivation));
        }
        const QJsonArray inputs = sr.array("inputs");
        if (sr.failed()) {
            r.take(sr.error());
            break;
        }
        for (qsizetype k = 0; k < inputs.size(); ++k) {
            const std::optional<MetricQuery> input =
                readQuery(inputs.at(k), sr.member(QStringLiteral("inputs[%1]").arg(k)), r);
            if (!input)
                break;
            s.inputs.append(*input);
        }
        if (r.failed())
            break;
        c.series.append(s);
    }

    const QJsonArray thresholds = r.array("thresholds");
    for (qsizetype i = 0; i < thresholds.size() && !r.failed(); ++i) {
        Reader thr(thresholds.at(i), r.member(QStringLiteral("thresholds[%1]").arg(i)));
        ThresholdLine t;
        const QJsonValue v = thr.value("value");
        if (!thr.failed() && !v.isDouble())
            thr.fail("value", tr("must be a number (in the chart's display unit)."));
        t.value = v.toDouble();
        const QString level = thr.string("level", QStringLiteral("warning"));
        if (level == QLatin1String("critical"))
            t.level = ThresholdLevel::Critical;
        else if (level != QLatin1String("warning"))
            thr.fail("level", tr("must be \"warning\" or \"critical\", not \"%1\".").arg(level));
        if (thr.failed())
            r.take(thr.error());
        else
            c.thresholds.append(t);
    }
    if (r.failed())
        return r.error();
    return c;
}

} // namespace mlwatch
