#include "EventPrinter.h"

#include "JsonLine.h"

namespace swarmwatch {

EventPrinter::EventPrinter(std::FILE *out, bool countOnly)
    : m_out(out)
    , m_countOnly(countOnly)
{}

EventPrinter::~EventPrinter()
{
    flush();
}

void EventPrinter::sseEvent(const SseEvent &event)
{
    ++m_eventCount;
    if (m_countOnly)
        return;
    m_buffer.append("{\"type\": ");
    appendJsonString(m_buffer, event.type);
    m_buffer.append(", \"data\": ");
    appendJsonString(m_buffer, event.data);
    m_buffer.append(", \"lastEventId\": ");
    appendJsonString(m_buffer, event.lastEventId);
    m_buffer.append("}\n");
}

void EventPrinter::sseRetry(qint64 milliseconds)
{
    if (m_countOnly)
        return;
    m_buffer.append("{\"retry\": ");
    m_buffer.append(QByteArray::number(milliseconds));
    m_buffer.append("}\n");
}

void EventPrinter::flush()
{
    if (!m_buffer.isEmpty()) {
        std::fwrite(m_buffer.constData(), 1, static_cast<size_t>(m_buffer.size()), m_out);
        m_buffer.resize(0);
    }
    std::fflush(m_out);
}

void EventPrinter::flushIfLarge()
{
    if (m_buffer.size() >= 64 * 1024)
        flush();
}

} // namespace swarmwatch
