#include "CliApplication.h"

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
    const QString usage =
        tr("Usage: swarmwatch-cli <command> [options]\n"
           "\n"
           "SwarmWatch's command-line twin, for SSH sessions and scripts.\n"
           "\n"
           "Commands:\n"
           "  login        Log in and keep the token in the keychain\n"
           "  logout       Log out and delete the stored token\n"
           "  whoami       Show the signed-in user, server and project\n"
           "  projects     List your projects (* marks the active one)\n"
           "  use-project  Make project ID the active one\n"
           "  campaigns    List the active project's campaigns\n"
           "  agents       List the agents\n"
           "  summary      Show the dashboard summary\n"
           "  watch        Follow campaigns (and agents) live, as a table or JSON lines\n"
           "  sse          Parse SSE bytes from a file, or follow a live feed, as JSON lines\n"
           "  journal      Read the journal swarmwatch keeps (--since 2h, --kind, --json)\n"
           "  completion   Print shell completion: bash or zsh\n"
           "\n"
           "Server: --server URL, else $SWARMWATCH_SERVER, else the last login.\n"
           "Token: $SWARMWATCH_TOKEN, else the keychain entry stored by `login`.\n"
           "\n"
           "Options:\n"
           "  -h, --help     Show this help (also: swarmwatch-cli <command> --help)\n"
           "  -v, --version  Show the version\n"
           "\n"
           "Exit codes: 0 ok, 2 usage or bad input, 3 authentication, 4 network or server.\n");
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
    if (command == QLatin1String("sse"))
        return SseCommand(m_out, m_err).run(arguments);
    if (command == QLatin1String("journal"))
        return JournalCommand(m_out, m_err).run(arguments);
    if (command == QLatin1String("completion"))
        return CompletionCommand(m_out, m_err).run(arguments);
    if (ServerCommands::handles(command))
        return ServerCommands(stdin, m_out, m_err).run(command, arguments);

    const QString message =
        tr("swarmwatch-cli: unknown command “%1” (see swarmwatch-cli --help)\n").arg(command);
    std::fputs(message.toUtf8().constData(), m_err);
    return ExitUsage;
}

} // namespace swarmwatch
