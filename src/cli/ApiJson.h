#pragma once

#include "CampaignRow.h"
#include "CipherSwarmTypes.h"

#include <QJsonObject>
#include <QJsonValue>

namespace swarmwatch {

// The API's records as JSON for --json and `watch --json`: the server's own field names, so that a script
// written against the API reads swarmwatch-cli's output too. Rows add what the live table fetched around a
// record (metrics, ETA, speed).
class ApiJson
{
public:
    static QJsonObject toJson(const Campaign &campaign);
    static QJsonObject toJson(const Agent &agent);
    static QJsonObject toJson(const CampaignRow &row);
    static QJsonObject toJson(const AgentRow &row);
    static QJsonObject toJson(const DashboardSummary &summary);
    // Compact, on one line, ending with '\n'.
    static QString line(const QJsonValue &value);
};

} // namespace swarmwatch
