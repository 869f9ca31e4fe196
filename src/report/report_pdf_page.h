#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

// The page of report.pdf: geometry in points (the writer runs at 72 dpi, so one unit is one
// point), colours, and the few drawing helpers the pages share. Internal to ReportPdfWriter.
namespace mlwatch::pdf {

constexpr int kDpi = 72;
constexpr qreal kPageWidth = 841.89; // A4 landscape
constexpr qreal kPageHeight = 595.28;
constexpr qreal kMargin = 36;
constexpr qreal kFooterHeight = 22;
constexpr qreal kContentBottom = kPageHeight - kMargin - kFooterHeight;
constexpr qreal kContentWidth = kPageWidth - 2 * kMargin;
constexpr qreal kTitleBlock = 56; // title + subtitle
constexpr qreal kRowHeight = 15;
constexpr qreal kTableTop = kMargin + kTitleBlock + 2 * kRowHeight; // after a two-line header
constexpr int kRowsPerTablePage = int((kContentBottom - kTableTop) / kRowHeight);

inline const QColor kText{0x20, 0x24, 0x2a};
inline const QColor kMuted{0x5f, 0x66, 0x70};
inline const QColor kRule{0xd0, 0xd4, 0xda};
inline const QColor kAccent{0x00, 0x5a, 0x9c};
inline const QColor kStripe{0xf3, 0xf5, 0xf8};

struct Column {
    qreal width;
    Qt::Alignment align;
};

// The application font at `points`, bold or not.
QFont font(qreal points, bool bold = false);
// `text` elided to the rect's width, vertically centred.
void cell(QPainter &p, const QRectF &r, const QString &text, Qt::Alignment align = Qt::AlignLeft);
// Word-wrapped text from the rect's top; returns the height used.
qreal paragraph(QPainter &p, const QRectF &r, const QString &text);
// One table row across the content width at `y`, striped when asked.
void tableRow(QPainter &p, qreal y, const QList<Column> &columns, const QStringList &texts, bool stripe);

} // namespace mlwatch::pdf
