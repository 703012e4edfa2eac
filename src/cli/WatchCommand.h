#pragma once

#include "AgentModel.h"
#include "CampaignModel.h"
#include "SystemNetworkReachability.h"
#include "TableFormatter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>

class QCommandLineParser;

namespace swarmwatch {

class CommandContext;
class LiveSync;
struct SyncError;
struct Toast;

// `swarmwatch-cli watch`: LiveSync, as the desktop console runs it, printed as a table redrawn on change
// (its header always saying whether what is shown is live) or as JSON lines: snapshot, upsert, remove,
// status, toast, final. Ends on Ctrl-C or SIGTERM (0), a refused token (3), or a problem no retry fixes, such
// as a TLS certificate error (4).
class WatchCommand
{
    Q_DECLARE_TR_FUNCTIONS(WatchCommand)

public:
    struct Options {
        bool json = false;
        bool agents = false;
        bool showSecrets = false;
        double watchdogSeconds = 75;
        double resyncSeconds = 60;
        double requestsPerSecond = 100;
        TableFormatter::CampaignSelection selection;
    };
    static void addOptions(QCommandLineParser &parser);
    // Fills options from the parser; an empty string when they are fine, else what is wrong.
    static QString readOptions(const QCommandLineParser &parser, Options *options);

    WatchCommand(CommandContext &context, Options options);
    ~WatchCommand();
    int run();

private:
    // The first picture, once the snapshot has settled (or soon after every row is listed on a server too
    // busy to settle); changes follow it.
    void printSnapshotWhenReady();
    // JSON lines: one object per line, "op" first.
    void emitLine(QJsonObject object);
    QJsonArray campaignArray(); // the selected campaigns, noted as shown
    QJsonArray agentArray() const;
    QJsonObject feedStates() const;
    void emitChanges();
    // The table: the header (never off screen) and the rows that fit under it.
    QString header(int width) const;
    void drawTable();
    void redrawEverySecondWhileNotLive();
    // Model changes, as upserts and removes (JSON) or a redraw (table).
    void follow(QAbstractItemModel *model, int idRole, QSet<qint64> *changed, const QString &type);
    void touched(QAbstractItemModel *model, int idRole, QSet<qint64> *changed, int first, int last);
    void onStatusChanged();
    void onToast(const Toast &toast);
    void onError(const SyncError &error);
    void finish(int code, const QString &why);

    CommandContext &m_context;
    Options m_options;
    bool m_terminal = false;
    // The models outlive the LiveSync that fills them.
    CampaignModel m_campaigns;
    AgentModel m_agents;
    SystemNetworkReachability m_reachability;
    std::unique_ptr<LiveSync> m_sync;
    QEventLoop m_loop;
    QString m_ending; // the one line an exit other than 0 leaves on stderr

    bool m_snapshotPrinted = false;
    QElapsedTimer m_sinceLoaded;
    QTimer m_settle;
    QSet<qint64> m_shownCampaigns; // what a JSON reader holds: one leaving --state gets a remove
    QSet<qint64> m_changedCampaigns;
    QSet<qint64> m_changedAgents;
    QTimer m_upserts; // a row changed in several runs is one upsert: ids collect until the loop turns

    // On a terminal the header shows these; a redraw would wipe them from stderr.
    QString m_lastError; // until the next live status or snapshot
    QString m_lastToast;
    QTimer m_redraw;
    QTimer m_tick;
    QElapsedTimer m_sinceDrawn;
};

} // namespace swarmwatch
