#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace swarmwatch {

// `swarmwatch-cli sse`: parses a file of raw SSE bytes, or follows a live feed, printing JSON lines.
class SseConnection;

class SseCommand
{
    Q_DECLARE_TR_FUNCTIONS(SseCommand)

public:
    SseCommand(std::FILE *out, std::FILE *err);
    // arguments start with the program name and "sse"
    int run(const QStringList &arguments);

private:
    int parseFile(const QString &path, bool countOnly);
    int follow(const QString &url, const QStringList &headers, const QString &lastEventId);
    int usageError(const QString &message);
    static QString describeState(const SseConnection &connection);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace swarmwatch
