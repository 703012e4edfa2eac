#include "AgentDetailsView.h"

#include "AgentDetails.h"
#include "Format.h"
#include "ui_AgentDetailsView.h"

#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace swarmwatch {

AgentDetailsView::AgentDetailsView(AgentDetails *details, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AgentDetailsView>())
    , m_details(details)
    , m_chart(new QChartView(this))
{
    m_ui->setupUi(this);
    QFont name = m_ui->agentNameLabel->font();
    name.setBold(true);
    name.setPointSizeF(name.pointSizeF() * 1.2);
    m_ui->agentNameLabel->setFont(name);
    m_ui->agentErrorsTable->setColumnCount(4);
    m_ui->agentErrorsTable->setHorizontalHeaderLabels(
        {tr("Time"), tr("Severity"), tr("Code"), tr("Message")});
    m_ui->agentErrorsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chart->setObjectName(QStringLiteral("agentSpeedChart"));
    m_chart->setAccessibleName(tr("Device speeds over time"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundBrush(palette().base());
    chart->legend()->setLabelBrush(palette().text());
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setChart(chart);
    qobject_cast<QBoxLayout *>(layout())->insertWidget(2, m_chart, 1);
    connect(details, &AgentDetails::changed, this, &AgentDetailsView::update);
    update();
}

AgentDetailsView::~AgentDetailsView() = default;

QTableWidget *AgentDetailsView::errorsTable() const
{
    return m_ui->agentErrorsTable;
}

void AgentDetailsView::update()
{
    const bool selected = m_details->agentId().has_value();
    if (isVisibleTo(parentWidget()) != selected)
        setVisible(selected); // beside the table only while an agent is chosen
    const auto &agent = m_details->agent();
    const QLocale locale;
    if (!agent) {
        m_ui->agentNameLabel->setText(
            m_details->error().isEmpty() ? tr("Loading…") : tr("Not available: %1").arg(m_details->error()));
        for (QLabel *label : {m_ui->agentStateLabel, m_ui->agentHardwareLabel, m_ui->agentDevicesLabel,
                              m_ui->agentSoftwareLabel, m_ui->agentSeenLabel, m_ui->agentTaskLabel})
            label->clear();
    } else {
        m_ui->agentNameLabel->setText(agent->displayName());
        m_ui->agentStateLabel->setText(agent->enabled ? agent->state : tr("%1, disabled").arg(agent->state));
        QStringList hardware{agent->operatingSystem};
        if (agent->agentType)
            hardware.append(*agent->agentType);
        if (agent->lastIpAddress)
            hardware.append(*agent->lastIpAddress);
        m_ui->agentHardwareLabel->setText(hardware.join(QStringLiteral(" · ")));
        m_ui->agentDevicesLabel->setText(agent->devices.isEmpty() ? tr("none reported")
                                                                  : agent->devices.join(QLatin1Char('\n')));
        m_ui->agentSoftwareLabel->setText(agent->clientSignature);
        m_ui->agentSeenLabel->setText(agent->lastSeenAt
                                          ? Format::ago(*agent->lastSeenAt, QDateTime::currentDateTimeUtc())
                                          : tr("never"));
        m_ui->agentSeenLabel->setToolTip(
            agent->lastSeenAt ? locale.toString(agent->lastSeenAt->toLocalTime(), QLocale::LongFormat)
                              : QString());
        // The web API says which task an error was about, but not which task an agent works on now.
        const auto withTask = std::find_if(m_details->errors().cbegin(), m_details->errors().cend(),
                                           [](const AgentError &e) { return e.taskId.has_value(); });
        m_ui->agentTaskLabel->setText(
            withTask != m_details->errors().cend()
                ? tr("not reported by the server (its last error was about task %1)").arg(*withTask->taskId)
                : tr("not reported by the server"));
    }
    const QList<AgentError> &errors = m_details->errors();
    m_ui->agentErrorsTable->setRowCount(int(errors.size()));
    for (int row = 0; row < errors.size(); ++row) {
        const AgentError &e = errors.at(row);
        const QString cells[] = {
            locale.toString(e.createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.severity,
            e.errorCode.value_or(QString()), e.message};
        for (int column = 0; column < 4; ++column) {
            QTableWidgetItem *item = m_ui->agentErrorsTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_ui->agentErrorsTable->setItem(row, column, item);
            }
            item->setText(cells[column]);
        }
    }
    updateChart();
}

void AgentDetailsView::updateChart()
{
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis); // gives it back: ours to delete
        delete axis;
    }
    const QList<DevicePerformance> &performance = m_details->performance();
    if (performance.isEmpty())
        return;
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("HH:mm"));
    time->setLabelsBrush(palette().text());
    auto *speed = new QValueAxis;
    speed->setLabelsBrush(palette().text());
    speed->setTitleText(tr("MH/s"));
    speed->setLabelFormat(QStringLiteral("%.0f"));
    speed->setTitleBrush(palette().text());
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(speed, Qt::AlignLeft);
    QDateTime first, last;
    double most = 0;
    for (const DevicePerformance &device : performance) {
        auto *series = new QLineSeries;
        series->setName(device.device);
        for (const DeviceSpeedSample &sample : device.samples) {
            series->append(double(sample.timestamp.toMSecsSinceEpoch()), sample.speed / 1e6);
            most = std::max(most, sample.speed / 1e6);
            if (!first.isValid() || sample.timestamp < first)
                first = sample.timestamp;
            if (!last.isValid() || sample.timestamp > last)
                last = sample.timestamp;
        }
        chart->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(speed);
    }
    if (first.isValid())
        time->setRange(first.toLocalTime(), last.toLocalTime());
    speed->setRange(0, std::max(1.0, most * 1.1));
}

} // namespace swarmwatch
