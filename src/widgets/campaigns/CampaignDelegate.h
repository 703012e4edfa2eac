#pragma once

#include "CellTextCache.h"

#include <QColor>
#include <QStyledItemDelegate>

#include <functional>

namespace swarmwatch {

// Paints the progress column as a bar (its text stays the cell's text, for copying and screen readers) and
// marks a row that an update just changed with a fading band and an edge mark, so that what moved is seen.
// Texts are drawn from a cache of laid-out texts: a scroll repaints a page of cells, and laying their texts
// out again each time made one page's paint take most of a frame.
class CampaignDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr qint64 kHighlightMs = 3000;
    static constexpr QColor kChangedColour{0xf5, 0xa6, 0x23}; // a row a change just touched
    using Clock = std::function<qint64()>;                    // ms since the epoch

    explicit CampaignDelegate(QObject *parent = nullptr, Clock clock = {});

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // 0..1: how strongly the row of `index` is marked now.
    double highlightStrength(const QModelIndex &index) const;

private:
    // Background, selection and focus as the style draws them; the text from the cache.
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintProgress(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                       double percent) const;

    Clock m_clock;
    CellTextCache m_texts;
};

} // namespace swarmwatch
