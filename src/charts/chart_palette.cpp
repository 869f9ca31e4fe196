#include "charts/chart_palette.h"

#include <QPalette>

namespace mlwatch {

namespace {

// `a` moved towards `b` by `t` (0..1) in RGB: a grid colour that is visible but quiet on any base.
QColor mix(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

ChartPalette ChartPalette::fromPalette(const QPalette &palette) {
    ChartPalette p;
    p.background = palette.color(QPalette::Active, QPalette::Window);
    p.plotBackground = palette.color(QPalette::Active, QPalette::Base);
    p.text = palette.color(QPalette::Active, QPalette::WindowText);
    p.mutedText = palette.color(QPalette::Active, QPalette::PlaceholderText);
    // Some styles leave PlaceholderText equal to Text; fall back to a mix so it still reads as muted.
    if (p.mutedText == p.text || !p.mutedText.isValid())
        p.mutedText = mix(p.text, p.background, 0.4);
    p.grid = mix(p.plotBackground, p.text, 0.15);
    p.dark = p.plotBackground.lightness() < 128;

    if (p.dark) {
        p.warning = QColor(0xFF, 0xC1, 0x4D); // amber, bright enough on dark grey
        p.critical = QColor(0xFF, 0x6B, 0x6B);
        p.series = {QColor(0x56, 0xB4, 0xE9), QColor(0x3D, 0xD6, 0xA3), QColor(0xE5, 0x9C, 0xC8),
                    QColor(0xF0, 0xE4, 0x42), QColor(0xB8, 0xB8, 0xFF), QColor(0xC8, 0xC8, 0xC8)};
    } else {
        p.warning = QColor(0xC7, 0x7C, 0x00); // amber, dark enough on white
        p.critical = QColor(0xD0, 0x21, 0x21);
        p.series = {QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                    QColor(0x56, 0xB4, 0xE9), QColor(0x5D, 0x3F, 0xD3), QColor(0x55, 0x55, 0x55)};
    }
    return p;
}

ChartPalette ChartPalette::print() {
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    light.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    return fromPalette(light);
}

} // namespace mlwatch
