#pragma once

#include "ApiCall.h"
#include "CipherSwarmTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace swarmwatch {

class AgentModel;
class CipherSwarmClient;

// The selected agent, in full: the agent itself (devices, hardware, software, last seen), its device speeds
// over the last hours (the server's performance series) and its error log, newest first. Read when selected,
// again at most every 5 s while the table says it changed, and every 60 s for the speeds. Headless: the
// agent details pane shows it. The agent's own token (in the server's answer) is never kept here.
class AgentDetails : public QObject
{
    Q_OBJECT

public:
    AgentDetails(CipherSwarmClient *client, AgentModel *agents, QObject *parent = nullptr);
    ~AgentDetails() override;

    void select(std::optional<qint64> agentId);
    std::optional<qint64> agentId() const { return m_id; }
    const std::optional<Agent> &agent() const { return m_agent; }
    const QList<AgentError> &errors() const { return m_errors; }
    const QList<DevicePerformance> &performance() const { return m_performance; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void changed();

private:
    void reload();
    void cancelCalls();

    CipherSwarmClient *m_client;
    AgentModel *m_agents;
    std::optional<qint64> m_id;
    std::optional<Agent> m_agent;
    QList<AgentError> m_errors;
    QList<DevicePerformance> m_performance;
    QString m_error;
    quint64 m_generation = 0;
    QList<QPointer<ApiCall>> m_calls;
    QTimer m_followUp;
    QTimer m_periodic;
};

} // namespace swarmwatch
