#pragma once

#include <QObject>

namespace swarmwatch {

// Sleep and wake as logind announces them (PrepareForSleep on the system bus), where there is a logind. The
// Notifier also takes a late tick for a wake, so a machine without one loses little.
class SleepWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SleepWatcher(QObject *parent = nullptr);
    bool isWatching() const { return m_watching; }

Q_SIGNALS:
    void sleeping();
    void resumed();

private Q_SLOTS:
    // QtDBus delivers signals to slots named by string only.
    void onPrepareForSleep(bool start);

private:
    bool m_watching = false;
};

} // namespace swarmwatch
