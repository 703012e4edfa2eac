#include "SseParser.h"

#include "SseEventSink.h"
#include "Utf8.h"

#include <QCoreApplication>

#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace swarmwatch {

namespace {

// First CR or LF in [begin, end), or end. Sixteen bytes per step where SSE2 exists (every x86-64).
const char *findLineEnd(const char *begin, const char *end)
{
    const char *p = begin;
#if defined(__SSE2__)
    const __m128i lineFeed = _mm_set1_epi8('\n');
    const __m128i carriageReturn = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, lineFeed), _mm_cmpeq_epi8(chunk, carriageReturn)));
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        if (*p == '\n' || *p == '\r')
            return p;
    }
    return end;
}

template <qsizetype N>
bool equalsLiteral(const char *bytes, qsizetype size, const char (&literal)[N])
{
    return size == N - 1 && std::memcmp(bytes, literal, N - 1) == 0;
}

const QString &defaultEventType()
{
    static const QString type = QStringLiteral("message");
    return type;
}

constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";
constexpr qsizetype kRetainedEventCapacity = 64 * 1024;

} // namespace

SseParser::SseParser(SseEventSink *sink, Limits limits)
    : m_sink(sink)
    , m_limits(limits)
{}

void SseParser::setLastEventId(const QString &id)
{
    m_lastEventIdBuffer = id.toUtf8();
    m_decodedLastEventIdBuffer = m_lastEventIdBuffer;
    m_lastEventId = id;
}

bool SseParser::feed(const char *bytes, qsizetype size)
{
    if (hasError())
        return false;
    const char *p = bytes;
    const char *const end = bytes + size;

    // One leading U+FEFF is stripped. It may arrive split over several chunks.
    while (!m_streamStarted && p < end) {
        if (*p == kByteOrderMark[m_bomBytesMatched]) {
            ++p;
            if (++m_bomBytesMatched == 3)
                m_streamStarted = true;
        } else {
            // Not a BOM after all: what matched so far is ordinary text of the first line.
            m_pendingLine.append(QByteArrayView(kByteOrderMark, m_bomBytesMatched));
            m_streamStarted = true;
        }
    }

    const quint64 generation = m_generation;
    while (p < end) {
        if (m_afterCarriageReturn) {
            m_afterCarriageReturn = false;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        const char *lineEnd = findLineEnd(p, end);
        if (lineEnd == end) {
            if (m_pendingLine.size() + (end - p) > m_limits.maxLineBytes)
                return failLineTooLong();
            m_pendingLine.append(p, end - p);
            break;
        }
        bool ok;
        if (m_pendingLine.isEmpty()) {
            if (lineEnd - p > m_limits.maxLineBytes)
                return failLineTooLong();
            m_lineIsInChunk = true;
            ok = processLine(p, lineEnd - p);
        } else {
            if (m_pendingLine.size() + (lineEnd - p) > m_limits.maxLineBytes)
                return failLineTooLong();
            m_pendingLine.append(p, lineEnd - p);
            m_lineIsInChunk = false;
            ok = processLine(m_pendingLine.constData(), m_pendingLine.size());
            m_pendingLine.resize(0);
        }
        if (generation != m_generation)
            return true; // the sink started a new stream; the rest of this chunk belongs to the old one
        if (!ok)
            return false;
        m_afterCarriageReturn = *lineEnd == '\r';
        p = lineEnd + 1;
    }
    materializeDataView(); // the chunk's memory is the caller's only until we return
    return true;
}

bool SseParser::processLine(const char *line, qsizetype size)
{
    if (size == 0) {
        dispatch();
        return true;
    }
    if (line[0] == ':')
        return true; // comment
    const auto *colon = static_cast<const char *>(std::memchr(line, ':', static_cast<size_t>(size)));
    if (!colon)
        return processField(line, size, line + size, 0);
    const char *value = colon + 1;
    const char *const lineEnd = line + size;
    if (value < lineEnd && *value == ' ')
        ++value;
    return processField(line, colon - line, value, lineEnd - value);
}

bool SseParser::processField(const char *name, qsizetype nameSize, const char *value, qsizetype valueSize)
{
    if (equalsLiteral(name, nameSize, "data")) {
        const qsizetype current = m_dataView ? m_dataViewSize + 1 : m_data.size();
        if (current + valueSize > m_limits.maxEventDataBytes) {
            return fail(QCoreApplication::translate("SseParser",
                                                    "an event's data is larger than the limit of %1 bytes")
                            .arg(m_limits.maxEventDataBytes));
        }
        // The usual event has one data line: point at it instead of copying it, while it lies in the chunk.
        if (current == 0 && m_lineIsInChunk) {
            m_dataView = value;
            m_dataViewSize = valueSize;
            return true;
        }
        materializeDataView();
        m_data.append(value, valueSize);
        m_data.append('\n');
    } else if (equalsLiteral(name, nameSize, "event")) {
        m_eventType.resize(0);
        m_eventType.append(value, valueSize);
    } else if (equalsLiteral(name, nameSize, "id")) {
        if (!std::memchr(value, '\0', static_cast<size_t>(valueSize))) {
            m_lastEventIdBuffer.resize(0);
            m_lastEventIdBuffer.append(value, valueSize);
        }
    } else if (equalsLiteral(name, nameSize, "retry")) {
        if (valueSize == 0)
            return true;
        qint64 milliseconds = 0;
        for (qsizetype i = 0; i < valueSize; ++i) {
            const char c = value[i];
            if (c < '0' || c > '9')
                return true; // not only ASCII digits: ignored
            // A value too large for 64 bits cannot be honoured; ignoring it keeps the current delay.
            if (milliseconds > (std::numeric_limits<qint64>::max() - (c - '0')) / 10)
                return true;
            milliseconds = milliseconds * 10 + (c - '0');
        }
        m_sink->sseRetry(milliseconds);
    }
    return true; // other fields are ignored
}

void SseParser::dispatch()
{
    // The last event ID is updated at every blank line, even when nothing is dispatched.
    if (m_lastEventIdBuffer != m_decodedLastEventIdBuffer) {
        m_lastEventId = decodeUtf8Whatwg(m_lastEventIdBuffer.constData(), m_lastEventIdBuffer.size());
        m_decodedLastEventIdBuffer = m_lastEventIdBuffer;
    }
    if (!m_dataView && m_data.isEmpty()) {
        m_eventType.resize(0);
        return;
    }
    // The event object is reused: unless a listener keeps a copy of the data, its buffer is reused too, and
    // steady traffic allocates nothing per event.
    if (m_eventType.isEmpty())
        m_event.type = defaultEventType();
    else
        m_event.type = decodeUtf8Whatwg(m_eventType.constData(), m_eventType.size());
    if (m_dataView) {
        decodeUtf8Whatwg(m_dataView, m_dataViewSize, m_event.data);
        m_dataView = nullptr;
    } else {
        decodeUtf8Whatwg(m_data.constData(), m_data.size() - 1, m_event.data);
        m_data.resize(0);
    }
    m_event.lastEventId = m_lastEventId;
    // resize(0) keeps the capacity, so steady traffic allocates no new buffers.
    if (!m_eventType.isEmpty())
        m_eventType.resize(0);
    m_sink->sseEvent(m_event);
    if (m_event.data.capacity() > kRetainedEventCapacity)
        m_event.data = QString(); // one huge event must not pin its buffer for the life of the stream
}

void SseParser::materializeDataView()
{
    if (!m_dataView)
        return;
    m_data.append(m_dataView, m_dataViewSize);
    m_data.append('\n');
    m_dataView = nullptr;
}

void SseParser::finish()
{
    m_dataView = nullptr;
    m_pendingLine.resize(0);
    m_data.resize(0);
    m_eventType.resize(0);
}

void SseParser::startStream()
{
    ++m_generation;
    finish();
    m_error.clear();
    m_bomBytesMatched = 0;
    m_streamStarted = false;
    m_afterCarriageReturn = false;
    // The last event ID buffer starts from the last event ID, as in browsers, so a reconnect keeps it.
    m_lastEventIdBuffer = m_decodedLastEventIdBuffer;
}

bool SseParser::failLineTooLong()
{
    return fail(QCoreApplication::translate("SseParser", "a line is longer than the limit of %1 bytes")
                    .arg(m_limits.maxLineBytes));
}

bool SseParser::fail(QString message)
{
    m_error = std::move(message);
    finish();
    return false;
}

} // namespace swarmwatch
