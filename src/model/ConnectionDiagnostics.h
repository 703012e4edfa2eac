#pragma once

#include <QCoreApplication>

#include "LiveSync.h"

#include <QDateTime>
#include <QString>

namespace swarmwatch {

class ConsoleSession;

// What an operator (or their network team) needs when the feeds misbehave, in words: per feed the URL, the
// last HTTP status and content type, the delay to the first byte, bytes, events, reconnects and the last
// error; and a curl command that reproduces the feed with $SWARMWATCH_TOKEN in place of the token, so that
// it can be pasted into a ticket without leaking anything.
class ConnectionDiagnostics
{
    Q_DECLARE_TR_FUNCTIONS(swarmwatch::ConnectionDiagnostics)

public:
    // A first byte later than this points at a proxy that buffers the stream (the server itself sends a
    // keepalive after 30 s of silence).
    static constexpr qint64 kLateFirstByteMs = 35000;

    struct FeedReport {
        QString name;
        QString text; // the lines of the report, for the dialog and the clipboard
        QString curl; // the command, token replaced
        bool lateFirstByte = false;
    };

    static FeedReport feed(const ConsoleSession &console, LiveSync::Feed feed, const QDateTime &now);
    static QString report(const ConsoleSession &console, const QDateTime &now); // every feed, as plain text
    static QString curlCommand(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                               const QByteArray &token);
};

} // namespace swarmwatch
