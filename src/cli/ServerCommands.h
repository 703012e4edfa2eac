#pragma once

#include "TableFormatter.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace swarmwatch {

class CommandContext;

// The commands that talk to a CipherSwarm server: the parsing of their options, then whoami, projects,
// use-project, campaigns, agents and summary here; login, logout, logins and token in LoginCommands; watch in
// WatchCommand. Tables for people, JSON with --json.
class ServerCommands
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommands)

public:
    ServerCommands(std::FILE *in, std::FILE *out, std::FILE *err);
    int run(const QString &command, const QStringList &arguments);

private:
    int whoami(CommandContext &context);
    int projects(CommandContext &context, bool json);
    int useProject(CommandContext &context, const QString &id);
    int campaigns(CommandContext &context, const TableFormatter::CampaignSelection &selection, bool json);
    int agents(CommandContext &context, bool json);
    int summary(CommandContext &context, bool json);

    std::FILE *m_in;
    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace swarmwatch
