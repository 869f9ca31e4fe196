#include "gui/chart_export_options_dialog.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mlwatch {

namespace {

QGroupBox *group(const QString &title, QRadioButton *first, QRadioButton *second, QWidget *parent) {
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(first);
    layout->addWidget(second);
    first->setChecked(true);
    return box;
}

} // namespace

ChartExportOptionsDialog::ChartExportOptionsDialog(Mode mode, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("chartExportOptionsDialog"));
    setWindowTitle(mode == Mode::Tab ? tr("Export all charts") : tr("Export CSV"));

    m_scale1 = new QRadioButton(tr("&1× (as on screen)"), this);
    m_scale1->setObjectName(QStringLiteral("pngScale1"));
    m_scale2 = new QRadioButton(tr("&2× (sharper, for slides and print)"), this);
    m_scale2->setObjectName(QStringLiteral("pngScale2"));
    m_visible = new QRadioButton(tr("&Visible range"), this);
    m_visible->setObjectName(QStringLiteral("csvVisibleRange"));
    m_whole = new QRadioButton(tr("&Everything loaded"), this);
    m_whole->setObjectName(QStringLiteral("csvWholeRange"));
    m_long = new QRadioButton(tr("&Long: timestamp, series, value, unit (like mlwatch-cli query)"), this);
    m_long->setObjectName(QStringLiteral("csvLongForm"));
    m_wide = new QRadioButton(tr("&Wide: one column per series (for spreadsheets)"), this);
    m_wide->setObjectName(QStringLiteral("csvWideForm"));
    m_raw = new QRadioButton(tr("&Raw, as the cloud reports them"), this);
    m_raw->setObjectName(QStringLiteral("csvRawUnits"));
    m_display = new QRadioButton(tr("As the chart &shows them"), this);
    m_display->setObjectName(QStringLiteral("csvDisplayUnits"));

    auto *layout = new QVBoxLayout(this);
    m_scaleGroup = group(tr("Image size"), m_scale1, m_scale2, this);
    m_scaleGroup->setVisible(mode == Mode::Tab);
    layout->addWidget(m_scaleGroup);
    layout->addWidget(group(tr("Time range (UTC timestamps)"), m_visible, m_whole, this));
    layout->addWidget(group(tr("CSV layout"), m_long, m_wide, this));
    layout->addWidget(group(tr("Units"), m_raw, m_display, this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ChartExportOptionsDialog::setOptions(const ChartExportOptions &options) {
    (options.pngScale >= 1.5 ? m_scale2 : m_scale1)->setChecked(true);
    (options.visibleRangeOnly ? m_visible : m_whole)->setChecked(true);
    (options.csvForm == ChartCsvOptions::Form::Wide ? m_wide : m_long)->setChecked(true);
    (options.csvUnits == ChartCsvOptions::Units::Display ? m_display : m_raw)->setChecked(true);
}

ChartExportOptions ChartExportOptionsDialog::options() const {
    ChartExportOptions o;
    o.pngScale = m_scale2->isChecked() ? 2.0 : 1.0;
    o.visibleRangeOnly = m_visible->isChecked();
    o.csvForm = m_wide->isChecked() ? ChartCsvOptions::Form::Wide : ChartCsvOptions::Form::Long;
    o.csvUnits = m_display->isChecked() ? ChartCsvOptions::Units::Display : ChartCsvOptions::Units::Raw;
    return o;
}

} // namespace mlwatch
