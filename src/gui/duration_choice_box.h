#pragma once

#include <QComboBox>
#include <QList>
#include <QString>

namespace mlwatch {

// A combo box of named durations, each choice's seconds its item data, sized to its contents.
// The shared part of the time toolbar's choice boxes (ComparePeriodSelector,
// RefreshIntervalSelector), which add their own typed accessors and change signal.
class DurationChoiceBox : public QComboBox {
    Q_OBJECT
public:
    struct Choice {
        QString text;
        qint64 seconds = 0;
    };

protected:
    // Lists the choices in this order and selects the first.
    DurationChoiceBox(const QString &accessibleName, const QString &toolTip, const QList<Choice> &choices,
                      QWidget *parent);

    qint64 currentSeconds() const;
    // Selects the choice with exactly these seconds; other values are ignored (returns false).
    bool selectSeconds(qint64 seconds);
};

} // namespace mlwatch
