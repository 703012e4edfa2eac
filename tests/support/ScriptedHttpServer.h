#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

class QTcpServer;
class QSslCertificate;
class QSslKey;

namespace swarmwatch::test {

// A real HTTP/1.1 server on 127.0.0.1 whose answers the test writes by hand, byte for byte: it can stall,
// cut a stream mid-event, send any status or content type. Each request is recorded with its headers.
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QByteArray target;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool hasHeader(const QByteArray &name) const;
        QByteArray header(const QByteArray &name) const;
    };
    using Handler = std::function<void(const Request &request, QTcpSocket *socket)>;

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    // Plain HTTP when no certificate is given.
    bool listen();
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);

    QUrl url(const QString &path = QStringLiteral("/")) const;
    quint16 port() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    // Closes every open connection, as a server that goes away does.
    void dropAll();

    static QByteArray streamHead(const QByteArray &contentType = "text/event-stream");
    static QByteArray response(int status, const QByteArray &reason, const QByteArray &extraHeaders,
                               const QByteArray &body, const QByteArray &contentType = "application/json");

Q_SIGNALS:
    void requestReceived();

private:
    void accept();

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace swarmwatch::test
