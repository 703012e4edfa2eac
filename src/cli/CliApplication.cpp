#include "CliApplication.h"

#include "ExitCode.h"
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
           "  sse       Parse SSE bytes from a file, or follow a live feed, as JSON lines\n"
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

    const QString message =
        tr("swarmwatch-cli: unknown command “%1” (see swarmwatch-cli --help)\n").arg(command);
    std::fputs(message.toUtf8().constData(), m_err);
    return ExitUsage;
}

} // namespace swarmwatch
