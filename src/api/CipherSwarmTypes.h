#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

// The CipherSwarm web API's values as SwarmWatch keeps them (../shared/cipherswarm-api.md §1, §3-§5).
// Enums stay strings: the server may add values, and an unknown one must still show.
namespace swarmwatch {

struct User {
    QString id; // UUID
    QString email;
    QString name;
    QString role;
    bool active = true;
    bool superuser = false;
};

struct Project {
    qint64 id = 0;
    QString name;
    friend bool operator==(const Project &, const Project &) = default;
};

struct ProjectContext {
    User user;
    std::optional<Project> activeProject;
    QList<Project> availableProjects;

    // The server's own default when none was chosen: the lowest-id project, if the user has any.
    std::optional<qint64> defaultProjectId() const
    {
        std::optional<qint64> lowest;
        for (const Project &project : availableProjects)
            lowest = lowest ? std::min(*lowest, project.id) : project.id;
        return lowest;
    }
    bool isAvailable(qint64 projectId) const
    {
        return std::any_of(availableProjects.cbegin(), availableProjects.cend(),
                           [projectId](const Project &project) { return project.id == projectId; });
    }
    // A remembered project while it is still available, otherwise the server's default.
    std::optional<qint64> projectToUse(std::optional<qint64> remembered) const
    {
        return remembered && isAvailable(*remembered) ? remembered : defaultProjectId();
    }
};

struct Campaign {
    qint64 id = 0;
    QString name;
    std::optional<QString> description;
    qint64 projectId = 0;
    qint64 priority = 0;
    qint64 hashListId = 0;
    bool unavailable = false;
    QString state; // draft, active, archived, paused, completed, error, or something newer
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const Campaign &, const Campaign &) = default;
};

struct AttackSummary {
    qint64 id = 0;
    QString name;
    QString attackMode;
    QString typeLabel;
    std::optional<qint64> length;
    QString settingsSummary;
    std::optional<qint64> keyspace;
    std::optional<qint64> complexityScore;
    friend bool operator==(const AttackSummary &, const AttackSummary &) = default;
};

struct CampaignDetail {
    Campaign campaign;
    QList<AttackSummary> attacks;
};

struct CampaignProgress {
    qint64 totalTasks = 0;
    qint64 activeAgents = 0;
    friend bool operator==(const CampaignProgress &, const CampaignProgress &) = default;
};

struct CampaignMetrics {
    qint64 totalHashes = 0;
    qint64 crackedHashes = 0;
    qint64 uncrackedHashes = 0;
    double percentCracked = 0;
    double progressPercent = 0;
    friend bool operator==(const CampaignMetrics &, const CampaignMetrics &) = default;
};

struct Attack {
    qint64 id = 0;
    QString name;
    QString state; // pending, running, completed, failed, abandoned, ...
    qint64 campaignId = 0;
    std::optional<qint64> position;
    std::optional<QDateTime> startTime;
    std::optional<QDateTime> endTime;
};

struct AttackPerformance {
    double hashesPerSecond = 0;
    qint64 totalHashes = 0;
    qint64 agentCount = 0;
    std::optional<qint64> etaSeconds;
    double progress = 0;
    qint64 hashesDone = 0;
    Attack attack;
};

// The API's AgentOut without its `token`: the agent's own secret is dropped while decoding, never kept.
struct Agent {
    qint64 id = 0;
    QString hostName;
    QString clientSignature;
    std::optional<QString> customLabel;
    QString state; // pending, active, stopped, error, ...
    bool enabled = false;
    QStringList devices;
    std::optional<QString> agentType;
    QString operatingSystem;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> lastSeenAt;
    std::optional<QString> lastIpAddress;

    QString displayName() const { return customLabel && !customLabel->isEmpty() ? *customLabel : hostName; }
    friend bool operator==(const Agent &, const Agent &) = default;
};

struct AgentError {
    qint64 id = 0;
    QString message;
    QString severity;
    std::optional<QString> errorCode;
    qint64 agentId = 0;
    std::optional<qint64> taskId;
    QDateTime createdAt;
};

struct DeviceSpeedSample {
    QDateTime timestamp;
    double speed = 0;
};

struct DevicePerformance {
    QString device;
    QList<DeviceSpeedSample> samples;
};

struct UsagePoint {
    QDateTime timestamp;
    double hashRate = 0;
};

struct DashboardSummary {
    qint64 activeAgents = 0;
    qint64 totalAgents = 0;
    qint64 runningTasks = 0;
    qint64 totalTasks = 0;
    qint64 recentlyCrackedHashes = 0;
    QList<UsagePoint> resourceUsage;
};

struct LoginResult {
    QString message;
    QString level;
    std::optional<QString> accessToken;
};

} // namespace swarmwatch
