#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_file.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QAction;
class QMenu;
class QTimer;
class QWidget;

namespace mlwatch {

class MonitorSession;

// The workspace file the window works on (docs/workspace-format.md): File → Open workspace…,
// Open recent ▸, Save workspace, Save workspace as…, and autosave of the current file.
//
// Opening reads the whole file first: a malformed or newer-version file changes nothing and is
// reported with noticeRaised() (the file and the problem; never a modal box). A file that reads
// is applied once the session's discovery has answered (at once when it has): its charts replace
// the session's — those naming an account, resource or metric this machine cannot see stay as
// placeholders (ChartAvailability) — and its rules are added to the alert engine. A version 1
// file (no charts) leaves the charts as they are.
//
// Autosave: with a current file, every later change of the session's charts or rules marks the
// workspace modified and writes it (atomically, WorkspaceFile::save) autosaveDelayMs() after
// the last change. Recent files (the last kMaxRecent, newest first) and the last file are kept
// in QSettings as paths only, never content.
class WorkspaceController : public QObject {
    Q_OBJECT
public:
    static constexpr int kAutosaveDelayMs = 2'000;
    static constexpr int kMaxRecent = 8;

    // `session` must outlive the controller; `dialogParent` parents the file dialogs (may be null).
    WorkspaceController(MonitorSession &session, QWidget *dialogParent, QObject *parent = nullptr);
    ~WorkspaceController() override;

    // Adds the workspace entries to `menu` before `before` (appended when null), with their
    // shortcuts: Ctrl+O, Ctrl+S, Ctrl+Shift+S.
    void addActionsTo(QMenu *menu, QAction *before);

    QString currentPath() const { return m_path; }
    bool isModified() const { return m_modified; }
    QStringList recentFiles() const;
    // The actions of Open recent ▸ as it shows now (a file that is gone is greyed out).
    QMenu *recentMenu() const { return m_recentMenu; }

    // Reads `path` and makes it the current file (see the class comment). False, with
    // noticeRaised(), when it cannot be read; a file that is gone leaves the recent list.
    bool open(const QString &path);
    // Opens the last workspace of the previous run when there was one and it still reads.
    bool openLast();
    // Writes the session's charts and rules (and what the file had besides) to `path`, which
    // becomes the current file.
    Result<void> saveAs(const QString &path);
    // Writes the current file; BadArgument when there is none.
    Result<void> save();
    // What save() would write now.
    Workspace snapshot() const;

    int autosaveDelayMs() const;
    void setAutosaveDelayMs(int ms);

Q_SIGNALS:
    // The current file or its modified mark changed (the window title follows).
    void documentChanged();
    // A problem to show without blocking (key: replaces an earlier notice with the same key).
    void noticeRaised(const QString &key, const QString &shortText, const QString &fullText);
    void noticeCleared(const QString &key);
    // A workspace's charts and rules reached the session.
    void applied(const QString &path);
    void saved(const QString &path);

private:
    void onChartsReady();
    void onChanged();
    void apply(const Workspace &workspace);
    bool discoveryAnswered() const;
    void setDocument(const QString &path, bool modified);
    void remember(const QString &path);
    void forget(const QString &path);
    void rebuildRecentMenu();
    void openWithDialog();
    void saveWithDialog();
    void saveAsWithDialog();
    void reportSaved(const Result<void> &saved, const QString &path);

    MonitorSession &m_session;
    QWidget *m_dialogParent = nullptr;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_autosave = nullptr;
    QString m_path;
    bool m_modified = false;
    bool m_applying = false;            // our own setCharts()/rules: not a change to save
    Workspace m_base;                   // the file as read: its accounts and unknown members are written back
    std::optional<Workspace> m_pending; // read before discovery answered: applied on chartsReady
};

} // namespace mlwatch
