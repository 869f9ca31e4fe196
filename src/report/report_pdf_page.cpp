#include "report/report_pdf_page.h"

#include <QFontMetricsF>
#include <QPainter>

namespace mlwatch::pdf {

QFont font(qreal points, bool bold) {
    QFont f;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

void cell(QPainter &p, const QRectF &r, const QString &text, Qt::Alignment align) {
    const QFontMetricsF fm(p.font(), p.device());
    p.drawText(r.adjusted(3, 0, -3, 0), int(align | Qt::AlignVCenter),
               fm.elidedText(text, Qt::ElideRight, r.width() - 6));
}

qreal paragraph(QPainter &p, const QRectF &r, const QString &text) {
    QRectF used;
    p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text, &used);
    return used.height();
}

void tableRow(QPainter &p, qreal y, const QList<Column> &columns, const QStringList &texts, bool stripe) {
    if (stripe)
        p.fillRect(QRectF(kMargin, y, kContentWidth, kRowHeight), kStripe);
    qreal x = kMargin;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        cell(p, QRectF(x, y, columns.at(i).width, kRowHeight), texts.value(i), columns.at(i).align);
        x += columns.at(i).width;
    }
}

} // namespace mlwatch::pdf
