#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <algorithm>
#include <chrono>
#include <memory>

class QTimer;

namespace swarmwatch::sim {

// The three live feeds as CipherSwarm serves them (../shared/cipherswarm-api.md §2): `data:`-only frames, no
// event/id/retry/comment; headers held back until the first frame; a JSON ping after a quiet interval on that
// connection; a queue of 100 frames per listener whose overflow is dropped silently.
//
// The responses are written with QHttpServerResponder (status line, headers, then one writeBody per frame),
// which can stream an endless body in Qt 6.4. Backpressure is emulated: frames wait in the queue while the
// socket holds more than a small amount of unsent data, as the real server's writes would block.
class SimEventHub : public QObject
{
    Q_OBJECT

public:
    explicit SimEventHub(QObject *parent = nullptr);
    ~SimEventHub() override;

    static constexpr int kQueueCapacity = 100;

    void addListener(const QString &topic, QHttpServerResponder &&responder);
    // Queues the JSON as one `data:` frame for every listener of the topic.
    void publish(const QString &topic, const QByteArray &json);

    void setPingInterval(std::chrono::milliseconds interval)
    {
        m_pingInterval = std::max(interval, kMinimumPing);
    }
    static constexpr std::chrono::milliseconds kMinimumPing{50};
    // Faults: drop every open feed; stall them (sockets stay open, nothing is written, queues fill and drop).
    void dropAll();
    void setStalled(bool stalled);
    bool isStalled() const { return m_stalled; }

    int listenerCount(const QString &topic = {}) const;
    quint64 droppedFrames() const { return m_dropped; }

Q_SIGNALS:
    void listenersChanged();

private:
    struct Listener {
        QString topic;
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QList<QByteArray> queue;
        bool headersSent = false;
        QTimer *pingTimer = nullptr;
    };

    void flush(Listener &listener);
    void removeDeadListeners();
    static QByteArray frame(const QByteArray &json);

    std::list<Listener> m_listeners;
    std::chrono::milliseconds m_pingInterval{30000};
    bool m_stalled = false;
    quint64 m_dropped = 0;
};

} // namespace swarmwatch::sim
