#include "gui/custom_range_dialog.h"

#include "charts/chart_axes.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace mlwatch {

namespace {

QDateTimeEdit *makeEdit(const QString &accessibleName, QWidget *parent) {
    auto *edit = new QDateTimeEdit(parent);
    edit->setAccessibleName(accessibleName);
    edit->setTimeSpec(Qt::LocalTime);
    edit->setCalendarPopup(true);
    // The locale's short date with a four-digit year (a two-digit one is ambiguous in an editor).
    QString date = QLocale().dateFormat(QLocale::ShortFormat);
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    edit->setDisplayFormat(date + QLatin1Char(' ') + QLocale().timeFormat(QLocale::ShortFormat));
    return edit;
}

} // namespace

CustomRangeDialog::CustomRangeDialog(const TimeRange &initial, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Custom time range"));
    m_from = makeEdit(tr("From"), this);
    m_from->setObjectName(QStringLiteral("customRangeFrom"));
    m_to = makeEdit(tr("To"), this);
    m_to->setObjectName(QStringLiteral("customRangeTo"));
    m_zone = new QLabel(this);
    m_zone->setObjectName(QStringLiteral("customRangeZone"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("customRangeProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_zone);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::validate);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::validate);
    setRange(initial);
}

TimeRange CustomRangeDialog::range() const {
    return TimeRange{m_from->dateTime().toUTC().toMSecsSinceEpoch(),
                     m_to->dateTime().toUTC().toMSecsSinceEpoch()};
}

void CustomRangeDialog::setRange(const TimeRange &range) {
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(range.startMs, Qt::UTC).toLocalTime());
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(range.endMs, Qt::UTC).toLocalTime());
    validate();
}

void CustomRangeDialog::validate() {
    const TimeRange r = range();
    m_zone->setText(tr("Times in %1").arg(localZoneLabel(r.endMs)));
    const bool ok = r.isValid();
    m_problem->setText(ok ? QString() : tr("The end must be after the start."));
    m_problem->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace mlwatch
