#include "ApiDecoding.h"

namespace swarmwatch::decode {

User user(JsonReader &reader)
{
    User out;
    out.id = reader.string("id");
    out.email = reader.string("email");
    out.name = reader.string("name");
    out.role = reader.optionalString("role").value_or(QString());
    // UserRead has the flags; the context's user does not.
    out.active = reader.optionalBoolean("is_active").value_or(true);
    out.superuser = reader.optionalBoolean("is_superuser").value_or(false);
    return out;
}

namespace {

Project project(JsonReader &reader)
{
    return Project{reader.integer("id"), reader.string("name")};
}

} // namespace

ProjectContext projectContext(JsonReader &reader)
{
    ProjectContext out;
    JsonReader userReader = reader.child(reader.object("user"), QStringLiteral("user"));
    out.user = user(userReader);
    reader.adopt(userReader);
    if (const auto active = reader.optionalObject("active_project")) {
        JsonReader activeReader = reader.child(*active, QStringLiteral("active_project"));
        out.activeProject = project(activeReader);
        reader.adopt(activeReader);
    }
    out.availableProjects = list(reader, "available_projects", &project);
    return out;
}

Campaign campaign(JsonReader &reader)
{
    Campaign out;
    out.id = reader.integer("id");
    out.name = reader.string("name");
    out.description = reader.optionalString("description");
    out.projectId = reader.integer("project_id");
    out.priority = reader.integer("priority");
    out.hashListId = reader.integer("hash_list_id");
    out.unavailable = reader.boolean("is_unavailable");
    out.state = reader.string("state");
    out.createdAt = reader.time("created_at");
    out.updatedAt = reader.time("updated_at");
    return out;
}

AttackSummary attackSummary(JsonReader &reader)
{
    AttackSummary out;
    out.id = reader.integer("id");
    out.name = reader.string("name");
    out.attackMode = reader.string("attack_mode");
    out.typeLabel = reader.optionalString("type_label").value_or(QString());
    out.length = reader.optionalInteger("length");
    out.settingsSummary = reader.optionalString("settings_summary").value_or(QString());
    out.keyspace = reader.optionalInteger("keyspace");
    out.complexityScore = reader.optionalInteger("complexity_score");
    return out;
}

CampaignDetail campaignDetail(JsonReader &reader)
{
    CampaignDetail out;
    JsonReader campaignReader = reader.child(reader.object("campaign"), QStringLiteral("campaign"));
    out.campaign = campaign(campaignReader);
    reader.adopt(campaignReader);
    out.attacks = list(reader, "attacks", &attackSummary);
    return out;
}

CampaignProgress campaignProgress(JsonReader &reader)
{
    return CampaignProgress{reader.integer("total_tasks"), reader.integer("active_agents")};
}

CampaignMetrics campaignMetrics(JsonReader &reader)
{
    CampaignMetrics out;
    out.totalHashes = reader.integer("total_hashes");
    out.crackedHashes = reader.integer("cracked_hashes");
    out.uncrackedHashes = reader.integer("uncracked_hashes");
    out.percentCracked = reader.number("percent_cracked");
    out.progressPercent = reader.number("progress_percent");
    return out;
}

Attack attack(JsonReader &reader)
{
    Attack out;
    out.id = reader.integer("id");
    out.name = reader.string("name");
    out.state = reader.string("state");
    out.campaignId = reader.integer("campaign_id");
    out.position = reader.optionalInteger("position");
    out.startTime = reader.optionalTime("start_time");
    out.endTime = reader.optionalTime("end_time");
    return out;
}

AttackPerformance attackPerformance(JsonReader &reader)
{
    AttackPerformance out;
    JsonReader data = reader.child(reader.object("data"), QStringLiteral("data"));
    out.hashesPerSecond = data.number("hashes_per_sec");
    out.totalHashes = data.integer("total_hashes");
    out.agentCount = data.integer("agent_count");
    out.etaSeconds = data.optionalInteger("eta");
    out.progress = data.number("progress");
    out.hashesDone = data.integer("hashes_done");
    JsonReader attackReader = data.child(data.object("attack"), QStringLiteral("attack"));
    out.attack = attack(attackReader);
    data.adopt(attackReader);
    reader.adopt(data);
    return out;
}

Agent agent(JsonReader &reader)
{
    Agent out;
    out.id = reader.integer("id");
    out.hostName = reader.string("host_name");
    out.clientSignature = reader.optionalString("client_signature").value_or(QString());
    out.customLabel = reader.optionalString("custom_label");
    // `token` is deliberately not read: it is the agent's credential and has no place in a dashboard.
    out.state = reader.string("state");
    out.enabled = reader.boolean("enabled");
    if (const auto devices = reader.optionalArray("devices")) {
        for (qsizetype i = 0; i < devices->size(); ++i) {
            if (!devices->at(i).isString()) {
                reader.fail(JsonReader::join(reader.context(), QStringLiteral("devices[%1]").arg(i)),
                            QStringLiteral("expected a string"));
                break;
            }
            out.devices.append(devices->at(i).toString());
        }
    }
    out.agentType = reader.optionalString("agent_type");
    out.operatingSystem = reader.string("operating_system");
    out.createdAt = reader.time("created_at");
    out.updatedAt = reader.time("updated_at");
    out.lastSeenAt = reader.optionalTime("last_seen_at");
    out.lastIpAddress = reader.optionalString("last_ipaddress");
    return out;
}

AgentError agentError(JsonReader &reader)
{
    AgentError out;
    out.id = reader.integer("id");
    out.message = reader.string("message");
    out.severity = reader.string("severity");
    out.errorCode = reader.optionalString("error_code");
    out.agentId = reader.integer("agent_id");
    out.taskId = reader.optionalInteger("task_id");
    out.createdAt = reader.time("created_at");
    return out;
}

namespace {

DeviceSpeedSample speedSample(JsonReader &reader)
{
    return DeviceSpeedSample{reader.time("timestamp"), reader.number("speed")};
}

DevicePerformance devicePerformance(JsonReader &reader)
{
    DevicePerformance out;
    out.device = reader.string("device");
    out.samples = list(reader, "data", &speedSample);
    return out;
}

UsagePoint usagePoint(JsonReader &reader)
{
    return UsagePoint{reader.time("timestamp"), reader.number("hash_rate")};
}

} // namespace

QList<DevicePerformance> agentPerformance(JsonReader &reader)
{
    return list(reader, "series", &devicePerformance);
}

DashboardSummary dashboardSummary(JsonReader &reader)
{
    DashboardSummary out;
    out.activeAgents = reader.integer("active_agents");
    out.totalAgents = reader.integer("total_agents");
    out.runningTasks = reader.integer("running_tasks");
    out.totalTasks = reader.integer("total_tasks");
    out.recentlyCrackedHashes = reader.integer("recently_cracked_hashes");
    out.resourceUsage = list(reader, "resource_usage", &usagePoint);
    return out;
}

LoginResult loginResult(JsonReader &reader)
{
    LoginResult out;
    out.message = reader.optionalString("message").value_or(QString());
    out.level = reader.optionalString("level").value_or(QString());
    out.accessToken = reader.optionalString("access_token");
    return out;
}

} // namespace swarmwatch::decode
