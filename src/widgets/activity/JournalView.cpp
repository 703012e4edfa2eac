#include "JournalView.h"

#include "Journal.h"
#include "JournalTableModel.h"
#include "ui_JournalView.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>

namespace swarmwatch {

namespace {
constexpr qint64 kSpans[] = {3600, 86400, 7 * 86400, 0}; // seconds; 0: everything
constexpr int kExportLimit = 10'000'000;
} // namespace

JournalView::JournalView(Journal *journal, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::JournalView>())
    , m_journal(journal)
    , m_model(std::make_unique<JournalTableModel>(journal))
{
    m_ui->setupUi(this);
    m_ui->journalTable->setModel(m_model.get());
    // It follows the journal while it is shown (showEvent): a tab never opened must not re-read thousands of
    // lines every two seconds (a widget never shown gets no hideEvent).
    m_model->setFollowing(false);
    m_ui->journalTable->horizontalHeader()->setSectionResizeMode(JournalTableModel::Time,
                                                                 QHeaderView::ResizeToContents);
    m_ui->journalTable->horizontalHeader()->setSectionResizeMode(JournalTableModel::Kind,
                                                                 QHeaderView::ResizeToContents);
    m_ui->journalTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_ui->journalKindCombo->addItem(tr("Every kind"));
    for (const JournalEntry::Kind kind : {JournalEntry::Kind::Connection, JournalEntry::Kind::Toast,
                                          JournalEntry::Kind::Campaign, JournalEntry::Kind::Sample})
        m_ui->journalKindCombo->addItem(JournalTableModel::kindTitle(kind), int(kind));
    m_ui->journalSinceCombo->addItems(
        {tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Everything")});
    m_ui->journalSinceCombo->setCurrentIndex(1);
    m_ui->journalCampaignSpin->setSpecialValueText(tr("Any campaign"));

    m_typing.setSingleShot(true);
    m_typing.setInterval(250);
    connect(&m_typing, &QTimer::timeout, this, &JournalView::applyFilters);
    connect(m_ui->journalSearchEdit, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_ui->journalKindCombo, &QComboBox::currentIndexChanged, this, &JournalView::applyFilters);
    connect(m_ui->journalSinceCombo, &QComboBox::currentIndexChanged, this, &JournalView::applyFilters);
    connect(m_ui->journalCampaignSpin, &QSpinBox::valueChanged, this, [this] { m_typing.start(); });
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &JournalView::updateCount);

    auto *exportMenu = new QMenu(this);
    exportMenu->setObjectName(QStringLiteral("journalExportMenu"));
    const auto exportAs = [this](Format format) {
        const QString filter = format == Format::Csv ? tr("CSV (*.csv)") : tr("JSON (*.json)");
        const QString suggested = format == Format::Csv ? QStringLiteral("swarmwatch-journal.csv")
                                                        : QStringLiteral("swarmwatch-journal.json");
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the journal"), suggested, filter);
        if (path.isEmpty())
            return;
        QString error;
        if (!exportTo(path, format, &error))
            QMessageBox::warning(this, tr("Export the journal"), error);
    };
    exportMenu->addAction(tr("As &CSV…"), this, [exportAs] { exportAs(Format::Csv); })
        ->setObjectName(QStringLiteral("journalExportCsvAction"));
    exportMenu->addAction(tr("As &JSON…"), this, [exportAs] { exportAs(Format::Json); })
        ->setObjectName(QStringLiteral("journalExportJsonAction"));
    m_ui->journalExportButton->setMenu(exportMenu);

    connect(journal, &Journal::problemChanged, this, &JournalView::showProblem);
    showProblem(journal->problem());
    applyFilters();
}

JournalView::~JournalView() = default;

QTableView *JournalView::table() const
{
    return m_ui->journalTable;
}

void JournalView::applyFilters()
{
    m_typing.stop();
    JournalQuery query = m_model->query();
    query.search = m_ui->journalSearchEdit->text().trimmed();
    query.kinds.clear();
    const QVariant kind = m_ui->journalKindCombo->currentData();
    if (kind.isValid())
        query.kinds.insert(static_cast<JournalEntry::Kind>(kind.toInt()));
    const qint64 span = kSpans[std::clamp(m_ui->journalSinceCombo->currentIndex(), 0, 3)];
    query.since = span > 0 ? QDateTime::currentDateTimeUtc().addSecs(-span) : QDateTime();
    query.campaignId = m_ui->journalCampaignSpin->value() > 0
                           ? std::optional<qint64>(m_ui->journalCampaignSpin->value())
                           : std::nullopt;
    m_model->setQuery(query);
}

void JournalView::updateCount()
{
    const int rows = m_model->rowCount();
    m_ui->journalCountLabel->setText(
        rows >= m_model->query().limit
            ? tr("The newest %1 lines; narrow the search to see older ones.").arg(rows)
        : rows == 1 ? tr("1 line")
                    : tr("%1 lines").arg(rows));
}

void JournalView::showProblem(const QString &problem)
{
    m_ui->journalProblemLabel->setText(problem);
    m_ui->journalProblemLabel->setVisible(!problem.isEmpty());
}

bool JournalView::exportTo(const QString &path, Format format, QString *error)
{
    JournalQuery query = m_model->query();
    query.limit = kExportLimit;
    const QList<JournalEntry> entries = m_journal->read(query);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(format == Format::Csv ? Journal::toCsv(entries) : Journal::toJson(entries));
    if (!file.commit()) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void JournalView::showEvent(QShowEvent *event)
{
    m_model->setFollowing(true);
    QWidget::showEvent(event);
}

void JournalView::hideEvent(QHideEvent *event)
{
    m_model->setFollowing(false);
    QWidget::hideEvent(event);
}

} // namespace swarmwatch
