#include "ScriptedHttpServer.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace swarmwatch::test {

namespace {

// Hands out sockets only once their TLS handshake is done. (QSslServer in Qt 6.4.2 handed over sockets
// that were already unconnected here, so the handshake is driven by hand, as before QSslServer existed.)
class TlsServer : public QTcpServer
{
public:
    TlsServer(QSslConfiguration configuration, QObject *parent)
        : QTcpServer(parent)
        , m_configuration(std::move(configuration))
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_configuration);
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            addPendingConnection(socket);
            Q_EMIT newConnection();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_configuration;
};

} // namespace

bool ScriptedHttpServer::Request::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{
    m_handler = [](const Request &, QTcpSocket *socket) {
        socket->write(response(404, "Not Found", {}, R"({"detail":"Not Found"})"));
        socket->disconnectFromHost();
    };
}

bool ScriptedHttpServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost);
}

bool ScriptedHttpServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    m_server = new TlsServer(configuration, this);
    m_tls = true;
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost);
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

quint16 ScriptedHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ScriptedHttpServer::dropAll()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

QByteArray ScriptedHttpServer::streamHead(const QByteArray &contentType)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType
           + "\r\nCache-Control: no-cache\r\nConnection: close\r\nX-Accel-Buffering: no\r\n\r\n";
}

QByteArray ScriptedHttpServer::response(int status, const QByteArray &reason, const QByteArray &extraHeaders,
                                        const QByteArray &body, const QByteArray &contentType)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n"
           + extraHeaders + "\r\n" + body;
}

void ScriptedHttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        const auto readRequest = [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0 || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.append(
                        {lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            m_requests.append(request);
            m_handler(request, socket);
            Q_EMIT requestReceived();
        };
        connect(socket, &QTcpSocket::readyRead, this, readRequest);
        // A TLS socket is handed over after its handshake; the request may already be waiting.
        if (socket->bytesAvailable() > 0)
            readRequest();
    }
}

} // namespace swarmwatch::test
