#pragma once

#include <QWidget>

#include <memory>

class QChartView;
class QTableWidget;

namespace Ui {
class AgentDetailsView;
}

namespace swarmwatch {

class AgentDetails;

// The selected agent beside the table: state, hardware and devices, software, last seen, its device speeds
// over the last hours (a chart, one line per device), and its error log, newest first.
class AgentDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit AgentDetailsView(AgentDetails *details, QWidget *parent = nullptr);
    ~AgentDetailsView() override;

    QTableWidget *errorsTable() const;
    QChartView *speedChart() const { return m_chart; }

private:
    void update();
    void updateChart();

    std::unique_ptr<Ui::AgentDetailsView> m_ui;
    AgentDetails *m_details;
    QChartView *m_chart;
};

} // namespace swarmwatch
