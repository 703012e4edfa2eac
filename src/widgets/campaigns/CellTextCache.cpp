#include "CellTextCache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>
#include <QStyle>
#include <QtMath>

#include <algorithm>

namespace swarmwatch {

CellTextCache::CellTextCache(int capacity)
    : m_texts(std::max(1, capacity)) // a cache of none would delete each text as it is inserted
{}

bool CellTextCache::canDraw(const QString &text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QChar::LineSeparator);
}

void CellTextCache::draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, const QString &text,
                         Qt::TextElideMode mode) const
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    if (painter->font() != m_font) {
        m_texts.clear();
        m_font = painter->font();
    }
    // One entry per text, width and eliding: a column made narrower lays its texts out once more.
    QString key = text;
    key.append(QChar(0x1f)).append(QString::number(rect.width())).append(QChar(u'0' + int(mode)));
    QStaticText *laidOut = m_texts.object(key);
    if (!laidOut) {
        // Laid out as it is first: most texts fit, and then that was the only layout needed.
        laidOut = new QStaticText(text);
        laidOut->setTextFormat(Qt::PlainText);
        laidOut->prepare(QTransform(), m_font);
        if (mode != Qt::ElideNone && laidOut->size().width() > rect.width()) {
            laidOut->setText(QFontMetrics(m_font).elidedText(text, mode, rect.width()));
            laidOut->prepare(QTransform(), m_font);
        }
        m_texts.insert(key, laidOut);
    }
    // Placed as the style places a cell's text layout: on whole pixels, so that columns drawn either way
    // share one baseline.
    const QSize size(qCeil(laidOut->size().width()), qCeil(laidOut->size().height()));
    const QRect placed = QStyle::alignedRect(Qt::LeftToRight, alignment, size, rect);
    painter->drawStaticText(placed.topLeft(), *laidOut);
}

} // namespace swarmwatch
