#include "ErrorAggregator.h"

#include <QPointer>

namespace swarmwatch {

ErrorAggregator::ErrorAggregator(std::chrono::milliseconds quietPeriod, Clock clock, QObject *parent)
    : QObject(parent)
    , m_quiet(quietPeriod)
    , m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, &ErrorAggregator::expire);
}

void ErrorAggregator::add(const ApiError &error)
{
    if (!error.isError())
        return;
    const QString endpoint = SyncError::endpointTemplate(error.endpoint);
    const QString key = QString::number(static_cast<int>(error.kind)) + QLatin1Char(' ')
                        + QString::number(error.httpStatus) + QLatin1Char(' ') + endpoint;
    const auto now = m_clock();
    if (auto it = m_open.find(key); it != m_open.end()) {
        ++it->error.count;
        it->last = now;
        return;
    }
    Episode episode;
    episode.error.kind = error.kind;
    episode.error.httpStatus = error.httpStatus;
    episode.error.htmlBody = error.htmlBody;
    episode.error.endpoint = endpoint;
    episode.error.message = error.message;
    episode.last = now;
    episode.lastReport = now;
    const SyncError first = episode.error;
    m_open.insert(key, episode);
    if (!m_timer.isActive())
        m_timer.start(std::max<std::chrono::milliseconds>(std::chrono::milliseconds(100), m_quiet / 4));
    Q_EMIT reported(first);
}

void ErrorAggregator::expire()
{
    const auto now = m_clock();
    QStringList ended;
    QList<SyncError> reminders;
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        if (now - it->last >= m_quiet) {
            ended.append(it.key());
        } else if (now - it->lastReport >= kReminder && it->error.count > it->reportedCount) {
            it->reportedCount = it->error.count;
            it->lastReport = now;
            reminders.append(it->error);
            reminders.last().repeated = true;
        }
    }
    QPointer<ErrorAggregator> alive(this);
    for (const SyncError &reminder : reminders) {
        Q_EMIT reported(reminder);
        if (!alive)
            return;
    }
    for (const QString &key : ended) {
        end(key);
        if (!alive)
            return;
    }
    if (m_open.isEmpty())
        m_timer.stop();
}

void ErrorAggregator::flush()
{
    QPointer<ErrorAggregator> alive(this);
    for (const QString &key : m_open.keys()) {
        end(key);
        if (!alive)
            return;
    }
    m_timer.stop();
}

void ErrorAggregator::end(const QString &key)
{
    const Episode episode = m_open.take(key);
    if (episode.error.count <= episode.reportedCount)
        return;
    SyncError summary = episode.error;
    summary.repeated = true;
    Q_EMIT reported(summary);
}

} // namespace swarmwatch
