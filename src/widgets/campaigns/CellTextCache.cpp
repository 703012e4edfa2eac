#include "CellTextCache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>
#include <QStyle>

#include <algorithm>

namespace swarmwatch {

CellTextCache::CellTextCache(int capacity)
    : m_texts(std::max(1, capacity)) // a cache of none would delete each text as it is inserted
{}

bool CellTextCache::canDraw(const QString &text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QChar::LineSeparator);
}

void CellTextCache::draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment,
                         Qt::LayoutDirection direction, const QString &text, Qt::TextElideMode mode) const
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    // Glyphs are laid out for a font and for the device's scale (a text prepared for another is laid out
    // again as it is drawn); the position is left out, since texts move with every scroll.
    const QTransform device = painter->deviceTransform();
    const QTransform scale(device.m11(), device.m12(), device.m21(), device.m22(), 0, 0);
    if (painter->font() != m_font || scale != m_scale) {
        m_texts.clear();
        m_font = painter->font();
        m_scale = scale;
    }
    // One entry per text, direction, width and eliding: a column made narrower lays its texts out once more.
    QString key = text;
    key.append(QChar(0x1f))
        .append(QString::number(rect.width()))
        .append(QChar(u'0' + int(mode)))
        .append(QChar(u'0' + int(direction)));
    QStaticText *laidOut = m_texts.object(key);
    if (!laidOut) {
        QTextOption option;
        option.setWrapMode(QTextOption::ManualWrap);
        option.setTextDirection(direction);
        // Laid out as it is first: most texts fit, and then that was the only layout needed.
        laidOut = new QStaticText(text);
        laidOut->setTextFormat(Qt::PlainText);
        laidOut->setTextOption(option);
        laidOut->prepare(m_scale, m_font);
        if (mode != Qt::ElideNone && laidOut->size().width() > rect.width()) {
            laidOut->setText(QFontMetrics(m_font).elidedText(text, mode, rect.width()));
            laidOut->prepare(m_scale, m_font);
        }
        m_texts.insert(key, laidOut);
    }
    // Placed as the style places a cell's text: across, where the line's own alignment puts it (to a
    // fraction of a pixel); down, on a whole pixel.
    const QSizeF size = laidOut->size();
    const Qt::Alignment across = QStyle::visualAlignment(direction, alignment) & Qt::AlignHorizontal_Mask;
    qreal x = rect.left();
    if (across & Qt::AlignRight)
        x = rect.left() + rect.width() - size.width();
    else if (across & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2;
    const QRect line = QStyle::alignedRect(direction, (alignment & Qt::AlignVertical_Mask) | Qt::AlignLeft,
                                           QSize(rect.width(), int(size.height())), rect);
    painter->drawStaticText(QPointF(x, line.top()), *laidOut);
}

} // namespace swarmwatch
