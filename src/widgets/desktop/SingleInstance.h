#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLockFile;

namespace swarmwatch {

// One SwarmWatch per user: the first instance holds a lock file and listens on a local socket beside it; a
// second one finds the lock held, hands its arguments (--server, --minimized) to the first and leaves. A lock
// left by a process that died is taken over (QLockFile checks the process), and so is its stale socket.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Role {
        Primary,   // this process is the one
        Secondary, // another live process is: hand over and exit
        Failed,    // the lock could not be made (a read-only runtime dir): run on alone
    };

    // `directory`: where the lock and the socket live (the user's runtime dir in production).
    explicit SingleInstance(const QString &directory, QObject *parent = nullptr);
    ~SingleInstance() override;

    Role claim();
    // From a secondary: hands the arguments over; true when the primary took them.
    bool handOver(const QStringList &arguments, int timeoutMs = 5000);

    QString socketPath() const { return m_socketPath; }

    static QString defaultDirectory();

Q_SIGNALS:
    // A later start's arguments (the primary shows its window and follows them).
    void activated(const QStringList &arguments);

private:
    void accept();

    QString m_lockPath;
    QString m_socketPath;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QLocalServer> m_server;
};

} // namespace swarmwatch
