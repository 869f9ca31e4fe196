#include "gui/time_range_selector.h"

#include <QAction>
#include <QActionGroup>

namespace mlwatch {

namespace {

struct Choice {
    qint64 seconds;
    const char *text;
};

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

} // namespace

TimeRangeSelector::TimeRangeSelector(QWidget *parent)
    : QComboBox(parent) {
    // The texts are listed here for lupdate; tr() translates them at run time.
    const Choice choices[] = {
        {kHour, QT_TR_NOOP("Last 1 hour")},      {6 * kHour, QT_TR_NOOP("Last 6 hours")},
        {kDay, QT_TR_NOOP("Last 24 hours")},     {7 * kDay, QT_TR_NOOP("Last 7 days")},
        {30 * kDay, QT_TR_NOOP("Last 30 days")},
    };
    setAccessibleName(tr("Time range"));
    setToolTip(tr("Time range of every chart (Ctrl+1 … Ctrl+5)"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    int number = 1;
    for (const Choice &choice : choices) {
        const QString text = tr(choice.text);
        addItem(text, choice.seconds);
        auto *action = new QAction(text, this);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        action->setData(choice.seconds);
        group->addAction(action);
        const int index = number - 1;
        connect(action, &QAction::triggered, this, [this, index] { setCurrentIndex(index); });
        m_actions.append(action);
        ++number;
    }
    setCurrentIndex(findData(kDefaultWindowSeconds));
    m_actions.at(currentIndex())->setChecked(true);
    connect(this, &QComboBox::currentIndexChanged, this, &TimeRangeSelector::onIndexChanged);
}

qint64 TimeRangeSelector::windowSeconds() const {
    return currentData().toLongLong();
}

bool TimeRangeSelector::setWindowSeconds(qint64 seconds) {
    const int index = findData(seconds);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

void TimeRangeSelector::onIndexChanged(int index) {
    if (index < 0 || index >= m_actions.size())
        return;
    m_actions.at(index)->setChecked(true);
    Q_EMIT windowSecondsChanged(windowSeconds());
}

} // namespace mlwatch
