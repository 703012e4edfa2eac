#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTableView;

namespace Ui {
class CampaignsView;
}

namespace swarmwatch {

class CampaignDelegate;
class CampaignModel;
class CampaignTableModel;
class ConsoleSettings;

// The default view: every campaign of the project, sortable and filterable by name and state, with progress
// bars, speeds and ETAs; sort, filter, column widths and order come back on the next start.
class CampaignsView : public QWidget
{
    Q_OBJECT

public:
    CampaignsView(CampaignModel *campaigns, ConsoleSettings *settings, QWidget *parent = nullptr);
    ~CampaignsView() override;

    QTableView *table() const;
    CampaignTableModel *proxy() const { return m_proxy.get(); }
    CampaignDelegate *delegate() const { return m_delegate; }
    void saveState(); // column layout and sort to the settings (the filter is saved as it changes)
    // Puts the selected campaign's details beside the table (in a splitter).
    void setDetails(QWidget *details);
    // The campaign of the table's current row (none without one).
    std::optional<qint64> currentCampaign() const;

Q_SIGNALS:
    void currentCampaignChanged(std::optional<qint64> campaignId);

private:
    void restoreState();
    void buildStateMenu();
    void updateCount();
    void watchChanges(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    std::unique_ptr<Ui::CampaignsView> m_ui;
    CampaignModel *m_campaigns;
    ConsoleSettings *m_settings;
    std::unique_ptr<CampaignTableModel> m_proxy;
    CampaignDelegate *m_delegate;
    QLabel *m_noMatch;       // over the table when the filters hide every campaign
    QTimer m_highlightTimer; // repaints while a changed row fades; stops when none is marked
    qint64 m_lastChangeMs = 0;
    QTimer m_timeTick;                     // "5 min ago" and ETAs count on
    std::optional<qint64> m_shownCampaign; // the campaign whose details are shown
};

} // namespace swarmwatch
