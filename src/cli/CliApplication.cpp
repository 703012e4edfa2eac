#include "CliApplication.h"

#include "CommandList.h"
#include "CompletionCommand.h"
#include "ExitCode.h"
#include "JournalCommand.h"
#include "ServerCommands.h"
#include "SseCommand.h"

#include <QCoreApplication>

namespace swarmwatch {

CliApplication::CliApplication(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{}

void CliApplication::printUsage(std::FILE *stream) const
{
    QString commands;
    for (const CommandList::Command &command : CommandList::all())
        commands += QStringLiteral("  %1 %2\n").arg(command.name.leftJustified(12), command.summary);
    const QString usage =
        tr("Usage: swarmwatch-cli <command> [options]\n"
           "\n"
           "SwarmWatch's command-line twin, for SSH sessions and scripts.\n"
           "\n"
           "Commands:\n"
           "%1"
           "\n"
           "Server: --server URL, else $SWARMWATCH_SERVER, else the last login.\n"
           "Token: $SWARMWATCH_TOKEN, else the keychain entry stored by `login` for that server.\n"
           "\n"
           "Options:\n"
           "  -h, --help     Show this help (also: swarmwatch-cli <command> --help)\n"
           "  -v, --version  Show the version\n"
           "\n"
           "Exit codes: 0 ok, 2 usage or bad input, 3 not logged in, session expired or no keychain,\n"
           "4 network or server.\n")
            .arg(commands);
    std::fputs(usage.toUtf8().constData(), stream);
}

int CliApplication::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty()) {
        printUsage(m_err);
        return ExitUsage;
    }
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        printUsage(m_out);
        return ExitOk;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        std::fprintf(m_out, "swarmwatch-cli %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (const CommandList::Command *known = CommandList::find(command)) {
        switch (known->runner) {
        case CommandList::Runner::Sse:
            return SseCommand(m_out, m_err).run(arguments);
        case CommandList::Runner::Journal:
            return JournalCommand(m_out, m_err).run(arguments);
        case CommandList::Runner::Completion:
            return CompletionCommand(m_out, m_err).run(arguments);
        case CommandList::Runner::Server:
        case CommandList::Runner::Watch:
            return ServerCommands(stdin, m_out, m_err).run(command, arguments);
        }
    }

    const QString message =
        tr("swarmwatch-cli: unknown command “%1” (see swarmwatch-cli --help)\n").arg(command);
    std::fputs(message.toUtf8().constData(), m_err);
    return ExitUsage;
}

} // namespace swarmwatch
