#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace swarmwatch {

// swarmwatch-cli's commands, once: the usage text, the dispatch and each command's --help read this list.
class CommandList
{
    Q_DECLARE_TR_FUNCTIONS(CommandList)

public:
    enum class Runner { Server, Watch, Sse, Journal, Completion };
    struct Command {
        QString name;
        QString summary;
        Runner runner;
    };

    static const QList<Command> &all();
    static const Command *find(const QString &name);
};

} // namespace swarmwatch
