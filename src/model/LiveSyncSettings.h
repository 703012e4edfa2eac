#pragma once

#include "SseConnectionSettings.h"

#include <chrono>

namespace swarmwatch {

struct LiveSyncSettings {
    std::chrono::milliseconds coalesceWindow{250};   // triggers within it become one refetch per id
    int maxRefetchesPerWindow = 50;                  // the rest wait for the next window
    int listRefreshThreshold = 200;                  // more dirty ids than this: refresh the list as well
    std::chrono::milliseconds resyncInterval{60000}; // catches what the server never announces
    std::chrono::milliseconds staleAfter{120000};    // no fresh data for this long: stale
    bool agents = true;                              // keep the agent table too
    SseConnectionSettings feed;                      // watchdog, backoff, TLS for the three feeds
};

} // namespace swarmwatch
