#pragma once

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace mlwatch {

class Clock;
class MonitorSession;
class WeeklyReport;
struct Error;
struct ReportRequest;

// File → Weekly review…: the week (an ISO week, newest complete first), the time zone it is
// read in, the output folder and the formats; then the report runs with a progress bar and
// Cancel. A folder that is not empty is written only after the user agrees to overwrite the
// report's files in it. The session and the clock must outlive the dialog.
//
// Alert sections: the session's recorded alert history when it reaches back to the week,
// otherwise its rules replayed over the week's data (the report says which).
class WeeklyReviewDialog : public QDialog {
    Q_OBJECT
public:
    // How many complete weeks the picker offers.
    static constexpr int kWeeksOffered = 12;

    WeeklyReviewDialog(MonitorSession &session, const Clock &clock, QWidget *parent = nullptr);
    ~WeeklyReviewDialog() override;

    // The choices, for tests and for callers that preset them.
    QString weekText() const; // "2026-W46"
    void setWeekText(const QString &isoWeek);
    QString timeZoneId() const;
    void setTimeZoneId(const QString &id);
    QString outputDir() const;
    void setOutputDir(const QString &dir);
    void setFormats(bool pdf, bool png, bool csv);

    bool isRunning() const;
    QString statusText() const;

    // What start() would ask for (the session's charts and rules, the chosen week and zone).
    ReportRequest request() const;

public Q_SLOTS:
    // Starts the report (the "Create report" button). `overwrite` skips the question about a
    // folder that is not empty.
    void start(bool overwrite = false);
    void cancel();

Q_SIGNALS:
    // After every run: success, or the error (cancelled included).
    void reportFinished(bool ok, const QString &message);

protected:
    void reject() override; // Esc / Close while running cancels first

private:
    void fillWeeks();
    void suggestFolder();
    void setRunning(bool running);
    void finishRun(bool ok, const QString &message);

    MonitorSession &m_session;
    const Clock &m_clock;
    QComboBox *m_week = nullptr;
    QComboBox *m_zone = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_pdf = nullptr;
    QCheckBox *m_png = nullptr;
    QCheckBox *m_csv = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_openFolder = nullptr;
    bool m_folderEdited = false; // stop suggesting once the user chose a folder
    std::unique_ptr<WeeklyReport> m_report;
};

} // namespace mlwatch
