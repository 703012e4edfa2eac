#include "AgentsView.h"

#include "AgentModel.h"
#include "AgentTableModel.h"
#include "ConsoleSettings.h"
#include "ui_AgentsView.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QSplitter>

namespace swarmwatch {

AgentsView::AgentsView(AgentModel *agents, ConsoleSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AgentsView>())
    , m_agents(agents)
    , m_settings(settings)
    , m_proxy(std::make_unique<AgentTableModel>())
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(agents);
    QTableView *table = m_ui->agentTable;
    table->setModel(m_proxy.get());
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentAgentChanged(currentAgent()); });
    // A reset (sign-out, another server) clears the current row without a signal: the details go with it.
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this,
            [this] { Q_EMIT currentAgentChanged(std::nullopt); });
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_proxy->rowCount() == 0)
            Q_EMIT currentAgentChanged(std::nullopt);
    });
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    const std::array<std::pair<int, int>, 7> widths{{{AgentModel::Name, 200},
                                                     {AgentModel::Online, 90},
                                                     {AgentModel::State, 80},
                                                     {AgentModel::LastSeen, 110},
                                                     {AgentModel::Devices, 220},
                                                     {AgentModel::Speed, 100},
                                                     {AgentModel::LatestError, 240}}};
    for (int visual = 0; visual < static_cast<int>(widths.size()); ++visual) {
        const auto [column, width] = widths.at(static_cast<size_t>(visual));
        header->moveSection(header->visualIndex(column), visual);
        header->resizeSection(column, width);
    }
    table->sortByColumn(AgentModel::Name, Qt::AscendingOrder);
    const QByteArray saved = m_settings->bytes(ConsoleSettings::Key::AgentsHeader);
    if (!saved.isEmpty() && header->restoreState(saved))
        table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    const auto save = [this] {
        m_settings->setValue(ConsoleSettings::Key::AgentsHeader,
                             m_ui->agentTable->horizontalHeader()->saveState());
    };
    connect(header, &QHeaderView::sortIndicatorChanged, this, save);
    connect(header, &QHeaderView::sectionMoved, this, save);
    connect(header, &QHeaderView::sectionResized, this, save);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy.get(),
            &QSortFilterProxyModel::setFilterFixedString);

    connect(m_proxy.get(), &QAbstractItemModel::rowsInserted, this, &AgentsView::updateCount);
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, &AgentsView::updateCount);
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, &AgentsView::updateCount);
    connect(m_agents, &QAbstractItemModel::dataChanged, this, &AgentsView::updateCount);
    m_timeTick.setInterval(15000);
    m_timeTick.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timeTick, &QTimer::timeout, m_agents, [this] {
        m_agents->refreshOnline();
        m_agents->refreshTimes();
    });
    m_timeTick.start();
    updateCount();
}

AgentsView::~AgentsView() = default;

QTableView *AgentsView::table() const
{
    return m_ui->agentTable;
}

void AgentsView::updateCount()
{
    int online = 0;
    for (int row = 0; row < m_agents->rowCount(); ++row)
        online += m_agents->data(m_agents->index(row, 0), AgentModel::OnlineRole).toBool() ? 1 : 0;
    m_ui->countLabel->setText(tr("Agents online: %1 of %2").arg(online).arg(m_agents->rowCount()));
}

void AgentsView::setDetails(QWidget *details)
{
    auto *box = qobject_cast<QBoxLayout *>(layout());
    const int at = box->indexOf(m_ui->agentTable);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("agentsSplitter"));
    box->removeWidget(m_ui->agentTable);
    splitter->addWidget(m_ui->agentTable);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    box->insertWidget(at, splitter, 1);
}

std::optional<qint64> AgentsView::currentAgent() const
{
    const QModelIndex current = m_ui->agentTable->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.siblingAtColumn(0).data(AgentModel::IdRole).toLongLong();
}

} // namespace swarmwatch
