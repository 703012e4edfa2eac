#include "CampaignChart.h"

#include "Journal.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace swarmwatch {

namespace {
constexpr int kReloadMs = 5000;
constexpr int kMaxPoints = 5000;
constexpr qint64 kSpanDays = 7;
} // namespace

CampaignChart::CampaignChart(Journal *journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_view(new QChartView(this))
    , m_progress(new QLineSeries(this))
    , m_cracked(new QLineSeries(this))
    , m_time(new QDateTimeAxis(this))
    , m_percent(new QValueAxis(this))
    , m_count(new QValueAxis(this))
{
    setAccessibleName(tr("Progress and cracks over time"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setObjectName(QStringLiteral("campaignChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    // The system palette, light or dark: the chart's own theme follows the window's colours.
    chart->setBackgroundBrush(palette().base());
    chart->setTitleBrush(palette().text());
    chart->legend()->setLabelBrush(palette().text());
    m_progress->setName(tr("Progress (%)"));
    m_cracked->setName(tr("Cracked"));
    chart->addSeries(m_progress);
    chart->addSeries(m_cracked);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTitleText(tr("Time"));
    m_percent->setRange(0, 100);
    m_percent->setLabelFormat(QStringLiteral("%d %%"));
    m_count->setLabelFormat(QStringLiteral("%d"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_percent),
                                static_cast<QAbstractAxis *>(m_count)}) {
        axis->setLabelsBrush(palette().text());
        axis->setTitleBrush(palette().text());
    }
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_percent, Qt::AlignLeft);
    chart->addAxis(m_count, Qt::AlignRight);
    m_progress->attachAxis(m_time);
    m_progress->attachAxis(m_percent);
    m_cracked->attachAxis(m_time);
    m_cracked->attachAxis(m_count);
    m_view->setChart(chart);

    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(kReloadMs);
    connect(&m_reloadSoon, &QTimer::timeout, this, &CampaignChart::reload);
    connect(journal, &Journal::written, this, [this] {
        if (m_campaign && isVisible() && !m_reloadSoon.isActive())
            m_reloadSoon.start();
    });
}

void CampaignChart::setCampaign(std::optional<qint64> campaignId)
{
    if (campaignId == m_campaign)
        return;
    m_campaign = campaignId;
    reload();
}

void CampaignChart::reload()
{
    m_reloadSoon.stop();
    QList<QPointF> progress;
    QList<QPointF> cracked;
    if (m_campaign) {
        JournalQuery query;
        query.kinds = {JournalEntry::Kind::Sample};
        query.campaignId = m_campaign;
        query.since = QDateTime::currentDateTimeUtc().addDays(-kSpanDays);
        query.newestFirst = false;
        query.limit = kMaxPoints;
        for (const JournalEntry &entry : m_journal->readWritten(query)) {
            const double x = double(entry.at.toMSecsSinceEpoch());
            if (entry.progress)
                progress.append({x, *entry.progress});
            if (entry.cracked)
                cracked.append({x, double(*entry.cracked)});
        }
    }
    // Carried to now: a campaign that stopped moving is a flat line up to the present, not a line that ends.
    const double now = double(QDateTime::currentMSecsSinceEpoch());
    if (!progress.isEmpty())
        progress.append({now, progress.constLast().y()});
    if (!cracked.isEmpty())
        cracked.append({now, cracked.constLast().y()});
    m_progress->replace(progress);
    m_cracked->replace(cracked);
    const double first = progress.isEmpty() ? now - 3600'000.0 : progress.constFirst().x();
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first)),
                     QDateTime::fromMSecsSinceEpoch(qint64(now)));
    const double span = now - first;
    m_time->setFormat(span > 86'400'000.0  ? QStringLiteral("dd.MM HH:mm")
                      : span > 3'600'000.0 ? QStringLiteral("HH:mm")
                                           : QStringLiteral("HH:mm:ss"));
    double most = 1;
    for (const QPointF &point : std::as_const(cracked))
        most = std::max(most, point.y());
    m_count->setRange(0, most * 1.1);
}

} // namespace swarmwatch
