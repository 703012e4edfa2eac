#include "CompletionCommand.h"

#include "ExitCode.h"

#include <QFile>

// The scripts live in a resource of this static library: the linker keeps it only when asked for by name.
static void initCompletionResource()
{
    Q_INIT_RESOURCE(completion);
}

namespace swarmwatch {

CompletionCommand::CompletionCommand(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{}

int CompletionCommand::run(const QStringList &arguments)
{
    const QString shell = arguments.value(2);
    if (shell == QLatin1String("--help") || shell == QLatin1String("-h")) {
        std::fputs(tr("Usage: swarmwatch-cli completion bash|zsh\n"
                      "\n"
                      "Prints the shell completion script. For the current shell:\n"
                      "  source <(swarmwatch-cli completion bash)\n"
                      "For good: swarmwatch-cli completion zsh > \"${fpath[1]}/_swarmwatch-cli\"\n")
                       .toUtf8()
                       .constData(),
                   m_out);
        return ExitOk;
    }
    const QString resource = shell == QLatin1String("bash")  ? QStringLiteral(":/completion/swarmwatch-cli")
                             : shell == QLatin1String("zsh") ? QStringLiteral(":/completion/_swarmwatch-cli")
                                                             : QString();
    if (resource.isEmpty() || arguments.size() > 3) {
        std::fputs(tr("swarmwatch-cli completion: say which shell: bash or zsh\n").toUtf8().constData(),
                   m_err);
        return ExitUsage;
    }
    initCompletionResource();
    QFile script(resource);
    if (!script.open(QIODevice::ReadOnly))
        return ExitUsage; // compiled in: cannot happen
    const QByteArray text = script.readAll();
    std::fwrite(text.constData(), 1, size_t(text.size()), m_out);
    return ExitOk;
}

} // namespace swarmwatch
