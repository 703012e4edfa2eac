#pragma once

#include "BackoffPolicy.h"
#include "SseConnectionSettings.h"
#include "SseEvent.h"
#include "SseEventSink.h"
#include "SseParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace swarmwatch {

class NetworkReachability;

// A Server-Sent-Events client over QNetworkAccessManager that keeps a feed alive for as long as the
// application runs: reconnects with jittered backoff, detects dead connections with an idle watchdog,
// re-reads its request headers on every attempt (a refreshed token is always used), never hands credentials
// to another origin, and reports every failure with a reason a person can read.
class SseConnection : public QObject, private SseEventSink
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY stateChanged)

public:
    enum class State {
        Connecting,   // a request is in flight, no stream yet
        Live,         // 200 text/event-stream, reading
        Reconnecting, // waiting for the next attempt (see attempt(), nextAttemptAt(), reason())
        Unauthorized, // 401 or 403: stopped until open() with fresh credentials
        Closed,       // not started, closed by the application, or 204 from the server
        Failed,       // a problem a retry cannot fix (TLS certificate, insecure redirect, bad URL)
    };
    Q_ENUM(State)

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    using HeaderProvider = std::function<Headers()>;

    // reachability may be null: then every attempt is made.
    SseConnection(QNetworkAccessManager *network, NetworkReachability *reachability,
                  QObject *parent = nullptr);
    ~SseConnection() override;

    void setUrl(const QUrl &url) { m_url = url; }
    QUrl url() const { return m_url; }
    // Meant for set-up, before open(): the parser limits apply from the next stream on, and the backoff
    // starts over (forgetting a server's `retry:`).
    void setSettings(const SseConnectionSettings &settings);
    const SseConnectionSettings &settings() const { return m_settings; }
    // Evaluated at every connect and reconnect.
    void setHeaderProvider(HeaderProvider provider) { m_headerProvider = std::move(provider); }
    void setLastEventId(const QString &id) { m_parser.setLastEventId(id); }
    QString lastEventId() const { return m_parser.lastEventId(); }

    State state() const { return m_state; }
    QString reason() const { return m_reason; }
    // The state in one word, as logs, the CLI and the diagnostics show it: "live", "reconnecting", ...
    static QString stateName(State state);
    int attempt() const { return m_attempt; }
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; } // invalid while nothing is scheduled
    bool isWaitingForNetwork() const { return m_waitingForNetwork; }
    std::chrono::milliseconds currentRetryBase() const { return m_backoff.base(); }

    quint64 bytesReceived() const { return m_bytesReceived; }
    quint64 eventsReceived() const { return m_eventsReceived; }
    quint64 reconnects() const { return m_reconnects; }
    QDateTime lastByteAt() const { return m_lastByteAt; }
    // For connection diagnostics: what the last response said and how long its first byte took (a proxy
    // that buffers the stream shows as a long delay), and the last reason a stream ended or failed.
    int lastHttpStatus() const { return m_lastHttpStatus; }
    QByteArray lastContentType() const { return m_lastContentType; }
    std::optional<std::chrono::milliseconds> firstByteDelay() const { return m_firstByteDelay; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void open();
    void close();
    // Skips the wait of a pending reconnect (also leaves Failed or Unauthorized).
    void reconnectNow();

Q_SIGNALS:
    void stateChanged(swarmwatch::SseConnection::State state);
    void eventReceived(const swarmwatch::SseEvent &event);
    // The server's `retry:` field changed the base reconnect delay.
    void retryDelayChanged(std::chrono::milliseconds delay);

private:
    void sseEvent(const SseEvent &event) override;
    void sseRetry(qint64 milliseconds) override;

    enum class AttemptMode { WhenOnline, EvenIfOffline };
    void startAttempt(AttemptMode mode = AttemptMode::WhenOnline);
    void sendRequest(const QUrl &url);
    void handleMetaData();
    void handleReadyRead();
    void handleFinished();
    void handleIdleTimeout();
    void handleOnlineChanged(bool online);
    void followRedirect(const QUrl &target);
    void finishErrorResponse();
    void scheduleReconnect(const QString &reason, std::optional<std::chrono::milliseconds> retryAfter = {});
    void setState(State state, const QString &reason);
    void dropReply();
    bool isOnline() const;
    QString describeHttpStatus(int status) const;

    QNetworkAccessManager *m_network;
    QPointer<NetworkReachability> m_reachability;
    SseConnectionSettings m_settings;
    HeaderProvider m_headerProvider;
    QUrl m_url;
    SseParser m_parser;
    BackoffPolicy m_backoff;

    QPointer<QNetworkReply> m_reply;
    QUrl m_requestUrl;
    int m_redirects = 0;
    enum class ReplyKind { Pending, Stream, ErrorResponse } m_replyKind = ReplyKind::Pending;
    int m_errorStatus = 0;
    QByteArray m_errorBody;
    QStringList m_tlsErrors;

    State m_state = State::Closed;
    QString m_reason;
    int m_attempt = 0;
    bool m_streamDelivered = false; // the current stream delivered an event: its end is a routine drop
    bool m_waitingForNetwork = false;
    bool m_firstAttempt = true; // the next attempt is open()'s, not a reconnect
    QDateTime m_nextAttemptAt;
    QTimer m_retryTimer;
    QTimer m_idleTimer;
    QTimer m_healthyTimer;

    quint64 m_bytesReceived = 0;
    quint64 m_eventsReceived = 0;
    quint64 m_reconnects = 0;
    QDateTime m_lastByteAt;
    int m_lastHttpStatus = 0;
    QByteArray m_lastContentType;
    QElapsedTimer m_sinceRequest;
    bool m_firstByteSeen = false;
    std::optional<std::chrono::milliseconds> m_firstByteDelay;
    QString m_lastError;
};

} // namespace swarmwatch
