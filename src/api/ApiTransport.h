#pragma once

#include "ApiRequest.h"
#include "RequestBudget.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <array>
#include <chrono>
#include <deque>
#include <functional>

class QNetworkAccessManager;

namespace swarmwatch {

class ApiCall;

// Sends REST requests to one server: a timeout on every request, a bound on how many run at once and an
// optional request rate (the rest wait, by priority and then in order), no cookie jar (cookies are set by
// hand), redirects only within the origin, TLS errors never ignored. It knows nothing of tokens: the Session
// adds them.
class ApiTransport : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiTransport(QNetworkAccessManager *network, QObject *parent = nullptr,
                          RequestBudget::Clock clock = &std::chrono::steady_clock::now);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    // No byte for this long ends a request; so does taking four times as long in all.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // QNetworkAccessManager opens at most 6 connections per host, and the three SSE feeds hold three.
    void setMaxConcurrent(int requests) { m_maxConcurrent = std::max(1, requests); }
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCa = certificates; }
    // Certificates the user chose to trust for this server (SHA-256, see CertificatePins).
    void setPinnedCertificates(const QList<QByteArray> &pins) { m_pins = pins; }
    const QList<QByteArray> &pinnedCertificates() const { return m_pins; }
    // At most this many requests started per second, on average (<= 0: no limit): a busy server's storm of
    // triggers must not turn into a storm of requests.
    void setRateLimit(double requestsPerSecond);
    double rateLimit() const { return m_budget.rate(); }
    // How much of the burst is left (0 to 1): spare room that background work may spend.
    double budgetFill() { return m_budget.fill(); }

    // Runs the request for `call`; `done` is called once, unless the call is cancelled first.
    void send(const ApiRequest &request, ApiCall *call, Callback done);

    int inFlight() const { return m_inFlight; }
    int queued() const;
    quint64 requestsStarted() const { return m_started; }

private:
    struct Pending {
        ApiRequest request;
        QPointer<ApiCall> call;
        Callback done;
    };
    void startNext();
    void start(Pending pending, bool low);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_timeout{30000};
    int m_maxConcurrent = 3;
    int m_inFlight = 0;
    int m_lowInFlight = 0; // of them, background (Priority::Low) requests
    quint64 m_started = 0;
    std::array<std::deque<Pending>, ApiRequest::kPriorities> m_queues;
    RequestBudget m_budget;
    QTimer m_budgetTimer; // wakes the queue when the budget has a token again
    QList<QSslCertificate> m_extraCa;
    QList<QByteArray> m_pins;
};

} // namespace swarmwatch
