#pragma once

#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QString>
#include <QTransform>

class QPainter;
class QRect;

namespace swarmwatch {

// Draws a table cell's one-line text from a cache of laid-out texts. A view paints the same texts again and
// again (every scroll repaints a page of them), and laying a text out (shaping, eliding) costs far more than
// drawing it: QStyledItemDelegate does it twice per cell and per paint. Here a text is elided and laid out
// once per width, then drawn from its glyphs.
class CellTextCache
{
public:
    explicit CellTextCache(int capacity = 8192);

    // Text over several lines is left to the style.
    static bool canDraw(const QString &text);
    // Draws one line of `text`, elided to fit `rect` as `mode` says, aligned in it as the style aligns a
    // cell's text: `alignment` is logical (leading is right in a right-to-left cell) and `direction` orders
    // the text (a Hebrew name in a left-to-right table reads as the style shows it).
    void draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, Qt::LayoutDirection direction,
              const QString &text, Qt::TextElideMode mode) const;
    int size() const { return m_texts.size(); }

private:
    mutable QCache<QString, QStaticText> m_texts;
    mutable QFont m_font;       // the font of the cached texts: another empties the cache
    mutable QTransform m_scale; // the device's scale they were laid out for (a high-DPI screen's is not 1)
};

} // namespace swarmwatch
