#pragma once

#include "CipherSwarmTypes.h"

#include <optional>

namespace swarmwatch {

// One campaign as the live table shows it: the campaign and what was fetched around it.
struct CampaignRow {
    Campaign campaign;
    std::optional<CampaignMetrics> metrics;
    std::optional<qint64> activeAgents;
    std::optional<qint64> attackCount;
    std::optional<qint64> etaSeconds; // remaining time over the attacks that report one
    std::optional<QDateTime> etaAt;   // when that estimate was read: the finish time is etaAt + etaSeconds
    std::optional<double> hashesPerSecond; // summed over the campaign's attacks

    friend bool operator==(const CampaignRow &, const CampaignRow &) = default;
};

// One agent as the live table shows it.
struct AgentRow {
    Agent agent;
    std::optional<QString> latestError;
    std::optional<double> currentSpeed; // H/s, the latest non-zero performance bucket

    friend bool operator==(const AgentRow &, const AgentRow &) = default;
};

} // namespace swarmwatch
