#pragma once

#include <QTimer>
#include <QWidget>

#include <optional>

class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace swarmwatch {

class Journal;

// Progress and cracks over time for one campaign, drawn from the journal: a restart of SwarmWatch does not
// lose the curve, and a stalled campaign is a flat line (the last value is carried to now).
class CampaignChart : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignChart(Journal *journal, QWidget *parent = nullptr);

    void setCampaign(std::optional<qint64> campaignId);
    QLineSeries *progressSeries() const { return m_progress; }
    QLineSeries *crackedSeries() const { return m_cracked; }

public Q_SLOTS:
    void reload();

private:
    Journal *m_journal;
    std::optional<qint64> m_campaign;
    QChartView *m_view;
    QLineSeries *m_progress;
    QLineSeries *m_cracked;
    QDateTimeAxis *m_time;
    QValueAxis *m_percent;
    QValueAxis *m_count;
    QTimer m_reloadSoon; // the journal wrote: read again, at most every 5 s
};

} // namespace swarmwatch
