#include "core/alerts/alert_history.h"

#include "core/export/csv_writer.h"
#include "core/workspace/json_object_reader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::AlertHistory", text);
}

const char kStateFormat[] = "mlwatch-alert-state";
constexpr int kStateVersion = 1;

QString isoUtc(qint64 ms) {
    char buffer[CsvWriter::kMaxIsoChars];
    const int n = CsvWriter::formatIsoUtc(ms, buffer);
    return QString::fromLatin1(buffer, n);
}

// An ISO time, or null for "never" / "unknown".
QJsonValue timeValue(qint64 ms, qint64 none) {
    return ms == none ? QJsonValue(QJsonValue::Null) : QJsonValue(isoUtc(ms));
}

std::optional<qint64> parseIso(const QJsonValue &v) {
    if (!v.isString())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

qint64 timeOr(const QJsonValue &v, qint64 none) {
    return parseIso(v).value_or(none);
}

std::optional<AlertState> parseState(const QJsonValue &kind, const QJsonValue &level) {
    const std::optional<AlertStateKind> k = alertStateFromName(kind.toString());
    const std::optional<AlertLevel> l = alertLevelFromName(level.toString());
    if (!kind.isString() || !k || !l)
        return std::nullopt;
    return AlertState{*k, *l};
}

Error ioError(const QString &path, const QString &detail) {
    return Error{ErrorCode::Io, tr("Cannot write the alert history %1.").arg(path), detail};
}

} // namespace

AlertHistory::AlertHistory(QString directory)
    : m_directory(std::move(directory)) {}

QString AlertHistory::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/alerts");
}

QString AlertHistory::historyPath() const {
    return m_directory + QStringLiteral("/alert-history.jsonl");
}

QString AlertHistory::statePath() const {
    return m_directory + QStringLiteral("/alert-state.json");
}

QByteArray AlertHistory::toJsonLine(const AlertTransition &t) {
    QJsonObject o;
    o.insert(QStringLiteral("rule"), t.ruleId);
    o.insert(QStringLiteral("time"), isoUtc(t.timeMs));
    o.insert(QStringLiteral("from"), alertStateName(t.from.kind));
    o.insert(QStringLiteral("fromLevel"), alertLevelName(t.from.level));
    o.insert(QStringLiteral("to"), alertStateName(t.to.kind));
    o.insert(QStringLiteral("level"), alertLevelName(t.to.level));
    o.insert(QStringLiteral("value"),
             std::isfinite(t.value) ? QJsonValue(t.value) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("recordedAt"), timeValue(t.recordedAtMs, 0));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<AlertTransition> AlertHistory::fromJsonLine(const QByteArray &line) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    AlertTransition t;
    t.ruleId = o.value(QStringLiteral("rule")).toString();
    const std::optional<qint64> time = parseIso(o.value(QStringLiteral("time")));
    const std::optional<AlertState> from =
        parseState(o.value(QStringLiteral("from")), o.value(QStringLiteral("fromLevel")));
    const std::optional<AlertState> to =
        parseState(o.value(QStringLiteral("to")), o.value(QStringLiteral("level")));
    if (t.ruleId.isEmpty() || !time || !from || !to)
        return std::nullopt;
    t.timeMs = *time;
    t.from = *from;
    t.to = *to;
    const QJsonValue value = o.value(QStringLiteral("value"));
    if (value.isDouble())
        t.value = value.toDouble();
    t.recordedAtMs = timeOr(o.value(QStringLiteral("recordedAt")), 0);
    return t;
}

Result<void> AlertHistory::load() {
    m_transitions.clear();
    m_states.clear();
    m_skipped = 0;

    QFile history(historyPath());
    if (history.exists()) {
        if (!history.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, tr("Cannot read the alert history %1.").arg(historyPath()),
                         history.errorString()};
        while (!history.atEnd()) {
            const QByteArray line = history.readLine().trimmed();
            if (line.isEmpty())
                continue;
            if (std::optional<AlertTransition> t = fromJsonLine(line))
                m_transitions.append(std::move(*t));
            else
                ++m_skipped;
        }
        if (m_transitions.size() > kMaxInMemory)
            m_transitions.remove(0, m_transitions.size() - kMaxInMemory);
    }

    if (!QFile::exists(statePath()))
        return {};
    Result<QJsonObject> doc = readJsonObjectFile(statePath());
    if (!doc)
        return doc.error();
    if (doc->value(QStringLiteral("format")).toString() != QLatin1String(kStateFormat) ||
        doc->value(QStringLiteral("version")).toInt() != kStateVersion)
        return Error{ErrorCode::BadArgument,
                     tr("%1 is not an alert state file this version reads.").arg(statePath()), QString()};
    const QJsonObject rules = doc->value(QStringLiteral("rules")).toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        const std::optional<AlertState> state =
            parseState(o.value(QStringLiteral("state")), o.value(QStringLiteral("level")));
        if (!state)
            continue; // one unreadable rule does not cost the others their state
        AlertPersistedState s;
        s.snapshot.state = *state;
        s.snapshot.pendingSinceMs = timeOr(o.value(QStringLiteral("pendingSince")), AlertEvaluator::kNever);
        s.snapshot.clearedSinceMs = timeOr(o.value(QStringLiteral("clearedSince")), AlertEvaluator::kNever);
        s.snapshot.lastPeriodMs = timeOr(o.value(QStringLiteral("lastPeriod")), AlertEvaluator::kNever);
        if (o.value(QStringLiteral("lastValue")).isDouble())
            s.snapshot.lastValue = o.value(QStringLiteral("lastValue")).toDouble();
        s.sinceMs = timeOr(o.value(QStringLiteral("since")), 0);
        s.acknowledged = o.value(QStringLiteral("acknowledged")).toBool();
        s.snoozedUntilMs = timeOr(o.value(QStringLiteral("snoozedUntil")), 0);
        s.silencedUntilMs = timeOr(o.value(QStringLiteral("silencedUntil")), 0);
        m_states.insert(it.key(), s);
    }
    return {};
}

Result<void> AlertHistory::append(const QList<AlertTransition> &transitions) {
    if (transitions.isEmpty())
        return {};
    if (!QDir().mkpath(m_directory))
        return ioError(historyPath(), tr("cannot create the directory"));
    QFile file(historyPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return ioError(historyPath(), file.errorString());
    QByteArray bytes;
    for (const AlertTransition &t : transitions)
        bytes += toJsonLine(t) + '\n';
    // One write per batch: a crash tears at most the last line, which load() skips.
    if (file.write(bytes) != bytes.size() || !file.flush())
        return ioError(historyPath(), file.errorString());
    m_transitions.append(transitions);
    if (m_transitions.size() > kMaxInMemory)
        m_transitions.remove(0, m_transitions.size() - kMaxInMemory);
    return {};
}

Result<void> AlertHistory::saveStates(const QHash<QString, AlertPersistedState> &states) {
    m_states = states;
    QJsonObject rules;
    for (auto it = states.begin(); it != states.end(); ++it) {
        const AlertPersistedState &s = it.value();
        QJsonObject o;
        o.insert(QStringLiteral("state"), alertStateName(s.snapshot.state.kind));
        o.insert(QStringLiteral("level"), alertLevelName(s.snapshot.state.level));
        o.insert(QStringLiteral("since"), timeValue(s.sinceMs, 0));
        o.insert(QStringLiteral("pendingSince"),
                 timeValue(s.snapshot.pendingSinceMs, AlertEvaluator::kNever));
        o.insert(QStringLiteral("clearedSince"),
                 timeValue(s.snapshot.clearedSinceMs, AlertEvaluator::kNever));
        o.insert(QStringLiteral("lastPeriod"), timeValue(s.snapshot.lastPeriodMs, AlertEvaluator::kNever));
        o.insert(QStringLiteral("lastValue"), std::isfinite(s.snapshot.lastValue)
                                                  ? QJsonValue(s.snapshot.lastValue)
                                                  : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("acknowledged"), s.acknowledged);
        o.insert(QStringLiteral("snoozedUntil"), timeValue(s.snoozedUntilMs, 0));
        o.insert(QStringLiteral("silencedUntil"), timeValue(s.silencedUntilMs, 0));
        rules.insert(it.key(), o);
    }
    QJsonObject doc;
    doc.insert(QStringLiteral("format"), QLatin1String(kStateFormat));
    doc.insert(QStringLiteral("version"), kStateVersion);
    doc.insert(QStringLiteral("rules"), rules);

    if (!QDir().mkpath(m_directory))
        return ioError(statePath(), tr("cannot create the directory"));
    QSaveFile file(statePath());
    if (!file.open(QIODevice::WriteOnly))
        return ioError(statePath(), file.errorString());
    file.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return ioError(statePath(), file.errorString());
    return {};
}

Result<void> AlertHistory::exportCsv(QIODevice &out, const QList<AlertTransition> &transitions) {
    QByteArray bytes = "timestamp,rule,from,from_level,to,level,value,recorded_at\n";
    char number[CsvWriter::kMaxDoubleChars];
    char time[CsvWriter::kMaxIsoChars];
    for (const AlertTransition &t : transitions) {
        bytes.append(time, CsvWriter::formatIsoUtc(t.timeMs, time));
        bytes += ',' + CsvWriter::field(t.ruleId) + ',' + alertStateName(t.from.kind).toLatin1() + ',' +
                 alertLevelName(t.from.level).toLatin1() + ',' + alertStateName(t.to.kind).toLatin1() + ',' +
                 alertLevelName(t.to.level).toLatin1() + ',';
        if (std::isfinite(t.value))
            bytes.append(number, CsvWriter::formatDouble(t.value, number));
        bytes += ',';
        if (t.recordedAtMs != 0)
            bytes.append(time, CsvWriter::formatIsoUtc(t.recordedAtMs, time));
        bytes += '\n';
    }
    if (out.write(bytes) != bytes.size())
        return Error{ErrorCode::Io, tr("Cannot write the alert history export."), out.errorString()};
    return {};
}

} // namespace mlwatch
