#pragma once

#include "ApiError.h"
#include "ApiRequest.h"
#include "CipherSwarmTypes.h"

#include <QObject>

#include <functional>
#include <memory>

namespace swarmwatch {

class ApiCall;
class JsonReader;
class Session;

// Typed calls for what a live dashboard needs from CipherSwarm's web API. Each returns an ApiCall that can be
// cancelled; the callback gets a value or an error naming the endpoint (and the field, for bad answers).
// Lists are fetched page by page (100 per page, the server's maximum) until complete.
class CipherSwarmClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(const ApiResult<T> &)>;
    // Each page of a list as it arrives (before the next is asked for), so rows can be shown at once.
    template <typename T>
    using PageCallback = std::function<void(const QList<T> &items)>;
    using Priority = ApiRequest::Priority;

    explicit CipherSwarmClient(Session *session, QObject *parent = nullptr);
    Session *session() const { return m_session; }

    ApiCall *me(Callback<User> done);
    ApiCall *projectContext(Callback<ProjectContext> done);
    // Makes projectId the active project for this session (after the server agreed it is one of the user's).
    ApiCall *switchProject(qint64 projectId, Callback<ProjectContext> done);

    ApiCall *campaigns(Callback<QList<Campaign>> done, PageCallback<Campaign> onPage = {},
                       Priority priority = Priority::Normal);
    ApiCall *campaignDetail(qint64 id, Callback<CampaignDetail> done, Priority priority = Priority::Normal);
    ApiCall *campaignProgress(qint64 id, Callback<CampaignProgress> done,
                              Priority priority = Priority::Normal);
    ApiCall *campaignMetrics(qint64 id, Callback<CampaignMetrics> done, Priority priority = Priority::Normal);
    // Actions. The server's answer is the campaign as it is now; a refusal ("Cannot start an archived
    // campaign.") comes back as the error's message, in the server's words.
    ApiCall *startCampaign(qint64 id, Callback<Campaign> done);
    ApiCall *stopCampaign(qint64 id, Callback<Campaign> done);
    // Archives (nothing is deleted): 204 and no body; the value is true on success.
    ApiCall *archiveCampaign(qint64 id, Callback<bool> done);
    ApiCall *attack(qint64 id, Callback<Attack> done);
    ApiCall *attackPerformance(qint64 id, Callback<AttackPerformance> done,
                               Priority priority = Priority::Normal);

    ApiCall *agents(Callback<QList<Agent>> done, PageCallback<Agent> onPage = {},
                    Priority priority = Priority::Normal);
    ApiCall *agent(qint64 id, Callback<Agent> done, Priority priority = Priority::Normal);
    ApiCall *agentErrors(qint64 id, Callback<QList<AgentError>> done, Priority priority = Priority::Normal);
    ApiCall *agentPerformance(qint64 id, Callback<QList<DevicePerformance>> done,
                              Priority priority = Priority::Normal);
    ApiCall *dashboardSummary(Callback<DashboardSummary> done);

    static constexpr int kPageSize = 100;
    static constexpr int kMaxAgentPages = 100; // the agents list answers 500 past page 100

private:
    template <typename T>
    ApiCall *fetch(ApiRequest request, T (*decoder)(JsonReader &), Callback<T> done);
    template <typename T>
    struct PageRequest {
        QString path;
        QString sizeKey;
        T (*decoder)(JsonReader &);
        Callback<QList<T>> done;
        PageCallback<T> onPage;
        int maxPages;
        Priority priority;
    };
    template <typename T>
    void fetchPages(ApiCall *call, std::shared_ptr<const PageRequest<T>> list, int page, QList<T> collected);

    Session *m_session;
};

} // namespace swarmwatch
