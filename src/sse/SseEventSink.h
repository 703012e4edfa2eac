#pragma once

#include "SseEvent.h"

namespace swarmwatch {

// Receives what an SseParser finds. An interface rather than signals: the parser runs millions of events per
// second in benchmarks and the fuzzer, where a QObject would only add cost.
class SseEventSink
{
public:
    virtual ~SseEventSink() = default;
    virtual void sseEvent(const SseEvent &event) = 0;
    // An accepted `retry` field, in milliseconds.
    virtual void sseRetry(qint64 milliseconds) = 0;
};

} // namespace swarmwatch
