#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace mlwatch {

// What the engine keeps of one rule across restarts: the evaluator's state and clocks, when the
// state began, and the people-facing marks (acknowledged, snoozed, silenced).
struct AlertPersistedState {
    AlertEvaluator::Snapshot snapshot;
    qint64 sinceMs = 0; // time of the transition into snapshot.state (0: unknown)
    bool acknowledged = false;
    qint64 snoozedUntilMs = 0;  // UTC ms; 0 = not snoozed
    qint64 silencedUntilMs = 0; // UTC ms; 0 = not silenced
};

// The alert history and state on disk, in one directory:
//  - alert-history.jsonl: append-only, one transition per line (UTF-8 JSON, '\n'):
//      {"rule":"…","time":"2026-11-20T12:05:00Z","from":"ok","fromLevel":"","to":"firing",
//       "level":"critical","value":1300,"recordedAt":"2026-11-20T12:07:00Z"}
//    ("value" is null when the period was missing). Lines that do not parse are skipped on load,
//    so a torn last line after a crash costs one entry, not the file.
//  - alert-state.json: the per-rule AlertPersistedState, rewritten atomically (QSaveFile).
// Not thread-safe; lives with the AlertEngine that owns it.
class AlertHistory {
public:
    // Newest transitions kept in memory; the file keeps everything.
    static constexpr qsizetype kMaxInMemory = 100'000;

    // `directory` is created on the first write.
    explicit AlertHistory(QString directory = defaultDirectory());

    // QStandardPaths::AppDataLocation + "/alerts".
    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString historyPath() const;
    QString statePath() const;

    // Reads both files (a missing file is an empty history). Fails only on I/O errors and on a
    // state file that is not ours; malformed history lines are skipped and counted.
    Result<void> load();
    int skippedLines() const { return m_skipped; }

    // Oldest first.
    const QList<AlertTransition> &transitions() const { return m_transitions; }
    Result<void> append(const QList<AlertTransition> &transitions);

    const QHash<QString, AlertPersistedState> &states() const { return m_states; }
    Result<void> saveStates(const QHash<QString, AlertPersistedState> &states);

    // CSV (RFC 4180, '\n', UTF-8), oldest first:
    //   timestamp,rule,from,from_level,to,level,value,recorded_at
    // timestamps ISO 8601 UTC ('Z') as CsvWriter writes them; value shortest round-trip or empty.
    static Result<void> exportCsv(QIODevice &out, const QList<AlertTransition> &transitions);
    Result<void> exportCsv(QIODevice &out) const { return exportCsv(out, m_transitions); }

    static QByteArray toJsonLine(const AlertTransition &transition); // without the '\n'
    static std::optional<AlertTransition> fromJsonLine(const QByteArray &line);

private:
    QString m_directory;
    QList<AlertTransition> m_transitions;
    QHash<QString, AlertPersistedState> m_states;
    int m_skipped = 0;
};

} // namespace mlwatch
