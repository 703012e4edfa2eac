#pragma once

#include "SseConnectionSettings.h"

#include <chrono>

namespace swarmwatch {

struct LiveSyncSettings {
    // An id fetched less than this ago waits out the rest (trailing edge); an id quiet for longer is fetched
    // at once (leading edge). So coalescing costs nothing in quiet times and bounds refetches in busy ones.
    std::chrono::milliseconds coalesceWindow{250};
    double requestsPerSecond = 100; // the REST budget per server (<= 0: none)
    int maxConcurrentRefetches = 6; // refetch chains at once (the transport runs 3 requests at a time)
    // Progress and ETA of a running campaign cost a request per attack: a trigger fetches them when they are
    // older than this, or older than the quick interval while the budget has room to spare.
    std::chrono::milliseconds slowRefreshInterval{30000};
    std::chrono::milliseconds quickSlowRefreshInterval{3000};
    std::chrono::milliseconds agentDetailsInterval{300000}; // errors and speed: 48 queries per device
    // Catches what the server never announces; stretched on a large server so that periodic resyncs take no
    // more than a quarter of the budget.
    std::chrono::milliseconds resyncInterval{60000};
    std::chrono::milliseconds staleAfter{120000};     // no fresh data for this long: stale
    std::chrono::milliseconds errorQuietPeriod{5000}; // identical failures within it fold into one
    bool agents = true;                               // keep the agent table too
    bool feeds =
        true; // false: the snapshot over REST only, for a one-shot listing (swarmwatch-cli campaigns)
    SseConnectionSettings feed; // watchdog, backoff, TLS for the three feeds
};

} // namespace swarmwatch
