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
QString fitRows(const QString &table, int room)
{
    QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (room <= 0 || lines.size() <= room)
        return table;
    const qsizetype shown = std::max(1, room - 1);
    const qsizetype hidden = lines.size() - shown;
    lines.resize(shown);
    lines.append(
        WatchCommand::tr("… %n more (narrow with --state or --limit)", nullptr, static_cast<int>(hidden)));
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
{}

int WatchCommand::run()
{
    const bool json = m_options.json;
    const bool withAgents = m_options.agents;
    CampaignModel campaigns;
    AgentModel agents;
    SystemNetworkReachability reachability;
    LiveSync sync(m_context.client(), m_context.network(), &reachability, &campaigns, &agents);
    LiveSyncSettings settings;
    settings.agents = withAgents;
    settings.feed.idleTimeout =
        std::chrono::milliseconds(static_cast<qint64>(m_options.watchdogSeconds * 1000));
    settings.resyncInterval = std::chrono::milliseconds(static_cast<qint64>(m_options.resyncSeconds * 1000));
    settings.requestsPerSecond = m_options.requestsPerSecond;
    sync.setSettings(settings);

    // ---- JSON lines ----
    // One JSON object per line, "op" first so that a reader (or a person) sees the kind at once.
    const auto emitLine = [this](QJsonObject object) {
        const QString op = object.take(QStringLiteral("op")).toString();
        const QByteArray rest = QJsonDocument(object).toJson(QJsonDocument::Compact);
        m_context.print(QStringLiteral("{\"op\":\"%1\"").arg(op)
                        + (rest.size() > 2 ? QStringLiteral(",") : QString()) + QString::fromUtf8(rest.mid(1))
                        + QLatin1Char('\n'));
        std::fflush(m_context.out());
    };
    // The campaigns a JSON reader holds: a row that leaves the selection (--state) gets a remove.
    QSet<qint64> shownCampaigns;
    const auto campaignArray = [&] {
        QJsonArray array;
        for (const int r : TableFormatter::campaignRows(campaigns, m_options.selection)) {
            array.append(ApiJson::toJson(campaigns.rows().at(r)));
            shownCampaigns.insert(campaigns.rows().at(r).campaign.id);
        }
        return array;
    };
    const auto agentArray = [&agents] {
        QJsonArray array;
        for (const AgentRow &row : agents.rows())
            array.append(ApiJson::toJson(row));
        return array;
    };
    const auto feedStates = [&] {
        QJsonObject feeds;
        for (const LiveSync::Feed feed : kFeeds) {
            if (feed != LiveSync::Feed::Agents || withAgents)
                feeds.insert(LiveSync::feedKey(feed), SseConnection::stateName(sync.feedState(feed)));
        }
        return feeds;
    };
    const auto selected = [this](const CampaignRow &row) {
        return m_options.selection.states.isEmpty()
               || m_options.selection.states.contains(row.campaign.state, Qt::CaseInsensitive);
    };

    // ---- the table ----
    const bool terminal = m_context.outputIsTerminal();
    // On a terminal the header shows these two; a redraw would wipe them from stderr.
    QString lastError; // until the next live status or snapshot
    QString lastToast;
    bool snapshotPrinted = false;
    // "live", or what is wrong and when the next try is: the header never leaves doubt about what is shown.
    const auto header = [&](int width) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString status =
            tr("%1 - %2").arg(m_context.server().toString(), LiveSync::statusName(sync.status()));
        if (!sync.statusReason().isEmpty())
            status += QStringLiteral(" (") + sync.statusReason() + QLatin1Char(')');
        QDateTime nextTry;
        for (const LiveSync::Feed feed : kFeeds) {
            const SseConnection *connection = sync.feed(feed);
            if (connection->state() == SseConnection::State::Reconnecting
                && connection->nextAttemptAt().isValid()
                && (!nextTry.isValid() || connection->nextAttemptAt() < nextTry))
                nextTry = connection->nextAttemptAt();
        }
        if (!sync.isSnapshotLoaded() && (!nextTry.isValid() || sync.nextResyncAt() < nextTry))
            nextTry = sync.nextResyncAt();
        QStringList lines;
        // What matters most first, so that a narrow terminal cuts the reason, not the countdown.
        QString when;
        if (nextTry.isValid() && sync.status() != LiveSync::Status::Live)
            when += tr(", next try in %1")
                        .arg(Format::duration(std::max<qint64>(0, (now.msecsTo(nextTry) + 999) / 1000)));
        if (sync.status() != LiveSync::Status::Live && sync.lastFreshAt().isValid() && snapshotPrinted)
            when += tr(", data as of %1").arg(Format::timeOfDay(sync.lastFreshAt(), now));
        lines.append(status + when);
        if (!sync.isSnapshotLoaded())
            lines.append(tr("Waiting for the first snapshot")
                         + (lastError.isEmpty() ? QString() : QStringLiteral(": ") + lastError));
        else if (!lastError.isEmpty())
            lines.append(tr("Last error: %1").arg(lastError));
        if (!lastToast.isEmpty())
            lines.append(tr("Last notification: %1").arg(lastToast));
        QString text;
        for (QString &line : lines) {
            line.replace(QLatin1Char('\n'), QLatin1Char(' '));
            // One screen row each, so that counting rows counts lines: the header must never scroll away.
            if (width > 0 && TextTable::displayWidth(line) > width)
                line = TextTable::elide(line.left(line.size() - when.size()),
                                        width - TextTable::displayWidth(when))
                       + when;
            text += line + QLatin1Char('\n');
        }
        return text;
    };
    const auto drawTable = [&] {
        const int width = m_context.outputWidth();
        const int rows = terminal ? terminalRows(m_context.out()) : 0;
        QString screen = header(width) + QLatin1Char('\n');
        if (sync.isSnapshotLoaded()) {
            const QList<int> order = TableFormatter::campaignRows(campaigns, m_options.selection);
            const QString campaignTable = TableFormatter::campaigns(campaigns, order).render(width);
            const QString agentTable = withAgents ? TableFormatter::agents(agents).render(width) : QString();
            // What the header leaves (and a blank line before the agents): the agents get the room they need
            // up to half of it, the campaigns the rest.
            const int room = std::max(4, rows - static_cast<int>(screen.count(QLatin1Char('\n')))
                                             - (withAgents ? 1 : 0) - 1);
            const int agentRoom =
                withAgents ? std::min(static_cast<int>(agentTable.count(QLatin1Char('\n'))), room / 2) : 0;
            screen += fitRows(campaignTable, rows > 0 ? room - agentRoom : 0);
            if (withAgents)
                screen += QLatin1Char('\n') + fitRows(agentTable, rows > 0 ? agentRoom : 0);
        }
        if (terminal)
            m_context.print(QStringLiteral("\x1b[H\x1b[2J") + screen);
        else
            m_context.print(screen + QStringLiteral("--\n"));
        std::fflush(m_context.out());
    };
    QTimer redraw;
    redraw.setSingleShot(true);
    redraw.setInterval(250);
    QObject::connect(&redraw, &QTimer::timeout, &redraw, drawTable);

    // The first picture is printed once the snapshot (metrics included) has settled, or, on a server too
    // busy to ever be idle, soon after every row is listed (metrics then follow as upserts); changes
    // follow it.
    QElapsedTimer sinceLoaded;
    QObject::connect(&sync, &LiveSync::snapshotLoaded, &sync, [&] {
        sinceLoaded.start();
        lastError.clear(); // the list came: what failed before has healed
    });
    QTimer settle;
    settle.setInterval(100);
    QObject::connect(&settle, &QTimer::timeout, &settle, [&] {
        if (!sync.isSnapshotLoaded() || (!sync.isSnapshotComplete() && sinceLoaded.elapsed() < 2000))
            return;
        settle.stop();
        snapshotPrinted = true;
        if (json) {
            QJsonObject snapshot{{QStringLiteral("op"), QStringLiteral("snapshot")},
                                 {QStringLiteral("campaigns"), campaignArray()}};
            if (withAgents)
                snapshot.insert(QStringLiteral("agents"), agentArray());
            emitLine(snapshot);
        } else {
            drawTable();
        }
    });
    settle.start();

    // Before the first picture and while not live, the header counts down: redraw it every second. Live,
    // the table is redrawn on change, and every 30 s for its relative times.
    QTimer tick;
    QElapsedTimer sinceDrawn;
    sinceDrawn.start();
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        if (json || redraw.isActive())
            return;
        if (!snapshotPrinted || sync.status() != LiveSync::Status::Live || sinceDrawn.elapsed() >= 30000) {
            sinceDrawn.restart();
            drawTable();
        }
    });
    if (!json && terminal)
        tick.start(1000);

    // ---- following the models ----
    // A row whose cells changed in several runs is one upsert: ids collect until control returns to the
    // loop.
    QSet<qint64> changedCampaigns;
    QSet<qint64> changedAgents;
    QTimer upserts;
    upserts.setSingleShot(true);
    upserts.setInterval(0);
    QObject::connect(&upserts, &QTimer::timeout, &upserts, [&] {
        // By id, not by a pass over every row: a busy server changes a few rows of thousands at a time.
        for (const qint64 id : std::as_const(changedCampaigns)) {
            const CampaignRow *row = campaigns.row(id);
            if (row && selected(*row)) {
                shownCampaigns.insert(id);
                emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                          {QStringLiteral("campaign"), ApiJson::toJson(*row)}});
            } else if (row && shownCampaigns.remove(id)) {
                emitLine({{QStringLiteral("op"), QStringLiteral("remove")},
                          {QStringLiteral("type"), QStringLiteral("campaign")},
                          {QStringLiteral("id"), id}});
            }
        }
        for (const qint64 id : std::as_const(changedAgents)) {
            if (const AgentRow *row = agents.row(id))
                emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                          {QStringLiteral("agent"), ApiJson::toJson(*row)}});
        }
        changedCampaigns.clear();
        changedAgents.clear();
    });
    // Both models answer IdRole with the row's id, so one wiring serves both.
    const auto follow = [&](QAbstractItemModel *model, int idRole, QSet<qint64> *changed,
                            const QString &type) {
        const auto idAt = [model, idRole](int r) {
            return model->data(model->index(r, 0), idRole).toLongLong();
        };
        const auto touched = [&, idAt, changed](int first, int last) {
            if (!snapshotPrinted)
                return;
            if (!json) {
                redraw.start();
                return;
            }
            for (int r = first; r <= last; ++r)
                changed->insert(idAt(r));
            upserts.start();
        };
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [touched](const QModelIndex &, int first, int last) { touched(first, last); });
        QObject::connect(
            model, &QAbstractItemModel::dataChanged, model,
            [touched](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (!isTimeRefresh(roles)) // "5 min ago" counting on changes no row
                    touched(topLeft.row(), bottomRight.row());
            });
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, model,
                         [&, idAt, changed, type](const QModelIndex &, int first, int last) {
                             if (!snapshotPrinted)
                                 return;
                             if (!json) {
                                 redraw.start();
                                 return;
                             }
                             for (int r = first; r <= last; ++r) {
                                 const qint64 id = idAt(r);
                                 changed->remove(id);
                                 // A campaign the reader was never told of (outside --state) needs no
                                 // remove.
                                 if (changed == &changedCampaigns && !shownCampaigns.remove(id))
                                     continue;
                                 emitLine({{QStringLiteral("op"), QStringLiteral("remove")},
                                           {QStringLiteral("type"), type},
                                           {QStringLiteral("id"), id}});
                             }
                         });
    };
    follow(&campaigns, CampaignModel::IdRole, &changedCampaigns, QStringLiteral("campaign"));
    follow(&agents, AgentModel::IdRole, &changedAgents, QStringLiteral("agent"));

    // ---- the end ----
    QEventLoop loop;
    QString ending; // the one line an exit other than 0 leaves on stderr
    const auto finish = [&](int code, const QString &why) {
        if (ending.isEmpty())
            ending = why;
        loop.exit(code);
    };
    QObject::connect(&sync, &LiveSync::statusChanged, &loop, [&] {
        if (json) {
            emitLine({{QStringLiteral("op"), QStringLiteral("status")},
                      {QStringLiteral("status"), LiveSync::statusName(sync.status())},
                      {QStringLiteral("reason"), sync.statusReason()},
                      {QStringLiteral("feeds"), feedStates()}});
        } else if (snapshotPrinted || !terminal) {
            redraw.start();
        }
        if (sync.status() == LiveSync::Status::Live)
            lastError.clear();
        if (sync.status() == LiveSync::Status::Unauthorized
            && m_context.session()->state() == Session::State::Unauthorized)
            finish(ExitAuthentication, m_context.sessionExpiredLine()); // nobody can type a password here
    });
    QObject::connect(
        &sync, &LiveSync::feedStateChanged, &loop, [&](LiveSync::Feed feed, SseConnection::State state) {
            // Failed: a certificate, an insecure redirect; retrying cannot help, as `sse` says too.
            if (state == SseConnection::State::Failed)
                finish(ExitNetwork,
                       tr("the %1 feed: %2").arg(LiveSync::feedKey(feed), sync.feed(feed)->reason()));
        });
    QObject::connect(&sync, &LiveSync::toastReceived, &loop, [&](const Toast &toast) {
        const QString message = m_options.showSecrets ? toast.fullText() : toast.redacted;
        if (json) {
            emitLine({{QStringLiteral("op"), QStringLiteral("toast")}, {QStringLiteral("message"), message}});
        } else if (terminal) {
            lastToast = message;
            redraw.start();
        } else {
            std::fprintf(m_context.err(), "%s\n", message.toUtf8().constData());
        }
    });
    QObject::connect(&sync, &LiveSync::error, &loop, [&](const SyncError &error) {
        if (error.kind == ApiError::Kind::Tls) {
            finish(ExitNetwork, error.describe());
            return;
        }
        lastError = error.describe();
        if (json || !terminal)
            m_context.printError(error.describe());
        else
            redraw.start();
    });
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &loop,
                     [&loop] { loop.exit(ExitOk); });

    sync.start();
    if (!json && terminal)
        drawTable(); // at once: the header says what is going on before anything has arrived
    const int code = loop.exec();
    sync.stop();
    QObject::disconnect(&sync, nullptr, &loop, nullptr);
    if (code == ExitOk && json) {
        QJsonObject last{{QStringLiteral("op"), QStringLiteral("final")},
                         {QStringLiteral("campaigns"), campaignArray()}};
        if (withAgents)
            last.insert(QStringLiteral("agents"), agentArray());
        emitLine(last);
    }
    if (code != ExitOk)
        m_context.printError(ending);
    return code;
}

} // namespace swarmwatch
