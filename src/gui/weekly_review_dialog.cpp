#include "gui/weekly_review_dialog.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/common/clock.h"
#include "core/providers/metric_provider.h"
#include "core/session/monitor_session.h"
#include "report/report_text.h"
#include "report/weekly_report.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace mlwatch {

WeeklyReviewDialog::WeeklyReviewDialog(MonitorSession &session, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_clock(clock) {
    setWindowTitle(tr("Weekly review"));
    setObjectName(QStringLiteral("weeklyReviewDialog"));

    m_zone = new QComboBox(this);
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setCurrentText(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    m_zone->setAccessibleName(tr("Time zone"));

    m_week = new QComboBox(this);
    m_week->setAccessibleName(tr("Week"));

    m_folder = new QLineEdit(this);
    m_folder->setAccessibleName(tr("Output folder"));
    m_browse = new QPushButton(tr("Choose…"), this);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);

    m_pdf = new QCheckBox(tr("PDF report"), this);
    m_png = new QCheckBox(tr("PNG per chart"), this);
    m_csv = new QCheckBox(tr("CSV data and summary"), this);
    for (QCheckBox *box : {m_pdf, m_png, m_csv})
        box->setChecked(true);
    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_pdf);
    formatRow->addWidget(m_png);
    formatRow->addWidget(m_csv);
    formatRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Week:"), m_week);
    form->addRow(tr("Time &zone:"), m_zone);
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder); // a row of a layout gets no buddy from addRow()
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("Formats:"), formatRow);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_create = m_buttons->addButton(tr("&Create report"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    m_openFolder = m_buttons->addButton(tr("&Open folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    fillWeeks();
    suggestFolder();

    connect(m_zone, &QComboBox::currentTextChanged, this, [this] { fillWeeks(); });
    connect(m_week, &QComboBox::currentIndexChanged, this, [this] { suggestFolder(); });
    connect(m_folder, &QLineEdit::textEdited, this, [this] { m_folderEdited = true; });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the weekly review"), outputDir());
        if (!dir.isEmpty())
            setOutputDir(dir);
    });
    connect(m_create, &QPushButton::clicked, this, [this] { start(false); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WeeklyReviewDialog::reject);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(outputDir())); });
}

WeeklyReviewDialog::~WeeklyReviewDialog() = default;

void WeeklyReviewDialog::fillWeeks() {
    const QTimeZone zone(timeZoneId().toUtf8());
    if (!zone.isValid())
        return;
    const QString previous = weekText();
    const ReportText text(locale(), zone);
    const QSignalBlocker block(m_week);
    m_week->clear();
    ReportWeek week = ReportWeek::lastCompleteWeek(m_clock.nowMs(), zone);
    for (int i = 0; i < kWeeksOffered && week.isValid(); ++i) {
        m_week->addItem(tr("%1 (%2)").arg(week.isoWeekText(), text.dayRange(week)), week.isoWeekText());
        week = ReportWeek::lastCompleteWeek(week.range().startMs, zone); // the one before
    }
    const int keep = m_week->findData(previous);
    m_week->setCurrentIndex(keep >= 0 ? keep : 0);
    suggestFolder();
}

void WeeklyReviewDialog::suggestFolder() {
    if (m_folderEdited)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = documents.isEmpty() ? QDir::homePath() : documents;
    m_folder->setText(QDir(base).filePath(tr("MLWatch weekly review %1").arg(weekText())));
}

QString WeeklyReviewDialog::weekText() const {
    return m_week->currentData().toString();
}

void WeeklyReviewDialog::setWeekText(const QString &isoWeek) {
    const int index = m_week->findData(isoWeek);
    if (index >= 0)
        m_week->setCurrentIndex(index);
}

QString WeeklyReviewDialog::timeZoneId() const {
    return m_zone->currentText().trimmed();
}

void WeeklyReviewDialog::setTimeZoneId(const QString &id) {
    m_zone->setCurrentText(id);
}

QString WeeklyReviewDialog::outputDir() const {
    return m_folder->text().trimmed();
}

void WeeklyReviewDialog::setOutputDir(const QString &dir) {
    m_folderEdited = true;
    m_folder->setText(QDir::toNativeSeparators(dir));
}

void WeeklyReviewDialog::setFormats(bool pdf, bool png, bool csv) {
    m_pdf->setChecked(pdf);
    m_png->setChecked(png);
    m_csv->setChecked(csv);
}

bool WeeklyReviewDialog::isRunning() const {
    return m_report != nullptr;
}

QString WeeklyReviewDialog::statusText() const {
    return m_status->text();
}

ReportRequest WeeklyReviewDialog::request() const {
    ReportRequest request;
    request.nowMs = m_clock.nowMs();
    const QTimeZone zone(timeZoneId().toUtf8());
    const Result<ReportWeek> week = ReportWeek::fromIsoWeekText(weekText(), zone);
    if (week)
        request.week = *week;
    MetricProvider &provider = m_session.provider();
    request.workspaceName = provider.accountLabel();
    request.accounts.append(ReportAccount{provider.accountLabel(), &provider, m_session.charts()});
    const AlertEngine &alerts = m_session.alerts();
    request.rules = alerts.rules();
    // The recorded history counts only when it reaches back to the week: otherwise (a first run,
    // an older week) the rules are replayed over the week's data, and the report says so.
    if (const AlertHistory *history = alerts.history()) {
        const QList<AlertTransition> &recorded = history->transitions();
        if (!recorded.isEmpty() && recorded.constFirst().timeMs < request.week.range().endMs)
            request.history = recorded;
    }
    return request;
}

void WeeklyReviewDialog::start(bool overwrite) {
    if (m_report)
        return;
    m_openFolder->setVisible(false);
    if (!QTimeZone::isTimeZoneIdAvailable(timeZoneId().toUtf8())) {
        finishRun(
            false,
            tr("\"%1\" is not a time zone. Choose one from the list, e.g. Europe/Berlin.").arg(timeZoneId()));
        return;
    }
    if (m_session.charts().isEmpty()) {
        finishRun(false, tr("There are no charts yet: wait until the account's resources are listed."));
        return;
    }
    const QString dir = outputDir();
    bool force = overwrite;
    if (!force && QDir(dir).exists() &&
        !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const auto answer = QMessageBox::question(
            this, tr("Folder is not empty"),
            tr("%1 is not empty. Overwrite the report's files in it? Other files stay as they are.")
                .arg(QDir::toNativeSeparators(dir)));
        if (answer != QMessageBox::Yes)
            return;
        force = true;
    }
    WeeklyReportOptions options;
    options.outputDir = dir;
    options.formats = WeeklyReportFormats{m_pdf->isChecked(), m_png->isChecked(), m_csv->isChecked()};
    options.locale = locale();
    m_report = std::make_unique<WeeklyReport>(request(), options);
    connect(m_report.get(), &WeeklyReport::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        if (m_report && done >= m_report->fetchSteps())
            m_status->setText(tr("Writing the report…"));
    });
    setRunning(true);
    m_status->setText(tr("Fetching this week and last week…"));
    m_report->start(force, [this](Result<void> result) {
        // Called from inside the report: it is deleted once control is back in the event loop.
        m_report.release()->deleteLater();
        if (result)
            finishRun(true, tr("The weekly review is in %1.").arg(QDir::toNativeSeparators(outputDir())));
        else
            finishRun(false, result.error().message);
    });
}

void WeeklyReviewDialog::cancel() {
    if (m_report)
        m_report->cancel();
}

void WeeklyReviewDialog::reject() {
    if (m_report) {
        cancel();
        return;
    }
    QDialog::reject();
}

void WeeklyReviewDialog::setRunning(bool running) {
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_week, m_zone, m_folder, m_browse, m_pdf, m_png, m_csv, m_create})
        w->setEnabled(!running);
    m_progress->setVisible(running);
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close))
        close->setText(running ? tr("Cancel") : tr("Close"));
}

void WeeklyReviewDialog::finishRun(bool ok, const QString &message) {
    setRunning(false);
    m_status->setText(message);
    m_openFolder->setVisible(ok);
    Q_EMIT reportFinished(ok, message);
}

} // namespace mlwatch
