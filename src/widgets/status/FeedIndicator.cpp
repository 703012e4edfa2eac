#include "FeedIndicator.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace swarmwatch {

FeedIndicator::FeedIndicator(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_name(name)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    m_icon->setObjectName(QStringLiteral("icon"));
    m_text->setObjectName(QStringLiteral("text"));
    // Keyboard users reach the indicators with Tab and read them from the tooltip and the accessible texts.
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(name);
    setIndicator({});
}

void FeedIndicator::setIndicator(const StatusPresenter::Indicator &indicator)
{
    m_indicator = indicator;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(Icons::connection(indicator.look).pixmap(size, size, QIcon::Normal, QIcon::On));
    m_icon->setAccessibleName(StatusPresenter::lookName(indicator.look));
    const QString text = m_name.isEmpty() ? indicator.text : tr("%1: %2").arg(m_name, indicator.text);
    m_text->setText(text);
    m_text->setAccessibleName(text);
    setToolTip(indicator.toolTip);
    setAccessibleDescription(indicator.accessibleText);
}

QString FeedIndicator::text() const
{
    return m_text->text();
}

} // namespace swarmwatch
