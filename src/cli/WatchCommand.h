#pragma once

#include "TableFormatter.h"

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace swarmwatch {

class CommandContext;

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
    int run();

private:
    CommandContext &m_context;
    Options m_options;
};

} // namespace swarmwatch
