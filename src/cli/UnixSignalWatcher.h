#pragma once

#include <QObject>

class QSocketNotifier;

namespace swarmwatch {

// Turns SIGINT and SIGTERM into a Qt signal, delivered from the event loop. A signal handler may only do
// async-signal-safe work, so it writes one byte to a socket pair that a QSocketNotifier watches. The pair's
// write end is the one piece of process-wide state here: a POSIX signal handler cannot be handed anything.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    int m_sockets[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace swarmwatch
