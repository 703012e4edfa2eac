#include "ConnectionIndicators.h"

#include "FeedIndicator.h"
#include "StatusPresenter.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace swarmwatch {

ConnectionIndicators::ConnectionIndicators(StatusPresenter *presenter, QWidget *parent)
    : QWidget(parent)
    , m_presenter(presenter)
    , m_overall(new FeedIndicator(QString(), this))
    , m_dataAsOf(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionIndicators"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_dataAsOf->setObjectName(QStringLiteral("dataAsOfLabel"));
    layout->addWidget(m_dataAsOf);
    m_overall->setObjectName(QStringLiteral("overallIndicator"));
    m_overall->setAccessibleName(tr("Connection"));
    layout->addWidget(m_overall);
    const std::array<std::pair<LiveSync::Feed, const char *>, 3> feeds{{
        {LiveSync::Feed::Campaigns, "campaignsFeedIndicator"},
        {LiveSync::Feed::Agents, "agentsFeedIndicator"},
        {LiveSync::Feed::Toasts, "toastsFeedIndicator"},
    }};
    for (const auto &[feed, name] : feeds) {
        auto *separator = new QFrame(this);
        separator->setFrameShape(QFrame::VLine);
        separator->setFrameShadow(QFrame::Sunken);
        layout->addWidget(separator);
        auto *indicator = new FeedIndicator(StatusPresenter::feedName(feed), this);
        indicator->setObjectName(QString::fromLatin1(name));
        layout->addWidget(indicator);
        m_feeds.at(static_cast<size_t>(feed)) = indicator;
    }
    connect(presenter, &StatusPresenter::changed, this, &ConnectionIndicators::update);
    update();
}

void ConnectionIndicators::update()
{
    m_overall->setIndicator(m_presenter->overall());
    for (const LiveSync::Feed feed :
         {LiveSync::Feed::Campaigns, LiveSync::Feed::Agents, LiveSync::Feed::Toasts})
        this->feed(feed)->setIndicator(m_presenter->feed(feed));
    m_dataAsOf->setText(m_presenter->dataAsOf());
    m_dataAsOf->setVisible(!m_presenter->dataAsOf().isEmpty());
}

} // namespace swarmwatch
