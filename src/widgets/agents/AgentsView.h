#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QTableView;

namespace Ui {
class AgentsView;
}

namespace swarmwatch {

class AgentModel;
class AgentTableModel;
class ConsoleSettings;

// Every agent: host, online or offline (seen within the grace period), state, last seen, devices, speed and
// the latest error. Its column layout comes back on the next start.
class AgentsView : public QWidget
{
    Q_OBJECT

public:
    AgentsView(AgentModel *agents, ConsoleSettings *settings, QWidget *parent = nullptr);
    ~AgentsView() override;

    QTableView *table() const;
    AgentTableModel *proxy() const { return m_proxy.get(); }
    // Puts the selected agent's details beside the table (in a splitter).
    void setDetails(QWidget *details);
    std::optional<qint64> currentAgent() const;

Q_SIGNALS:
    void currentAgentChanged(std::optional<qint64> agentId);

private:
    void updateCount();

    std::unique_ptr<Ui::AgentsView> m_ui;
    AgentModel *m_agents;
    ConsoleSettings *m_settings;
    std::unique_ptr<AgentTableModel> m_proxy;
    QTimer m_timeTick; // online/offline and "seen 2 min ago" change with time alone
};

} // namespace swarmwatch
