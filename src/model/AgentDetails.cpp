#include "AgentDetails.h"

#include "AgentModel.h"
#include "CipherSwarmClient.h"

namespace swarmwatch {

namespace {
constexpr int kFollowUpMs = 5000;
constexpr int kPeriodicMs = 60'000;
} // namespace

AgentDetails::AgentDetails(CipherSwarmClient *client, AgentModel *agents, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_agents(agents)
{
    m_followUp.setSingleShot(true);
    m_followUp.setInterval(kFollowUpMs);
    connect(&m_followUp, &QTimer::timeout, this, &AgentDetails::reload);
    m_periodic.setInterval(kPeriodicMs);
    connect(&m_periodic, &QTimer::timeout, this, &AgentDetails::reload);
    connect(agents, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (!m_id || m_followUp.isActive())
                    return;
                if (isTimeRefresh(roles))
                    return; // "last seen ... ago" counting on
                for (int row = from.row(); row <= to.row() && row < m_agents->rowCount(); ++row) {
                    if (m_agents->rows().at(row).agent.id == *m_id) {
                        m_followUp.start();
                        return;
                    }
                }
            });
}

AgentDetails::~AgentDetails()
{
    cancelCalls();
}

void AgentDetails::cancelCalls()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
}

void AgentDetails::select(std::optional<qint64> agentId)
{
    if (agentId == m_id)
        return;
    m_id = agentId;
    m_agent.reset();
    m_errors.clear();
    m_performance.clear();
    m_error.clear();
    m_followUp.stop();
    if (m_id) {
        m_periodic.start();
        reload();
    } else {
        m_periodic.stop();
        cancelCalls();
        ++m_generation;
    }
    Q_EMIT changed();
}

void AgentDetails::reload()
{
    cancelCalls();
    if (!m_id)
        return;
    const quint64 generation = ++m_generation;
    const qint64 id = *m_id;
    m_calls.append(m_client->agent(
        id,
        [this, generation](const ApiResult<Agent> &result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_error = result.error.message;
            } else {
                m_error.clear();
                m_agent = result.value;
            }
            Q_EMIT changed();
        },
        ApiRequest::Priority::High));
    m_calls.append(m_client->agentErrors(
        id,
        [this, generation](const ApiResult<QList<AgentError>> &result) {
            if (generation != m_generation || !result.ok())
                return;
            m_errors = result.value;
            std::sort(m_errors.begin(), m_errors.end(),
                      [](const AgentError &a, const AgentError &b) { return a.createdAt > b.createdAt; });
            Q_EMIT changed();
        },
        ApiRequest::Priority::High));
    m_calls.append(m_client->agentPerformance(
        id,
        [this, generation](const ApiResult<QList<DevicePerformance>> &result) {
            if (generation != m_generation || !result.ok())
                return;
            m_performance = result.value;
            Q_EMIT changed();
        },
        ApiRequest::Priority::Normal));
}

} // namespace swarmwatch
