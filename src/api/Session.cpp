#include "Session.h"

#include "ApiCall.h"
#include "ApiDecoding.h"
#include "ApiLogging.h"
#include "ApiTransport.h"
#include "HttpErrorMessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <algorithm>
#include <limits>

using namespace std::chrono_literals;

namespace swarmwatch {

namespace {

struct JwtTimes {
    std::optional<QDateTime> expiresAt;
    std::optional<QDateTime> issuedAt;
};

JwtTimes jwtTimes(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto payload = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding);
    if (!payload)
        return {};
    const QJsonObject claims = QJsonDocument::fromJson(*payload).object();
    JwtTimes times;
    if (claims.value(QLatin1String("exp")).isDouble())
        times.expiresAt =
            QDateTime::fromSecsSinceEpoch(claims.value(QLatin1String("exp")).toInteger(), Qt::UTC);
    if (claims.value(QLatin1String("iat")).isDouble())
        times.issuedAt =
            QDateTime::fromSecsSinceEpoch(claims.value(QLatin1String("iat")).toInteger(), Qt::UTC);
    return times;
}

// application/x-www-form-urlencoded, with every reserved byte escaped: QUrlQuery would leave '+', which the
// server reads as a space, and a password may well contain one.
QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out.append('&');
        out.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    }
    return out;
}

} // namespace

Session::Session(ApiTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        runRefresh([this](const ApiError &error) {
            // A network blip must not cost the session: try again shortly while the token still holds.
            if (error.isError() && error.kind != ApiError::Kind::Unauthorized && m_expiry.isValid()
                && QDateTime::currentDateTimeUtc().secsTo(m_expiry) > 30)
                m_refreshTimer.start(30s);
        });
    });
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (!m_token.isEmpty() && m_expiry.isValid() && QDateTime::currentDateTimeUtc() >= m_expiry)
            setState(State::Unauthorized,
                     tr("the session expired at %1").arg(m_expiry.toString(Qt::ISODate)));
        else
            scheduleRefresh(); // woken early (a clock change): wait again
    });
}

void Session::signOutLocally()
{
    ++m_tokenGeneration;
    m_refreshTimer.stop();
    m_expiryTimer.stop();
    m_token.clear();
    m_expiry = {};
    Q_EMIT tokenChanged({});
    setState(State::SignedOut);
}

void Session::setServer(const QUrl &server)
{
    QUrl normalised = server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const bool otherOrigin = m_server.scheme() != normalised.scheme() || m_server.host() != normalised.host()
                             || m_server.port() != normalised.port();
    if (otherOrigin && !m_token.isEmpty()) {
        // A token and a project belong to their server: never carry them to another.
        signOutLocally();
        setProjectId(std::nullopt);
    }
    const bool changed = normalised != m_server;
    m_server = normalised;
    m_transport->setBaseUrl(normalised);
    if (changed)
        Q_EMIT serverChanged(normalised);
}

QUrl Session::url(const QString &path) const
{
    QUrl url = m_server;
    url.setPath(m_server.path() + path);
    return url;
}

std::optional<QDateTime> Session::jwtExpiry(const QByteArray &token)
{
    return jwtTimes(token).expiresAt;
}

void Session::setToken(const QByteArray &token)
{
    ++m_tokenGeneration;
    acceptToken(token);
    setState(token.isEmpty() ? State::SignedOut : State::SignedIn);
}

void Session::acceptToken(const QByteArray &token)
{
    m_token = token;
    const JwtTimes times = jwtTimes(token);
    m_expiry = times.expiresAt.value_or(QDateTime());
    qCDebug(lcSession) << "token accepted, expires" << m_expiry; // the expiry, never the token
    scheduleRefresh();
    Q_EMIT tokenChanged(token);
}

void Session::scheduleRefresh()
{
    m_refreshTimer.stop();
    m_expiryTimer.stop();
    if (m_token.isEmpty() || !m_expiry.isValid())
        return;
    const qint64 untilExpiry = QDateTime::currentDateTimeUtc().msecsTo(m_expiry);
    m_expiryTimer.start(std::chrono::milliseconds(
        std::clamp<qint64>(untilExpiry + 1000, 0, std::numeric_limits<int>::max())));
    const JwtTimes times = jwtTimes(m_token);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 lifetime = times.issuedAt ? times.issuedAt->secsTo(m_expiry) : now.secsTo(m_expiry);
    lifetime = std::max<qint64>(lifetime, 1);
    const qint64 margin = std::min<qint64>(m_refreshMargin.count(), lifetime / 4 + 1);
    const qint64 refreshInMs = std::max<qint64>(0, now.msecsTo(m_expiry) - margin * 1000);
    if (now >= m_expiry)
        return; // too late: the server cannot refresh an expired token; the next 401 asks for credentials
    if (margin <= 0)
        return; // no refresh ahead of expiry (a margin of 0 turns it off): the token simply runs out
    m_refreshTimer.start(
        std::chrono::milliseconds(std::min<qint64>(refreshInMs, std::numeric_limits<int>::max())));
}

void Session::setProjectId(std::optional<qint64> projectId)
{
    if (m_projectId == projectId)
        return;
    m_projectId = projectId;
    Q_EMIT projectChanged(projectId);
}

void Session::setState(State state, const QString &reason)
{
    m_unauthorizedReason = state == State::Unauthorized ? reason : QString();
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    if (state == State::Unauthorized)
        Q_EMIT unauthorized(reason);
}

void Session::authorize(ApiRequest &request) const
{
    if (!m_token.isEmpty())
        request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + m_token));
    if (m_projectId)
        request.headers.append(std::pair<QByteArray, QByteArray>(
            "Cookie", "active_project_id=" + QByteArray::number(*m_projectId)));
}

QList<std::pair<QByteArray, QByteArray>> Session::streamHeaders() const
{
    ApiRequest request;
    authorize(request);
    return request.headers;
}

ApiCall *Session::login(const QString &email, const QString &password, LoginCallback done)
{
    auto *call = new ApiCall(this);
    ApiRequest request;
    request.method = "POST";
    request.priority = ApiRequest::Priority::High; // everything else waits for it
    request.path = QStringLiteral("/api/v1/web/auth/login");
    request.contentType = "application/x-www-form-urlencoded";
    request.body = formEncode({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    sendAnonymous(request, call, [this, call, done](const ApiResponse &response, const ApiError &error) {
        ApiResult<QByteArray> result;
        if (error.isError() && response.status == 0) {
            result.error = error;
        } else {
            JsonReader reader(QJsonDocument::fromJson(response.body).object(),
                              QStringLiteral("POST /api/v1/web/auth/login:"));
            const LoginResult login = decode::loginResult(reader);
            if (response.status == 200 && login.accessToken && !login.accessToken->isEmpty()) {
                result.value = login.accessToken->toLatin1();
                ++m_tokenGeneration;
                acceptToken(result.value);
                setState(State::SignedIn);
            } else if (response.status == 400 || response.status == 403) {
                result.error = {ApiError::Kind::Unauthorized, response.status,
                                login.message.isEmpty() ? error.message : login.message};
            } else {
                // An HTML page first: whatever it is, its markup is not worth a JSON parser's complaint.
                const bool html = looksLikeHtml(response) && !error.isError();
                result.error =
                    html
                        ? ApiError{ApiError::Kind::Decode, response.status,
                                   tr("POST /api/v1/web/auth/login: an HTML page answered: not a CipherSwarm "
                                      "server?")}
                    : error.isError()
                        ? error
                        : ApiError{ApiError::Kind::Decode, response.status,
                                   tr("POST /api/v1/web/auth/login: the answer had no access_token")};
                result.error.htmlBody = result.error.htmlBody || html;
            }
        }
        done(result);
        call->markFinished();
    });
    return call;
}

ApiCall *Session::refresh(std::function<void(const ApiError &)> done)
{
    auto *call = new ApiCall(this);
    // The caller's call only decides whether it hears the answer; the refresh itself belongs to the session,
    // so cancelling one waiter never strands the others.
    runRefresh([call = QPointer<ApiCall>(call), done](const ApiError &error) {
        if (!call || call->isCancelled())
            return;
        if (done)
            done(error);
        call->markFinished();
    });
    return call;
}

void Session::runRefresh(std::function<void(const ApiError &)> done)
{
    m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return; // one refresh serves every request that met a 401 meanwhile
    m_refreshing = true;
    ApiRequest request;
    request.method = "POST";
    request.priority = ApiRequest::Priority::High; // everything else waits for it
    request.path = QStringLiteral("/api/v1/web/auth/refresh");
    // The one call that takes the token as a cookie; no form field, so the server always issues a new one.
    request.headers.append(std::pair<QByteArray, QByteArray>("Cookie", "access_token=" + m_token));
    auto *call = new ApiCall(this);
    const quint64 generation = m_tokenGeneration;
    m_transport->send(request, call, [this, call, generation](const ApiResponse &response) {
        ApiError error = response.error;
        if (generation != m_tokenGeneration) {
            // A login, logout or new token came while this refresh was out: its answer is about a token
            // nobody uses any more, and must neither sign the session in nor out.
            error =
                m_token.isEmpty() ? ApiError{ApiError::Kind::Unauthorized, 0, tr("signed out")} : ApiError{};
        } else if (!error.isError()) {
            JsonReader reader(QJsonDocument::fromJson(response.body).object(),
                              QStringLiteral("POST /api/v1/web/auth/refresh:"));
            const LoginResult result = decode::loginResult(reader);
            if (response.status == 200 && result.accessToken && !result.accessToken->isEmpty()) {
                acceptToken(result.accessToken->toLatin1());
                setState(State::SignedIn);
            } else {
                error =
                    response.status >= 400
                        ? httpError(
                            ApiRequest{"POST", QStringLiteral("/api/v1/web/auth/refresh"), {}, {}, {}, {}},
                            response)
                        : ApiError{ApiError::Kind::Decode, response.status,
                                   tr("POST /api/v1/web/auth/refresh: the answer had no access_token")};
                if (response.status == 401 || response.status == 403) {
                    error.kind = ApiError::Kind::Unauthorized;
                    setState(State::Unauthorized, error.message);
                }
            }
        }
        qCDebug(lcSession) << "refresh:" << (error.isError() ? error.message : QStringLiteral("new token"));
        m_refreshing = false;
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto &waiter : waiters) {
            if (waiter)
                waiter(error);
        }
        call->markFinished();
    });
}

void Session::logout()
{
    auto *call = new ApiCall(this);
    ApiRequest request;
    request.method = "POST";
    request.priority = ApiRequest::Priority::High; // everything else waits for it
    request.path = QStringLiteral("/api/v1/web/auth/logout");
    sendAnonymous(request, call, [call](const ApiResponse &, const ApiError &) { call->markFinished(); });
    signOutLocally();
}

ApiCall *Session::send(ApiRequest request, Callback done)
{
    auto *call = new ApiCall(this);
    send(std::move(request), call, [call, done](const ApiResponse &response, const ApiError &error) {
        done(response, error);
        call->markFinished();
    });
    return call;
}

void Session::send(ApiRequest request, ApiCall *call, Callback done)
{
    ApiRequest authorized = request;
    authorize(authorized);
    const QByteArray tokenUsed = m_token;
    m_transport->send(authorized, call, [this, request, call, done, tokenUsed](const ApiResponse &response) {
        if (response.error.isError()) {
            done(response, response.error);
            return;
        }
        if (response.status != 401) {
            done(response, response.status >= 400 ? httpError(request, response) : ApiError{});
            return;
        }
        // 401: refresh once (unless the token already changed meanwhile) and try again.
        const auto retry = [this, request, response, call = QPointer<ApiCall>(call),
                            done](const ApiError &refreshError) {
            if (!call || call->isCancelled())
                return;
            if (refreshError.isError()) {
                // What the request was told comes first; why the refresh could not help follows.
                ApiError error = httpError(request, response);
                // A refresh that could not reach the server is a network problem, not a verdict on the login.
                error.kind = refreshError.kind == ApiError::Kind::Unauthorized ? ApiError::Kind::Unauthorized
                                                                               : refreshError.kind;
                error.message += tr(" (token refresh failed: %1)").arg(refreshError.message);
                done(response, error);
                return;
            }
            ApiRequest again = request;
            authorize(again);
            m_transport->send(
                again, call, [this, request, done, retriedWith = m_token](const ApiResponse &second) {
                    if (second.status == 401) {
                        const ApiError error = httpError(request, second);
                        // Only the current token's refusal says the session is over; an older one's is
                        // history.
                        if (m_token == retriedWith)
                            setState(State::Unauthorized, error.message);
                        done(second, error);
                        return;
                    }
                    done(second, second.error.isError()
                                     ? second.error
                                     : (second.status >= 400 ? httpError(request, second) : ApiError{}));
                });
        };
        if (m_token != tokenUsed && !m_token.isEmpty()) {
            retry({});
            return;
        }
        if (m_token.isEmpty()) {
            const ApiError error = httpError(request, response);
            done(response, error);
            return;
        }
        runRefresh(retry);
    });
}

void Session::sendAnonymous(const ApiRequest &request, ApiCall *call, Callback done)
{
    m_transport->send(request, call, [request, done](const ApiResponse &response) {
        done(response, response.error.isError()
                           ? response.error
                           : (response.status >= 400 ? httpError(request, response) : ApiError{}));
    });
}

} // namespace swarmwatch
