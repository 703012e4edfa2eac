#include "CampaignDelegate.h"

#include "CampaignModel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QStyle>

namespace swarmwatch {

CampaignDelegate::CampaignDelegate(QObject *parent, Clock clock)
    : QStyledItemDelegate(parent)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

double CampaignDelegate::highlightStrength(const QModelIndex &index) const
{
    const qint64 changedAt = index.data(CampaignModel::ChangedAtRole).toLongLong();
    if (changedAt <= 0)
        return 0;
    const qint64 age = m_clock() - changedAt;
    if (age < 0 || age >= kHighlightMs)
        return 0;
    return 1.0 - static_cast<double>(age) / kHighlightMs;
}

void CampaignDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const double strength = highlightStrength(index);
    if (strength > 0 && !(option.state & QStyle::State_Selected)) {
        // Amber, not the palette's highlight: on a busy server many rows are marked at once, and in the
        // selection's colour they all looked selected. Amber reads on light and dark bases alike.
        QColor band = kChangedColour;
        band.setAlphaF(0.28 * strength);
        painter->fillRect(option.rect, band);
        if (index.column() == 0) // an edge mark: not colour alone
            painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                              kChangedColour);
    }
    const QVariant progress = index.data(CampaignModel::ProgressRole);
    if (index.column() == CampaignModel::Progress && progress.isValid())
        paintProgress(painter, option, index, progress.toDouble());
    else
        paintText(painter, option, index);
}

namespace {

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

QPalette::ColorRole textRole(const QStyleOptionViewItem &option)
{
    return (option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
}

// The groove's edge: about a third of the way from the background to the text, so that it is seen but quiet
// in light and dark palettes alike.
QColor mixed(const QColor &background, const QColor &text)
{
    constexpr double kText = 0.3;
    return QColor::fromRgbF(static_cast<float>(background.redF() * (1 - kText) + text.redF() * kText),
                            static_cast<float>(background.greenF() * (1 - kText) + text.greenF() * kText),
                            static_cast<float>(background.blueF() * (1 - kText) + text.blueF() * kText));
}

// The inner edge the style keeps between a cell's border and its text.
int textMargin(const QStyleOptionViewItem &option)
{
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

} // namespace

void CampaignDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    // What the cache does not lay out (several lines, wrapping): the style does it all.
    if ((cell.features & QStyleOptionViewItem::WrapText) || !CellTextCache::canDraw(cell.text)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The style draws the cell without its text (background, selection, icon, check box, and the focus frame
    // where the text would be: the cell keeps its features); the text comes from the cache, in the rectangle
    // the style keeps for it.
    const QString text = std::exchange(cell.text, QString());
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    const int margin = textMargin(cell);
    const QRect textArea =
        style->subElementRect(QStyle::SE_ItemViewItemText, &cell, widget).adjusted(margin, 0, -margin, 0);
    painter->save();
    painter->setClipRect(cell.rect, Qt::IntersectClip); // the style keeps within the cell; so does the text
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(colorGroup(cell), textRole(cell)));
    m_texts.draw(painter, textArea, cell.displayAlignment, cell.direction, text, cell.textElideMode);
    painter->restore();
}

void CampaignDelegate::paintProgress(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index, double percent) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear(); // drawn beside the bar; the cell keeps its features, so its focus frame
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    // The bar on the left, the percentage beside it in the cell's own text colour: readable at any fill
    // and in any palette (text drawn over a bar's edge is half one colour, half another). A flat bar in
    // the palette's colours: crisp at any scale, and a fraction of the style's gradient bar's cost.
    const QPalette::ColorGroup group = colorGroup(background);
    const QColor textColor = background.palette.color(group, textRole(background));
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
    // Laid out left to right, then mirrored for a right-to-left table: the bar leads, the number trails.
    const QRect cell = option.rect.adjusted(3, 3, -3, -3);
    const auto visual = [&](const QRect &rect) {
        return QStyle::visualRect(option.direction, option.rect, rect);
    };
    const QRect groove(cell.left(), cell.top(), std::max(0, cell.width() - textWidth), cell.height());
    painter->save();
    if (groove.width() > 8) {
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(selected ? textColor
                                 : mixed(background.palette.color(group, QPalette::Base), textColor));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(visual(groove).adjusted(0, 0, -1, -1));
        const QRect inside = groove.adjusted(2, 2, -2, -2);
        const int filled = static_cast<int>(inside.width() * std::clamp(percent, 0.0, 100.0) / 100.0 + 0.5);
        painter->fillRect(visual(QRect(inside.left(), inside.top(), filled, inside.height())),
                          selected ? textColor : background.palette.color(group, QPalette::Highlight));
    }
    const int margin = textMargin(background);
    const QRect textRect = visual(
        QRect(cell.right() - textWidth + 1, option.rect.top(), textWidth + 3 - margin, option.rect.height()));
    painter->setFont(background.font);
    painter->setPen(textColor);
    m_texts.draw(painter, textRect, Qt::AlignRight | Qt::AlignVCenter, option.direction, text,
                 Qt::ElideRight);
    painter->restore();
}

} // namespace swarmwatch
