#pragma once

#include "support/plain_qt_cloudwatch_parser.h"

#include <QList>
#include <QPointF>

#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QWidget;
QT_END_NAMESPACE

namespace mlwatch::bench {

// The baseline chart of the end-to-end benchmarks: the plain Qt Charts way. A QChartView with
// one QLineSeries per query on a QDateTimeAxis / QValueAxis, antialiased (as MetricChartView
// is), every stored point handed to Qt Charts with one replace() per series — already the
// fast path; append() point by point on a shown chart would be quadratic (performance.md §1.1).
//
// The axes get their ranges once, at construction: the baseline is not charged for an axis
// change per update, which keeps the measured ratio conservative.
class PlainQtChart {
public:
    PlainQtChart(qsizetype seriesCount, qint64 firstMs, qint64 lastMs, double yMin, double yMax);
    ~PlainQtChart();

    QWidget *widget() const;

    // Every point of series i goes into line series i (extra series stay as they are).
    void setData(const QList<PlainQtSeries> &series);
    // `points` (x = ms since the epoch) into line series `index`, with one replace().
    void setPoints(qsizetype index, const QList<QPointF> &points);
    // The time axis shows [firstMs, lastMs]: plain Qt Charts' pan or zoom.
    void setXRange(qint64 firstMs, qint64 lastMs);
    void setAntialiasing(bool on);
    qsizetype pointCount() const;

private:
    std::unique_ptr<QChartView> m_view;
    QChart *m_chart = nullptr;
    QDateTimeAxis *m_xAxis = nullptr;
    QList<QLineSeries *> m_lines;
};

} // namespace mlwatch::bench
