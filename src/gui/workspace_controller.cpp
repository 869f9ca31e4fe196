#include "gui/workspace_controller.h"

#include "core/alerts/alert_engine.h"
#include "core/auth/account.h"
#include "core/common/error.h"
#include "core/session/monitor_session.h"
#include "core/workspace/chart_availability.h"
#include "gui/settings_keys.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace mlwatch {

namespace {

const QString kNoticeKey = QStringLiteral("workspace");

QString fileFilter() {
    return WorkspaceController::tr("MLWatch workspaces (*.json);;All files (*)");
}

} // namespace

WorkspaceController::WorkspaceController(MonitorSession &session, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent) {
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (!m_path.isEmpty() && m_modified)
            reportSaved(WorkspaceFile::save(m_path, snapshot()), m_path);
    });
    connect(&session, &MonitorSession::chartsReady, this, &WorkspaceController::onChartsReady);
    connect(&session.alerts(), &AlertEngine::rulesChanged, this, &WorkspaceController::onChanged);
}

WorkspaceController::~WorkspaceController() = default;

void WorkspaceController::addActionsTo(QMenu *menu, QAction *before) {
    auto *open = new QAction(tr("&Open workspace…"), menu);
    open->setObjectName(QStringLiteral("actionOpenWorkspace"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a workspace file: its charts, accounts and alert rules"));
    open->setStatusTip(open->toolTip());
    connect(open, &QAction::triggered, this, &WorkspaceController::openWithDialog);

    m_recentMenu = new QMenu(tr("Open &recent"), menu);
    m_recentMenu->setObjectName(QStringLiteral("menuRecentWorkspaces"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &WorkspaceController::rebuildRecentMenu);

    auto *save = new QAction(tr("&Save workspace"), menu);
    save->setObjectName(QStringLiteral("actionSaveWorkspace"));
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Save the charts, accounts (without secrets) and alert rules to the workspace file"));
    save->setStatusTip(save->toolTip());
    connect(save, &QAction::triggered, this, &WorkspaceController::saveWithDialog);

    auto *saveAs = new QAction(tr("Save workspace &as…"), menu);
    saveAs->setObjectName(QStringLiteral("actionSaveWorkspaceAs"));
    saveAs->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    saveAs->setToolTip(tr("Save the workspace to a new file"));
    saveAs->setStatusTip(saveAs->toolTip());
    connect(saveAs, &QAction::triggered, this, &WorkspaceController::saveAsWithDialog);

    menu->insertAction(before, open);
    menu->insertMenu(before, m_recentMenu);
    menu->insertAction(before, save);
    menu->insertAction(before, saveAs);
    menu->insertSeparator(before);
    rebuildRecentMenu();
}

QStringList WorkspaceController::recentFiles() const {
    return QSettings().value(SettingsKeys::kWorkspaceRecent).toStringList();
}

bool WorkspaceController::open(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<Workspace> read = WorkspaceFile::load(absolute);
    if (!read) {
        const Error &e = read.error();
        if (e.code == ErrorCode::Io && !QFileInfo::exists(absolute))
            forget(absolute);
        const QString detail = e.detail.isEmpty() ? e.message : e.message + QLatin1Char('\n') + e.detail;
        Q_EMIT noticeRaised(kNoticeKey, tr("Workspace %1 not opened").arg(QFileInfo(absolute).fileName()),
                            tr("%1\n\nThe charts and rules you had stay as they were.").arg(detail));
        return false;
    }
    Q_EMIT noticeCleared(kNoticeKey);
    m_autosave->stop();
    m_base = *read;
    remember(absolute);
    setDocument(absolute, false);
    if (discoveryAnswered())
        apply(*read);
    else
        m_pending = *read;
    return true;
}

bool WorkspaceController::openLast() {
    const QString last = QSettings().value(SettingsKeys::kWorkspaceLast).toString();
    return !last.isEmpty() && open(last);
}

Result<void> WorkspaceController::saveAs(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const Result<void> written = WorkspaceFile::save(absolute, snapshot());
    if (written) {
        m_pending.reset(); // what is saved is what the session shows now
        remember(absolute);
    }
    reportSaved(written, absolute);
    return written;
}

Result<void> WorkspaceController::save() {
    if (m_path.isEmpty())
        return Error{ErrorCode::BadArgument, tr("There is no workspace file yet: use Save workspace as…"),
                     QString()};
    return saveAs(m_path);
}

Workspace WorkspaceController::snapshot() const {
    Workspace ws = m_pending ? *m_pending : m_base;
    if (m_pending) // not applied yet: the file's charts and rules are still what it holds
        return ws;
    ws.charts = m_session.charts();
    ws.rules = m_session.alerts().rules();
    // Accounts by reference: every account a chart or rule names is listed (id and kind; its
    // secrets stay in this machine's keychain). The primary AWS account has no id and needs none.
    QSet<QString> listed;
    for (const WorkspaceAccount &a : std::as_const(ws.accounts))
        listed.insert(a.id);
    for (const SessionAccount &a : m_session.accounts()) {
        // An extra AWS account would need a region this reference cannot give.
        if (a.id.isEmpty() || listed.contains(a.id) || a.kind == AccountKind::Aws)
            continue;
        WorkspaceAccount ref;
        ref.id = a.id;
        ref.kind = accountKindId(a.kind);
        ws.accounts.append(ref);
        listed.insert(a.id);
    }
    // A rule on an account that is not listed would make the file unreadable: keep only rules
    // whose account is listed (the others belong to this machine's accounts alone).
    QList<AlertRule> rules;
    for (const AlertRule &r : std::as_const(ws.rules))
        if (r.account.isEmpty() || listed.contains(r.account))
            rules.append(r);
    ws.rules = rules;
    return ws;
}

int WorkspaceController::autosaveDelayMs() const {
    return m_autosave->interval();
}

void WorkspaceController::setAutosaveDelayMs(int ms) {
    m_autosave->setInterval(ms);
}

void WorkspaceController::onChartsReady() {
    if (m_applying)
        return;
    if (m_pending) {
        const Workspace pending = *m_pending;
        m_pending.reset();
        apply(pending);
        return;
    }
    onChanged();
}

void WorkspaceController::onChanged() {
    if (m_applying || m_path.isEmpty() || !discoveryAnswered())
        return;
    setDocument(m_path, true);
    m_autosave->start(); // restarts: written once the changes settle
}

void WorkspaceController::apply(const Workspace &workspace) {
    m_applying = true;
    if (workspace.charts)
        m_session.setCharts(ChartAvailability::mark(*workspace.charts, m_session.discovered()));
    QStringList refused;
    for (const AlertRule &rule : workspace.rules)
        if (const Result<void> added = m_session.alerts().addOrReplaceRule(rule); !added)
            refused.append(added.error().message);
    m_applying = false;
    if (!refused.isEmpty())
        Q_EMIT noticeRaised(kNoticeKey,
                            tr("Some rules of %1 were not added").arg(QFileInfo(m_path).fileName()),
                            refused.join(QLatin1Char('\n')));
    setDocument(m_path, false);
    Q_EMIT applied(m_path);
}

bool WorkspaceController::discoveryAnswered() const {
    const QList<DiscoveredAccount> discovered = m_session.discovered();
    return std::any_of(discovered.cbegin(), discovered.cend(),
                       [](const DiscoveredAccount &a) { return a.listed; });
}

void WorkspaceController::setDocument(const QString &path, bool modified) {
    if (path == m_path && modified == m_modified)
        return;
    m_path = path;
    m_modified = modified;
    Q_EMIT documentChanged();
}

void WorkspaceController::remember(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(SettingsKeys::kWorkspaceRecent).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(SettingsKeys::kWorkspaceRecent, recent);
    settings.setValue(SettingsKeys::kWorkspaceLast, path);
    rebuildRecentMenu();
}

void WorkspaceController::forget(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(SettingsKeys::kWorkspaceRecent).toStringList();
    recent.removeAll(path);
    settings.setValue(SettingsKeys::kWorkspaceRecent, recent);
    if (settings.value(SettingsKeys::kWorkspaceLast).toString() == path)
        settings.remove(SettingsKeys::kWorkspaceLast);
    rebuildRecentMenu();
}

void WorkspaceController::rebuildRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        const QFileInfo info(path);
        // "&1 team.json": the digit is the mnemonic; the full path is in the tooltip.
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(info.fileName()));
        action->setData(path);
        if (info.exists()) {
            action->setToolTip(path);
        } else {
            action->setEnabled(false); // greyed: opening it again would only fail
            action->setToolTip(tr("%1 (not found)").arg(path));
        }
        action->setStatusTip(action->toolTip());
        connect(action, &QAction::triggered, this, [this, path] { (void)open(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear list"));
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(SettingsKeys::kWorkspaceRecent);
        rebuildRecentMenu();
    });
}

void WorkspaceController::openWithDialog() {
    const QString start = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(m_dialogParent, tr("Open workspace"), start, fileFilter());
    if (!path.isEmpty())
        (void)open(path);
}

void WorkspaceController::saveWithDialog() {
    if (m_path.isEmpty())
        saveAsWithDialog();
    else
        (void)save();
}

void WorkspaceController::saveAsWithDialog() {
    const QString start = m_path.isEmpty() ? tr("workspace.json") : m_path;
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, tr("Save workspace as"), start, fileFilter());
    if (!path.isEmpty())
        (void)saveAs(path);
}

void WorkspaceController::reportSaved(const Result<void> &written, const QString &path) {
    if (!written) {
        Q_EMIT noticeRaised(
            kNoticeKey, tr("Workspace %1 not saved").arg(QFileInfo(path).fileName()),
            tr("%1\n\nYour charts and rules are unchanged in MLWatch; the file on disk is "
               "the one saved before.")
                .arg(written.error().detail.isEmpty()
                         ? written.error().message
                         : written.error().message + QLatin1Char('\n') + written.error().detail));
        return;
    }
    m_autosave->stop();
    Q_EMIT noticeCleared(kNoticeKey);
    setDocument(path, false);
    Q_EMIT saved(path);
}

} // namespace mlwatch
