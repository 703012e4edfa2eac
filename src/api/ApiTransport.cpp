#include "ApiTransport.h"

#include "AbortReply.h"
#include "ApiCall.h"
#include "ApiLogging.h"
#include "CertificatePins.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <algorithm>

namespace swarmwatch {

ApiTransport::ApiTransport(QNetworkAccessManager *network, QObject *parent, RequestBudget::Clock clock)
    : QObject(parent)
    , m_network(network)
    , m_budget(std::move(clock))
{
    m_budgetTimer.setSingleShot(true);
    connect(&m_budgetTimer, &QTimer::timeout, this, &ApiTransport::startNext);
}

void ApiTransport::setRateLimit(double requestsPerSecond)
{
    m_budget.setRate(requestsPerSecond);
    startNext();
}

int ApiTransport::queued() const
{
    size_t total = 0;
    for (const auto &queue : m_queues)
        total += queue.size();
    return static_cast<int>(total);
}

void ApiTransport::send(const ApiRequest &request, ApiCall *call, Callback done)
{
    m_queues[static_cast<size_t>(request.priority)].push_back({request, call, std::move(done)});
    startNext();
}

void ApiTransport::startNext()
{
    while (m_inFlight < m_maxConcurrent) {
        auto queue = std::find_if(m_queues.begin(), m_queues.end(), [](auto &q) {
            while (!q.empty() && (!q.front().call || q.front().call->isCancelled()))
                q.pop_front(); // cancelled while waiting: costs no budget
            return !q.empty();
        });
        if (queue == m_queues.end())
            return;
        // Background requests leave one connection free, so that an urgent one never waits behind them.
        const bool low = queue == m_queues.end() - 1;
        if (low && m_maxConcurrent > 1 && m_lowInFlight >= m_maxConcurrent - 1)
            return;
        if (!m_budget.tryTake()) {
            if (!m_budgetTimer.isActive())
                m_budgetTimer.start(
                    std::max<std::chrono::milliseconds>(std::chrono::milliseconds(1), m_budget.waitTime()));
            return;
        }
        Pending pending = std::move(queue->front());
        queue->pop_front();
        start(std::move(pending), low);
    }
}

void ApiTransport::start(Pending pending, bool low)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + pending.request.path);
    url.setQuery(pending.request.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Accept", "application/json");
    if (!pending.request.contentType.isEmpty())
        request.setRawHeader("Content-Type", pending.request.contentType);
    for (const auto &[name, value] : pending.request.headers)
        request.setRawHeader(name, value);
    if (url.scheme() == QLatin1String("https") && !m_extraCa.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCa);
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply =
        m_network->sendCustomRequest(request, pending.request.method, pending.request.body);
    ++m_inFlight;
    m_lowInFlight += low;
    ++m_started;
    auto tlsErrors = std::make_shared<QStringList>();
    auto tlsCertificate = std::make_shared<QSslCertificate>();
    auto cancelled = std::make_shared<bool>(false);
    auto timedOut = std::make_shared<bool>(false);
    // The transfer timeout restarts with every byte; a server that trickles must still end within a deadline.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        abortReply(reply);
    });
    deadline->start(m_timeout * 4);
    connect(reply, &QNetworkReply::sslErrors, reply,
            [reply, tlsErrors, tlsCertificate, pins = m_pins](const QList<QSslError> &errors) {
                if (CertificatePins::coverAll(pins, errors)) {
                    reply->ignoreSslErrors(errors); // these, for a certificate the user chose to trust
                    return;
                }
                for (const QSslError &error : errors)
                    tlsErrors->append(error.errorString());
                *tlsCertificate = CertificatePins::subjectOf(errors);
            });
    pending.call->setAbort([reply, cancelled] {
        *cancelled = true;
        abortReply(reply);
    });
    qCDebug(lcApi).noquote() << pending.request.describe();
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, pending = std::move(pending), tlsErrors, tlsCertificate, cancelled, timedOut, low]() {
            reply->deleteLater();
            --m_inFlight;
            m_lowInFlight -= low;
            if (pending.call)
                pending.call->setAbort({});
            ApiResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.body = reply->isOpen() ? reply->readAll() : QByteArray(); // an aborted reply is closed
            response.contentType = reply->rawHeader("Content-Type");
            response.retryAfter = reply->rawHeader("Retry-After");
            const auto error = reply->error();
            // Errors below 200 are the transfer's own (refused, reset, cut short, aborted, timed out, TLS):
            // they void whatever status arrived. From 200 on they only restate an HTTP error status, whose
            // body counts.
            if (error != QNetworkReply::NoError && (response.status == 0 || static_cast<int>(error) < 200)) {
                if (*cancelled) {
                    response.error = {ApiError::Kind::Cancelled, 0, tr("cancelled")};
                } else if (error == QNetworkReply::OperationCanceledError || *timedOut) {
                    response.error = {ApiError::Kind::Timeout, 0,
                                      tr("no answer within %1 s").arg(m_timeout.count() / 1000.0)};
                } else if (!tlsErrors->isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
                    response.error = {ApiError::Kind::Tls, 0,
                                      tr("TLS error: %1")
                                          .arg(tlsErrors->isEmpty() ? reply->errorString()
                                                                    : tlsErrors->join(QStringLiteral("; ")))};
                    response.error.certificate = *tlsCertificate;
                } else {
                    // Name the address: "Connection refused" alone does not say which server, or that
                    // https was tried on a plain-http port.
                    response.error = {
                        ApiError::Kind::Network, 0,
                        tr("%1 %2: %3")
                            .arg(QString::fromLatin1(pending.request.method),
                                 reply->url().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                                 reply->errorString())};
                }
            }
            if (pending.call && !pending.call->isCancelled())
                pending.done(response);
            startNext();
        });
}

} // namespace swarmwatch
