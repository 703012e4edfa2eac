#include "SingleInstance.h"

#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace swarmwatch {

Q_LOGGING_CATEGORY(lcInstance, "swarmwatch.instance")

namespace {
// A message is a QDataStream'd QStringList; the primary answers one byte when it took it.
constexpr char kTaken = 'k';
} // namespace

SingleInstance::SingleInstance(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_lockPath(QDir(directory).filePath(QStringLiteral("swarmwatch.lock")))
    , m_socketPath(QDir(directory).filePath(QStringLiteral("swarmwatch.socket")))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultDirectory()
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    return directory;
}

SingleInstance::Role SingleInstance::claim()
{
    QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    // Stale only when its process is gone: a busy first instance is not stale however old its lock.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError)
            return Role::Secondary;
        qCWarning(lcInstance).noquote() << "no single-instance lock at" << m_lockPath << "; running alone";
        return Role::Failed;
    }
    // The lock is ours: a socket left beside it belongs to a process that died.
    QLocalServer::removeServer(m_socketPath);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        qCWarning(lcInstance).noquote()
            << "cannot listen on" << m_socketPath << ":" << m_server->errorString();
        return Role::Primary; // still the one; later starts just cannot reach it
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::accept);
    qCInfo(lcInstance).noquote() << "the first instance, listening on" << m_socketPath;
    return Role::Primary;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            QDataStream stream(socket);
            stream.startTransaction();
            QStringList arguments;
            stream >> arguments;
            if (!stream.commitTransaction())
                return; // more to come
            socket->write(&kTaken, 1);
            socket->flush();
            qCInfo(lcInstance).noquote() << "activated by a later start:" << arguments.join(QLatin1Char(' '));
            Q_EMIT activated(arguments);
        });
    }
}

bool SingleInstance::handOver(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    QDataStream stream(&message, QIODevice::WriteOnly);
    stream << arguments;
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The primary answers once it has the message (it may be busy: wait, within bounds).
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    char answer = 0;
    return socket.read(&answer, 1) == 1 && answer == kTaken;
}

} // namespace swarmwatch
