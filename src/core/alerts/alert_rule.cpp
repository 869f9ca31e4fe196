#include "core/alerts/alert_rule.h"

#include "core/model/unit_registry.h"
#include "core/workspace/json_object_reader.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::AlertRule", text);
}

// Limits that keep one rule's cost and memory small: the window is a ring of N doubles.
constexpr int kMaxEvaluationPeriods = 1440;
constexpr int kMaxPeriodSeconds = 31 * 86400;
constexpr int kMaxIdLength = 200;

// What a display unit measures, and its size in that quantity's base unit.
enum class Quantity { Plain, Percent, Time, Bytes, Rate };

struct DisplayUnitInfo {
    const char *name; // the stable JSON name
    Quantity quantity;
    double base;        // size in base units (seconds, bytes)
    const char *symbol; // translatable symbol shown to people
};

constexpr double kKi = 1024.0;
const DisplayUnitInfo kDisplayUnits[] = {
    {"", Quantity::Plain, 1.0, ""},
    {"count", Quantity::Plain, 1.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "count")},
    {"%", Quantity::Percent, 1.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "%")},
    {"us", Quantity::Time, 1e-6, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "µs")},
    {"ms", Quantity::Time, 1e-3, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "ms")},
    {"s", Quantity::Time, 1.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "s")},
    {"min", Quantity::Time, 60.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "min")},
    {"h", Quantity::Time, 3600.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "h")},
    {"B", Quantity::Bytes, 1.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "B")},
    {"KiB", Quantity::Bytes, kKi, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "KiB")},
    {"MiB", Quantity::Bytes, kKi *kKi, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "MiB")},
    {"GiB", Quantity::Bytes, kKi *kKi *kKi, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "GiB")},
    {"TiB", Quantity::Bytes, kKi *kKi *kKi *kKi, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "TiB")},
    {"/s", Quantity::Rate, 1.0, QT_TRANSLATE_NOOP("mlwatch::AlertRule", "/s")},
};

const DisplayUnitInfo *displayUnitInfo(const QString &name) {
    for (const DisplayUnitInfo &u : kDisplayUnits)
        if (name == QLatin1String(u.name))
            return &u;
    return nullptr;
}

// The quantity and base size of a raw (CloudWatch) unit. Count and None are both plain numbers:
// CloudWatch reports error counts under either.
std::pair<Quantity, double> rawUnitInfo(Unit unit) {
    switch (unit) {
    case Unit::None:
    case Unit::Count:
        return {Quantity::Plain, 1.0};
    case Unit::Percent:
        return {Quantity::Percent, 1.0};
    case Unit::Microseconds:
        return {Quantity::Time, 1e-6};
    case Unit::Milliseconds:
        return {Quantity::Time, 1e-3};
    case Unit::Seconds:
        return {Quantity::Time, 1.0};
    case Unit::Bytes:
        return {Quantity::Bytes, 1.0};
    case Unit::CountPerSecond:
        return {Quantity::Rate, 1.0};
    case Unit::Fraction:
        return {Quantity::Percent, 100.0}; // 1 raw = 100 %
    }
    return {Quantity::Plain, 1.0};
}

// unitFromCloudWatchName() maps unknown names to None; this tells them apart.
std::optional<Unit> rawUnitFromName(const QString &name) {
    const Unit u = unitFromCloudWatchName(name);
    if (cloudWatchUnitName(u).compare(name, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return u;
}

QString number(double v) {
    return QLocale().toString(v, 'g', 15);
}

bool hasControlCharacter(const QString &s) {
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// An instance type is a plain token ("ml.g5.2xlarge", "Standard_NC24ads_A100_v4"): anything else
// is a typo or an injection, and would silently leave the series summed.
bool isInstanceTypeToken(const QString &s) {
    // anchoredPattern: "$" alone would also accept a trailing newline.
    static const QRegularExpression kToken(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
    return kToken.match(s).hasMatch();
}

bool isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Reads members of one JSON object, remembering the first type error. Field paths in messages
// are `context` + the member name, e.g. "rules[2].period".
class Reader {
public:
    Reader(const QJsonObject &object, QString context)
        : m_object(object)
        , m_context(std::move(context)) {}

    QString path(const QString &key) const { return m_context + key; }
    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }
    void fail(const QString &key, const QString &message) {
        if (!m_error)
            m_error = Error{ErrorCode::BadArgument, path(key) + QStringLiteral(": ") + message, QString()};
    }
    bool has(const QString &key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }

    std::optional<QString> string(const QString &key) {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isString()) {
            fail(key, tr("must be a string."));
            return std::nullopt;
        }
        return v.toString();
    }
    std::optional<double> number(const QString &key) {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble()) {
            fail(key, tr("must be a number."));
            return std::nullopt;
        }
        return v.toDouble();
    }
    std::optional<int> integer(const QString &key) {
        const std::optional<double> d = number(key);
        if (!d)
            return std::nullopt;
        if (*d != std::floor(*d) || std::abs(*d) > 2e9) {
            fail(key, tr("must be a whole number."));
            return std::nullopt;
        }
        return static_cast<int>(*d);
    }
    std::optional<bool> boolean(const QString &key) {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isBool()) {
            fail(key, tr("must be true or false."));
            return std::nullopt;
        }
        return v.toBool();
    }
    std::optional<QJsonObject> object(const QString &key) {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isObject()) {
            fail(key, tr("must be a JSON object."));
            return std::nullopt;
        }
        return v.toObject();
    }

private:
    const QJsonObject &m_object;
    QString m_context;
    std::optional<Error> m_error;
};

} // namespace

QStringList knownDisplayUnits() {
    QStringList names;
    for (const DisplayUnitInfo &u : kDisplayUnits)
        names.append(QLatin1String(u.name));
    return names;
}

int defaultEvaluationDelaySeconds(const QString &cloud, int periodSeconds) {
    if (cloud == QLatin1String("azure"))
        return 300; // Azure Monitor platform metrics: ~4–5 min behind (anchors.md §1.1, §5)
    if (cloud == QLatin1String("gcp"))
        return 420; // Cloud Monitoring: Vertex up to 360 s, BigQuery 420 s (cloud-apis.md §4 #28)
    // CloudWatch. 1-minute metrics (SageMaker endpoints publish every minute) are complete
    // within about 2 minutes; 5-minute metrics need 10–15 minutes (anchors.md §5), so 15 min
    // for anything coarser than a minute, up to hourly (Model Monitor runs). S3 storage metrics
    // are daily with a lag of a day or more (cloud-apis.md §1.8): wait a full day.
    if (periodSeconds <= 60)
        return 120;
    if (periodSeconds < 86400)
        return 900;
    return 86400;
}

QString comparisonName(AlertComparison c) {
    return c == AlertComparison::Above ? QStringLiteral("above") : QStringLiteral("below");
}

std::optional<AlertComparison> comparisonFromName(const QString &name) {
    if (name == QLatin1String("above"))
        return AlertComparison::Above;
    if (name == QLatin1String("below"))
        return AlertComparison::Below;
    return std::nullopt;
}

QString missingDataName(MissingDataPolicy p) {
    switch (p) {
    case MissingDataPolicy::Missing:
        return QStringLiteral("missing");
    case MissingDataPolicy::Ignore:
        return QStringLiteral("ignore");
    case MissingDataPolicy::NotBreaching:
        return QStringLiteral("notBreaching");
    case MissingDataPolicy::Breaching:
        return QStringLiteral("breaching");
    }
    return QStringLiteral("missing");
}

std::optional<MissingDataPolicy> missingDataFromName(const QString &name) {
    for (MissingDataPolicy p : {MissingDataPolicy::Missing, MissingDataPolicy::Ignore,
                                MissingDataPolicy::NotBreaching, MissingDataPolicy::Breaching})
        if (missingDataName(p) == name)
            return p;
    return std::nullopt;
}

QString alertLevelName(AlertLevel level) {
    switch (level) {
    case AlertLevel::None:
        return QString();
    case AlertLevel::Warning:
        return QStringLiteral("warning");
    case AlertLevel::Critical:
        return QStringLiteral("critical");
    }
    return QString();
}

std::optional<AlertLevel> alertLevelFromName(const QString &name) {
    for (AlertLevel l : {AlertLevel::None, AlertLevel::Warning, AlertLevel::Critical})
        if (alertLevelName(l) == name)
            return l;
    return std::nullopt;
}

int AlertRule::effectiveEvaluationDelaySeconds() const {
    return evaluationDelaySeconds ? *evaluationDelaySeconds
                                  : defaultEvaluationDelaySeconds(cloud, periodSeconds);
}

DisplayUnit AlertRule::displayUnit() const {
    const DisplayUnitInfo *info = displayUnitInfo(unit);
    DisplayUnit d;
    d.raw = seriesUnit.value_or(Unit::None);
    d.symbol =
        info && *info->symbol ? QCoreApplication::translate("mlwatch::AlertRule", info->symbol) : QString();
    if (info && seriesUnit) {
        const auto [quantity, base] = rawUnitInfo(*seriesUnit);
        if (quantity == info->quantity)
            d.scale = base / info->base;
    }
    if (seriesUnit && !instanceType.isEmpty()) {
        // The same per-device factor the chart applies (1/vCPUs, 1/GPUs or 1), taken from the
        // registry so rule and chart can never disagree on which series are summed.
        const double unitScale = UnitRegistry::displayUnit(*seriesUnit).scale;
        const double seriesScale = UnitRegistry::forSeries(*seriesUnit, series, instanceType).scale;
        if (unitScale != 0 && seriesScale != unitScale)
            d.scale *= seriesScale / unitScale;
    }
    return d;
}

QList<AlertRuleProblem> AlertRule::problems() const {
    QList<AlertRuleProblem> out;
    auto add = [&out](const QString &field, const QString &message) {
        out.append({field, field + QStringLiteral(": ") + message});
    };
    const bool above = comparison == AlertComparison::Above;

    if (id.trimmed().isEmpty())
        add(QStringLiteral("id"), tr("is required."));
    else if (id.size() > kMaxIdLength || hasControlCharacter(id))
        add(QStringLiteral("id"),
            tr("must be at most %1 characters without control characters.").arg(kMaxIdLength));
    if (cloud != QLatin1String("aws") && cloud != QLatin1String("azure") && cloud != QLatin1String("gcp"))
        add(QStringLiteral("cloud"), tr("\"%1\" is not a cloud: use aws, azure or gcp.").arg(cloud));

    if (series.namespaceName.isEmpty() && series.metricName.isEmpty())
        add(QStringLiteral("series"), tr("is required: the namespace, metric, dimensions and statistic "
                                         "of the series the rule watches."));
    else if (series.namespaceName.isEmpty())
        add(QStringLiteral("series.namespace"), tr("is required."));
    else if (series.metricName.isEmpty())
        add(QStringLiteral("series.metric"), tr("is required."));
    if (series.stat.isEmpty())
        add(QStringLiteral("series.stat"), tr("is required."));
    for (const Dimension &d : series.dimensions)
        if (d.name.isEmpty() || d.value.isEmpty())
            add(QStringLiteral("series.dimensions"), tr("names and values must not be empty."));
    if (!instanceType.isEmpty() && !isInstanceTypeToken(instanceType))
        add(QStringLiteral("instanceType"),
            tr("must be an instance type such as ml.g5.2xlarge: 1 to 64 letters, digits, dots, "
               "underscores or hyphens."));

    if (!std::isfinite(critical))
        add(QStringLiteral("critical"), tr("must be a finite number."));
    if (warning) {
        if (!std::isfinite(*warning))
            add(QStringLiteral("warning"), tr("must be a finite number."));
        else if (above ? !(*warning < critical) : !(*warning > critical))
            add(QStringLiteral("warning"),
                above ? tr("(%1) must be below critical (%2) for a rule that alerts above.")
                            .arg(number(*warning), number(critical))
                      : tr("(%1) must be above critical (%2) for a rule that alerts below.")
                            .arg(number(*warning), number(critical)));
    }
    if (criticalRecovery) {
        const double r = *criticalRecovery;
        if (!std::isfinite(r))
            add(QStringLiteral("criticalRecovery"), tr("must be a finite number."));
        else if (above ? r > critical : r < critical)
            add(QStringLiteral("criticalRecovery"),
                above ? tr("(%1) is on the wrong side: for a rule that alerts above, it must be at or below "
                           "critical (%2).")
                            .arg(number(r), number(critical))
                      : tr("(%1) is on the wrong side: for a rule that alerts below, it must be at or above "
                           "critical (%2).")
                            .arg(number(r), number(critical)));
    }
    if (warningRecovery) {
        const double r = *warningRecovery;
        if (!warning)
            add(QStringLiteral("warningRecovery"), tr("needs a warning threshold."));
        else if (!std::isfinite(r))
            add(QStringLiteral("warningRecovery"), tr("must be a finite number."));
        else if (above ? r > *warning : r < *warning)
            add(QStringLiteral("warningRecovery"),
                above ? tr("(%1) is on the wrong side: for a rule that alerts above, it must be at or below "
                           "warning (%2).")
                            .arg(number(r), number(*warning))
                      : tr("(%1) is on the wrong side: for a rule that alerts below, it must be at or above "
                           "warning (%2).")
                            .arg(number(r), number(*warning)));
    }

    const DisplayUnitInfo *unitInfo = displayUnitInfo(unit);
    if (!unitInfo)
        add(QStringLiteral("unit"), tr("\"%1\" is not a known unit: use one of %2.")
                                        .arg(unit, knownDisplayUnits().join(QStringLiteral(", "))));
    else if (seriesUnit && rawUnitInfo(*seriesUnit).first != unitInfo->quantity)
        add(QStringLiteral("unit"),
            tr("\"%1\" cannot show a series measured in %2.").arg(unit, cloudWatchUnitName(*seriesUnit)));

    if (periodSeconds <= 0 || periodSeconds > kMaxPeriodSeconds)
        add(QStringLiteral("period"), tr("must be between 1 and %1 seconds.").arg(kMaxPeriodSeconds));
    if (evaluationPeriods < 1 || evaluationPeriods > kMaxEvaluationPeriods)
        add(QStringLiteral("evaluationPeriods"), tr("must be between 1 and %1.").arg(kMaxEvaluationPeriods));
    if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)
        add(QStringLiteral("datapointsToAlarm"), tr("(%1) must be between 1 and evaluationPeriods (%2).")
                                                     .arg(datapointsToAlarm)
                                                     .arg(evaluationPeriods));
    if (pendingForSeconds < 0)
        add(QStringLiteral("pendingFor"), tr("must not be negative."));
    if (keepFiringForSeconds < 0)
        add(QStringLiteral("keepFiringFor"), tr("must not be negative."));
    if (evaluationDelaySeconds && *evaluationDelaySeconds < 0)
        add(QStringLiteral("evaluationDelay"), tr("must not be negative."));

    if (notifications.repeatIntervalSeconds < 0)
        add(QStringLiteral("notifications.repeatInterval"), tr("must not be negative."));
    if (!notifications.webhookUrl.isEmpty()) {
        const QUrl &url = notifications.webhookUrl;
        const bool https = url.scheme() == QLatin1String("https");
        const bool loopbackHttp = url.scheme() == QLatin1String("http") && isLoopbackHost(url.host());
        if (!url.isValid() || url.host().isEmpty() || !(https || loopbackHttp))
            add(QStringLiteral("notifications.webhook"),
                tr("must be an https URL (plain http only on loopback)."));
    }
    return out;
}

Result<void> AlertRule::validate() const {
    const QList<AlertRuleProblem> all = problems();
    if (all.isEmpty())
        return {};
    return Error{ErrorCode::BadArgument, all.first().message, QString()};
}

Result<AlertRule> AlertRule::fromJson(const QJsonObject &object, const QString &context) {
    Reader r(object, context);
    AlertRule rule;
    rule.id = r.string(QStringLiteral("id")).value_or(QString());
    rule.name = r.string(QStringLiteral("name")).value_or(QString());
    rule.description = r.string(QStringLiteral("description")).value_or(QString());
    rule.enabled = r.boolean(QStringLiteral("enabled")).value_or(true);
    rule.cloud = r.string(QStringLiteral("cloud")).value_or(QStringLiteral("aws"));
    rule.account = r.string(QStringLiteral("account")).value_or(QString());

    if (const std::optional<QJsonObject> s = r.object(QStringLiteral("series"))) {
        Reader sr(*s, r.path(QStringLiteral("series.")));
        rule.series.namespaceName = sr.string(QStringLiteral("namespace")).value_or(QString());
        rule.series.metricName = sr.string(QStringLiteral("metric")).value_or(QString());
        rule.series.stat = sr.string(QStringLiteral("stat")).value_or(QStringLiteral("Average"));
        rule.series.resource = sr.string(QStringLiteral("resource")).value_or(QString());
        rule.series.account = sr.string(QStringLiteral("account")).value_or(QString());
        if (const std::optional<QJsonObject> dims = sr.object(QStringLiteral("dimensions"))) {
            for (auto it = dims->begin(); it != dims->end(); ++it) { // QJsonObject: sorted by name
                if (!it.value().isString()) {
                    sr.fail(QStringLiteral("dimensions.") + it.key(), tr("must be a string."));
                    break;
                }
                rule.series.dimensions.append(Dimension{it.key(), it.value().toString()});
            }
        }
        if (sr.failed())
            return sr.error();
    }
    rule.instanceType = r.string(QStringLiteral("instanceType")).value_or(QString());

    if (const std::optional<QString> c = r.string(QStringLiteral("comparison"))) {
        const std::optional<AlertComparison> cmp = comparisonFromName(*c);
        if (!cmp)
            r.fail(QStringLiteral("comparison"), tr("must be \"above\" or \"below\", not \"%1\".").arg(*c));
        else
            rule.comparison = *cmp;
    } else if (!r.failed()) {
        r.fail(QStringLiteral("comparison"), tr("is required: \"above\" or \"below\"."));
    }
    if (const std::optional<double> c = r.number(QStringLiteral("critical")))
        rule.critical = *c;
    else if (!r.failed())
        r.fail(QStringLiteral("critical"), tr("is required."));
    rule.warning = r.number(QStringLiteral("warning"));
    rule.criticalRecovery = r.number(QStringLiteral("criticalRecovery"));
    rule.warningRecovery = r.number(QStringLiteral("warningRecovery"));

    rule.unit = r.string(QStringLiteral("unit")).value_or(QString());
    if (const std::optional<QString> su = r.string(QStringLiteral("seriesUnit"))) {
        rule.seriesUnit = rawUnitFromName(*su);
        if (!rule.seriesUnit)
            r.fail(QStringLiteral("seriesUnit"),
                   tr("\"%1\" is not a CloudWatch unit name (e.g. Microseconds, "
                      "Percent, Bytes, Count).")
                       .arg(*su));
    }

    rule.periodSeconds = r.integer(QStringLiteral("period")).value_or(60);
    rule.evaluationPeriods = r.integer(QStringLiteral("evaluationPeriods")).value_or(1);
    rule.datapointsToAlarm = r.integer(QStringLiteral("datapointsToAlarm")).value_or(1);
    rule.pendingForSeconds = r.integer(QStringLiteral("pendingFor")).value_or(0);
    rule.keepFiringForSeconds = r.integer(QStringLiteral("keepFiringFor")).value_or(0);
    if (const std::optional<QString> m = r.string(QStringLiteral("missingData"))) {
        const std::optional<MissingDataPolicy> p = missingDataFromName(*m);
        if (!p)
            r.fail(QStringLiteral("missingData"),
                   tr("must be missing, ignore, notBreaching or breaching, not \"%1\".").arg(*m));
        else
            rule.missingData = *p;
    }
    rule.evaluationDelaySeconds = r.integer(QStringLiteral("evaluationDelay"));

    if (const std::optional<QJsonObject> n = r.object(QStringLiteral("notifications"))) {
        Reader nr(*n, r.path(QStringLiteral("notifications.")));
        rule.notifications.desktop = nr.boolean(QStringLiteral("desktop")).value_or(true);
        if (const std::optional<QString> url = nr.string(QStringLiteral("webhook")); url && !url->isEmpty())
            rule.notifications.webhookUrl = QUrl(*url, QUrl::StrictMode);
        rule.notifications.repeatIntervalSeconds =
            nr.integer(QStringLiteral("repeatInterval")).value_or(AlertNotifications{}.repeatIntervalSeconds);
        if (nr.failed())
            return nr.error();
    }
    if (r.failed())
        return r.error();

    rule.series.periodSeconds = rule.periodSeconds;
    if (const QList<AlertRuleProblem> problems = rule.problems(); !problems.isEmpty())
        return Error{ErrorCode::BadArgument, context + problems.first().message, QString()};
    return rule;
}

QJsonObject AlertRule::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (!enabled)
        o.insert(QStringLiteral("enabled"), false);
    if (cloud != QLatin1String("aws"))
        o.insert(QStringLiteral("cloud"), cloud);
    if (!account.isEmpty())
        o.insert(QStringLiteral("account"), account);

    QJsonObject s;
    s.insert(QStringLiteral("namespace"), series.namespaceName);
    s.insert(QStringLiteral("metric"), series.metricName);
    QJsonObject dims;
    for (const Dimension &d : series.dimensions)
        dims.insert(d.name, d.value);
    s.insert(QStringLiteral("dimensions"), dims);
    s.insert(QStringLiteral("stat"), series.stat);
    if (!series.resource.isEmpty())
        s.insert(QStringLiteral("resource"), series.resource);
    // The session's account the series is fetched with (part of its key); empty = the primary.
    if (!series.account.isEmpty())
        s.insert(QStringLiteral("account"), series.account);
    o.insert(QStringLiteral("series"), s);
    if (!instanceType.isEmpty())
        o.insert(QStringLiteral("instanceType"), instanceType);

    o.insert(QStringLiteral("comparison"), comparisonName(comparison));
    o.insert(QStringLiteral("critical"), critical);
    if (warning)
        o.insert(QStringLiteral("warning"), *warning);
    if (criticalRecovery)
        o.insert(QStringLiteral("criticalRecovery"), *criticalRecovery);
    if (warningRecovery)
        o.insert(QStringLiteral("warningRecovery"), *warningRecovery);
    o.insert(QStringLiteral("unit"), unit);
    if (seriesUnit)
        o.insert(QStringLiteral("seriesUnit"), cloudWatchUnitName(*seriesUnit));
    o.insert(QStringLiteral("period"), periodSeconds);
    o.insert(QStringLiteral("evaluationPeriods"), evaluationPeriods);
    o.insert(QStringLiteral("datapointsToAlarm"), datapointsToAlarm);
    if (pendingForSeconds != 0)
        o.insert(QStringLiteral("pendingFor"), pendingForSeconds);
    if (keepFiringForSeconds != 0)
        o.insert(QStringLiteral("keepFiringFor"), keepFiringForSeconds);
    o.insert(QStringLiteral("missingData"), missingDataName(missingData));
    if (evaluationDelaySeconds)
        o.insert(QStringLiteral("evaluationDelay"), *evaluationDelaySeconds);

    QJsonObject n;
    n.insert(QStringLiteral("desktop"), notifications.desktop);
    if (!notifications.webhookUrl.isEmpty())
        n.insert(QStringLiteral("webhook"), notifications.webhookUrl.toString(QUrl::FullyEncoded));
    n.insert(QStringLiteral("repeatInterval"), notifications.repeatIntervalSeconds);
    o.insert(QStringLiteral("notifications"), n);
    return o;
}

Result<AlertRule> AlertRule::load(const QString &path) {
    Result<QJsonObject> object = readJsonObjectFile(path);
    if (!object)
        return object.error();
    return fromJson(*object);
}

Result<void> AlertRule::save(const QString &path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write %1.").arg(path), file.errorString()};
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write %1.").arg(path), file.errorString()};
    return {};
}

} // namespace mlwatch
