#pragma once

#include "gui/chart_exporter.h"

#include <QDialog>

class QRadioButton;
class QGroupBox;

namespace mlwatch {

// Asks what a CSV export (or a whole tab's export) should contain: the visible range or every
// loaded point, long or wide form, raw or display units — and, for a tab, the PNG scale.
// Returns a value; writes nothing. Every choice is a radio button with a mnemonic, so the
// dialog works from the keyboard alone.
class ChartExportOptionsDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Csv, Tab };

    explicit ChartExportOptionsDialog(Mode mode, QWidget *parent = nullptr);

    void setOptions(const ChartExportOptions &options);
    ChartExportOptions options() const;

private:
    QGroupBox *m_scaleGroup = nullptr;
    QRadioButton *m_scale1 = nullptr;
    QRadioButton *m_scale2 = nullptr;
    QRadioButton *m_visible = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_long = nullptr;
    QRadioButton *m_wide = nullptr;
    QRadioButton *m_raw = nullptr;
    QRadioButton *m_display = nullptr;
};

} // namespace mlwatch
