#include "SimEventHub.h"

#include "SimLogging.h"

#include <QTimer>

namespace swarmwatch::sim {

namespace {

constexpr qint64 kSocketBacklogBytes = 64 * 1024;

} // namespace

SimEventHub::SimEventHub(QObject *parent)
    : QObject(parent)
{}

SimEventHub::~SimEventHub()
{
    for (Listener &listener : m_listeners)
        delete listener.pingTimer;
}

QByteArray SimEventHub::frame(const QByteArray &json)
{
    return "data: " + json + "\n\n";
}

void SimEventHub::addListener(const QString &topic, QHttpServerResponder &&responder)
{
    Listener &listener = m_listeners.emplace_back();
    listener.topic = topic;
    listener.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    listener.socket = listener.responder->socket();
    listener.pingTimer = new QTimer;
    listener.pingTimer->setSingleShot(true);
    Listener *raw = &listener;
    connect(listener.pingTimer, &QTimer::timeout, this, [this, raw] {
        // Exactly what the server sends: spaces, and only the trigger key. The real server pings when its
        // wait on an empty queue times out, so a ping never joins a backlog: a stalled listener does not
        // grow.
        if (raw->queue.isEmpty()) {
            raw->queue.append(frame(QByteArrayLiteral(R"({"trigger": "ping"})")));
            flush(*raw);
        }
        raw->pingTimer->start(m_pingInterval);
    });
    listener.pingTimer->start(m_pingInterval);
    if (listener.socket) {
        connect(listener.socket, &QTcpSocket::bytesWritten, this, [this, raw] { flush(*raw); });
        connect(listener.socket, &QObject::destroyed, this, &SimEventHub::removeDeadListeners,
                Qt::QueuedConnection);
        connect(listener.socket, &QTcpSocket::disconnected, this, &SimEventHub::removeDeadListeners,
                Qt::QueuedConnection);
    }
    qCDebug(lcSim) << "listener on" << topic << "- now" << m_listeners.size();
    Q_EMIT listenersChanged();
}

void SimEventHub::publish(const QString &topic, const QByteArray &json)
{
    for (Listener &listener : m_listeners) {
        if (listener.topic != topic || !listener.socket)
            continue;
        if (listener.queue.size() >= kQueueCapacity) {
            ++m_dropped; // the real server logs a warning and carries on
            qCDebug(lcSim) << "queue full on" << topic << "- frame dropped";
            continue;
        }
        listener.queue.append(frame(json));
        listener.pingTimer->start(m_pingInterval); // each event restarts the keep-alive wait
        flush(listener);
    }
}

void SimEventHub::flush(Listener &listener)
{
    if (m_stalled || !listener.socket || listener.socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (!listener.queue.isEmpty() && listener.socket
           && listener.socket->bytesToWrite() < kSocketBacklogBytes) {
        if (!listener.headersSent) {
            // Held back until the first frame, as the real server's compression middleware does.
            listener.responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
            listener.responder->writeHeader("Content-Type", "text/event-stream; charset=utf-8");
            listener.responder->writeHeader("Cache-Control", "no-cache");
            listener.responder->writeHeader("Connection", "keep-alive");
            listener.responder->writeHeader("X-Accel-Buffering", "no");
            listener.headersSent = true;
        }
        listener.responder->writeBody(listener.queue.takeFirst());
    }
}

void SimEventHub::removeDeadListeners()
{
    const auto before = m_listeners.size();
    for (auto it = m_listeners.begin(); it != m_listeners.end();) {
        if (!it->socket || it->socket->state() == QAbstractSocket::UnconnectedState) {
            if (it->socket)
                disconnect(it->socket, nullptr, this, nullptr); // its lambdas point at this listener
            delete it->pingTimer;
            it = m_listeners.erase(it);
        } else {
            ++it;
        }
    }
    if (m_listeners.size() != before)
        Q_EMIT listenersChanged();
}

void SimEventHub::dropAll()
{
    for (Listener &listener : m_listeners) {
        if (listener.socket)
            listener.socket->abort();
    }
    removeDeadListeners();
    for (Listener &listener : m_listeners) // sockets already gone
        delete listener.pingTimer;
    m_listeners.clear();
    Q_EMIT listenersChanged();
}

void SimEventHub::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (!stalled) {
        for (Listener &listener : m_listeners)
            flush(listener);
    }
}

int SimEventHub::listenerCount(const QString &topic) const
{
    int count = 0;
    for (const Listener &listener : m_listeners)
        count += listener.socket && (topic.isEmpty() || listener.topic == topic);
    return count;
}

} // namespace swarmwatch::sim
