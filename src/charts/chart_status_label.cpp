#include "charts/chart_status_label.h"

#include "charts/chart_palette.h"

#include <algorithm>

namespace mlwatch {

namespace {
constexpr int kVeilAlpha = 235;  // the plot stays faintly visible behind the text
constexpr int kTopOverData = 32; // below the title, over the upper part of the plot
constexpr int kMinWidth = 120;
} // namespace

ChartStatusLabel::ChartStatusLabel(QWidget *parent)
    : QLabel(parent) {
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setAutoFillBackground(true);
    setMargin(8);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void ChartStatusLabel::applyStyle(const ChartPalette &palette, bool error) {
    QPalette label = this->palette();
    QColor veil = palette.plotBackground;
    veil.setAlpha(kVeilAlpha);
    label.setColor(QPalette::Window, veil);
    label.setColor(QPalette::WindowText, error ? palette.critical : palette.mutedText);
    setPalette(label);
}

void ChartStatusLabel::place(const QSize &chartSize, bool overData) {
    const int width = std::max(kMinWidth, chartSize.width() * 3 / 4);
    setFixedWidth(width);
    const int height = heightForWidth(width);
    const int top = overData ? kTopOverData : (chartSize.height() - height) / 2;
    setGeometry((chartSize.width() - width) / 2, std::max(0, top), width, height);
}

} // namespace mlwatch
