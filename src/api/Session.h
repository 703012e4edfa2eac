#pragma once

#include "ApiRequest.h"
#include "CipherSwarmTypes.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace swarmwatch {

class ApiCall;
class ApiTransport;

// One signed-in user on one server: the token (with its expiry read from the JWT), the active project, and
// every request's credentials. Sends the token as `Authorization: Bearer` everywhere except the refresh call,
// which the server accepts only as a cookie; never lets a cookie jar hold it. Refreshes before expiry, and on
// a 401 refreshes once and retries; if that fails it reports unauthorized() and the UI asks for credentials.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SignedIn, Unauthorized };
    Q_ENUM(State)

    Session(ApiTransport *transport, QObject *parent = nullptr);

    void setServer(const QUrl &server);
    QUrl server() const { return m_server; }
    ApiTransport *transport() const { return m_transport; }
    QUrl url(const QString &path) const;

    // A token obtained elsewhere (keychain, SWARMWATCH_TOKEN): the session is signed in from now on.
    void setToken(const QByteArray &token);
    QByteArray token() const { return m_token; }
    QDateTime tokenExpiry() const { return m_expiry; }
    State state() const { return m_state; }
    QString unauthorizedReason() const { return m_unauthorizedReason; }

    void setProjectId(std::optional<qint64> projectId);
    std::optional<qint64> projectId() const { return m_projectId; }

    // How long before expiry a token is refreshed (a quarter of its lifetime, at most this); 0: never.
    void setRefreshMargin(std::chrono::seconds margin) { m_refreshMargin = margin; }

    using LoginCallback = std::function<void(const ApiResult<QByteArray> &)>;
    ApiCall *login(const QString &email, const QString &password, LoginCallback done);
    ApiCall *refresh(std::function<void(const ApiError &)> done);
    void logout();

    using Callback = std::function<void(const ApiResponse &response, const ApiError &error)>;
    // Sends an authenticated request. error is set for network failures and HTTP errors (already described).
    ApiCall *send(ApiRequest request, Callback done);
    void send(ApiRequest request, ApiCall *call, Callback done);
    // Without credentials (login, logout, the unauthenticated reads).
    void sendAnonymous(const ApiRequest &request, ApiCall *call, Callback done);

    // For SseConnection: asked at every (re)connect, so a refreshed token is always the one sent.
    QList<std::pair<QByteArray, QByteArray>> streamHeaders() const;

    // The exp claim of a JWT, without checking the signature (the server does that).
    static std::optional<QDateTime> jwtExpiry(const QByteArray &token);

Q_SIGNALS:
    void tokenChanged(const QByteArray &token);
    void stateChanged(swarmwatch::Session::State state);
    void unauthorized(const QString &reason);
    void projectChanged(std::optional<qint64> projectId);
    // Another server (origin or path) from now on: whatever was fetched from the old one is not its truth.
    void serverChanged(const QUrl &server);

private:
    void authorize(ApiRequest &request) const;
    void scheduleRefresh();
    void acceptToken(const QByteArray &token);
    void setState(State state, const QString &reason = {});
    void runRefresh(std::function<void(const ApiError &)> done);
    void signOutLocally();

    ApiTransport *m_transport;
    QUrl m_server;
    QByteArray m_token;
    QDateTime m_expiry;
    std::optional<qint64> m_projectId;
    State m_state = State::SignedOut;
    QString m_unauthorizedReason;
    QTimer m_refreshTimer;
    QTimer m_expiryTimer; // a token past its exp is refused: say so then, not at the next 401
    std::chrono::seconds m_refreshMargin{600};
    bool m_refreshing = false;
    quint64 m_tokenGeneration = 0; // bumped by login, logout and setToken: late refresh answers are ignored
    QList<std::function<void(const ApiError &)>> m_refreshWaiters;
};

} // namespace swarmwatch
