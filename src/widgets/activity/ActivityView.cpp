#include "ActivityView.h"

#include "ActivityModel.h"
#include "Icons.h"
#include "ui_ActivityView.h"

namespace swarmwatch {

ActivityView::ActivityView(ActivityModel *activity, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ActivityView>())
    , m_activity(activity)
{
    m_ui->setupUi(this);
    m_ui->revealButton->setIcon(Icons::action(QStringLiteral("reveal")));
    m_ui->activityList->setModel(activity);
    connect(m_ui->activityList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ActivityView::updateRevealButton);
    connect(activity, &QAbstractItemModel::dataChanged, this, &ActivityView::updateRevealButton);
    connect(activity, &QAbstractItemModel::rowsInserted, this, &ActivityView::updateRevealButton);
    connect(activity, &QAbstractItemModel::modelReset, this, &ActivityView::updateRevealButton);
    connect(m_ui->revealButton, &QPushButton::clicked, this, [this](bool reveal) {
        const QModelIndex current = m_ui->activityList->currentIndex();
        if (current.isValid())
            m_activity->setData(current, reveal, ActivityModel::RevealedRole);
    });
    updateRevealButton();
}

ActivityView::~ActivityView() = default;

QListView *ActivityView::list() const
{
    return m_ui->activityList;
}

void ActivityView::updateRevealButton()
{
    const QModelIndex current = m_ui->activityList->currentIndex();
    const bool canReveal = current.isValid() && current.data(ActivityModel::CanRevealRole).toBool();
    const bool revealed = canReveal && current.data(ActivityModel::RevealedRole).toBool();
    m_ui->revealButton->setEnabled(canReveal);
    m_ui->revealButton->setChecked(revealed);
    m_ui->revealButton->setText(revealed ? tr("&Hide plaintext") : tr("&Reveal plaintext"));
}

} // namespace swarmwatch
