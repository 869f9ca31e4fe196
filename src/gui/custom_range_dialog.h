#pragma once

#include "core/model/time_range.h"

#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace mlwatch {

// "Custom range…": a fixed time range, entered in the system's local time with the zone named
// beside it ("Times in CET (UTC+1)"). The range is returned in UTC; OK is enabled only while the
// end is after the start. The charts then show that range and do not auto-refresh.
class CustomRangeDialog : public QDialog {
    Q_OBJECT
public:
    // `initial` fills the two fields (e.g. the window shown now).
    explicit CustomRangeDialog(const TimeRange &initial, QWidget *parent = nullptr);

    TimeRange range() const; // [from, to) in ms since the epoch, UTC
    void setRange(const TimeRange &range);

    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }

private:
    void validate();

    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_zone = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mlwatch
