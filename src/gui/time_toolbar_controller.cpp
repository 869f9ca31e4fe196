#include "gui/time_toolbar_controller.h"

#include "charts/metric_chart_view.h"
#include "core/common/clock.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "gui/compare_period_selector.h"
#include "gui/custom_range_dialog.h"
#include "gui/refresh_interval_selector.h"
#include "gui/session_status_view.h"
#include "gui/settings_keys.h"
#include "gui/time_range_selector.h"

#include <QLabel>
#include <QSettings>
#include <QToolBar>

namespace mlwatch {

TimeToolbarController::TimeToolbarController(MonitorSession &session, const Clock &clock,
                                             TimeRangeSelector &range, SessionStatusView &status,
                                             QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_clock(clock)
    , m_range(range)
    , m_status(status)
    , m_window(window) {
    m_refreshInterval = new RefreshIntervalSelector(window);
    m_refreshInterval->setIntervalSeconds(
        QSettings()
            .value(SettingsKeys::kAutoRefreshSeconds, RefreshIntervalSelector::kDefaultIntervalSeconds)
            .toInt());
    m_compare = new ComparePeriodSelector(window);
    session.scheduler().setRefreshIntervalSeconds(m_refreshInterval->intervalSeconds());
    m_status.updateCostEstimate();

    connect(m_refreshInterval, &RefreshIntervalSelector::intervalSecondsChanged, this,
            &TimeToolbarController::changeRefreshInterval);
    connect(m_compare, &ComparePeriodSelector::offsetSecondsChanged, this,
            &TimeToolbarController::changeCompareOffset);
    connect(&range, &TimeRangeSelector::customRangeRequested, this, [this] { (void)openCustomRange(); });
}

void TimeToolbarController::addTo(QToolBar *toolBar, QAction *before) {
    const std::pair<QString, QWidget *> boxes[] = {{tr("Auto-refresh:"), m_refreshInterval},
                                                   {tr("Compare:"), m_compare}};
    for (const auto &[text, box] : boxes) {
        auto *label = new QLabel(text, m_window);
        label->setBuddy(box);
        label->setContentsMargins(8, 0, 4, 0);
        toolBar->insertWidget(before, label);
        toolBar->insertWidget(before, box);
    }
    toolBar->insertSeparator(before);
}

void TimeToolbarController::prepareChart(MetricChartView *chart) const {
    if (const qint64 offset = m_session.scheduler().compareOffsetSeconds(); offset > 0)
        chart->setCompareOffset(offset);
}

void TimeToolbarController::changeRefreshInterval(int seconds) {
    QSettings().setValue(SettingsKeys::kAutoRefreshSeconds, seconds);
    m_session.scheduler().setRefreshIntervalSeconds(seconds);
    m_status.updateCostEstimate();
    m_session.scheduler().tick(); // a shorter interval may make a refresh due now
}

void TimeToolbarController::changeCompareOffset(qint64 seconds) {
    FetchScheduler &scheduler = m_session.scheduler();
    scheduler.setCompareOffsetSeconds(seconds);
    if (m_charts)
        for (MetricChartView *chart : m_charts())
            chart->setCompareOffset(seconds);
    m_status.updateCostEstimate();
    scheduler.tick(); // fetches the earlier copies (only them)
}

CustomRangeDialog *TimeToolbarController::openCustomRange() {
    FetchScheduler &scheduler = m_session.scheduler();
    TimeRange initial = m_range.isCustom() ? m_range.customRange() : scheduler.currentRange();
    if (!initial.isValid()) {
        const qint64 now = m_clock.nowMs();
        initial = TimeRange{now - m_range.windowSeconds() * 1000, now};
    }
    auto *dialog = new CustomRangeDialog(initial, m_window);
    dialog->setObjectName(QStringLiteral("customRangeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const TimeRange range = dialog->range();
        m_range.setCustomRange(range);
        m_session.scheduler().setAbsoluteRange(range);
        m_status.updateCostEstimate();
        m_session.scheduler().tick();
    });
    connect(dialog, &QDialog::rejected, &m_range, &TimeRangeSelector::cancelCustomRange);
    dialog->open();
    return dialog;
}

} // namespace mlwatch
