#include "ConnectionDiagnostics.h"

#include "ConsoleSession.h"
#include "Format.h"
#include "Session.h"
#include "StatusPresenter.h"

#include <QCoreApplication>

namespace swarmwatch {

namespace {

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString ConnectionDiagnostics::curlCommand(const QUrl &url,
                                           const QList<std::pair<QByteArray, QByteArray>> &headers,
                                           const QByteArray &token)
{
    QStringList parts{QStringLiteral("curl -N")};
    parts.append(QStringLiteral("-H %1").arg(shellQuoted(QStringLiteral("Accept: text/event-stream"))));
    for (const auto &[name, value] : headers) {
        QString header = QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
        if (!token.isEmpty() && value.contains(token)) {
            // Double quotes, so that the shell puts the variable in; the rest has no characters it expands.
            header.replace(QString::fromLatin1(token), QStringLiteral("$SWARMWATCH_TOKEN"));
            parts.append(QStringLiteral("-H \"%1\"").arg(header));
        } else {
            parts.append(QStringLiteral("-H %1").arg(shellQuoted(header)));
        }
    }
    parts.append(shellQuoted(url.toString(QUrl::RemoveUserInfo)));
    return parts.join(QLatin1Char(' '));
}

ConnectionDiagnostics::FeedReport ConnectionDiagnostics::feed(const ConsoleSession &console,
                                                              LiveSync::Feed which, const QDateTime &now)
{
    FeedReport out;
    out.name = StatusPresenter::feedName(which);
    const SseConnection *connection = console.sync()->feed(which);
    const QUrl url = connection->url();
    QStringList lines;
    lines.append(
        tr("URL: %1").arg(url.isEmpty() ? tr("(not connected)") : url.toString(QUrl::RemoveUserInfo)));
    lines.append(tr("State: %1").arg(SseConnection::stateName(connection->state())));
    lines.append(
        tr("Last HTTP status: %1")
            .arg(connection->lastHttpStatus() ? QString::number(connection->lastHttpStatus()) : tr("none")));
    lines.append(tr("Content type: %1")
                     .arg(connection->lastContentType().isEmpty()
                              ? tr("none")
                              : QString::fromLatin1(connection->lastContentType())));
    if (const auto delay = connection->firstByteDelay()) {
        out.lateFirstByte = delay->count() > kLateFirstByteMs;
        lines.append(tr("Delay to the first byte: %1 ms").arg(delay->count()));
        if (out.lateFirstByte)
            lines.append(tr("The first byte came late: a proxy may be buffering the stream."));
    } else {
        lines.append(tr("Delay to the first byte: no byte yet"));
    }
    lines.append(tr("Received: %1 bytes, %2 events; %3 reconnects")
                     .arg(connection->bytesReceived())
                     .arg(connection->eventsReceived())
                     .arg(connection->reconnects()));
    if (connection->lastByteAt().isValid())
        lines.append(tr("Last data: %1 (%2)")
                         .arg(Format::timeOfDay(connection->lastByteAt(), now),
                              Format::ago(connection->lastByteAt(), now)));
    lines.append(
        tr("Last error: %1").arg(connection->lastError().isEmpty() ? tr("none") : connection->lastError()));
    out.text = lines.join(QLatin1Char('\n'));
    if (!url.isEmpty())
        out.curl = curlCommand(url, console.session()->streamHeaders(), console.session()->token());
    return out;
}

QString ConnectionDiagnostics::report(const ConsoleSession &console, const QDateTime &now)
{
    QStringList sections;
    sections.append(tr("Server: %1").arg(console.server().toDisplayString()));
    for (const LiveSync::Feed which :
         {LiveSync::Feed::Campaigns, LiveSync::Feed::Agents, LiveSync::Feed::Toasts}) {
        const FeedReport report = feed(console, which, now);
        sections.append(report.name + QLatin1Char('\n') + report.text
                        + (report.curl.isEmpty() ? QString() : QLatin1Char('\n') + report.curl));
    }
    return sections.join(QStringLiteral("\n\n"));
}

} // namespace swarmwatch
