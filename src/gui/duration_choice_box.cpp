#include "gui/duration_choice_box.h"

namespace mlwatch {

DurationChoiceBox::DurationChoiceBox(const QString &accessibleName, const QString &toolTip,
                                     const QList<Choice> &choices, QWidget *parent)
    : QComboBox(parent) {
    setAccessibleName(accessibleName);
    setToolTip(toolTip);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Choice &choice : choices)
        addItem(choice.text, choice.seconds);
    setCurrentIndex(0);
}

qint64 DurationChoiceBox::currentSeconds() const {
    return currentData().toLongLong();
}

bool DurationChoiceBox::selectSeconds(qint64 seconds) {
    const int index = findData(seconds);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace mlwatch
