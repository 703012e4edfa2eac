#pragma once

#include "SseEvent.h"

#include <QByteArray>
#include <QString>

namespace swarmwatch {

class SseEventSink;

// Bounds on what one stream may make the parser hold.
struct SseParserLimits {
    qsizetype maxLineBytes = 1024 * 1024;
    qsizetype maxEventDataBytes = 1024 * 1024;
};

// An incremental parser for the text/event-stream format, following the WHATWG HTML "Server-sent events"
// interpretation rules. It works on raw bytes: lines are found with vectorised scans, and only complete
// fields are decoded to QString, once, at dispatch. Decoding per field gives the same text as decoding the
// whole stream first, because line terminators and ':' are ASCII and always end an invalid UTF-8 sequence.
//
// Memory is bounded: a line, and an event's data, may not exceed the limits; going over is a protocol error
// that stops the parser until startStream() is called.
class SseParser
{
public:
    using Limits = SseParserLimits;

    explicit SseParser(SseEventSink *sink, Limits limits = {});

    // Parses the next chunk of the stream. Returns false once a protocol error happened (see errorString()).
    // The sink may call startStream() from inside a callback; the rest of the chunk is then dropped.
    bool feed(const char *bytes, qsizetype size);
    bool feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }

    // Ends the current stream: an unterminated event is discarded, as the standard says.
    void finish();

    // Prepares for a new stream (a reconnect): clears buffers and errors, keeps the last event ID, as
    // browsers do, so that it is sent again and stays on later events.
    void startStream();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    QString lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QString &id);

    Limits limits() const { return m_limits; }
    // Between streams only (before startStream()).
    void setLimits(Limits limits) { m_limits = limits; }

private:
    bool processLine(const char *line, qsizetype size);
    bool processField(const char *name, qsizetype nameSize, const char *value, qsizetype valueSize);
    void dispatch();
    void materializeDataView();
    bool fail(QString message);
    bool failLineTooLong();

    SseEventSink *m_sink;
    Limits m_limits;

    QByteArray m_pendingLine; // bytes of a line that has not ended yet
    QByteArray m_data;        // data buffer, each line followed by LF
    // Or, while the event's only data line lies in the chunk being fed, that line itself (no LF).
    const char *m_dataView = nullptr;
    qsizetype m_dataViewSize = 0;
    bool m_lineIsInChunk = false;
    QByteArray m_eventType;
    QByteArray m_lastEventIdBuffer;
    QString m_lastEventId;
    QByteArray m_decodedLastEventIdBuffer; // which buffer m_lastEventId was decoded from
    QString m_error;
    SseEvent m_event; // reused for every dispatch

    int m_bomBytesMatched = 0; // progress through a leading EF BB BF
    bool m_streamStarted = false;
    bool m_afterCarriageReturn = false; // a CR ended the last line: a following LF belongs to it
    quint64 m_generation = 0;           // bumped by startStream() so feed() notices re-entrant resets
};

} // namespace swarmwatch
