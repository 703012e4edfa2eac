#include "CommandList.h"

namespace swarmwatch {

const QList<CommandList::Command> &CommandList::all()
{
    static const QList<Command> commands{
        {QStringLiteral("login"), tr("Log in to a server and keep the token in the keychain"),
         Runner::Server},
        {QStringLiteral("logout"), tr("Log out of a server (--all: every server) and delete its token"),
         Runner::Server},
        {QStringLiteral("logins"), tr("List the servers you are logged in to (* marks the default)"),
         Runner::Server},
        {QStringLiteral("token"), tr("Print the token for scripts (SWARMWATCH_TOKEN)"), Runner::Server},
        {QStringLiteral("whoami"), tr("Show the signed-in user, server and project"), Runner::Server},
        {QStringLiteral("projects"), tr("List your projects (* marks the one in use)"), Runner::Server},
        {QStringLiteral("use-project"), tr("Make project ID the one in use"), Runner::Server},
        {QStringLiteral("campaigns"), tr("List the project's campaigns with progress and ETA"),
         Runner::Server},
        {QStringLiteral("agents"), tr("List the agents"), Runner::Server},
        {QStringLiteral("summary"), tr("Show the dashboard summary"), Runner::Server},
        {QStringLiteral("watch"), tr("Follow campaigns (and agents) live, as a table or JSON lines"),
         Runner::Watch},
        {QStringLiteral("sse"), tr("Parse SSE bytes from a file, or follow a live feed, as JSON lines"),
         Runner::Sse},
        {QStringLiteral("journal"), tr("Read the journal swarmwatch keeps (--since 2h, --kind, --json)"),
         Runner::Journal},
        {QStringLiteral("completion"), tr("Print shell completion: bash or zsh"), Runner::Completion},
    };
    return commands;
}

const CommandList::Command *CommandList::find(const QString &name)
{
    for (const Command &command : all()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

} // namespace swarmwatch
