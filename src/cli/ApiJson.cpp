#include "ApiJson.h"

#include "AgentModel.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace swarmwatch {

namespace {

QJsonValue optional(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QJsonObject ApiJson::toJson(const Campaign &campaign)
{
    return {{QStringLiteral("id"), campaign.id},
            {QStringLiteral("name"), campaign.name},
            {QStringLiteral("description"), optional(campaign.description)},
            {QStringLiteral("project_id"), campaign.projectId},
            {QStringLiteral("priority"), campaign.priority},
            {QStringLiteral("hash_list_id"), campaign.hashListId},
            {QStringLiteral("is_unavailable"), campaign.unavailable},
            {QStringLiteral("state"), campaign.state},
            {QStringLiteral("created_at"), isoTime(campaign.createdAt)},
            {QStringLiteral("updated_at"), isoTime(campaign.updatedAt)}};
}

QJsonObject ApiJson::toJson(const Agent &agent)
{
    return {{QStringLiteral("id"), agent.id},
            {QStringLiteral("host_name"), agent.hostName},
            {QStringLiteral("client_signature"), agent.clientSignature},
            {QStringLiteral("custom_label"), optional(agent.customLabel)},
            {QStringLiteral("state"), agent.state},
            {QStringLiteral("enabled"), agent.enabled},
            {QStringLiteral("devices"), QJsonArray::fromStringList(agent.devices)},
            {QStringLiteral("agent_type"), optional(agent.agentType)},
            {QStringLiteral("operating_system"), agent.operatingSystem},
            {QStringLiteral("created_at"), isoTime(agent.createdAt)},
            {QStringLiteral("updated_at"), isoTime(agent.updatedAt)},
            {QStringLiteral("last_seen_at"),
             agent.lastSeenAt ? QJsonValue(isoTime(*agent.lastSeenAt)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_ipaddress"), optional(agent.lastIpAddress)}};
}

QJsonObject ApiJson::toJson(const CampaignRow &row)
{
    QJsonObject object = toJson(row.campaign);
    const auto put = [&object](const char *key, const QJsonValue &value) {
        object.insert(QLatin1String(key), value);
    };
    const QJsonValue null(QJsonValue::Null);
    put("total_hashes", row.metrics ? QJsonValue(row.metrics->totalHashes) : null);
    put("cracked_hashes", row.metrics ? QJsonValue(row.metrics->crackedHashes) : null);
    put("uncracked_hashes", row.metrics ? QJsonValue(row.metrics->uncrackedHashes) : null);
    put("percent_cracked", row.metrics ? QJsonValue(row.metrics->percentCracked) : null);
    put("progress_percent", row.metrics ? QJsonValue(row.metrics->progressPercent) : null);
    put("active_agents", row.activeAgents ? QJsonValue(*row.activeAgents) : null);
    put("attacks_count", row.attackCount ? QJsonValue(*row.attackCount) : null);
    put("eta_seconds", row.etaSeconds ? QJsonValue(*row.etaSeconds) : null);
    return object;
}

QJsonObject ApiJson::toJson(const AgentRow &row)
{
    QJsonObject object = toJson(row.agent);
    object.insert(QStringLiteral("online"), AgentModel::isOnline(row.agent, QDateTime::currentDateTimeUtc()));
    object.insert(QStringLiteral("latest_error"),
                  row.latestError ? QJsonValue(*row.latestError) : QJsonValue());
    object.insert(QStringLiteral("current_speed"),
                  row.currentSpeed ? QJsonValue(*row.currentSpeed) : QJsonValue());
    return object;
}

QJsonObject ApiJson::toJson(const DashboardSummary &s)
{
    QJsonArray usage;
    for (const UsagePoint &point : s.resourceUsage)
        usage.append(QJsonObject{{QStringLiteral("timestamp"), isoTime(point.timestamp)},
                                 {QStringLiteral("hash_rate"), point.hashRate}});
    return {{QStringLiteral("active_agents"), s.activeAgents},
            {QStringLiteral("total_agents"), s.totalAgents},
            {QStringLiteral("running_tasks"), s.runningTasks},
            {QStringLiteral("total_tasks"), s.totalTasks},
            {QStringLiteral("recently_cracked_hashes"), s.recentlyCrackedHashes},
            {QStringLiteral("resource_usage"), usage}};
}

QString ApiJson::line(const QJsonValue &value)
{
    const QByteArray bytes = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(bytes) + QLatin1Char('\n');
}

} // namespace swarmwatch
