#include "WatchCommand.h"

#include "AgentModel.h"
#include "ApiJson.h"
#include "CampaignModel.h"
#include "CommandContext.h"
#include "ExitCode.h"
#include "Format.h"
#include "LiveSync.h"
#include "Session.h"
#include "SystemNetworkReachability.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

#include <sys/ioctl.h>
#include <unistd.h>

namespace swarmwatch {

namespace {

constexpr LiveSync::Feed kFeeds[] = {LiveSync::Feed::Campaigns, LiveSync::Feed::Agents,
                                     LiveSync::Feed::Toasts};

// Rows of the terminal, for keeping the header on screen; 0 when not a terminal.
int terminalRows(std::FILE *out)
{
    bool ok = false;
    const int lines = qEnvironmentVariableIntValue("LINES", &ok);
    if (ok && lines > 0)
        return lines;
    winsize size{};
    if (::isatty(fileno(out)) && ::ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_row > 0)
        return size.ws_row;
    return 0;
}

// Only as many of a table's lines as the screen has room for, and a last line saying how many were left out.
QString fitRows(const QString &table, int room, bool campaigns)
{
    QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (room <= 0 || lines.size() <= room)
        return table;
    const qsizetype shown = std::max(1, room - 1);
    const qsizetype hidden = lines.size() - shown;
    lines.resize(shown);
    lines.append(campaigns ? WatchCommand::tr("… %n more (narrow with --state or --limit)", nullptr,
                                              static_cast<int>(hidden))
                           : WatchCommand::tr("… %n more agents (a taller terminal shows them)", nullptr,
                                              static_cast<int>(hidden)));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

void WatchCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("agents"), tr("Follow the agents too.")});
    parser.addOption(
        {QStringLiteral("show-secrets"), tr("Show cracked plaintexts in toasts (hidden by default).")});
    parser.addOption({QStringLiteral("watchdog-seconds"),
                      tr("Reconnect a feed silent this long (default 75)."), tr("seconds"),
                      QStringLiteral("75")});
    parser.addOption({QStringLiteral("resync-seconds"), tr("Full resync interval (default 60)."),
                      tr("seconds"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("max-requests-per-second"),
                      tr("REST budget against the server (default 100; 0: no limit)."), tr("n"),
                      QStringLiteral("100")});
}

QString WatchCommand::readOptions(const QCommandLineParser &parser, Options *options)
{
    options->agents = parser.isSet(QStringLiteral("agents"));
    options->showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    bool ok = false;
    options->watchdogSeconds = parser.value(QStringLiteral("watchdog-seconds")).toDouble(&ok);
    if (!ok || options->watchdogSeconds < 1 || options->watchdogSeconds > 86400)
        return tr("--watchdog-seconds takes a number from 1 to 86400");
    options->resyncSeconds = parser.value(QStringLiteral("resync-seconds")).toDouble(&ok);
    if (!ok || options->resyncSeconds < 1 || options->resyncSeconds > 86400)
        return tr("--resync-seconds takes a number from 1 to 86400");
    options->requestsPerSecond = parser.value(QStringLiteral("max-requests-per-second")).toDouble(&ok);
    if (!ok || options->requestsPerSecond < 0 || options->requestsPerSecond > 100000)
        return tr("--max-requests-per-second takes a number from 0 to 100000");
    return {};
}

WatchCommand::WatchCommand(CommandContext &context, Options options)
    : m_context(context)
    , m_options(std::move(options))
    , m_terminal(context.outputIsTerminal())
{}

WatchCommand::~WatchCommand() = default;

int WatchCommand::run()
{
    m_sync = std::make_unique<LiveSync>(m_context.client(), m_context.network(), &m_reachability,
                                        &m_campaigns, &m_agents);
    LiveSyncSettings settings;
    settings.agents = m_options.agents;
    settings.feed.idleTimeout =
        std::chrono::milliseconds(static_cast<qint64>(m_options.watchdogSeconds * 1000));
    settings.resyncInterval = std::chrono::milliseconds(static_cast<qint64>(m_options.resyncSeconds * 1000));
    settings.requestsPerSecond = m_options.requestsPerSecond;
    m_sync->setSettings(settings);

    printSnapshotWhenReady();
    if (!m_options.json && m_terminal)
        redrawEverySecondWhileNotLive();
    follow(&m_campaigns, CampaignModel::IdRole, &m_changedCampaigns, QStringLiteral("campaign"));
    follow(&m_agents, AgentModel::IdRole, &m_changedAgents, QStringLiteral("agent"));
    m_upserts.setSingleShot(true);
    m_upserts.setInterval(0);
    QObject::connect(&m_upserts, &QTimer::timeout, &m_upserts, [this] { emitChanges(); });
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(250);
    QObject::connect(&m_redraw, &QTimer::timeout, &m_redraw, [this] { drawTable(); });

    QObject::connect(m_sync.get(), &LiveSync::statusChanged, &m_loop, [this] { onStatusChanged(); });
    QObject::connect(
        m_sync.get(), &LiveSync::feedStateChanged, &m_loop,
        [this](LiveSync::Feed feed, SseConnection::State state) {
            // Failed: a certificate, an insecure redirect; retrying cannot help, as `sse` says.
            if (state == SseConnection::State::Failed)
                finish(ExitNetwork,
                       tr("the %1 feed: %2").arg(LiveSync::feedKey(feed), m_sync->feed(feed)->reason()));
        });
    QObject::connect(m_sync.get(), &LiveSync::toastReceived, &m_loop,
                     [this](const Toast &toast) { onToast(toast); });
    QObject::connect(m_sync.get(), &LiveSync::error, &m_loop,
                     [this](const SyncError &error) { onError(error); });
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &m_loop,
                     [this] { m_loop.exit(ExitOk); });

    m_sync->start();
    if (!m_options.json && m_terminal)
        drawTable(); // at once: the header says what is going on before anything has arrived
    const int code = m_loop.exec();
    m_sync->stop();
    QObject::disconnect(m_sync.get(), nullptr, &m_loop, nullptr);
    if (code == ExitOk && m_options.json) {
        QJsonObject last{{QStringLiteral("op"), QStringLiteral("final")},
                         {QStringLiteral("campaigns"), campaignArray()}};
        if (m_options.agents)
            last.insert(QStringLiteral("agents"), agentArray());
        emitLine(last);
    }
    if (code != ExitOk)
        m_context.printError(m_ending);
    return code;
}

void WatchCommand::finish(int code, const QString &why)
{
    if (m_ending.isEmpty())
        m_ending = why;
    m_loop.exit(code);
}

// ---- the first picture ----

void WatchCommand::printSnapshotWhenReady()
{
    QObject::connect(m_sync.get(), &LiveSync::snapshotLoaded, &m_settle, [this] {
        m_sinceLoaded.start();
        m_lastError.clear(); // the list came: what failed before has healed
    });
    m_settle.setInterval(100);
    QObject::connect(&m_settle, &QTimer::timeout, &m_settle, [this] {
        if (!m_sync->isSnapshotLoaded() || (!m_sync->isSnapshotComplete() && m_sinceLoaded.elapsed() < 2000))
            return;
        m_settle.stop();
        m_snapshotPrinted = true;
        if (!m_options.json) {
            drawTable();
            return;
        }
        QJsonObject snapshot{{QStringLiteral("op"), QStringLiteral("snapshot")},
                             {QStringLiteral("campaigns"), campaignArray()}};
        if (m_options.agents)
            snapshot.insert(QStringLiteral("agents"), agentArray());
        emitLine(snapshot);
    });
    m_settle.start();
}

// ---- JSON lines ----

void WatchCommand::emitLine(QJsonObject object)
{
    const QString op = object.take(QStringLiteral("op")).toString();
    const QByteArray rest = QJsonDocument(object).toJson(QJsonDocument::Compact);
    m_context.print(QStringLiteral("{\"op\":\"%1\"").arg(op)
                    + (rest.size() > 2 ? QStringLiteral(",") : QString()) + QString::fromUtf8(rest.mid(1))
                    + QLatin1Char('\n'));
    std::fflush(m_context.out());
}

QJsonArray WatchCommand::campaignArray()
{
    QJsonArray array;
    for (const int r : TableFormatter::campaignRows(m_campaigns, m_options.selection)) {
        array.append(ApiJson::toJson(m_campaigns.rows().at(r)));
        m_shownCampaigns.insert(m_campaigns.rows().at(r).campaign.id);
    }
    return array;
}

QJsonArray WatchCommand::agentArray() const
{
    QJsonArray array;
    for (const AgentRow &row : m_agents.rows())
        array.append(ApiJson::toJson(row));
    return array;
}

QJsonObject WatchCommand::feedStates() const
{
    QJsonObject feeds;
    for (const LiveSync::Feed feed : kFeeds) {
        if (feed != LiveSync::Feed::Agents || m_options.agents)
            feeds.insert(LiveSync::feedKey(feed), SseConnection::stateName(m_sync->feedState(feed)));
    }
    return feeds;
}

void WatchCommand::emitChanges()
{
    // By id, not by a pass over every row: a busy server changes a few rows of thousands at a time.
    for (const qint64 id : std::as_const(m_changedCampaigns)) {
        const CampaignRow *row = m_campaigns.row(id);
        const bool selected =
            row
            && (m_options.selection.states.isEmpty()
                || m_options.selection.states.contains(row->campaign.state, Qt::CaseInsensitive));
        if (selected) {
            m_shownCampaigns.insert(id);
            emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                      {QStringLiteral("campaign"), ApiJson::toJson(*row)}});
        } else if (row && m_shownCampaigns.remove(id)) {
            emitLine({{QStringLiteral("op"), QStringLiteral("remove")},
                      {QStringLiteral("type"), QStringLiteral("campaign")},
                      {QStringLiteral("id"), id}});
        }
    }
    for (const qint64 id : std::as_const(m_changedAgents)) {
        if (const AgentRow *row = m_agents.row(id))
            emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                      {QStringLiteral("agent"), ApiJson::toJson(*row)}});
    }
    m_changedCampaigns.clear();
    m_changedAgents.clear();
}

// ---- the table ----

QString WatchCommand::header(int width) const
{
    // "live", or what is wrong and when the next try is: the header never leaves doubt about what is shown.
    const LiveSync &sync = *m_sync;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString status = tr("%1 - %2").arg(m_context.server().toString(), LiveSync::statusName(sync.status()));
    if (!sync.statusReason().isEmpty())
        status += QStringLiteral(" (") + sync.statusReason() + QLatin1Char(')');
    QDateTime nextTry;
    for (const LiveSync::Feed feed : kFeeds) {
        const SseConnection *connection = sync.feed(feed);
        if (connection->state() == SseConnection::State::Reconnecting && connection->nextAttemptAt().isValid()
            && (!nextTry.isValid() || connection->nextAttemptAt() < nextTry))
            nextTry = connection->nextAttemptAt();
    }
    if (!sync.isSnapshotLoaded() && (!nextTry.isValid() || sync.nextResyncAt() < nextTry))
        nextTry = sync.nextResyncAt();
    // What matters most last on the line and kept whole, so that a narrow terminal cuts the reason instead.
    QString when;
    if (nextTry.isValid() && sync.status() != LiveSync::Status::Live)
        when += tr(", next try in %1")
                    .arg(Format::duration(std::max<qint64>(0, (now.msecsTo(nextTry) + 999) / 1000)));
    if (sync.status() != LiveSync::Status::Live && sync.lastFreshAt().isValid() && m_snapshotPrinted)
        when += tr(", data as of %1").arg(Format::timeOfDay(sync.lastFreshAt(), now));
    QStringList lines{status + when};
    if (!sync.isSnapshotLoaded())
        lines.append(tr("Waiting for the first snapshot")
                     + (m_lastError.isEmpty() ? QString() : QStringLiteral(": ") + m_lastError));
    else if (!m_lastError.isEmpty())
        lines.append(tr("Last error: %1").arg(m_lastError));
    if (!m_lastToast.isEmpty())
        lines.append(tr("Last notification: %1").arg(m_lastToast));
    QString text;
    for (QString &line : lines) {
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        // One screen row each, so that counting rows counts lines: the header must never scroll away.
        if (width > 0 && TextTable::displayWidth(line) > width)
            line =
                TextTable::elide(line.left(line.size() - when.size()), width - TextTable::displayWidth(when))
                + when;
        text += line + QLatin1Char('\n');
    }
    return text;
}

void WatchCommand::drawTable()
{
    m_sinceDrawn.restart();
    const int width = m_context.outputWidth();
    const int rows = m_terminal ? terminalRows(m_context.out()) : 0;
    QString screen = header(width) + QLatin1Char('\n');
    if (m_sync->isSnapshotLoaded()) {
        const QList<int> order = TableFormatter::campaignRows(m_campaigns, m_options.selection);
        const QString campaignTable = TableFormatter::campaigns(m_campaigns, order).render(width);
        const QString agentTable =
            m_options.agents ? TableFormatter::agents(m_agents).render(width) : QString();
        // What the header leaves (and a blank line before the agents): the agents get the room they need up
        // to half of it, the campaigns the rest.
        const int room = std::max(4, rows - static_cast<int>(screen.count(QLatin1Char('\n')))
                                         - (m_options.agents ? 1 : 0) - 1);
        const int agentRoom =
            m_options.agents ? std::min(static_cast<int>(agentTable.count(QLatin1Char('\n'))), room / 2) : 0;
        screen += fitRows(campaignTable, rows > 0 ? room - agentRoom : 0, true);
        if (m_options.agents)
            screen += QLatin1Char('\n') + fitRows(agentTable, rows > 0 ? agentRoom : 0, false);
    }
    if (m_terminal)
        m_context.print(QStringLiteral("\x1b[H\x1b[2J") + screen);
    else
        m_context.print(screen + QStringLiteral("--\n"));
    std::fflush(m_context.out());
}

void WatchCommand::redrawEverySecondWhileNotLive()
{
    // Before the first picture and while not live, the header counts down: redraw it every second. Live, the
    // table is redrawn on change, and every 30 s for its relative times.
    m_sinceDrawn.start();
    QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [this] {
        if (m_redraw.isActive())
            return;
        if (!m_snapshotPrinted || m_sync->status() != LiveSync::Status::Live
            || m_sinceDrawn.elapsed() >= 30000)
            drawTable();
    });
    m_tick.start(1000);
}

// ---- following the models ----

void WatchCommand::follow(QAbstractItemModel *model, int idRole, QSet<qint64> *changed, const QString &type)
{
    // Both models answer IdRole with the row's id, so one wiring serves both.
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                     [=, this](const QModelIndex &, int first, int last) {
                         touched(model, idRole, changed, first, last);
                     });
    QObject::connect(
        model, &QAbstractItemModel::dataChanged, model,
        [=, this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
            if (!isTimeRefresh(roles)) // "5 min ago" counting on changes no row
                touched(model, idRole, changed, topLeft.row(), bottomRight.row());
        });
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, model,
                     [=, this](const QModelIndex &, int first, int last) {
                         if (!m_snapshotPrinted)
                             return;
                         if (!m_options.json) {
                             m_redraw.start();
                             return;
                         }
                         for (int r = first; r <= last; ++r) {
                             const qint64 id = model->data(model->index(r, 0), idRole).toLongLong();
                             changed->remove(id);
                             // A campaign the reader was never told of (outside --state) needs no remove.
                             if (changed == &m_changedCampaigns && !m_shownCampaigns.remove(id))
                                 continue;
                             emitLine({{QStringLiteral("op"), QStringLiteral("remove")},
                                       {QStringLiteral("type"), type},
                                       {QStringLiteral("id"), id}});
                         }
                     });
}

void WatchCommand::touched(QAbstractItemModel *model, int idRole, QSet<qint64> *changed, int first, int last)
{
    if (!m_snapshotPrinted)
        return;
    if (!m_options.json) {
        m_redraw.start();
        return;
    }
    for (int r = first; r <= last; ++r)
        changed->insert(model->data(model->index(r, 0), idRole).toLongLong());
    m_upserts.start();
}

// ---- what LiveSync says ----

void WatchCommand::onStatusChanged()
{
    const LiveSync::Status status = m_sync->status();
    if (m_options.json) {
        emitLine({{QStringLiteral("op"), QStringLiteral("status")},
                  {QStringLiteral("status"), LiveSync::statusName(status)},
                  {QStringLiteral("reason"), m_sync->statusReason()},
                  {QStringLiteral("feeds"), feedStates()}});
    } else if (m_snapshotPrinted || !m_terminal) {
        m_redraw.start();
    }
    if (status == LiveSync::Status::Live)
        m_lastError.clear();
    if (status == LiveSync::Status::Unauthorized
        && m_context.session()->state() == Session::State::Unauthorized)
        finish(ExitAuthentication, m_context.sessionExpiredLine()); // nobody can type a password here
}

void WatchCommand::onToast(const Toast &toast)
{
    const QString message = m_options.showSecrets ? toast.fullText() : toast.redacted;
    if (m_options.json) {
        emitLine({{QStringLiteral("op"), QStringLiteral("toast")}, {QStringLiteral("message"), message}});
    } else if (m_terminal) {
        m_lastToast = message;
        m_redraw.start();
    } else {
        std::fprintf(m_context.err(), "%s\n", message.toUtf8().constData());
    }
}

void WatchCommand::onError(const SyncError &error)
{
    if (error.kind == ApiError::Kind::Tls) {
        finish(ExitNetwork, error.describe());
        return;
    }
    m_lastError = error.describe();
    if (m_options.json || !m_terminal)
        m_context.printError(error.describe());
    else
        m_redraw.start();
}

} // namespace swarmwatch
