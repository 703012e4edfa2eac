#include "SseConnection.h"

#include "AbortReply.h"
#include "CertificatePins.h"
#include "HttpUrl.h"
#include "NetworkReachability.h"
#include "ServerExplanation.h"
#include "SseLogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>

#include <algorithm>

using namespace std::chrono_literals;

namespace swarmwatch {

namespace {

constexpr qsizetype kReadChunkBytes = 64 * 1024;
constexpr qsizetype kMaxErrorBodyBytes = 4096;
constexpr std::chrono::milliseconds kErrorBodyWait{3000};

// Headers that carry credentials: they never follow a redirect to another origin.
bool isCredentialHeader(const QByteArray &name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0
           || name.compare("Cookie", Qt::CaseInsensitive) == 0
           || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme() == QLatin1String("https") ? 443 : 80;
    };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QString formatDuration(std::chrono::milliseconds duration)
{
    if (duration < 1s || duration.count() % 1000 != 0)
        return QCoreApplication::translate("SseConnection", "%1 ms").arg(duration.count());
    return QCoreApplication::translate("SseConnection", "%1 s").arg(duration.count() / 1000);
}

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3), clamped to [0, cap].
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                         std::chrono::milliseconds cap)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qulonglong seconds = trimmed.toULongLong(&ok);
    if (ok) // compared before multiplying: a huge value must not overflow into a negative delay
        return seconds >= static_cast<qulonglong>(cap.count() / 1000) ? cap : std::chrono::seconds(seconds);
    if (!trimmed.endsWith(" GMT"))
        return std::nullopt;
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(trimmed.chopped(4)),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid())
        return std::nullopt;
    const QDateTime utc(date.date(), date.time(), Qt::UTC);
    const qint64 milliseconds = QDateTime::currentDateTimeUtc().msecsTo(utc);
    return std::chrono::milliseconds(std::clamp<qint64>(milliseconds, 0, cap.count()));
}

} // namespace

SseConnection::SseConnection(QNetworkAccessManager *network, NetworkReachability *reachability,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_reachability(reachability)
    , m_parser(this, m_settings.limits)
    , m_backoff(m_settings.initialRetryDelay, m_settings.maxRetryDelay,
                QRandomGenerator::global()->generate())
{
    m_retryTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_healthyTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { startAttempt(); });
    connect(&m_idleTimer, &QTimer::timeout, this, &SseConnection::handleIdleTimeout);
    connect(&m_healthyTimer, &QTimer::timeout, this, [this] { m_attempt = 0; });
    if (m_reachability)
        connect(m_reachability, &NetworkReachability::onlineChanged, this,
                &SseConnection::handleOnlineChanged);
}

SseConnection::~SseConnection()
{
    dropReply();
}

void SseConnection::setSettings(const SseConnectionSettings &settings)
{
    m_settings = settings;
    m_parser.setLimits(settings.limits); // takes effect with the next stream
    m_backoff = BackoffPolicy(settings.initialRetryDelay, settings.maxRetryDelay,
                              settings.jitterSeed.value_or(QRandomGenerator::global()->generate()));
}

void SseConnection::open()
{
    dropReply();
    m_retryTimer.stop();
    m_attempt = 0;
    m_firstAttempt = true;
    m_backoff.setBase(m_settings.initialRetryDelay);
    if (!isHttpUrl(m_url)) {
        setState(State::Failed, tr("“%1” is not an http or https URL").arg(m_url.toDisplayString()));
        return;
    }
    startAttempt();
}

void SseConnection::close()
{
    dropReply();
    m_retryTimer.stop();
    m_healthyTimer.stop();
    m_waitingForNetwork = false;
    m_nextAttemptAt = {};
    setState(State::Closed, tr("closed"));
}

void SseConnection::reconnectNow()
{
    dropReply();
    m_retryTimer.stop();
    m_waitingForNetwork = false;
    if (!isHttpUrl(m_url)) {
        open(); // reports the bad URL
        return;
    }
    startAttempt(AttemptMode::EvenIfOffline); // the operator asked: try, whatever the OS thinks
}

void SseConnection::startAttempt(AttemptMode mode)
{
    if (mode == AttemptMode::WhenOnline && !isOnline()) {
        m_waitingForNetwork = true;
        m_nextAttemptAt = {};
        // Keep the failure that led here: it says more than "offline".
        setState(State::Reconnecting,
                 m_state == State::Reconnecting ? m_reason : tr("waiting for the network"));
        return;
    }
    m_waitingForNetwork = false;
    if (!m_firstAttempt)
        ++m_reconnects;
    m_firstAttempt = false;
    m_nextAttemptAt = {};
    m_redirects = 0;
    m_parser.startStream();
    sendRequest(m_url);
}

void SseConnection::sendRequest(const QUrl &url)
{
    m_requestUrl = url;
    m_sinceRequest.start();
    m_firstByteSeen = false;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    const bool crossOrigin = !sameOrigin(url, m_url);
    if (m_headerProvider) {
        for (const auto &[name, value] : m_headerProvider()) {
            if (crossOrigin && isCredentialHeader(name))
                continue;
            request.setRawHeader(name, value);
        }
    }
    if (!m_parser.lastEventId().isEmpty())
        request.setRawHeader("Last-Event-ID", m_parser.lastEventId().toUtf8());
    // Redirects are followed by hand so that credentials can be kept to their origin; cookies are never
    // stored or sent implicitly (CipherSwarm prefers a stale access_token cookie over a valid header).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        // Setting any CA list turns off Qt's on-demand loading of the system store, so add the system's
        // certificates explicitly: the extra bundle widens trust, it must not replace it.
        if (!m_settings.extraCaCertificates.isEmpty())
            tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_settings.extraCaCertificates);
        request.setSslConfiguration(tls);
    }

    m_replyKind = ReplyKind::Pending;
    m_streamDelivered = false;
    m_errorStatus = 0;
    m_errorBody.clear();
    m_tlsErrors.clear();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &SseConnection::handleMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &SseConnection::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &SseConnection::handleFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (CertificatePins::coverAll(m_settings.pinnedCertificates, errors)) {
            reply->ignoreSslErrors(errors); // these, for this certificate, which the user chose to trust
            return;
        }
        for (const QSslError &error : errors)
            m_tlsErrors.append(error.errorString());
    });
    m_idleTimer.start(m_settings.idleTimeout);
    qCDebug(lcSse) << "connecting to" << url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (m_redirects == 0)
        setState(State::Connecting, {});
}

void SseConnection::handleMetaData()
{
    if (!m_reply || m_replyKind != ReplyKind::Pending)
        return;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid())
        return;
    m_idleTimer.start(m_settings.idleTimeout);
    const int status = statusAttribute.toInt();
    m_lastHttpStatus = status;
    m_lastContentType = m_reply->rawHeader("Content-Type");
    const QByteArray location = m_reply->rawHeader("Location");
    if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        && !location.isEmpty()) {
        followRedirect(m_requestUrl.resolved(QUrl::fromEncoded(location)));
        return;
    }
    if (status == 200) {
        const QByteArray contentType = m_reply->rawHeader("Content-Type");
        const qsizetype parameters = contentType.indexOf(';');
        const QByteArray mimeType =
            (parameters < 0 ? contentType : contentType.left(parameters)).trimmed().toLower();
        if (mimeType != "text/event-stream") {
            scheduleReconnect(tr("the server answered with content type “%1”, not text/event-stream")
                                  .arg(QString::fromLatin1(contentType)));
            return;
        }
        m_replyKind = ReplyKind::Stream;
        m_healthyTimer.start(m_settings.healthyAfter);
        qCInfo(lcSse) << "live:" << m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        setState(State::Live, {});
        return;
    }
    m_replyKind = ReplyKind::ErrorResponse;
    m_errorStatus = status;
    // The body only adds the server's words to the reason: a body that trickles must not delay the verdict.
    m_idleTimer.start(std::min(m_settings.idleTimeout, kErrorBodyWait));
}

void SseConnection::handleReadyRead()
{
    if (!m_reply)
        return;
    if (m_replyKind == ReplyKind::Pending)
        handleMetaData();
    QNetworkReply *reply = m_reply;
    if (!reply || m_replyKind == ReplyKind::Pending)
        return;
    m_lastByteAt = QDateTime::currentDateTimeUtc();
    if (!std::exchange(m_firstByteSeen, true) && m_replyKind == ReplyKind::Stream)
        m_firstByteDelay = std::chrono::milliseconds(m_sinceRequest.elapsed());

    if (m_replyKind == ReplyKind::ErrorResponse) { // its short deadline runs on, whatever trickles in
        const QByteArray body = reply->readAll();
        m_bytesReceived += static_cast<quint64>(body.size());
        m_errorBody.append(body.left(kMaxErrorBodyBytes - m_errorBody.size()));
        return;
    }
    m_idleTimer.start(m_settings.idleTimeout);
    char buffer[kReadChunkBytes];
    for (;;) {
        const qint64 read = reply->read(buffer, sizeof buffer);
        if (read <= 0)
            return;
        m_bytesReceived += static_cast<quint64>(read);
        const bool ok = m_parser.feed(buffer, read);
        if (m_reply != reply)
            return; // a listener closed or reopened the connection from inside an event
        if (!ok) {
            scheduleReconnect(tr("protocol error: %1").arg(m_parser.errorString()));
            return;
        }
    }
}

void SseConnection::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_replyKind == ReplyKind::Pending)
        handleMetaData();
    if (m_reply != reply)
        return;
    if (reply->bytesAvailable() > 0)
        handleReadyRead();
    if (m_reply != reply)
        return;

    switch (m_replyKind) {
    case ReplyKind::Pending: {
        const QString message = reply->errorString();
        // Certificate problems need a person; any other handshake failure (an alert, a reset) may pass.
        if (!m_tlsErrors.isEmpty()) {
            dropReply();
            setState(State::Failed, tr("TLS error: %1").arg(m_tlsErrors.join(QStringLiteral("; "))));
            return;
        }
        scheduleReconnect(message);
        return;
    }
    case ReplyKind::Stream:
        m_parser.finish();
        scheduleReconnect(reply->error() == QNetworkReply::NoError ? tr("the server ended the stream")
                                                                   : reply->errorString());
        return;
    case ReplyKind::ErrorResponse:
        finishErrorResponse();
        return;
    }
}

void SseConnection::finishErrorResponse()
{
    const int status = m_errorStatus;
    const QString detail = serverExplanation(m_errorBody);
    QString reason = describeHttpStatus(status);
    if (!detail.isEmpty())
        reason += QStringLiteral(": ") + detail;
    const QByteArray retryAfter = m_reply ? m_reply->rawHeader("Retry-After") : QByteArray();

    if (status == 204) {
        dropReply();
        m_healthyTimer.stop();
        setState(State::Closed, tr("the server answered 204 No Content: the feed is closed"));
    } else if (status == 401 || status == 403) {
        dropReply();
        m_healthyTimer.stop();
        setState(State::Unauthorized, reason);
    } else if (status == 429 || status == 503) {
        scheduleReconnect(reason, parseRetryAfter(retryAfter, m_settings.maxRetryAfter));
    } else {
        scheduleReconnect(reason);
    }
}

void SseConnection::followRedirect(const QUrl &target)
{
    if (++m_redirects > m_settings.maxRedirects) {
        scheduleReconnect(tr("too many redirects (more than %1)").arg(m_settings.maxRedirects));
        return;
    }
    if (!isHttpUrl(target)) {
        dropReply();
        setState(State::Failed, tr("redirected to “%1”, which is not an http or https URL")
                                    .arg(target.toDisplayString(QUrl::RemoveUserInfo)));
        return;
    }
    if (m_requestUrl.scheme() == QLatin1String("https") && target.scheme() == QLatin1String("http")) {
        dropReply();
        setState(State::Failed, tr("refused a redirect from https to http (%1)")
                                    .arg(target.toDisplayString(QUrl::RemoveUserInfo)));
        return;
    }
    qCInfo(lcSse) << "redirected to" << target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    const int redirects = m_redirects;
    dropReply();
    m_redirects = redirects;
    sendRequest(target);
}

void SseConnection::handleIdleTimeout()
{
    if (m_reply && m_replyKind == ReplyKind::ErrorResponse) {
        finishErrorResponse();
        return;
    }
    scheduleReconnect(tr("no data for %1").arg(formatDuration(m_settings.idleTimeout)));
}

void SseConnection::handleOnlineChanged(bool online)
{
    if (m_state != State::Reconnecting)
        return;
    if (!online) {
        // Attempts made now would fail for nothing and grow the backoff: wait for the network instead.
        if (m_retryTimer.isActive()) {
            m_retryTimer.stop();
            m_waitingForNetwork = true;
            m_nextAttemptAt = {}; // nothing is scheduled until the network is back
            setState(State::Reconnecting, m_reason);
        }
        return;
    }
    if (m_waitingForNetwork)
        startAttempt();
}

void SseConnection::scheduleReconnect(const QString &reason,
                                      std::optional<std::chrono::milliseconds> retryAfter)
{
    const bool routineDrop = std::exchange(m_streamDelivered, false);
    dropReply();
    m_healthyTimer.stop();
    // A feed that was live and delivering starts over from the floor: only consecutive failures escalate, so
    // a long outage last night does not make today's routine drop wait half a minute.
    if (routineDrop)
        m_attempt = 0;
    // Retry-After is honoured as a minimum: "0" or a date in the past must not turn into a busy loop.
    const std::chrono::milliseconds backoff = m_backoff.delayFor(m_attempt);
    const std::chrono::milliseconds delay = retryAfter ? std::max(*retryAfter, backoff) : backoff;
    ++m_attempt;
    qCInfo(lcSse).noquote() << m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                            << "failed:" << reason << "- attempt" << m_attempt << "in" << delay.count()
                            << "ms";
    if (!isOnline()) {
        m_waitingForNetwork = true;
        m_nextAttemptAt = {};
        setState(State::Reconnecting, reason);
        return;
    }
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
    m_retryTimer.start(delay);
    setState(State::Reconnecting, reason);
}

void SseConnection::setState(State state, const QString &reason)
{
    m_state = state;
    m_reason = reason;
    if (!reason.isEmpty())
        m_lastError = reason;
    Q_EMIT stateChanged(state);
}

void SseConnection::dropReply()
{
    m_idleTimer.stop();
    m_healthyTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        abortReply(reply);
        reply->deleteLater();
    }
    m_replyKind = ReplyKind::Pending;
    m_parser.startStream(); // stops a feed() in progress: nothing more from the old stream is dispatched
}

bool SseConnection::isOnline() const
{
    return !m_reachability || m_reachability->isOnline();
}

QString SseConnection::describeHttpStatus(int status) const
{
    const QString phrase =
        m_reply ? m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString() : QString();
    return phrase.isEmpty() ? tr("HTTP %1").arg(status) : tr("HTTP %1 %2").arg(status).arg(phrase);
}

void SseConnection::sseEvent(const SseEvent &event)
{
    ++m_eventsReceived;
    m_streamDelivered = true; // whole events, not just bytes: a stream of garbage is no sign of health
    Q_EMIT eventReceived(event);
}

void SseConnection::sseRetry(qint64 milliseconds)
{
    m_backoff.setBase(std::chrono::milliseconds(milliseconds));
    Q_EMIT retryDelayChanged(std::chrono::milliseconds(milliseconds));
}

QString SseConnection::stateName(State state)
{
    switch (state) {
    case State::Connecting:
        return tr("connecting");
    case State::Live:
        return tr("live");
    case State::Reconnecting:
        return tr("reconnecting");
    case State::Unauthorized:
        return tr("unauthorized");
    case State::Closed:
        return tr("closed");
    case State::Failed:
        return tr("failed");
    }
    return {};
}

} // namespace swarmwatch
