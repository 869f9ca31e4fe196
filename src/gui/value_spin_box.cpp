#include "gui/value_spin_box.h"

#include <QLocale>

namespace mlwatch {

namespace {
constexpr int kDecimals = 6;
constexpr double kLimit = 1e15; // far beyond any metric; keeps the text short
} // namespace

ValueSpinBox::ValueSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent) {
    setDecimals(kDecimals);
    setRange(-kLimit, kLimit);
    setAccelerated(true);
    setGroupSeparatorShown(false); // "1000" edits more easily than "1,000"
}

QString ValueSpinBox::textFromValue(double value) const {
    QLocale l = locale();
    l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
    return l.toString(value, 'f', QLocale::FloatingPointShortest);
}

} // namespace mlwatch
