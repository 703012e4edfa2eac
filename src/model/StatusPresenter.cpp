#include "StatusPresenter.h"

#include "CampaignModel.h"
#include "ConsoleSession.h"
#include "Format.h"
#include "Session.h"

namespace swarmwatch {

namespace {

constexpr std::array kFeeds{LiveSync::Feed::Campaigns, LiveSync::Feed::Agents, LiveSync::Feed::Toasts};

qint64 secondsUntil(const QDateTime &now, const QDateTime &when)
{
    // Rounded up: "in 1 s" until the attempt, never "in 0 s" for a whole second.
    return std::max<qint64>(0, (now.msecsTo(when) + 999) / 1000);
}

} // namespace

StatusPresenter::StatusPresenter(ConsoleSession *console, Clock clock, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_tick.setInterval(1000);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &StatusPresenter::refresh);
    LiveSync *sync = console->sync();
    connect(sync, &LiveSync::statusChanged, this, &StatusPresenter::refresh);
    connect(sync, &LiveSync::feedStateChanged, this, &StatusPresenter::refresh);
    connect(sync, &LiveSync::staleChanged, this, &StatusPresenter::refresh);
    connect(console, &ConsoleSession::stateChanged, this, &StatusPresenter::refresh);
    connect(console, &ConsoleSession::identityChanged, this, &StatusPresenter::refresh);
    refresh();
}

QString StatusPresenter::feedName(LiveSync::Feed feed)
{
    switch (feed) {
    case LiveSync::Feed::Campaigns:
        return tr("Campaigns");
    case LiveSync::Feed::Agents:
        return tr("Agents");
    case LiveSync::Feed::Toasts:
        return tr("Notifications");
    }
    return {};
}

QString StatusPresenter::lookName(Look look)
{
    switch (look) {
    case Look::Live:
        return tr("Live");
    case Look::Connecting:
        return tr("Connecting");
    case Look::Reconnecting:
        return tr("Reconnecting");
    case Look::Disconnected:
        return tr("Disconnected");
    case Look::Unauthorized:
        return tr("Unauthorized");
    case Look::SignedOut:
        return tr("Signed out");
    }
    return {};
}

StatusPresenter::Indicator StatusPresenter::feedIndicator(LiveSync::Feed feed, const QDateTime &now) const
{
    Indicator out;
    const QString name = feedName(feed);
    const auto finish = [&](Look look, const QString &text, const QString &detail) {
        out.look = look;
        out.text = text;
        out.toolTip =
            detail.isEmpty() ? tr("%1: %2").arg(name, text) : tr("%1: %2\n%3").arg(name, text, detail);
        out.accessibleText = detail.isEmpty() ? tr("%1 feed: %2").arg(name, text)
                                              : tr("%1 feed: %2. %3").arg(name, text, detail);
        return out;
    };
    switch (m_console->state()) {
    case ConsoleSession::State::SignedOut:
        return finish(Look::SignedOut, tr("Signed out"), QString());
    case ConsoleSession::State::Expired:
        return finish(Look::Unauthorized, tr("Session expired"), tr("Sign in again to resume live updates."));
    case ConsoleSession::State::SigningIn:
        return finish(Look::Connecting, tr("Signing in"), QString());
    case ConsoleSession::State::SignedIn:
        break;
    }
    const SseConnection *connection = m_console->sync()->feed(feed);
    if (feed == LiveSync::Feed::Agents && !m_console->sync()->settings().agents)
        return finish(Look::Disconnected, tr("Off"), tr("This feed is turned off."));
    switch (connection->state()) {
    case SseConnection::State::Live: {
        const QDateTime last = connection->lastByteAt();
        return finish(Look::Live, tr("Live"),
                      last.isValid() ? tr("Last data %1 (%2 bytes, %3 events)")
                                           .arg(Format::ago(last, now))
                                           .arg(connection->bytesReceived())
                                           .arg(connection->eventsReceived())
                                     : tr("Connected; the server has sent nothing yet."));
    }
    case SseConnection::State::Connecting:
        return finish(Look::Connecting, tr("Connecting"), connection->reason());
    case SseConnection::State::Reconnecting: {
        QString text;
        if (connection->isWaitingForNetwork())
            text = tr("Waiting for the network");
        else if (connection->nextAttemptAt().isValid())
            text = tr("Reconnecting in %1 s").arg(secondsUntil(now, connection->nextAttemptAt()));
        else
            text = tr("Reconnecting");
        return finish(Look::Reconnecting, text,
                      tr("Attempt %1: %2").arg(connection->attempt()).arg(connection->reason()));
    }
    case SseConnection::State::Unauthorized:
        return finish(Look::Unauthorized, tr("Unauthorized"),
                      connection->reason().isEmpty() ? tr("The server refused the token.")
                                                     : connection->reason());
    case SseConnection::State::Closed:
        return finish(Look::Disconnected, tr("Disconnected"), connection->reason());
    case SseConnection::State::Failed:
        return finish(Look::Disconnected, tr("Disconnected"), connection->reason());
    }
    return out;
}

StatusPresenter::Indicator StatusPresenter::overallIndicator(const QDateTime &now) const
{
    Indicator out;
    const auto finish = [&](Look look, const QString &text, const QString &detail) {
        out.look = look;
        out.text = text;
        out.toolTip = detail.isEmpty() ? text : tr("%1\n%2").arg(text, detail);
        out.accessibleText =
            detail.isEmpty() ? tr("Connection: %1").arg(text) : tr("Connection: %1. %2").arg(text, detail);
        return out;
    };
    switch (m_console->state()) {
    case ConsoleSession::State::SignedOut:
        return finish(Look::SignedOut, tr("Signed out"), tr("Sign in to see live data."));
    case ConsoleSession::State::Expired:
        return finish(Look::Unauthorized, tr("Session expired"), tr("Sign in again to resume live updates."));
    case ConsoleSession::State::SigningIn:
        return finish(Look::Connecting, tr("Signing in"), m_console->server().toDisplayString());
    case ConsoleSession::State::SignedIn:
        break;
    }
    const LiveSync *sync = m_console->sync();
    QStringList details;
    for (const LiveSync::Feed feed : kFeeds) {
        if (feed == LiveSync::Feed::Agents && !sync->settings().agents)
            continue;
        const Indicator indicator = m_feeds.at(static_cast<size_t>(feed));
        details.append(tr("%1: %2").arg(feedName(feed), indicator.text));
    }
    const QString lifetime = sessionLifetime(now);
    if (!lifetime.isEmpty())
        details.append(lifetime);
    if (!m_dataAsOf.isEmpty())
        details.append(m_dataAsOf);
    const QString detail = details.join(QLatin1Char('\n'));
    switch (sync->status()) {
    case LiveSync::Status::Live:
        return finish(Look::Live, tr("Live"), detail);
    case LiveSync::Status::Connecting:
        return finish(Look::Connecting, tr("Connecting"), detail);
    case LiveSync::Status::Degraded:
        return finish(Look::Reconnecting, tr("Partly live"), detail);
    case LiveSync::Status::Unauthorized:
        return finish(Look::Unauthorized, tr("Unauthorized"), detail);
    case LiveSync::Status::Disconnected: {
        // The soonest retry, counting down; a feed that no retry helps says why.
        std::optional<qint64> soonest;
        for (const LiveSync::Feed feed : kFeeds) {
            const SseConnection *connection = sync->feed(feed);
            if (connection->state() == SseConnection::State::Reconnecting
                && connection->nextAttemptAt().isValid()) {
                const qint64 in = secondsUntil(now, connection->nextAttemptAt());
                soonest = soonest ? std::min(*soonest, in) : in;
            }
        }
        if (soonest)
            return finish(Look::Reconnecting, tr("Reconnecting in %1 s").arg(*soonest), detail);
        return finish(Look::Disconnected,
                      sync->statusReason().isEmpty() ? tr("Disconnected")
                                                     : tr("Disconnected: %1").arg(sync->statusReason()),
                      detail);
    }
    }
    return out;
}

QString StatusPresenter::sessionLifetime(const QDateTime &now) const
{
    const QDateTime expiry = m_console->session()->tokenExpiry();
    if (!expiry.isValid())
        return {};
    const qint64 left = now.secsTo(expiry);
    if (left <= 0)
        return tr("The session's token has expired; it is being renewed.");
    return tr("Session valid for %1 (renewed automatically)").arg(Format::duration(left));
}

void StatusPresenter::refresh()
{
    const QDateTime now = m_clock();
    const LiveSync *sync = m_console->sync();
    const bool signedIn = m_console->state() == ConsoleSession::State::SignedIn;
    const bool expired = m_console->state() == ConsoleSession::State::Expired;

    QString dataAsOf;
    const QDateTime fresh = sync->lastFreshAt();
    // Tables kept from an earlier session (expired, or a new login under way or refused) are stale too.
    const bool keptTables = !signedIn && m_console->campaigns()->rowCount() > 0;
    if ((expired || keptTables || (signedIn && (sync->status() != LiveSync::Status::Live || sync->isStale())))
        && fresh.isValid())
        dataAsOf = tr("Data as of %1").arg(Format::timeOfDay(fresh, now));

    std::array<Indicator, 3> feeds;
    for (const LiveSync::Feed feed : kFeeds)
        feeds.at(static_cast<size_t>(feed)) = feedIndicator(feed, now);
    const bool feedsChanged = feeds != m_feeds;
    m_feeds = feeds;
    const QString oldDataAsOf = std::exchange(m_dataAsOf, dataAsOf);
    const Indicator overall = overallIndicator(now);

    QStringList summary{tr("SwarmWatch: %1").arg(overall.text)};
    if (!m_console->server().isEmpty())
        summary.append(m_console->server().toDisplayString());
    if (const std::optional<Project> project = m_console->project())
        summary.append(tr("Project: %1").arg(project->name));
    if (signedIn) {
        for (const LiveSync::Feed feed : kFeeds)
            summary.append(tr("%1: %2").arg(feedName(feed), m_feeds.at(static_cast<size_t>(feed)).text));
        int active = 0;
        for (const CampaignRow &row : m_console->campaigns()->rows())
            active += row.campaign.state == QLatin1String("active") ? 1 : 0;
        summary.append(tr("Active campaigns: %1").arg(active));
    }
    if (!dataAsOf.isEmpty())
        summary.append(dataAsOf);
    const QString joined = summary.join(QLatin1Char('\n'));

    const bool changedAny =
        feedsChanged || overall != m_overall || oldDataAsOf != dataAsOf || joined != m_summary;
    m_overall = overall;
    m_summary = joined;

    // Tick only while a text can change with time alone: live ages, countdowns, the session's lifetime.
    if (signedIn || expired) {
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    if (changedAny)
        Q_EMIT changed();
}

} // namespace swarmwatch
