#pragma once

#include "LiveSync.h"

#include <QWidget>

#include <array>

class QLabel;

namespace swarmwatch {

class FeedIndicator;
class StatusPresenter;

// The status bar's right side: the whole connection, then one indicator per feed, then "Data as of ..." when
// what the tables show is not live. Follows the one StatusPresenter that the tray follows too.
class ConnectionIndicators : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicators(StatusPresenter *presenter, QWidget *parent = nullptr);

    FeedIndicator *overall() const { return m_overall; }
    FeedIndicator *feed(LiveSync::Feed feed) const { return m_feeds.at(static_cast<size_t>(feed)); }
    QLabel *dataAsOf() const { return m_dataAsOf; }

private:
    void update();

    StatusPresenter *m_presenter;
    FeedIndicator *m_overall;
    std::array<FeedIndicator *, 3> m_feeds{};
    QLabel *m_dataAsOf;
};

} // namespace swarmwatch
