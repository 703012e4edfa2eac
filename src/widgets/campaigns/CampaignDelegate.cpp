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
        QColor band = option.palette.color(QPalette::Highlight);
        band.setAlphaF(0.30 * strength);
        painter->fillRect(option.rect, band);
        if (index.column() == 0) // an edge mark: not colour alone
            painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                              option.palette.color(QPalette::Highlight));
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
    const bool icon = cell.features & QStyleOptionViewItem::HasDecoration;
    // What the cache does not lay out (a check box, an icon above or right of the text, several lines): the
    // style does it all.
    if ((cell.features & QStyleOptionViewItem::HasCheckIndicator)
        || (icon && cell.decorationPosition != QStyleOptionViewItem::Left)
        || !CellTextCache::canDraw(cell.text)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = cell.text;
    const QIcon decoration = cell.icon;
    cell.text.clear();
    cell.icon = {};
    cell.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget); // background, selection, focus

    // The style clips what it draws to the cell; the icon and text drawn here must not spill either.
    painter->save();
    painter->setClipRect(cell.rect, Qt::IntersectClip);
    // Laid out as the style lays out an icon left of a text: the icon in a box with a margin each side,
    // the text after it with its own margin.
    const int margin = textMargin(cell);
    QRect textArea = cell.rect;
    if (icon) {
        const int box = cell.decorationSize.width() + 2 * margin;
        const QRect iconBox = QStyle::visualRect(
            cell.direction, cell.rect, QRect(cell.rect.left(), cell.rect.top(), box, cell.rect.height()));
        textArea = QStyle::visualRect(
            cell.direction, cell.rect,
            QRect(cell.rect.left() + box, cell.rect.top(), cell.rect.width() - box, cell.rect.height()));
        const QIcon::Mode mode = !(cell.state & QStyle::State_Enabled)   ? QIcon::Disabled
                                 : (cell.state & QStyle::State_Selected) ? QIcon::Selected
                                                                         : QIcon::Normal;
        const QRect iconRect =
            QStyle::alignedRect(cell.direction, cell.decorationAlignment, cell.decorationSize, iconBox);
        decoration.paint(painter, iconRect, cell.decorationAlignment, mode,
                         (cell.state & QStyle::State_Open) ? QIcon::On : QIcon::Off);
    }
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(colorGroup(cell), textRole(cell)));
    m_texts.draw(painter, textArea.adjusted(margin, 0, -margin, 0),
                 QStyle::visualAlignment(cell.direction, cell.displayAlignment), text, cell.textElideMode);
    painter->restore();
}

void CampaignDelegate::paintProgress(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index, double percent) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
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
    const QRect cell = option.rect.adjusted(3, 3, -3, -3);
    const QRect groove(cell.left(), cell.top(), std::max(0, cell.width() - textWidth), cell.height());
    painter->save();
    if (groove.width() > 8) {
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(selected ? textColor
                                 : mixed(background.palette.color(group, QPalette::Base), textColor));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(groove.adjusted(0, 0, -1, -1));
        const QRect inside = groove.adjusted(2, 2, -2, -2);
        const int filled = static_cast<int>(inside.width() * std::clamp(percent, 0.0, 100.0) / 100.0 + 0.5);
        QRect chunk(inside.left(), inside.top(), filled, inside.height());
        if (option.direction == Qt::RightToLeft)
            chunk.moveRight(inside.right());
        painter->fillRect(chunk, selected ? textColor : background.palette.color(group, QPalette::Highlight));
    }
    const int margin = textMargin(background);
    const QRect textRect(cell.right() - textWidth + 1, option.rect.top(), textWidth + 3 - margin,
                         option.rect.height());
    painter->setFont(background.font);
    painter->setPen(textColor);
    m_texts.draw(painter, textRect, Qt::AlignRight | Qt::AlignVCenter, text, Qt::ElideRight);
    painter->restore();
}

} // namespace swarmwatch
