#pragma once

#include "ApiError.h"
#include "CipherSwarmTypes.h"

#include <QObject>

#include <functional>

namespace swarmwatch {

class ApiCall;
class JsonReader;
class Session;
struct ApiRequest;

// Typed calls for what a live dashboard needs from CipherSwarm's web API. Each returns an ApiCall that can be
// cancelled; the callback gets a value or an error naming the endpoint (and the field, for bad answers).
// Lists are fetched page by page (100 per page, the server's maximum) until complete.
class CipherSwarmClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(const ApiResult<T> &)>;

    explicit CipherSwarmClient(Session *session, QObject *parent = nullptr);
    Session *session() const { return m_session; }

    ApiCall *me(Callback<User> done);
    ApiCall *projectContext(Callback<ProjectContext> done);
    // Makes projectId the active project for this session (after the server agreed it is one of the user's).
    ApiCall *switchProject(qint64 projectId, Callback<ProjectContext> done);

    ApiCall *campaigns(Callback<QList<Campaign>> done);
    ApiCall *campaignDetail(qint64 id, Callback<CampaignDetail> done);
    ApiCall *campaignProgress(qint64 id, Callback<CampaignProgress> done);
    ApiCall *campaignMetrics(qint64 id, Callback<CampaignMetrics> done);
    ApiCall *attack(qint64 id, Callback<Attack> done);
    ApiCall *attackPerformance(qint64 id, Callback<AttackPerformance> done);

    ApiCall *agents(Callback<QList<Agent>> done);
    ApiCall *agent(qint64 id, Callback<Agent> done);
    ApiCall *agentErrors(qint64 id, Callback<QList<AgentError>> done);
    ApiCall *agentPerformance(qint64 id, Callback<QList<DevicePerformance>> done);
    ApiCall *dashboardSummary(Callback<DashboardSummary> done);

    static constexpr int kPageSize = 100;
    static constexpr int kMaxAgentPages = 100; // the agents list answers 500 past page 100

private:
    template <typename T>
    ApiCall *fetch(ApiRequest request, T (*decoder)(JsonReader &), Callback<T> done);
    template <typename T>
    void fetchPages(ApiCall *call, const QString &path, const QString &sizeKey, int page, QList<T> collected,
                    T (*decoder)(JsonReader &), Callback<QList<T>> done, int maxPages);

    Session *m_session;
};

} // namespace swarmwatch
