#pragma once

#include <QDoubleSpinBox>

namespace mlwatch {

// A spin box for a threshold in display units: shows the shortest text that gives the value back
// ("1000", "0.05", "92.5") in the user's locale instead of a fixed number of decimals
// ("1,000.000"), and accepts up to six decimals.
class ValueSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit ValueSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
};

} // namespace mlwatch
