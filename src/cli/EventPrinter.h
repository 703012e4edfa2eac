#pragma once

#include "SseEventSink.h"

#include <QByteArray>

#include <cstdio>

namespace swarmwatch {

// Prints parsed events as JSON lines: {"type": T, "data": D, "lastEventId": L} and {"retry": N}.
// Output is buffered; flush() writes it (after every event when live, in large blocks for files).
class EventPrinter : public SseEventSink
{
public:
    explicit EventPrinter(std::FILE *out, bool countOnly = false);
    ~EventPrinter() override;

    void sseEvent(const SseEvent &event) override;
    void sseRetry(qint64 milliseconds) override;
    void flush();
    void flushIfLarge();

    quint64 eventCount() const { return m_eventCount; }

private:
    std::FILE *m_out;
    bool m_countOnly;
    quint64 m_eventCount = 0;
    QByteArray m_buffer;
};

} // namespace swarmwatch
