#include "JournalRecorder.h"

#include "CampaignModel.h"
#include "ConsoleSession.h"
#include "LiveSync.h"

namespace swarmwatch {

JournalRecorder::JournalRecorder(Journal *journal, Journal::Clock clock, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &JournalRecorder::tick);
}

void JournalRecorder::watch(ConsoleSession *console)
{
    const auto context = [this, console] {
        const std::optional<qint64> project = console->projectId();
        if (console->server().toString() != m_server || project != m_projectId)
            m_campaigns.clear(); // another server or project: no baseline
        setContext(console->server().toString(), project);
    };
    connect(console, &ConsoleSession::identityChanged, this, context);
    connect(console, &ConsoleSession::stateChanged, this,
            [this, console, context](ConsoleSession::State state) {
                context();
                switch (state) {
                case ConsoleSession::State::SignedIn:
                    connectionChanged(tr("Signed in as %1").arg(console->email()));
                    break;
                case ConsoleSession::State::SignedOut:
                    connectionChanged(tr("Signed out"));
                    break;
                case ConsoleSession::State::Expired:
                    connectionChanged(tr("Session expired"));
                    break;
                case ConsoleSession::State::SigningIn:
                    break;
                }
            });
    connect(console->sync(), &LiveSync::statusEntered, this, [this, console](LiveSync::Status status) {
        const QString reason = console->sync()->statusReason();
        // As the Activity view says it.
        connectionChanged(reason.isEmpty()
                              ? tr("Connection: %1").arg(LiveSync::statusName(status))
                              : tr("Connection: %1 (%2)").arg(LiveSync::statusName(status), reason));
    });
    connect(console->sync(), &LiveSync::toastReceived, this,
            [this](const Toast &toast) { this->toast(toast.redacted); });

    CampaignModel *campaigns = console->campaigns();
    const auto read = [this, campaigns](int first, int last) {
        for (int at = first; at <= last && at < campaigns->rowCount(); ++at) {
            const CampaignRow &row = campaigns->rows().at(at);
            campaignSeen(row.campaign.id, row.campaign.name, row.campaign.state,
                         row.metrics ? std::optional<double>(row.metrics->progressPercent) : std::nullopt,
                         row.metrics ? std::optional<qint64>(row.metrics->crackedHashes) : std::nullopt);
        }
    };
    connect(campaigns, &QAbstractItemModel::rowsInserted, this,
            [read](const QModelIndex &, int first, int last) { read(first, last); });
    // Rows that go (another project, deleted on the server) are no longer followed: no made-up flat lines.
    connect(campaigns, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, campaigns](const QModelIndex &, int first, int last) {
                for (int at = first; at <= last; ++at)
                    m_campaigns.remove(campaigns->rows().at(at).campaign.id);
            });
    connect(campaigns, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_campaigns.clear(); });
    // The minute's points say "nothing moved": only true while the data is live.
    const auto live = [this, console] {
        setLive(console->state() == ConsoleSession::State::SignedIn
                && console->sync()->status() == LiveSync::Status::Live);
    };
    connect(console, &ConsoleSession::stateChanged, this, live);
    connect(console->sync(), &LiveSync::statusChanged, this, live);
    live();
    connect(campaigns, &QAbstractItemModel::dataChanged, this,
            [read](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (isTimeRefresh(roles))
                    return; // the 30 s refresh of relative times
                read(from.row(), to.row());
            });
    context();
    m_tick.start();
}

void JournalRecorder::setContext(const QString &server, std::optional<qint64> projectId)
{
    m_server = server;
    m_projectId = projectId;
}

JournalEntry JournalRecorder::entry(JournalEntry::Kind kind, const QString &text) const
{
    JournalEntry e;
    e.at = m_clock();
    e.kind = kind;
    e.server = m_server;
    e.projectId = m_projectId;
    e.text = text;
    return e;
}

void JournalRecorder::setLive(bool live)
{
    m_live = live;
}

void JournalRecorder::connectionChanged(const QString &text)
{
    m_journal->record(entry(JournalEntry::Kind::Connection, text));
}

void JournalRecorder::toast(const QString &redactedText)
{
    m_journal->record(entry(JournalEntry::Kind::Toast, redactedText));
}

void JournalRecorder::campaignSeen(qint64 id, const QString &name, const QString &state,
                                   std::optional<double> progress, std::optional<qint64> cracked)
{
    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
    auto found = m_campaigns.find(id);
    if (found == m_campaigns.end()) {
        Track track{name, state, progress, cracked, -1, false};
        if (progress || cracked)
            sample(id, track, nowMs); // where the curve starts
        m_campaigns.insert(id, track);
        return;
    }
    Track &track = *found;
    track.name = name;
    if (state != track.state) {
        JournalEntry e = entry(JournalEntry::Kind::Campaign, tr("%1: %2 → %3").arg(name, track.state, state));
        e.campaignId = id;
        m_journal->record(e);
        track.state = state;
    }
    const bool moved = (progress && progress != track.progress) || (cracked && cracked != track.cracked);
    if (progress)
        track.progress = progress;
    if (cracked)
        track.cracked = cracked;
    if (!moved)
        return;
    if (track.lastSampleMs < 0 || nowMs - track.lastSampleMs >= kMovedSampleMs)
        sample(id, track, nowMs);
    else
        track.held = true; // written by tick() when the 10 s are up, with the latest value
}

void JournalRecorder::sample(qint64 id, Track &track, qint64 nowMs)
{
    // The name makes a sample findable by it (and readable in the CLI) for a few bytes.
    JournalEntry e = entry(JournalEntry::Kind::Sample, track.name);
    e.at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    e.campaignId = id;
    e.progress = track.progress;
    e.cracked = track.cracked;
    m_journal->record(e);
    track.lastSampleMs = nowMs;
    track.held = false;
}

void JournalRecorder::tick()
{
    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
    for (auto it = m_campaigns.begin(); it != m_campaigns.end(); ++it) {
        Track &track = *it;
        if (track.lastSampleMs < 0)
            continue;
        const qint64 since = nowMs - track.lastSampleMs;
        if ((track.held && since >= kMovedSampleMs)
            || (m_live && track.state == QLatin1String("active") && since >= kQuietSampleMs))
            sample(it.key(), track, nowMs);
    }
}

} // namespace swarmwatch
