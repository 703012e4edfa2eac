#include "CampaignDetailsView.h"

#include "CampaignChart.h"
#include "CampaignDetails.h"
#include "Format.h"
#include "ui_CampaignDetailsView.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace swarmwatch {

namespace {
enum AttackColumn { Type, Name, State, Progress, Speed, Keyspace, Complexity, Eta, AttackColumns };
}

CampaignDetailsView::CampaignDetailsView(CampaignDetails *details, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CampaignDetailsView>())
    , m_details(details)
{
    m_ui->setupUi(this);
    m_ui->attacksTable->setColumnCount(AttackColumns);
    m_ui->attacksTable->setHorizontalHeaderLabels({tr("Type"), tr("Name"), tr("State"), tr("Progress"),
                                                   tr("Speed"), tr("Keyspace"), tr("Complexity"), tr("ETA")});
    m_ui->attacksTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QFont name = m_ui->campaignNameLabel->font();
    name.setBold(true);
    name.setPointSizeF(name.pointSizeF() * 1.2);
    m_ui->campaignNameLabel->setFont(name);

    connect(details, &CampaignDetails::changed, this, &CampaignDetailsView::update);
    connect(details, &CampaignDetails::actionDone, this,
            [this](CampaignDetails::Action, bool ok, const QString &message) {
                m_ui->campaignActionMessage->setText(ok ? QString() : message); // in the server's words
            });
    connect(m_ui->campaignStartButton, &QPushButton::clicked, this,
            [this] { m_details->perform(CampaignDetails::Action::Start); });
    connect(m_ui->campaignStopButton, &QPushButton::clicked, this,
            [this] { m_details->perform(CampaignDetails::Action::Stop); });
    connect(m_ui->campaignArchiveButton, &QPushButton::clicked, this, [this] {
        if (!m_details->campaign())
            return;
        // Asked, not assumed: archiving takes the campaign out of every list.
        m_confirm = new QMessageBox(QMessageBox::Question, tr("Archive campaign"),
                                    tr("Archive “%1”? It leaves the campaign lists; nothing is deleted.")
                                        .arg(m_details->campaign()->name),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        m_confirm->setObjectName(QStringLiteral("archiveConfirmation"));
        m_confirm->setDefaultButton(QMessageBox::Cancel);
        m_confirm->setAttribute(Qt::WA_DeleteOnClose);
        const qint64 id = m_details->campaignId().value_or(0);
        connect(m_confirm, &QMessageBox::finished, this, [this, id](int result) {
            if (result == QMessageBox::Yes && m_details->campaignId() == id)
                m_details->perform(CampaignDetails::Action::Archive);
        });
        m_confirm->open();
    });
    update();
}

CampaignDetailsView::~CampaignDetailsView() = default;

void CampaignDetailsView::setJournal(Journal *journal)
{
    if (m_chart || !journal)
        return;
    m_chart = new CampaignChart(journal, this);
    m_chart->setObjectName(QStringLiteral("campaignChart"));
    // The chart gets the room the attacks do not need.
    auto *box = qobject_cast<QBoxLayout *>(layout());
    box->addWidget(m_chart, 1);
    m_chart->setCampaign(m_details->campaignId());
    connect(m_details, &CampaignDetails::changed, m_chart,
            [this] { m_chart->setCampaign(m_details->campaignId()); });
}

QTableWidget *CampaignDetailsView::attacksTable() const
{
    return m_ui->attacksTable;
}

void CampaignDetailsView::update()
{
    const auto &campaign = m_details->campaign();
    const bool selected = m_details->campaignId().has_value();
    // Beside the table only while a campaign is chosen: the table keeps the width otherwise.
    if (isVisibleTo(parentWidget()) != selected)
        setVisible(selected);
    if (!campaign) {
        m_ui->campaignNameLabel->setText(!selected ? tr("Select a campaign to see its details.")
                                         : m_details->isLoading()
                                             ? tr("Loading…")
                                             : tr("Not available: %1").arg(m_details->error()));
        for (QLabel *label :
             {m_ui->campaignStateLabel, m_ui->campaignPriorityLabel, m_ui->campaignHashListLabel,
              m_ui->campaignDescriptionLabel, m_ui->campaignMetricsLabel})
            label->clear();
        m_ui->attacksTable->setRowCount(0);
    } else {
        m_ui->campaignNameLabel->setText(campaign->name);
        m_ui->campaignStateLabel->setText(campaign->state);
        m_ui->campaignPriorityLabel->setText(QString::number(campaign->priority));
        m_ui->campaignHashListLabel->setText(tr("#%1").arg(campaign->hashListId));
        m_ui->campaignDescriptionLabel->setText(campaign->description.value_or(QString()));
        if (const auto &metrics = m_details->metrics()) {
            const QLocale locale;
            m_ui->campaignMetricsLabel->setText(tr("%1 in all, %2 cracked, %3 remaining (%4 cracked)")
                                                    .arg(locale.toString(metrics->totalHashes),
                                                         locale.toString(metrics->crackedHashes),
                                                         locale.toString(metrics->uncrackedHashes),
                                                         Format::percent(metrics->percentCracked, 2)));
        }
        const auto &attacks = m_details->attacks();
        m_ui->attacksTable->setRowCount(int(attacks.size()));
        const QLocale locale;
        for (int row = 0; row < attacks.size(); ++row) {
            const CampaignDetails::AttackLine &line = attacks.at(row);
            const auto &p = line.performance;
            const QString cells[AttackColumns] = {
                line.summary.typeLabel.isEmpty() ? line.summary.attackMode : line.summary.typeLabel,
                line.summary.name,
                p ? p->attack.state : QString(),
                p ? Format::percent(p->progress) : QString(),
                p ? Format::rate(p->hashesPerSecond) : QString(),
                line.summary.keyspace ? locale.toString(*line.summary.keyspace) : QString(),
                line.summary.complexityScore ? QString::number(*line.summary.complexityScore) : QString(),
                p && p->etaSeconds ? Format::duration(*p->etaSeconds) : QString(),
            };
            for (int column = 0; column < AttackColumns; ++column) {
                QTableWidgetItem *item = m_ui->attacksTable->item(row, column);
                if (!item) {
                    item = new QTableWidgetItem;
                    m_ui->attacksTable->setItem(row, column, item);
                }
                if (item->text() != cells[column])
                    item->setText(cells[column]);
            }
        }
    }
    m_ui->campaignStartButton->setEnabled(m_details->canDo(CampaignDetails::Action::Start));
    m_ui->campaignStopButton->setEnabled(m_details->canDo(CampaignDetails::Action::Stop));
    m_ui->campaignArchiveButton->setEnabled(m_details->canDo(CampaignDetails::Action::Archive));
    if (!m_details->error().isEmpty() && campaign)
        m_ui->campaignActionMessage->setText(m_details->error());
}

} // namespace swarmwatch
