#include "support/plain_qt_chart.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace mlwatch::bench {

PlainQtChart::PlainQtChart(qsizetype seriesCount, qint64 firstMs, qint64 lastMs, double yMin, double yMax)
    : m_chart(new QChart) {
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setTitle(QStringLiteral("Utilisation (plain Qt Charts)"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    auto *xAxis = m_xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("MMM d"));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs, Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(lastMs, Qt::UTC));
    auto *yAxis = new QValueAxis;
    yAxis->setRange(yMin, yMax);
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);

    for (qsizetype i = 0; i < seriesCount; ++i) {
        auto *line = new QLineSeries;
        line->setName(QStringLiteral("m%1").arg(i));
        m_chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
        m_lines.append(line);
    }

    m_view = std::make_unique<QChartView>(m_chart); // takes ownership of the chart
    m_view->setRenderHint(QPainter::Antialiasing, true);
}

PlainQtChart::~PlainQtChart() = default;

QWidget *PlainQtChart::widget() const {
    return m_view.get();
}

void PlainQtChart::setData(const QList<PlainQtSeries> &series) {
    for (qsizetype i = 0; i < series.size() && i < m_lines.size(); ++i) {
        const PlainQtSeries &s = series.at(i);
        QList<QPointF> points;
        points.reserve(s.values.size());
        for (qsizetype j = 0; j < s.values.size(); ++j)
            points.append(QPointF(double(s.timestampsMs.at(j)), s.values.at(j)));
        m_lines[i]->replace(points);
    }
}

void PlainQtChart::setPoints(qsizetype index, const QList<QPointF> &points) {
    m_lines[index]->replace(points);
}

void PlainQtChart::setXRange(qint64 firstMs, qint64 lastMs) {
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs, Qt::UTC),
                      QDateTime::fromMSecsSinceEpoch(lastMs, Qt::UTC));
}

void PlainQtChart::setAntialiasing(bool on) {
    m_view->setRenderHint(QPainter::Antialiasing, on);
}

qsizetype PlainQtChart::pointCount() const {
    qsizetype count = 0;
    for (const QLineSeries *line : m_lines)
        count += line->count();
    return count;
}

} // namespace mlwatch::bench
