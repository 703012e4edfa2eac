#include "CampaignsView.h"

#include "CampaignDelegate.h"
#include "CampaignModel.h"
#include "CampaignTableModel.h"
#include "ConsoleSettings.h"
#include "Icons.h"
#include "ui_CampaignsView.h"

#include <QActionGroup>
#include <QBoxLayout>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTimer>

namespace swarmwatch {

namespace {

QString stateTitle(const QString &state)
{
    if (state == QLatin1String("active"))
        return CampaignsView::tr("Active");
    if (state == QLatin1String("paused"))
        return CampaignsView::tr("Paused");
    if (state == QLatin1String("draft"))
        return CampaignsView::tr("Draft");
    if (state == QLatin1String("completed"))
        return CampaignsView::tr("Completed");
    if (state == QLatin1String("error"))
        return CampaignsView::tr("Error");
    if (state == QLatin1String("archived"))
        return CampaignsView::tr("Archived");
    return CampaignsView::tr("Other states");
}

} // namespace

CampaignsView::CampaignsView(CampaignModel *campaigns, ConsoleSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CampaignsView>())
    , m_campaigns(campaigns)
    , m_settings(settings)
    , m_proxy(std::make_unique<CampaignTableModel>())
    , m_delegate(new CampaignDelegate(this))
{
    m_ui->setupUi(this);
    m_ui->stateFilterButton->setIcon(Icons::action(QStringLiteral("filter")));
    m_proxy->setSourceModel(campaigns);
    QTableView *table = m_ui->campaignTable;
    table->setModel(m_proxy.get());
    // Said in the table itself when the filters hide every campaign: a blank table looks like no data.
    m_noMatch = new QLabel(tr("No campaign matches the filter."), table->viewport());
    m_noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->setForegroundRole(QPalette::PlaceholderText);
    m_noMatch->hide();
    (new QVBoxLayout(table->viewport()))->addWidget(m_noMatch);
    // The selection follows the campaign (by id) through sorts and live updates; the details follow it.
    // A row that leaves the table (archived, filtered out) moves the current row to a neighbour: that is not
    // the user choosing another campaign, so the details stay on the one they chose. Judged once the model
    // has settled: the campaign shown before is gone from the table.
    // A reset (sign-out, another project) clears the current row without a signal: the details go with it.
    // So does an emptied table (signed out): nothing is left to show details of.
    const auto cleared = [this] {
        m_shownCampaign.reset();
        Q_EMIT currentCampaignChanged(std::nullopt);
    };
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, cleared);
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, [this, cleared] {
        if (m_proxy->rowCount() == 0)
            cleared();
    });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        QTimer::singleShot(0, this, [this] {
            if (m_shownCampaign
                && !m_proxy
                        ->match(m_proxy->index(0, 0), CampaignModel::IdRole,
                                QVariant::fromValue(*m_shownCampaign), 1, Qt::MatchExactly)
                        .isEmpty()) {
                // still in the table: the user (or a sort) moved the current row
            } else if (m_shownCampaign) {
                // It left the table: no row is current (so that any click chooses anew), the details stay.
                m_shownCampaign.reset();
                m_ui->campaignTable->selectionModel()->clearCurrentIndex();
                m_ui->campaignTable->clearSelection();
                return;
            }
            const std::optional<qint64> current = currentCampaign();
            if (current == m_shownCampaign)
                return;
            m_shownCampaign = current;
            Q_EMIT currentCampaignChanged(current);
        });
    });
    table->setItemDelegate(m_delegate);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    // The default columns, in the order an operator reads them; the rest can be brought back by dragging.
    const std::array<std::pair<int, int>, 9> widths{{{CampaignModel::Name, 240},
                                                     {CampaignModel::State, 110},
                                                     {CampaignModel::Progress, 140},
                                                     {CampaignModel::Cracked, 110},
                                                     {CampaignModel::Speed, 100},
                                                     {CampaignModel::Eta, 150},
                                                     {CampaignModel::ActiveAgents, 60},
                                                     {CampaignModel::Updated, 110},
                                                     {CampaignModel::Priority, 60}}};
    for (int visual = 0; visual < static_cast<int>(widths.size()); ++visual) {
        const auto [column, width] = widths.at(static_cast<size_t>(visual));
        header->moveSection(header->visualIndex(column), visual);
        header->resizeSection(column, width);
    }
    header->setSectionHidden(CampaignModel::PercentCracked, true);
    header->setSectionHidden(CampaignModel::Attacks, true);
    table->sortByColumn(CampaignModel::Updated, Qt::DescendingOrder);
    restoreState();

    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text.trimmed());
        m_settings->setValue(ConsoleSettings::Key::CampaignsFilterText, text);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &CampaignsView::saveState);
    connect(header, &QHeaderView::sectionMoved, this, &CampaignsView::saveState);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_ui->campaignTable->horizontalHeader()->isVisible())
            return;
        saveState();
    });
    buildStateMenu();

    connect(m_proxy.get(), &QAbstractItemModel::rowsInserted, this, &CampaignsView::updateCount);
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, &CampaignsView::updateCount);
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, &CampaignsView::updateCount);
    connect(m_proxy.get(), &QAbstractItemModel::layoutChanged, this, &CampaignsView::updateCount);
    connect(m_proxy.get(), &CampaignFilterModel::filterChanged, this, &CampaignsView::updateCount);
    connect(campaigns, &QAbstractItemModel::dataChanged, this, &CampaignsView::watchChanges);

    m_highlightTimer.setInterval(250);
    connect(&m_highlightTimer, &QTimer::timeout, this, [this] {
        m_ui->campaignTable->viewport()->update();
        if (QDateTime::currentMSecsSinceEpoch() - m_lastChangeMs > CampaignDelegate::kHighlightMs + 250)
            m_highlightTimer.stop();
    });
    m_timeTick.setInterval(30000);
    m_timeTick.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timeTick, &QTimer::timeout, m_campaigns, &CampaignModel::refreshTimes);
    m_timeTick.start();
    updateCount();
}

CampaignsView::~CampaignsView() = default;

QTableView *CampaignsView::table() const
{
    return m_ui->campaignTable;
}

void CampaignsView::watchChanges(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // Only updates of rows mark them (refreshTimes signals whole columns of every row: not a change).
    if (topLeft.row() != bottomRight.row())
        return;
    m_lastChangeMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_highlightTimer.isActive())
        m_highlightTimer.start();
}

void CampaignsView::buildStateMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("stateFilterMenu"));
    QStringList states = CampaignFilterModel::knownStates();
    states.append(CampaignFilterModel::otherState());
    for (const QString &state : states) {
        QAction *action = menu->addAction(
            state == CampaignFilterModel::otherState() ? QIcon() : Icons::campaignState(state),
            stateTitle(state));
        action->setObjectName(QStringLiteral("stateFilter_") + state);
        action->setCheckable(true);
        action->setChecked(m_proxy->states().contains(state));
        action->setData(state);
        connect(action, &QAction::toggled, this, [this, state](bool on) {
            QSet<QString> states = m_proxy->states();
            if (on)
                states.insert(state);
            else
                states.remove(state);
            m_proxy->setStates(states);
            m_settings->setValue(ConsoleSettings::Key::CampaignsStates,
                                 QStringList(states.begin(), states.end()));
        });
    }
    m_ui->stateFilterButton->setMenu(menu);
}

void CampaignsView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int all = m_campaigns->rowCount();
    // Without plural forms: "1 campaign(s)" reads badly, and English would need a translation file for them.
    m_ui->countLabel->setText(shown == all ? tr("Campaigns: %1").arg(all)
                                           : tr("Campaigns: %1 of %2").arg(shown).arg(all));
    m_noMatch->setVisible(shown == 0 && all > 0);
}

void CampaignsView::restoreState()
{
    const QByteArray header = m_settings->bytes(ConsoleSettings::Key::CampaignsHeader);
    if (!header.isEmpty())
        m_ui->campaignTable->horizontalHeader()->restoreState(header);
    const QString text = m_settings->text(ConsoleSettings::Key::CampaignsFilterText);
    m_ui->filterEdit->setText(text);
    m_proxy->setText(text.trimmed());
    const QStringList states = m_settings->list(ConsoleSettings::Key::CampaignsStates);
    m_proxy->setStates(QSet<QString>(states.begin(), states.end()));
    // restoreState() sets the sort indicator; the proxy follows it.
    const QHeaderView *h = m_ui->campaignTable->horizontalHeader();
    m_ui->campaignTable->sortByColumn(h->sortIndicatorSection(), h->sortIndicatorOrder());
}

void CampaignsView::saveState()
{
    m_settings->setValue(ConsoleSettings::Key::CampaignsHeader,
                         m_ui->campaignTable->horizontalHeader()->saveState());
}

void CampaignsView::setDetails(QWidget *details)
{
    auto *layout = qobject_cast<QBoxLayout *>(this->layout());
    const int at = layout->indexOf(m_ui->campaignTable);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("campaignsSplitter"));
    splitter->setChildrenCollapsible(true);
    layout->removeWidget(m_ui->campaignTable);
    splitter->addWidget(m_ui->campaignTable);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->insertWidget(at, splitter, 1);
}

std::optional<qint64> CampaignsView::currentCampaign() const
{
    const QModelIndex current = m_ui->campaignTable->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.siblingAtColumn(0).data(CampaignModel::IdRole).toLongLong();
}

} // namespace swarmwatch
