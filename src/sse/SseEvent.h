#pragma once

#include <QString>

namespace swarmwatch {

// One dispatched Server-Sent Event, as the WHATWG "dispatch the event" step hands it to a listener.
struct SseEvent {
    QString type;        // "message" when the stream gave no event field
    QString data;        // data lines joined with LF, the final LF removed
    QString lastEventId; // the stream's last event ID at dispatch time

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

} // namespace swarmwatch
