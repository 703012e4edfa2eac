#pragma once

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <memory>

class QTableWidget;

namespace Ui {
class CampaignDetailsView;
}

namespace swarmwatch {

class CampaignChart;
class CampaignDetails;
class Journal;

// The selected campaign beside the table: what it is, its hashes, its attacks, and Start / Stop / Archive
// where the server allows them. Archive asks first. A refusal is shown as the server said it.
class CampaignDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignDetailsView(CampaignDetails *details, QWidget *parent = nullptr);
    ~CampaignDetailsView() override;

    QTableWidget *attacksTable() const;
    QMessageBox *archiveConfirmation() const { return m_confirm; }
    // Adds the chart of progress and cracks over time, from this journal.
    void setJournal(Journal *journal);
    CampaignChart *chart() const { return m_chart; }

private:
    void update();

    std::unique_ptr<Ui::CampaignDetailsView> m_ui;
    CampaignDetails *m_details;
    QPointer<QMessageBox> m_confirm;
    CampaignChart *m_chart = nullptr;
};

} // namespace swarmwatch
