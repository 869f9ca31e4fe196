#include "gui/time_range_selector.h"

#include "charts/chart_axes.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QLocale>
#include <QSignalBlocker>

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
    setToolTip(tr("Time range of every chart (Ctrl+1 … Ctrl+5; a custom range: Ctrl+6)"));
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
    m_customIndex = count();
    addItem(tr("Custom range…"), qint64(-1));
    m_customAction = new QAction(tr("Custom range…"), this);
    m_customAction->setObjectName(QStringLiteral("actionCustomRange"));
    m_customAction->setCheckable(true);
    m_customAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    group->addAction(m_customAction);
    connect(m_customAction, &QAction::triggered, this, [this] {
        // Until a range is chosen the check stays where it was.
        m_customAction->setChecked(isCustom());
        if (!isCustom() && m_lastPresetIndex < m_actions.size())
            m_actions.at(m_lastPresetIndex)->setChecked(true);
        Q_EMIT customRangeRequested();
    });

    setCurrentIndex(findData(kDefaultWindowSeconds));
    m_lastPresetIndex = currentIndex();
    m_actions.at(currentIndex())->setChecked(true);
    connect(this, &QComboBox::currentIndexChanged, this, &TimeRangeSelector::onIndexChanged);
    // activated(), not currentIndexChanged(): choosing "Custom range…" again asks again.
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (index == m_customIndex)
            Q_EMIT customRangeRequested();
    });
}

qint64 TimeRangeSelector::windowSeconds() const {
    return isCustom() || currentIndex() == m_customIndex ? itemData(m_lastPresetIndex).toLongLong()
                                                         : currentData().toLongLong();
}

bool TimeRangeSelector::isCustom() const {
    return m_customRange.isValid() && currentIndex() == m_customIndex;
}

void TimeRangeSelector::selectSilently(int index) {
    const QSignalBlocker blocker(this);
    setCurrentIndex(index);
}

void TimeRangeSelector::setCustomRange(const TimeRange &range) {
    if (!range.isValid())
        return;
    m_customRange = range;
    const QLocale locale;
    const auto local = [&locale](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime(),
                               QLocale::ShortFormat);
    };
    setItemText(
        m_customIndex,
        tr("%1 – %2 (%3)").arg(local(range.startMs), local(range.endMs), localZoneLabel(range.endMs)));
    selectSilently(m_customIndex);
    m_customAction->setChecked(true);
}

void TimeRangeSelector::cancelCustomRange() {
    if (isCustom())
        return; // a custom range chosen earlier stays
    selectSilently(m_lastPresetIndex);
    m_actions.at(m_lastPresetIndex)->setChecked(true);
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
        return; // "Custom range…": activated() asks for the range
    m_lastPresetIndex = index;
    if (m_customRange.isValid()) {
        m_customRange = TimeRange{};
        setItemText(m_customIndex, tr("Custom range…"));
    }
    m_actions.at(index)->setChecked(true);
    Q_EMIT windowSecondsChanged(windowSeconds());
}

} // namespace mlwatch
