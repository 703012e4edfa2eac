#include "SseCommand.h"

#include "EventPrinter.h"
#include "ExitCode.h"
#include "HttpUrl.h"
#include "SseConnection.h"
#include "SseParser.h"
#include "SystemNetworkReachability.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace swarmwatch {

namespace {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

QString SseCommand::describeState(const SseConnection &connection)
{
    switch (connection.state()) {
    case SseConnection::State::Connecting:
    case SseConnection::State::Live:
        return SseConnection::stateName(connection.state());
    case SseConnection::State::Reconnecting:
        if (connection.isWaitingForNetwork())
            return tr("reconnecting (attempt %1, waiting for the network): %2")
                .arg(connection.attempt())
                .arg(connection.reason());
        if (connection.nextAttemptAt().isValid()) {
            const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(connection.nextAttemptAt());
            return tr("reconnecting (attempt %1, next try in %2 s): %3")
                .arg(connection.attempt())
                .arg(QString::number(std::max<qint64>(0, ms) / 1000.0, 'f', 1), connection.reason());
        }
        return tr("reconnecting (attempt %1): %2").arg(connection.attempt()).arg(connection.reason());
    case SseConnection::State::Unauthorized:
        return tr("unauthorized: %1").arg(connection.reason());
    case SseConnection::State::Closed:
        return tr("closed: %1").arg(connection.reason());
    case SseConnection::State::Failed:
        return tr("failed: %1").arg(connection.reason());
    }
    return {};
}

SseCommand::SseCommand(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{}

int SseCommand::usageError(const QString &message)
{
    printLine(m_err, QStringLiteral("swarmwatch-cli sse: ") + message);
    return ExitUsage;
}

int SseCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Parse raw Server-Sent-Events bytes from a file, or follow a live feed, and print each event as a "
           "JSON line: {\"type\": T, \"data\": D, \"lastEventId\": L}, and {\"retry\": N} for each retry "
           "field."));
    parser.addHelpOption();
    const QCommandLineOption fileOption(QStringLiteral("file"),
                                        tr("Parse the SSE bytes in <path> (- for stdin)."), tr("path"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         tr("With --file: print only the number of dispatched events."));
    const QCommandLineOption headerOption(
        QStringLiteral("header"), tr("Send the request header \"Name: value\" (repeatable)."), tr("header"));
    const QCommandLineOption lastEventIdOption(
        QStringLiteral("last-event-id"), tr("Send Last-Event-ID: <id> on the first request."), tr("id"));
    parser.addOptions({fileOption, countOption, headerOption, lastEventIdOption});
    parser.addPositionalArgument(QStringLiteral("url"), tr("The feed to follow (http or https)."),
                                 tr("[url]"));
    QStringList withoutCommand = arguments;
    if (withoutCommand.size() > 1)
        withoutCommand.removeAt(1);
    if (!parser.parse(withoutCommand))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: swarmwatch-cli sse"));
        std::fputs(help.toUtf8().constData(), m_out);
        return ExitOk;
    }

    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(fileOption)) {
        if (!positional.isEmpty())
            return usageError(tr("give either --file or a URL, not both"));
        return parseFile(parser.value(fileOption), parser.isSet(countOption));
    }
    if (parser.isSet(countOption))
        return usageError(tr("--count goes with --file"));
    if (positional.size() != 1)
        return usageError(tr("expected one URL or --file PATH (see --help)"));
    return follow(positional.first(), parser.values(headerOption), parser.value(lastEventIdOption));
}

int SseCommand::parseFile(const QString &path, bool countOnly)
{
    // stdin is read with read(2), which returns what has arrived: piped from a live `curl -N`, events must
    // show as they come, not when a 256 KiB buffer is full.
    const bool fromStdin = path == QLatin1String("-");
    QFile file(path);
    if (!fromStdin && !file.open(QIODevice::ReadOnly))
        return usageError(tr("cannot open %1: %2").arg(path, file.errorString()));

    EventPrinter printer(m_out, countOnly);
    SseParser parser(&printer);
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        qint64 read = 0;
        if (fromStdin) {
            do {
                read = ::read(STDIN_FILENO, buffer.data(), static_cast<size_t>(buffer.size()));
            } while (read < 0 && errno == EINTR);
        } else {
            read = file.read(buffer.data(), buffer.size());
        }
        if (read < 0)
            return usageError(tr("cannot read %1: %2")
                                  .arg(path, fromStdin ? QString::fromLocal8Bit(std::strerror(errno))
                                                       : file.errorString()));
        if (read == 0)
            break;
        if (!parser.feed(buffer.constData(), read)) {
            printer.flush();
            return usageError(tr("%1: %2").arg(path, parser.errorString()));
        }
        if (fromStdin)
            printer.flush();
        else
            printer.flushIfLarge();
    }
    parser.finish();
    if (countOnly) {
        const QByteArray count = QByteArray::number(printer.eventCount()) + '\n';
        std::fwrite(count.constData(), 1, static_cast<size_t>(count.size()), m_out);
    }
    printer.flush();
    return ExitOk;
}

int SseCommand::follow(const QString &urlText, const QStringList &headerTexts, const QString &lastEventId)
{
    const QUrl url(urlText, QUrl::StrictMode);
    if (!isHttpUrl(url))
        return usageError(tr("invalid URL “%1”: expected http://host/... or https://host/...").arg(urlText));

    // RFC 9110 token characters for the name; no CR, LF or NUL in the value.
    static const QRegularExpression headerPattern(
        QStringLiteral("^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*([^\\r\\n\\x00]*)$"));
    SseConnection::Headers headers;
    for (const QString &text : headerTexts) {
        const QRegularExpressionMatch match = headerPattern.match(text);
        if (!match.hasMatch())
            return usageError(tr("invalid header “%1”: expected \"Name: value\"").arg(text));
        headers.append({match.captured(1).toLatin1(), match.captured(2).trimmed().toUtf8()});
    }

    QNetworkAccessManager network;
    SystemNetworkReachability reachability;
    SseConnection connection(&network, &reachability);
    connection.setUrl(url);
    connection.setHeaderProvider([headers] { return headers; });
    if (!lastEventId.isEmpty())
        connection.setLastEventId(lastEventId);

    EventPrinter printer(m_out);
    QEventLoop loop;
    QObject::connect(&connection, &SseConnection::eventReceived, &loop, [&printer](const SseEvent &event) {
        printer.sseEvent(event);
        printer.flush();
    });
    QObject::connect(&connection, &SseConnection::retryDelayChanged, &loop,
                     [&printer](std::chrono::milliseconds delay) {
                         printer.sseRetry(delay.count());
                         printer.flush();
                     });
    QObject::connect(&connection, &SseConnection::stateChanged, &loop,
                     [this, &connection, &loop](SseConnection::State state) {
                         printLine(m_err, tr("state: %1").arg(describeState(connection)));
                         // Nothing more will come without a person acting: end, with a code that says why.
                         if (state == SseConnection::State::Unauthorized)
                             loop.exit(ExitAuthentication);
                         else if (state == SseConnection::State::Failed)
                             loop.exit(ExitNetwork);
                         else if (state == SseConnection::State::Closed)
                             loop.exit(ExitOk);
                     });
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &loop,
                     [&loop] { loop.exit(ExitOk); });

    connection.open();
    if (connection.state() == SseConnection::State::Failed)
        return ExitNetwork;
    const int code = loop.exec();
    QObject::disconnect(&connection, nullptr, &loop, nullptr);
    return code;
}

} // namespace swarmwatch
