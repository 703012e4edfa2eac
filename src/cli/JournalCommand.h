#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <cstdio>
#include <optional>

namespace swarmwatch {

// `swarmwatch-cli journal`: reads the journal the desktop console writes (connection changes, toasts as they
// were shown, campaign state changes, progress samples), as a table, JSON or CSV. Read-only; no server, no
// token.
class JournalCommand
{
    Q_DECLARE_TR_FUNCTIONS(JournalCommand)

public:
    JournalCommand(std::FILE *out, std::FILE *err);
    // arguments start with the program name and "journal"
    int run(const QStringList &arguments);

    // "2h", "30m", "7d", "90s", or an ISO date and time; nullopt when it is neither.
    static std::optional<QDateTime> parseSince(const QString &text, const QDateTime &now);

private:
    int usageError(const QString &message);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace swarmwatch
