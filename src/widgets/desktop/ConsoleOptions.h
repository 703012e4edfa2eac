#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace swarmwatch {

// swarmwatch's command line, read before any window system is touched: --help and --version print and exit
// without a display, a mistake is one line on stderr and exit status 2.
struct ConsoleOptions {
    Q_DECLARE_TR_FUNCTIONS(swarmwatch::ConsoleOptions)
public:
    enum class Action { Run, Exit };
    Action action = Action::Run;
    int exitCode = 0;
    QString output; // what to print before exiting (stdout for 0, stderr otherwise)

    bool demo = false;
    bool minimized = false;
    QUrl server;
    int demoCampaigns = 0; // 0: the simulator's own world

    static ConsoleOptions parse(const QStringList &arguments, const QString &version);
};

} // namespace swarmwatch
