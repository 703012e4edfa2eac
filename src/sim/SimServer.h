#pragma once

#include "SimEventHub.h"
#include "SimJwt.h"
#include "SimWorld.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>
#include <span>

class QUrlQuery;

namespace swarmwatch::sim {

// A simulated CipherSwarm web API on a loopback port: the subset a live dashboard uses, with the real
// server's formats, statuses and quirks (../shared/cipherswarm-api.md), live SSE feeds, and faults to order.
// It shares no code with the client libraries, so that a misreading of the protocol cannot hide in both.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options {
        SimWorld::Options world;
        std::chrono::milliseconds pingInterval{30000};
        double ticksPerSecond = 1.0; // 0: the world stands still unless tick() is called
        qint64 tokenLifetimeSeconds = 3600;
    };
    explicit SimServer(Options options, QObject *parent = nullptr);

    // Listens on 127.0.0.1; port 0 picks a free one. Returns false when the port is taken.
    bool start(quint16 port = 0);
    QUrl url() const;
    // Serves https with this certificate and key (tests of certificate trust); call before start().
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    SimWorld &world() { return m_world; }
    SimEventHub &feeds() { return m_feeds; }

    // Faults for tests and demos.
    void dropFeeds() { m_feeds.dropAll(); }
    void stallFeeds(bool stalled) { m_feeds.setStalled(stalled); }
    void expireTokens(); // every token issued so far now answers 401 "Token expired"
    // Every request but /health answers `status` until `until` (503 with Retry-After when retryAfterSeconds
    // is set).
    void failRequests(int status, std::chrono::milliseconds duration,
                      std::optional<int> retryAfterSeconds = {});
    void setResponseDelay(std::chrono::milliseconds delay) { m_responseDelay = delay; }
    // The next `count` authenticated requests answer 401 "Could not validate credentials" although the token
    // is good (as during a secret rotation between replicas); a refresh still works.
    void rejectCredentials(int count) { m_rejectCredentials = count; }
    void setTokenLifetime(qint64 seconds) { m_options.tokenLifetimeSeconds = seconds; }

    quint64 requestCount() const { return m_requests; }
    // Requests whose path is exactly this (no query), e.g. "/api/v1/web/campaigns".
    quint64 requestCount(const QString &path) const { return m_requestsByPath.value(path); }
    // The next `count` requests whose path ends with `suffix` answer `status` (500: Starlette's plain text).
    void failPath(const QString &suffix, int status, int count)
    {
        m_failSuffix = suffix;
        m_failSuffixStatus = status;
        m_failSuffixCount = count;
    }

    // A trigger storm for benchmarks: `perSecond` task reports spread over the first `ids` listed campaigns
    // of project 1 (only the active ones with activeOnly), for `duration`. Also reachable as
    // POST /sim/storm?rate=R&seconds=S&ids=N[&active=1] on the server. The other controls there:
    // POST /sim/report?id=N (one task report on a campaign) and GET /sim/stats (requests served, per route).
    void startStorm(int perSecond, std::chrono::milliseconds duration, int ids, bool activeOnly = false);

    struct Reply {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        void addHeader(const QByteArray &name, const QByteArray &value)
        {
            headers.append(std::pair(name, value));
        }
    };

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Authenticated {
        const SimUser *user = nullptr;
    };

    // What a route's handler gets: the request, the numbers in its path as written, and the user when the
    // route needs one.
    struct Call {
        const QHttpServerRequest &request;
        QTcpSocket *socket;
        const QString &path; // below /api/v1/web
        const QUrlQuery &query;
        const QStringList &ids;
        const SimUser *user; // null on the public routes
        bool *streamed;      // set when the handler answers with a feed instead of a reply
    };
    using Handler = Reply (SimServer::*)(const Call &call);
    struct Route;
    static std::span<const Route> routes();

    Reply route(const QHttpServerRequest &request, QTcpSocket *socket, bool *streamed);
    Reply dispatch(const QHttpServerRequest &request, QTcpSocket *socket, const QString &path,
                   bool *streamed);
    Reply handleControl(const QString &path, QHttpServerRequest::Method method, const QUrlQuery &query);

    // One handler per route of the web API, grouped by resource; dispatch() picks them from routes().
    Reply handleLogin(const Call &call);
    Reply handleRefresh(const Call &call);
    Reply handleLogout(const Call &call);
    Reply handleMe(const Call &call);
    Reply handleContext(const Call &call);
    Reply handleSelectProject(const Call &call);
    Reply handleAttack(const Call &call);
    Reply handleAttackPerformance(const Call &call);
    Reply handleAgents(const Call &call);
    Reply handleAgent(const Call &call);
    Reply handleAgentErrors(const Call &call);
    Reply handleAgentPerformance(const Call &call);
    Reply handleDashboardSummary(const Call &call);
    Reply handleCampaigns(const Call &call);
    Reply handleCampaign(const Call &call);
    Reply handleCampaignArchive(const Call &call);
    Reply handleCampaignAttacks(const Call &call);
    Reply handleCampaignProgress(const Call &call);
    Reply handleCampaignMetrics(const Call &call);
    Reply handleCampaignAction(const Call &call);
    Reply handleLive(const Call &call);
    std::optional<Authenticated> authenticate(const QHttpServerRequest &request, Reply *failure) const;
    static void send(QHttpServerResponder &responder, const Reply &reply);
    void publishAnnouncement(const QString &topic, const QString &trigger, std::optional<int> id,
                             std::optional<int> projectId);

    Options m_options;
    SimWorld m_world;
    SimEventHub m_feeds;
    SimJwt m_jwt;
    QTimer m_ticker;
    QTimer m_storm;
    QList<int> m_stormIds;
    QDateTime m_stormUntil;
    int m_stormPerTick = 0;
    quint64 m_stormSent = 0;
    QByteArray issueToken(const SimUser &user);
    bool isExpired(const SimJwt::Claims &claims) const;
    QSet<QString> m_issuedTokenIds;
    QSet<QString> m_expiredTokenIds; // expireTokens() moved them here
    int m_failStatus = 0;
    std::optional<int> m_failRetryAfter;
    QDateTime m_failUntil;
    std::chrono::milliseconds m_responseDelay{0};
    bool m_tls = false;
    QSslCertificate m_tlsCertificate;
    QSslKey m_tlsKey;
    quint64 m_requests = 0;
    QHash<QString, quint64> m_requestsByPath;
    QString m_failSuffix;
    int m_failSuffixStatus = 0;
    int m_failSuffixCount = 0;
    mutable int m_rejectCredentials = 0;
};

} // namespace swarmwatch::sim
