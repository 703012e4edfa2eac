#pragma once

#include "LiveSync.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>

namespace swarmwatch {

class ConsoleSession;

// What the connection looks like, in words, for everything that shows it: the status bar's indicators, the
// tray's tooltip and icon, a screen reader. One presenter, so that they never disagree. Headless: it reads
// the console session and its LiveSync and writes texts; a 1 s tick (only while something counts down or
// ages) keeps countdowns and ages current. The clock is passed in, so tests set the time.
class StatusPresenter : public QObject
{
    Q_OBJECT

public:
    // Each look has its own icon shape, never only a colour.
    enum class Look { Live, Connecting, Reconnecting, Disconnected, Unauthorized, SignedOut };
    Q_ENUM(Look)

    struct Indicator {
        Look look = Look::SignedOut;
        QString text;    // short, for the status bar: "Live", "Reconnecting in 7 s"
        QString toolTip; // the detail: the reason, the age of the last byte, the attempt
        // What a screen reader says: the name, the state and the detail in one sentence.
        QString accessibleText;
        friend bool operator==(const Indicator &, const Indicator &) = default;
    };

    using Clock = std::function<QDateTime()>;
    explicit StatusPresenter(ConsoleSession *console, Clock clock = {}, QObject *parent = nullptr);

    Indicator feed(LiveSync::Feed feed) const { return m_feeds.at(static_cast<size_t>(feed)); }
    Indicator overall() const { return m_overall; }
    // "Data as of 14:02:11" while the tables are not live; empty otherwise.
    QString dataAsOf() const { return m_dataAsOf; }
    // The tray's tooltip: server, project, each feed, active campaigns.
    QString summary() const { return m_summary; }

    static QString feedName(LiveSync::Feed feed);
    static QString lookName(Look look);

public Q_SLOTS:
    // Recomputes everything; changed() when any text differs. Called by the tick and on every signal.
    void refresh();

Q_SIGNALS:
    void changed();

private:
    Indicator feedIndicator(LiveSync::Feed feed, const QDateTime &now) const;
    Indicator overallIndicator(const QDateTime &now) const;
    QString sessionLifetime(const QDateTime &now) const;

    ConsoleSession *m_console;
    Clock m_clock;
    QTimer m_tick;
    std::array<Indicator, 3> m_feeds;
    Indicator m_overall;
    QString m_dataAsOf;
    QString m_summary;
};

} // namespace swarmwatch
