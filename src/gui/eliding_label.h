#pragma once

#include <QLabel>

namespace mlwatch {

// A one-line plain-text label that gives way: it can shrink to a few characters and then draws
// its text elided with "…" (text() stays the full text, for the tooltip, accessibility and tests).
// For status-bar texts that must never make the window wider than the screen.
class ElidingLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace mlwatch
