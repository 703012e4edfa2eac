#include "Notifier.h"

#include "AgentModel.h"
#include "CampaignModel.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "Format.h"
#include "LiveSync.h"
#include "ModelLogging.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>

namespace swarmwatch {

namespace {

using Key = ConsoleSettings::Key;

// A tick that comes this much later than asked means the machine slept (or was stopped): a wake.
constexpr qint64 kClockJumpMs = 5000;
constexpr qint64 kStallCheckMs = 10'000;
constexpr size_t kRecentCracks = 8;

QString shortHash(const QString &redacted, QString *agent)
{
    // "🎉 Hash cracked by gpu-01: 5f4dcc3b..." (the server sends the first 8 characters only).
    static const QRegularExpression pattern(QStringLiteral("cracked by (.+): ([^\\s.]+)\\.*\\s*$"));
    const QRegularExpressionMatch match = pattern.match(redacted);
    if (!match.hasMatch())
        return {};
    *agent = match.captured(1);
    return match.captured(2).left(8) + QChar(0x2026);
}

} // namespace

Notifier::Notifier(ConsoleSettings *settings, Clock clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<Notification>();
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &Notifier::tick);
}

void Notifier::watch(ConsoleSession *console)
{
    const auto follow = [this, console] {
        setServerName(console->server().host().isEmpty() ? console->server().toString()
                                                         : console->server().host());
        switch (console->state()) {
        case ConsoleSession::State::SignedOut:
            setConnection(Connection::SignedOut);
            return;
        case ConsoleSession::State::SigningIn:
            setConnection(Connection::Starting);
            return;
        case ConsoleSession::State::Expired:
            setConnection(Connection::Expired);
            return;
        case ConsoleSession::State::SignedIn:
            break;
        }
        const LiveSync *sync = console->sync();
        setConnection(sync->status() == LiveSync::Status::Live ? Connection::Live : Connection::Down,
                      sync->statusReason());
    };
    connect(console, &ConsoleSession::stateChanged, this, follow);
    connect(console->sync(), &LiveSync::statusChanged, this, follow);
    QString lastIdentity;
    connect(console, &ConsoleSession::identityChanged, this, [this, console, follow, lastIdentity]() mutable {
        const QString identity = console->server().toString() + QLatin1Char('#')
                                 + QString::number(console->projectId().value_or(0));
        if (identity != lastIdentity)
            forgetEntities();
        lastIdentity = identity;
        follow();
    });
    connect(console->sync(), &LiveSync::toastReceived, this, &Notifier::crackAnnounced);
    observeModels(console);
    follow();
    m_tick.start();
}

void Notifier::observeModels(ConsoleSession *console)
{
    CampaignModel *campaigns = console->campaigns();
    const auto readCampaigns = [this, campaigns](int first, int last) {
        for (int at = first; at <= last && at < campaigns->rowCount(); ++at) {
            const CampaignRow &row = campaigns->rows().at(at);
            campaignSeen(row.campaign.id, row.campaign.name, row.campaign.state,
                         row.metrics ? std::optional<double>(row.metrics->progressPercent) : std::nullopt,
                         row.metrics ? std::optional<qint64>(row.metrics->crackedHashes) : std::nullopt);
        }
    };
    connect(campaigns, &QAbstractItemModel::rowsInserted, this,
            [readCampaigns](const QModelIndex &, int first, int last) { readCampaigns(first, last); });
    connect(campaigns, &QAbstractItemModel::dataChanged, this,
            [readCampaigns](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                // The 30 s refresh of "ago" texts changes nothing that is decided on.
                if (isTimeRefresh(roles))
                    return;
                readCampaigns(from.row(), to.row());
            });
    connect(campaigns, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, campaigns](const QModelIndex &, int first, int last) {
                for (int at = first; at <= last; ++at)
                    campaignGone(campaigns->rows().at(at).campaign.id);
            });
    connect(campaigns, &QAbstractItemModel::modelAboutToBeReset, this, &Notifier::forgetEntities);

    AgentModel *agents = console->agents();
    const auto readAgents = [this, agents](int first, int last) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int at = first; at <= last && at < agents->rowCount(); ++at) {
            const Agent &agent = agents->rows().at(at).agent;
            agentSeen(agent.id, agent.displayName(), AgentModel::isOnline(agent, now));
        }
    };
    connect(agents, &QAbstractItemModel::rowsInserted, this,
            [readAgents](const QModelIndex &, int first, int last) { readAgents(first, last); });
    connect(
        agents, &QAbstractItemModel::dataChanged, this,
        [readAgents](const QModelIndex &from, const QModelIndex &to) { readAgents(from.row(), to.row()); });
    connect(agents, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, agents](const QModelIndex &, int first, int last) {
                for (int at = first; at <= last; ++at)
                    agentGone(agents->rows().at(at).agent.id);
            });
}

void Notifier::setServerName(const QString &name)
{
    m_serverName = name;
}

void Notifier::setConnection(Connection connection, const QString &reason)
{
    const QDateTime at = now();
    m_reason = reason;
    if (connection == m_connection) {
        checkConnection(at);
        return;
    }
    const Connection before = m_connection;
    m_connection = connection;
    qCDebug(lcModel) << "notifier: connection" << connection;
    switch (connection) {
    case Connection::Live:
        if (before != Connection::Live)
            restartClocks(at); // the data is current again from now on
        m_lastLiveAt = at;
        if (m_outageTold) {
            const qint64 downFor = std::max<qint64>(0, m_downSince.secsTo(at));
            if (enabled(Key::NotifyBack) && !silenced(at)) {
                emitShow({Notification::Kind::Back,
                          QStringLiteral("connection"),
                          tr("Connected again to %1").arg(m_serverName),
                          tr("Live updates are back after %1 without them.").arg(Format::duration(downFor)),
                          {QString::fromLatin1(Notification::kOpen)},
                          false});
            } else {
                Q_EMIT withdraw(QStringLiteral("connection"));
            }
        }
        m_outageTold = false;
        m_downSince = {};
        if (m_expiryTold) {
            Q_EMIT withdraw(QStringLiteral("session"));
            m_expiryTold = false;
        }
        break;
    case Connection::Down:
        if (!m_downSince.isValid())
            m_downSince = at;
        if (before == Connection::Live)
            m_lastLiveAt = at;
        break;
    case Connection::Starting:
        // A new sign-in: an earlier outage is over as far as the operator is concerned.
        break;
    case Connection::SignedOut:
        if (m_outageTold)
            Q_EMIT withdraw(QStringLiteral("connection"));
        if (m_expiryTold)
            Q_EMIT withdraw(QStringLiteral("session"));
        m_outageTold = m_expiryTold = false;
        m_downSince = {};
        break;
    case Connection::Expired:
        if (m_outageTold)
            Q_EMIT withdraw(QStringLiteral("connection"));
        m_outageTold = false;
        m_downSince = {};
        if (!m_expiryTold && enabled(Key::NotifySessionExpired) && !silenced(at)) {
            emitShow({Notification::Kind::SessionExpired,
                      QStringLiteral("session"),
                      tr("Signed out of %1").arg(m_serverName),
                      tr("The session expired. Sign in again to keep the tables live."),
                      {QString::fromLatin1(Notification::kSignIn)},
                      true});
            m_expiryTold = true;
        }
        break;
    }
    checkConnection(at);
}

void Notifier::systemSleeping()
{
    m_sleeping = true;
}

void Notifier::restartClocks(const QDateTime &at)
{
    // What was not seen while away is no evidence: stall and offline clocks count from now.
    for (CampaignTrack &track : m_campaigns)
        track.progressSince = at;
    for (AgentTrack &track : m_agents) {
        if (track.offlineSince.isValid())
            track.offlineSince = at;
    }
}

void Notifier::systemResumed()
{
    m_sleeping = false;
    restartClocks(now());
    // The feeds reconnect after a wake; the grace period starts again from now.
    if (m_downSince.isValid() && !m_outageTold)
        m_downSince = now();
    m_lastTick = now();
}

void Notifier::checkConnection(const QDateTime &at)
{
    if (m_connection != Connection::Down || m_outageTold || m_sleeping || !m_downSince.isValid())
        return;
    if (m_downSince.secsTo(at) < seconds(Key::DisconnectGraceSeconds).count())
        return;
    if (!enabled(Key::NotifyDisconnected) || silenced(at))
        return; // told when the pause or the quiet hours end, if it still lasts
    const QDateTime since = m_lastLiveAt.isValid() ? m_lastLiveAt : m_downSince;
    QString body =
        tr("No live updates since %1.").arg(Format::timeOfDay(since.toLocalTime(), at.toLocalTime()));
    if (!m_reason.isEmpty())
        body += QLatin1Char(' ') + tr("Why: %1.").arg(m_reason);
    emitShow({Notification::Kind::Disconnected,
              QStringLiteral("connection"),
              tr("Disconnected from %1").arg(m_serverName),
              body,
              {QString::fromLatin1(Notification::kReconnect), QString::fromLatin1(Notification::kOpen)},
              true});
    m_outageTold = true;
}

void Notifier::crackAnnounced(const Toast &toast)
{
    m_recentCracks.push_back(toast);
    while (m_recentCracks.size() > kRecentCracks)
        m_recentCracks.pop_front();
}

void Notifier::campaignSeen(qint64 id, const QString &name, const QString &state,
                            std::optional<double> progress, std::optional<qint64> cracked)
{
    const QDateTime at = now();
    auto found = m_campaigns.find(id);
    if (found == m_campaigns.end()) {
        // The first sight is the baseline: nothing about it is news.
        m_campaigns.insert(id, CampaignTrack{name, state, progress, cracked, at, false, 0, {}});
        return;
    }
    CampaignTrack &track = *found;
    track.name = name;
    if (state != track.state) {
        const QString before = track.state;
        track.state = state;
        track.progressSince = at;
        if (state == QLatin1String("completed") && enabled(Key::NotifyCampaignFinished) && !silenced(at)) {
            emitShow({Notification::Kind::CampaignFinished,
                      QStringLiteral("campaign:%1").arg(id),
                      tr("Campaign finished: %1").arg(name),
                      cracked
                          ? (*cracked == 1 ? tr("1 hash cracked.") : tr("%1 hashes cracked.").arg(*cracked))
                          : QString(),
                      {QString::fromLatin1(Notification::kOpen)},
                      false});
        } else if (state == QLatin1String("error") && enabled(Key::NotifyCampaignFinished) && !silenced(at)) {
            emitShow({Notification::Kind::CampaignFailed,
                      QStringLiteral("campaign:%1").arg(id),
                      tr("Campaign failed: %1").arg(name),
                      tr("It was %1 before.").arg(before),
                      {QString::fromLatin1(Notification::kOpen)},
                      true});
        }
        if (track.stallNotified) {
            track.stallNotified = false;
            Q_EMIT withdraw(QStringLiteral("stall:%1").arg(id));
        }
    }
    if (progress && (!track.progress || !qFuzzyCompare(1.0 + *progress, 1.0 + *track.progress))) {
        track.progress = progress;
        track.progressSince = at;
        if (track.stallNotified) {
            track.stallNotified = false;
            Q_EMIT withdraw(QStringLiteral("stall:%1").arg(id));
        }
    }
    if (cracked) {
        if (track.cracked && *cracked > *track.cracked) {
            const int count = int(std::min<qint64>(*cracked - *track.cracked, INT_MAX / 2));
            m_unseenCracks += count;
            Q_EMIT unseenCracksChanged(m_unseenCracks);
            if (track.windowEndsAt.isValid() && at < track.windowEndsAt)
                track.pendingCracks += count; // told when the window closes
            else
                tellCracks(id, track, count);
        }
        track.cracked = cracked;
    }
}

void Notifier::tellCracks(qint64 id, CampaignTrack &track, int count)
{
    const QDateTime at = now();
    track.pendingCracks = 0;
    track.windowEndsAt = at.addSecs(kCrackWindow.count());
    if (!enabled(Key::NotifyCracks) || silenced(at))
        return;
    emitShow({Notification::Kind::Cracks,
              QStringLiteral("cracks:%1").arg(id),
              count == 1 ? tr("1 new crack in %1").arg(track.name)
                         : tr("%1 new cracks in %2").arg(count).arg(track.name),
              latestCrackDetail(),
              {QString::fromLatin1(Notification::kOpen)},
              false});
}

QString Notifier::latestCrackDetail() const
{
    if (m_recentCracks.empty())
        return {};
    const Toast &latest = m_recentCracks.back();
    QString agent;
    const QString hash = shortHash(latest.redacted, &agent);
    QString detail = hash.isEmpty() ? tr("Latest: %1").arg(latest.redacted.trimmed())
                                    : tr("Latest: hash %1 by %2").arg(hash, agent);
    // The plaintext is a secret: only where the operator turned this on.
    if (m_settings->flag(Key::ShowCrackPlaintext) && !latest.plaintext.isEmpty())
        detail += QLatin1Char(' ') + tr("(plaintext: %1)").arg(latest.plaintext);
    return detail;
}

void Notifier::campaignGone(qint64 id)
{
    m_campaigns.remove(id);
}

void Notifier::agentSeen(qint64 id, const QString &name, bool online)
{
    auto found = m_agents.find(id);
    if (found == m_agents.end()) {
        m_agents.insert(id, AgentTrack{name, online, online ? QDateTime() : now(), !online});
        return; // offline when first seen: not news (it may have been offline for days)
    }
    AgentTrack &track = *found;
    track.name = name;
    if (online == track.online)
        return;
    track.online = online;
    if (online) {
        track.offlineSince = {};
        if (track.notified)
            Q_EMIT withdraw(QStringLiteral("agent:%1").arg(id));
        track.notified = false;
    } else {
        track.offlineSince = now();
    }
}

void Notifier::agentGone(qint64 id)
{
    m_agents.remove(id);
}

void Notifier::forgetEntities()
{
    m_campaigns.clear();
    m_agents.clear();
    m_recentCracks.clear();
}

void Notifier::tick()
{
    const QDateTime at = now();
    if (m_lastTick.isValid() && m_lastTick.msecsTo(at) > m_tick.interval() + kClockJumpMs)
        systemResumed(); // the timer was late by far more than a busy machine makes it: a wake
    m_lastTick = at;
    if (m_pausedUntil.isValid() && at >= m_pausedUntil) {
        m_pausedUntil = {};
        Q_EMIT pausedChanged(false);
    }
    checkConnection(at);
    for (auto it = m_campaigns.begin(); it != m_campaigns.end(); ++it) {
        CampaignTrack &track = *it;
        if (!track.windowEndsAt.isValid() || at < track.windowEndsAt)
            continue;
        if (track.pendingCracks > 0)
            tellCracks(it.key(), track, track.pendingCracks);
        else
            track.windowEndsAt = {};
    }
    if (!m_lastStallCheck.isValid() || m_lastStallCheck.msecsTo(at) >= kStallCheckMs
        || m_lastStallCheck.msecsTo(at) < 0) {
        m_lastStallCheck = at;
        checkStalls(at);
        checkAgents(at);
    }
}

void Notifier::checkStalls(const QDateTime &at)
{
    if (m_connection != Connection::Live)
        return; // without live data, "no progress" means nothing
    const qint64 stallSeconds = seconds(Key::StallMinutes).count() * 60;
    for (auto it = m_campaigns.begin(); it != m_campaigns.end(); ++it) {
        CampaignTrack &track = *it;
        if (track.stallNotified || track.state != QLatin1String("active") || !track.progress
            || track.progressSince.secsTo(at) < stallSeconds)
            continue;
        if (!enabled(Key::NotifyCampaignStalled) || silenced(at))
            continue;
        track.stallNotified = true;
        emitShow({Notification::Kind::CampaignStalled,
                  QStringLiteral("stall:%1").arg(it.key()),
                  tr("Campaign stalled: %1").arg(track.name),
                  tr("Active, but no progress since %1 (%2).")
                      .arg(Format::timeOfDay(track.progressSince.toLocalTime(), at.toLocalTime()),
                           Format::percent(*track.progress)),
                  {QString::fromLatin1(Notification::kOpen)},
                  false});
    }
}

void Notifier::checkAgents(const QDateTime &at)
{
    if (m_connection != Connection::Live)
        return; // an agent looks offline when we are
    const qint64 grace = seconds(Key::AgentGraceSeconds).count();
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        AgentTrack &track = *it;
        if (track.online || track.notified || !track.offlineSince.isValid()
            || track.offlineSince.secsTo(at) < grace)
            continue;
        if (!enabled(Key::NotifyAgentOffline) || silenced(at))
            continue;
        track.notified = true;
        emitShow({Notification::Kind::AgentOffline,
                  QStringLiteral("agent:%1").arg(it.key()),
                  tr("Agent offline: %1").arg(track.name),
                  tr("Not seen since %1.")
                      .arg(Format::timeOfDay(track.offlineSince.toLocalTime(), at.toLocalTime())),
                  {QString::fromLatin1(Notification::kOpen)},
                  false});
    }
}

void Notifier::pauseFor(std::chrono::seconds duration)
{
    m_pausedUntil = now().addSecs(duration.count());
    Q_EMIT pausedChanged(true);
}

void Notifier::pauseUntilResumed()
{
    m_pausedUntil = QDateTime(QDate(9999, 12, 31), QTime(0, 0), Qt::UTC);
    Q_EMIT pausedChanged(true);
}

void Notifier::resume()
{
    if (!m_pausedUntil.isValid())
        return;
    m_pausedUntil = {};
    Q_EMIT pausedChanged(false);
    checkConnection(now());
}

bool Notifier::isPaused() const
{
    return m_pausedUntil.isValid() && now() < m_pausedUntil;
}

bool Notifier::isHoldingCracks() const
{
    return std::any_of(m_campaigns.cbegin(), m_campaigns.cend(),
                       [](const CampaignTrack &track) { return track.pendingCracks > 0; });
}

void Notifier::markCracksSeen()
{
    if (m_unseenCracks == 0)
        return;
    m_unseenCracks = 0;
    Q_EMIT unseenCracksChanged(0);
}

bool Notifier::silenced(const QDateTime &at) const
{
    if (m_pausedUntil.isValid() && at < m_pausedUntil)
        return true;
    if (!m_settings->flag(Key::QuietHours))
        return false;
    const QTime from = QTime::fromString(m_settings->text(Key::QuietHoursFrom), QStringLiteral("HH:mm"));
    const QTime to = QTime::fromString(m_settings->text(Key::QuietHoursTo), QStringLiteral("HH:mm"));
    const QTime time = at.toLocalTime().time();
    if (!from.isValid() || !to.isValid() || from == to)
        return false;
    return from < to ? (time >= from && time < to) : (time >= from || time < to);
}

bool Notifier::enabled(ConsoleSettings::Key key) const
{
    return m_settings->flag(key);
}

std::chrono::seconds Notifier::seconds(ConsoleSettings::Key key) const
{
    return std::chrono::seconds(static_cast<qint64>(m_settings->number(key)));
}

void Notifier::emitShow(const Notification &notification)
{
    qCInfo(lcModel).noquote() << "notify:" << notification.key << notification.summary;
    Q_EMIT show(notification);
}

} // namespace swarmwatch
