#include "CampaignDelegate.h"

#include "CampaignModel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

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
    if (index.column() != CampaignModel::Progress || !progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    // The bar on the left, the percentage beside it in the cell's own text colour: readable at any fill
    // and in any palette (text drawn over a bar's edge is half one colour, half another).
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
    const QRect cell = option.rect.adjusted(3, 3, -3, -3);
    QStyleOptionProgressBar bar;
    bar.rect = QRect(cell.left(), cell.top(), std::max(0, cell.width() - textWidth), cell.height());
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = static_cast<int>(std::clamp(progress.toDouble(), 0.0, 100.0) * 10);
    bar.textVisible = false;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.palette = option.palette;
    bar.fontMetrics = option.fontMetrics;
    if (bar.rect.width() > 8)
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    const QRect textRect(cell.right() - textWidth + 1, cell.top(), textWidth, cell.height());
    const QPalette::ColorRole role =
        (option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    style->drawItemText(painter, textRect, Qt::AlignRight | Qt::AlignVCenter, option.palette, true, text,
                        role);
}

} // namespace swarmwatch
