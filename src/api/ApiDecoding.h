#pragma once

#include "CipherSwarmTypes.h"
#include "JsonReader.h"

namespace swarmwatch {

// Decoders from the API's JSON into SwarmWatch's values. Each reads every field it needs from the reader and
// leaves the first problem there; the caller checks reader.ok().
namespace decode {

User user(JsonReader &reader);
ProjectContext projectContext(JsonReader &reader);
Campaign campaign(JsonReader &reader);
AttackSummary attackSummary(JsonReader &reader);
CampaignDetail campaignDetail(JsonReader &reader);
CampaignProgress campaignProgress(JsonReader &reader);
CampaignMetrics campaignMetrics(JsonReader &reader);
Attack attack(JsonReader &reader);
AttackPerformance attackPerformance(JsonReader &reader);
Agent agent(JsonReader &reader);
AgentError agentError(JsonReader &reader);
QList<DevicePerformance> agentPerformance(JsonReader &reader);
DashboardSummary dashboardSummary(JsonReader &reader);
LoginResult loginResult(JsonReader &reader);

// Each element of reader's array `key`, decoded with `decoder`; an element that is not an object is an error.
template <typename T>
QList<T> list(JsonReader &reader, const char *key, T (*decoder)(JsonReader &))
{
    QList<T> out;
    const QJsonArray array = reader.array(key);
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
        if (!array.at(i).isObject()) {
            reader.fail(JsonReader::join(reader.context(), path), QStringLiteral("expected an object"));
            break;
        }
        JsonReader element = reader.child(array.at(i).toObject(), path);
        out.append(decoder(element));
        reader.adopt(element);
    }
    return out;
}

} // namespace decode

} // namespace swarmwatch
