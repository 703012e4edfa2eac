#include "SimServer.h"

#include "SimJson.h"
#include "SimLogging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace swarmwatch::sim {

using Method = QHttpServerRequest::Method;

namespace {

SimServer::Reply jsonReply(int status, QByteArray body)
{
    SimServer::Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

SimServer::Reply detailReply(int status, const QString &detail)
{
    SimJson json;
    json.beginObject().field("detail", detail).endObject();
    return jsonReply(status, json.take());
}

// FastAPI's 422 body: a list of {type, loc, msg, input}.
SimServer::Reply validationReply(const char *type, const char *where, const char *field,
                                 const QString &message, const QString &input)
{
    SimJson json;
    json.beginObject().beginArray("detail").beginObject().field("type", type);
    json.beginArray("loc").value(where).value(field).endArray();
    json.field("msg", message).field("input", input).endObject().endArray().endObject();
    return jsonReply(422, json.take());
}

SimServer::Reply loginResult(int status, const QString &message, const QString &level,
                             const std::optional<QString> &token)
{
    SimJson json;
    json.beginObject()
        .field("message", message)
        .field("level", level)
        .field("access_token", token)
        .endObject();
    return jsonReply(status, json.take());
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<QByteArray> cookie(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &pair : value.split(';')) {
            const QByteArray trimmed = pair.trimmed();
            const qsizetype equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.left(equals) == name)
                return trimmed.mid(equals + 1);
        }
    }
    return std::nullopt;
}

QUrlQuery formBody(const QHttpServerRequest &request)
{
    QByteArray body = request.body();
    body.replace('+', "%20"); // application/x-www-form-urlencoded spaces
    return QUrlQuery(QString::fromLatin1(body));
}

bool isValidEmail(const QString &email)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$)"));
    return pattern.match(email).hasMatch();
}

void writeCampaign(SimJson &json, const SimCampaign &campaign)
{
    json.beginObject()
        .field("id", campaign.id)
        .field("name", campaign.name)
        .field("description", campaign.description)
        .field("project_id", campaign.projectId)
        .field("priority", campaign.priority)
        .field("hash_list_id", campaign.hashListId)
        .field("is_unavailable", campaign.unavailable)
        .field("state", campaign.state)
        .timeField("created_at", campaign.createdAt)
        .timeField("updated_at", campaign.updatedAt)
        .endObject();
}

void writeAttackSummary(SimJson &json, const SimAttack &attack)
{
    json.beginObject()
        .field("id", attack.id)
        .field("name", attack.name)
        .field("attack_mode", attack.attackMode)
        .field("type_label", attack.typeLabel)
        .key("length")
        .null()
        .field("settings_summary",
               QStringLiteral("Mode: %1, Hash Mode: %2").arg(attack.typeLabel).arg(attack.hashMode))
        .field("keyspace", attack.keyspace)
        .field("complexity_score", attack.complexityScore)
        .key("comment")
        .null()
        .endObject();
}

void writeAttackOut(SimJson &json, const SimAttack &attack)
{
    json.beginObject()
        .field("id", attack.id)
        .field("name", attack.name)
        .field("attack_mode", attack.attackMode)
        .field("state", attack.state)
        .field("position", attack.position)
        .field("campaign_id", attack.campaignId)
        .field("hash_mode", attack.hashMode)
        .key("mask")
        .null()
        .timeField("start_time", attack.startTime)
        .timeField("end_time", attack.endTime)
        .endObject();
}

void writeAgent(SimJson &json, const SimAgent &agent)
{
    json.beginObject()
        .field("id", agent.id)
        .field("host_name", agent.hostName)
        .field("client_signature", agent.clientSignature)
        .field("custom_label", agent.customLabel)
        .field("token", agent.token)
        .field("state", agent.state)
        .field("enabled", agent.enabled);
    json.key("advanced_configuration")
        .beginObject()
        .field("agent_update_interval", 30)
        .field("use_native_hashcat", false)
        .field("backend_device", QStringLiteral("1"))
        .key("opencl_devices")
        .null()
        .field("enable_additional_hash_types", false)
        .endObject();
    json.beginArray("devices");
    for (const QString &device : agent.devices)
        json.value(device);
    json.endArray()
        .field("agent_type", agent.agentType)
        .field("operating_system", agent.operatingSystem)
        .timeField("created_at", agent.createdAt)
        .timeField("updated_at", agent.updatedAt)
        .timeField("last_seen_at", agent.lastSeenAt)
        .field("last_ipaddress", agent.lastIpAddress)
        .beginArray("projects")
        .endArray()
        .endObject();
}

void writeContext(SimJson &json, const SimUser &user, const QList<SimProject> &projects,
                  std::optional<int> active)
{
    json.beginObject().key("user").beginObject();
    json.field("id", user.id)
        .field("email", user.email)
        .field("name", user.name)
        .field("role", user.role)
        .endObject();
    json.key("active_project");
    const auto activeProject = std::find_if(projects.begin(), projects.end(),
                                            [&](const SimProject &p) { return active && p.id == *active; });
    if (activeProject == projects.end())
        json.null();
    else
        json.beginObject().field("id", activeProject->id).field("name", activeProject->name).endObject();
    json.beginArray("available_projects");
    for (const SimProject &project : projects)
        json.beginObject().field("id", project.id).field("name", project.name).endObject();
    json.endArray().endObject();
}

// page (>= 1, default 1) and a page size (1..100, default 20) with FastAPI's 422 for either out of range.
std::optional<std::pair<int, int>> readPaging(const QUrlQuery &query, const char *sizeKey,
                                              SimServer::Reply *failure)
{
    const QString sizeName = QString::fromLatin1(sizeKey);
    const int page =
        query.hasQueryItem(QStringLiteral("page")) ? query.queryItemValue(QStringLiteral("page")).toInt() : 1;
    const int size = query.hasQueryItem(sizeName) ? query.queryItemValue(sizeName).toInt() : 20;
    if (page < 1) {
        *failure = validationReply("greater_than_equal", "query", "page",
                                   QStringLiteral("Input should be greater than or equal to 1"),
                                   query.queryItemValue(QStringLiteral("page")));
        return std::nullopt;
    }
    if (size < 1 || size > 100) {
        *failure = validationReply("less_than_equal", "query", sizeKey,
                                   QStringLiteral("Input should be less than or equal to 100"),
                                   query.queryItemValue(sizeName));
        return std::nullopt;
    }
    return std::pair(page, size);
}

SimServer::Reply campaignNotFound(int id)
{
    return detailReply(404, QStringLiteral("Campaign %1 not found").arg(id));
}

constexpr Method kAnyMethod = Method::Unknown; // in a route: every method, unknown ones included

enum class Access { Public, User };

// A path against a route's pattern, segment by segment: "{id}" takes ASCII digits, "{int}" an optional minus
// and digits (campaign ids, whose handlers answer 422 for those below 1). The segments they took go to `ids`.
bool matchPath(QStringView pattern, QStringView path, QStringList *ids)
{
    const QList<QStringView> wanted = pattern.split(u'/');
    const QList<QStringView> given = path.split(u'/');
    if (wanted.size() != given.size())
        return false;
    const auto isDigits = [](QStringView text) {
        return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
    };
    QStringList taken;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QStringView segment = given.at(i);
        if (wanted.at(i) == u"{id}" || wanted.at(i) == u"{int}") {
            const bool signedId = wanted.at(i) == u"{int}" && segment.startsWith(u'-');
            if (!isDigits(signedId ? segment.mid(1) : segment))
                return false;
            taken.append(segment.toString());
        } else if (wanted.at(i) != segment) {
            return false;
        }
    }
    *ids = std::move(taken);
    return true;
}

} // namespace

SimServer::SimServer(Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_world(options.world)
    , m_jwt(QByteArray::number(QRandomGenerator::global()->generate64()))
{
    m_feeds.setPingInterval(options.pingInterval);
    connect(&m_world, &SimWorld::announced, this, &SimServer::publishAnnouncement);
    connect(&m_ticker, &QTimer::timeout, &m_world, &SimWorld::tick);
    connect(&m_storm, &QTimer::timeout, this, [this] {
        if (QDateTime::currentDateTimeUtc() >= m_stormUntil) {
            m_storm.stop();
            qCInfo(lcSim) << "storm over:" << m_stormSent << "task reports";
            return;
        }
        for (int i = 0; i < m_stormPerTick; ++i) {
            m_world.reportTaskProgress(
                m_stormIds.at(QRandomGenerator::global()->bounded(static_cast<int>(m_stormIds.size()))));
            ++m_stormSent;
        }
    });
    if (options.ticksPerSecond > 0)
        m_ticker.start(static_cast<int>(std::max(1.0, 1000.0 / options.ticksPerSecond)));
}

bool SimServer::start(quint16 port)
{
    // With TLS the listening server itself must be a QSslServer: bind() takes what it is given as it is.
    QTcpServer *tcp = nullptr;
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_tlsCertificate);
        configuration.setPrivateKey(m_tlsKey);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->setSslConfiguration(configuration);
        tcp = ssl;
    } else {
        tcp = new QTcpServer(this);
    }
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return false;
    }
    bind(tcp);
    return true;
}

QUrl SimServer::url() const
{
    const QList<QTcpServer *> listening = servers();
    return listening.isEmpty() ? QUrl()
                               : QUrl(QStringLiteral("%1://127.0.0.1:%2")
                                          .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                                          .arg(listening.first()->serverPort()));
}

void SimServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    sslSetup(certificate, key);
    m_tlsCertificate = certificate;
    m_tlsKey = key;
    m_tls = true;
}

void SimServer::startStorm(int perSecond, std::chrono::milliseconds duration, int ids, bool activeOnly)
{
    m_stormIds.clear();
    for (const SimCampaign *campaign : m_world.listedCampaigns(1)) {
        if (m_stormIds.size() >= ids)
            break;
        if (!activeOnly || campaign->state == QLatin1String("active"))
            m_stormIds.append(campaign->id);
    }
    if (m_stormIds.isEmpty() || perSecond <= 0) {
        m_storm.stop(); // a storm of nothing: any storm under way ends
        return;
    }
    m_stormPerTick = std::max(1, perSecond / 100); // a tick every 10 ms
    m_stormSent = 0;
    m_stormUntil = QDateTime::currentDateTimeUtc().addMSecs(duration.count());
    m_storm.start(10);
}

SimServer::Reply SimServer::handleControl(const QString &path, Method method, const QUrlQuery &query)
{
    // The simulator's own controls, for benchmarks and demos; not part of CipherSwarm.
    const auto number = [&query](const char *name) {
        return query.queryItemValue(QString::fromLatin1(name)).toInt();
    };
    if (path == QLatin1String("/sim/storm") && method == Method::Post) {
        startStorm(number("rate"), std::chrono::milliseconds(number("seconds") * 1000), number("ids"),
                   query.queryItemValue(QStringLiteral("active")) == QLatin1String("1"));
        return jsonReply(202, R"({"storm":"started"})");
    }
    if (path == QLatin1String("/sim/report") && method == Method::Post) {
        // One task status report on a campaign, announced as the real server does: for latency figures.
        const int id = number("id");
        const SimCampaign *campaign = m_world.campaign(id);
        const double step = query.queryItemValue(QStringLiteral("step")).toDouble();
        if (!campaign || !m_world.reportTaskProgress(id, step > 0 ? step : 1.0)) // 1 %: a visible change
            return detailReply(404, QStringLiteral("Campaign %1 not found").arg(id));
        SimJson json;
        json.beginObject()
            .field("id", id)
            .field("progress_percent", m_world.campaignProgress(*campaign))
            .endObject();
        return jsonReply(200, json.take());
    }
    if (path == QLatin1String("/sim/stats") && method == Method::Get) {
        // Requests served so far, in all and per route (ids folded into {id}), the controls not counted.
        static const QRegularExpression idSegment(QStringLiteral("/\\d+(?=/|$)"));
        QMap<QString, quint64> routes;
        for (auto it = m_requestsByPath.cbegin(); it != m_requestsByPath.cend(); ++it)
            routes[QString(it.key()).replace(idSegment, QStringLiteral("/{id}"))] += it.value();
        SimJson json;
        json.beginObject().field("requests", static_cast<qint64>(m_requests)).key("routes").beginObject();
        for (auto it = routes.cbegin(); it != routes.cend(); ++it)
            json.field(it.key().toUtf8().constData(), static_cast<qint64>(it.value()));
        json.endObject().endObject();
        return jsonReply(200, json.take());
    }
    return detailReply(404, QStringLiteral("Not Found"));
}

void SimServer::expireTokens()
{
    m_expiredTokenIds.unite(m_issuedTokenIds);
}

QByteArray SimServer::issueToken(const SimUser &user)
{
    const QByteArray token =
        m_jwt.issue(user.id, QDateTime::currentDateTimeUtc(), m_options.tokenLifetimeSeconds);
    m_issuedTokenIds.insert(m_jwt.verify(token)->id);
    return token;
}

bool SimServer::isExpired(const SimJwt::Claims &claims) const
{
    return claims.expiresAt <= QDateTime::currentSecsSinceEpoch() || m_expiredTokenIds.contains(claims.id);
}

void SimServer::failRequests(int status, std::chrono::milliseconds duration,
                             std::optional<int> retryAfterSeconds)
{
    m_failStatus = status;
    m_failRetryAfter = retryAfterSeconds;
    m_failUntil = QDateTime::currentDateTimeUtc().addMSecs(duration.count());
}

void SimServer::publishAnnouncement(const QString &topic, const QString &trigger, std::optional<int> id,
                                    std::optional<int> projectId)
{
    SimJson json;
    json.beginObject()
        .field("trigger", trigger)
        .timeField("timestamp", QDateTime::currentDateTimeUtc())
        .field("target", topic)
        .field("id", id)
        .field("project_id", projectId)
        .endObject();
    m_feeds.publish(topic, json.take());
}

std::optional<SimServer::Authenticated> SimServer::authenticate(const QHttpServerRequest &request,
                                                                Reply *failure) const
{
    // The cookie wins over the header whenever it is present and non-empty (§1.3).
    QByteArray token = cookie(request, "access_token").value_or(QByteArray());
    if (token.isEmpty()) {
        const QByteArray authorization = headerValue(request, "Authorization");
        if (authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            token = authorization.mid(7).trimmed();
    }
    if (token.isEmpty()) {
        *failure = detailReply(401, QStringLiteral("Not authenticated"));
        return std::nullopt;
    }
    const auto claims = m_jwt.verify(token);
    if (!claims || m_rejectCredentials > 0) {
        m_rejectCredentials = std::max(0, m_rejectCredentials - 1);
        *failure = detailReply(401, QStringLiteral("Could not validate credentials"));
        return std::nullopt;
    }
    if (isExpired(*claims)) {
        *failure = detailReply(401, QStringLiteral("Token expired"));
        failure->addHeader("WWW-Authenticate", "Bearer");
        return std::nullopt;
    }
    const SimUser *user = m_world.userById(claims->subject);
    if (!user) {
        *failure = detailReply(403, QStringLiteral("User not found or not authorized"));
        return std::nullopt;
    }
    if (!user->active) {
        *failure = detailReply(403, QStringLiteral("Inactive user"));
        return std::nullopt;
    }
    return Authenticated{user};
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (!path.startsWith(QLatin1String("/sim/"))) { // the simulator's own controls are not counted
        ++m_requests;
        ++m_requestsByPath[path];
    }
    qCDebug(lcSim) << request.method() << path;

    const bool failThisPath = m_failSuffixCount > 0 && path.endsWith(m_failSuffix);
    if (failThisPath)
        --m_failSuffixCount;
    if (failThisPath
        || (m_failStatus != 0 && QDateTime::currentDateTimeUtc() < m_failUntil
            && path != QLatin1String("/health"))) {
        const int status = failThisPath ? m_failSuffixStatus : m_failStatus;
        Reply reply =
            status == 500
                ? Reply{500, "Internal Server Error", "text/plain; charset=utf-8", {}}
                : detailReply(status, QStringLiteral("Service temporarily unavailable (simulated)"));
        if (m_failRetryAfter && !failThisPath)
            reply.addHeader("Retry-After", QByteArray::number(*m_failRetryAfter));
        QHttpServerResponder responder = makeResponder(request, socket);
        send(responder, reply);
        return true;
    }

    bool streamed = false;
    const Reply reply = route(request, socket, &streamed);
    if (streamed)
        return true;
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (m_responseDelay.count() > 0) {
        // A slow server: the answer leaves later; the socket may be gone by then.
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_responseDelay, this, [guard, responder, reply] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                send(*responder, reply);
        });
        return true;
    }
    send(*responder, reply);
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(responder, detailReply(404, QStringLiteral("Not Found")));
}

void SimServer::send(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-cache");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
}

// --- routing ---

SimServer::Reply SimServer::route(const QHttpServerRequest &request, QTcpSocket *socket, bool *streamed)
{
    const QString path = request.url().path();
    static const QString prefix = QStringLiteral("/api/v1/web");

    if (path == QLatin1String("/health"))
        return jsonReply(200, R"({"status":"healthy"})");
    if (path.startsWith(QLatin1String("/sim/")))
        return handleControl(path, request.method(), request.query());
    if (path.size() > 1 && path.endsWith(QLatin1Char('/'))) {
        // FastAPI's redirect_slashes: an absolute Location built from the request's Host.
        Reply reply = jsonReply(307, {});
        QUrl target = request.url();
        target.setPath(path.chopped(1));
        reply.addHeader("Location", target.toEncoded());
        return reply;
    }
    if (!path.startsWith(prefix))
        return detailReply(404, QStringLiteral("Not Found"));
    return dispatch(request, socket, path.mid(prefix.size()), streamed);
}

// A route of the web API, below /api/v1/web.
struct SimServer::Route {
    Method method; // kAnyMethod: every method
    QStringView pattern;
    Handler handler;
    Access access;
};

std::span<const SimServer::Route> SimServer::routes()
{
    // Rows with the same pattern differ only in method; the first whose method fits is taken.
    static const Route table[] = {
        // The public ones, as in the real server.
        {Method::Post, u"/auth/login", &SimServer::handleLogin, Access::Public},
        {Method::Post, u"/auth/refresh", &SimServer::handleRefresh, Access::Public},
        {kAnyMethod, u"/auth/logout", &SimServer::handleLogout, Access::Public},
        {kAnyMethod, u"/attacks/{id}", &SimServer::handleAttack, Access::Public},
        {kAnyMethod, u"/attacks/{id}/performance", &SimServer::handleAttackPerformance, Access::Public},
        {Method::Get, u"/agents", &SimServer::handleAgents, Access::Public},
        {kAnyMethod, u"/agents/{id}", &SimServer::handleAgent, Access::Public},
        {kAnyMethod, u"/agents/{id}/errors", &SimServer::handleAgentErrors, Access::Public},
        {kAnyMethod, u"/agents/{id}/performance", &SimServer::handleAgentPerformance, Access::Public},
        {kAnyMethod, u"/dashboard/summary", &SimServer::handleDashboardSummary, Access::Public},
        // Those that need a user.
        {kAnyMethod, u"/auth/me", &SimServer::handleMe, Access::User},
        {Method::Post, u"/auth/context", &SimServer::handleSelectProject, Access::User},
        {kAnyMethod, u"/auth/context", &SimServer::handleContext, Access::User},
        {kAnyMethod, u"/campaigns", &SimServer::handleCampaigns, Access::User},
        {Method::Get, u"/campaigns/{int}", &SimServer::handleCampaign, Access::User},
        {Method::Delete, u"/campaigns/{int}", &SimServer::handleCampaignArchive, Access::User},
        {Method::Get, u"/campaigns/{int}/attacks", &SimServer::handleCampaignAttacks, Access::User},
        {Method::Get, u"/campaigns/{int}/progress", &SimServer::handleCampaignProgress, Access::User},
        {Method::Get, u"/campaigns/{int}/metrics", &SimServer::handleCampaignMetrics, Access::User},
        {Method::Post, u"/campaigns/{int}/start", &SimServer::handleCampaignAction, Access::User},
        {Method::Post, u"/campaigns/{int}/stop", &SimServer::handleCampaignAction, Access::User},
        {kAnyMethod, u"/live/campaigns", &SimServer::handleLive, Access::User},
        {kAnyMethod, u"/live/agents", &SimServer::handleLive, Access::User},
        {kAnyMethod, u"/live/toasts", &SimServer::handleLive, Access::User},
    };
    return table;
}

SimServer::Reply SimServer::dispatch(const QHttpServerRequest &request, QTcpSocket *socket,
                                     const QString &path, bool *streamed)
{
    // FastAPI matches the path first, then checks credentials, then the method: an unknown path is 404 with
    // or without a token, a route that needs a user answers 401 without one even to a wrong method, 405 comes
    // last.
    QStringList ids;
    const std::span<const Route> table = routes();
    const auto matched = std::find_if(
        table.begin(), table.end(), [&](const Route &route) { return matchPath(route.pattern, path, &ids); });
    if (matched == table.end())
        return detailReply(404, QStringLiteral("Not Found"));
    const SimUser *user = nullptr;
    if (matched->access == Access::User) {
        Reply failure;
        const auto auth = authenticate(request, &failure);
        if (!auth)
            return failure;
        user = auth->user;
    }
    const Method method = request.method();
    const QUrlQuery query = request.query();
    const Call call{request, socket, path, query, ids, user, streamed};
    for (auto route = matched; route != table.end(); ++route) {
        if (route->pattern == matched->pattern && (route->method == kAnyMethod || route->method == method))
            return (this->*route->handler)(call);
    }
    return detailReply(405, QStringLiteral("Method Not Allowed"));
}

// --- authentication ---

SimServer::Reply SimServer::handleLogin(const Call &call)
{
    const QUrlQuery form = formBody(call.request);
    const QString email = form.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
    const QString password = form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
    if (email.isEmpty() || !isValidEmail(email))
        return validationReply("string_pattern_mismatch", "body", "email",
                               QStringLiteral("String should match pattern"), email);
    if (password.isEmpty())
        return validationReply("missing", "body", "password", QStringLiteral("Field required"), password);
    const SimUser *user = m_world.userByEmail(email);
    if (!user || user->password != password)
        return loginResult(400, QStringLiteral("Invalid email or password."), QStringLiteral("error"), {});
    if (!user->active)
        return loginResult(403, QStringLiteral("Account is inactive."), QStringLiteral("error"), {});
    const QByteArray token = issueToken(*user);
    Reply reply = loginResult(200, QStringLiteral("Login successful."), QStringLiteral("success"),
                              QString::fromLatin1(token));
    reply.addHeader("Set-Cookie", "access_token=" + token + "; HttpOnly; Max-Age=3600; Path=/; SameSite=lax");
    const QList<SimProject> projects = m_world.projectsOf(*user);
    if (!projects.isEmpty()) {
        reply.addHeader("Set-Cookie", "active_project_id=" + QByteArray::number(projects.first().id)
                                          + "; HttpOnly; Max-Age=2592000; Path=/; SameSite=lax");
    }
    return reply;
}

SimServer::Reply SimServer::handleRefresh(const Call &call)
{
    const QByteArray token = cookie(call.request, "access_token").value_or(QByteArray());
    if (token.isEmpty())
        return detailReply(401, QStringLiteral("No token found."));
    const auto claims = m_jwt.verify(token);
    if (!claims)
        return detailReply(401, QStringLiteral("Invalid or expired token."));
    if (isExpired(*claims)) {
        Reply reply = detailReply(401, QStringLiteral("Token expired"));
        reply.addHeader("WWW-Authenticate", "Bearer");
        return reply;
    }
    const SimUser *user = m_world.userById(claims->subject);
    if (!user || !user->active)
        return detailReply(401, QStringLiteral("User not found or inactive."));
    const QString autoRefresh =
        formBody(call.request).queryItemValue(QStringLiteral("auto_refresh")).toLower();
    if ((autoRefresh == QLatin1String("true") || autoRefresh == QLatin1String("1"))
        && claims->expiresAt - QDateTime::currentSecsSinceEpoch() > 15 * 60)
        return loginResult(200, QStringLiteral("Token is still valid."), QStringLiteral("success"),
                           QString::fromLatin1(token));
    const QByteArray fresh = issueToken(*user);
    Reply reply = loginResult(200, QStringLiteral("Session refreshed."), QStringLiteral("success"),
                              QString::fromLatin1(fresh));
    reply.addHeader("Set-Cookie", "access_token=" + fresh + "; HttpOnly; Max-Age=3600; Path=/; SameSite=lax");
    return reply;
}

SimServer::Reply SimServer::handleLogout(const Call &)
{
    Reply reply = loginResult(200, QStringLiteral("Logged out."), QStringLiteral("success"), {});
    reply.addHeader("Set-Cookie", "access_token=; Max-Age=0; Path=/");
    reply.addHeader("Set-Cookie", "active_project_id=; Max-Age=0; Path=/");
    return reply;
}

SimServer::Reply SimServer::handleMe(const Call &call)
{
    const SimUser &user = *call.user;
    SimJson json;
    json.beginObject().field("id", user.id).field("email", user.email).field("name", user.name);
    json.field("is_active", user.active).field("is_superuser", user.superuser);
    json.timeField("created_at", user.createdAt)
        .timeField("updated_at", user.createdAt)
        .field("role", user.role);
    json.endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleContext(const Call &call)
{
    std::optional<int> active;
    if (const auto value = cookie(call.request, "active_project_id")) {
        bool ok = false;
        active = value->toInt(&ok);
        if (!ok)
            return validationReply("int_parsing", "cookie", "active_project_id",
                                   QStringLiteral("Input should be a valid integer"),
                                   QString::fromLatin1(*value));
    }
    SimJson json;
    writeContext(json, *call.user, m_world.projectsOf(*call.user), active);
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleSelectProject(const Call &call)
{
    const QList<SimProject> projects = m_world.projectsOf(*call.user);
    const QJsonObject body = QJsonDocument::fromJson(call.request.body()).object();
    const int projectId = body.value(QLatin1String("project_id")).toInt(0);
    if (projectId <= 0)
        return validationReply("greater_than", "body", "project_id",
                               QStringLiteral("Input should be greater than 0"), QString::number(projectId));
    if (std::none_of(projects.begin(), projects.end(),
                     [&](const SimProject &p) { return p.id == projectId; }))
        return detailReply(403, QStringLiteral("User does not have access to this project."));
    SimJson json;
    writeContext(json, *call.user, projects, projectId);
    Reply reply = jsonReply(200, json.take());
    reply.addHeader("Set-Cookie", "active_project_id=" + QByteArray::number(projectId)
                                      + "; HttpOnly; Max-Age=2592000; Path=/; SameSite=lax");
    return reply;
}

// --- attacks, agents and the dashboard (public reads, as in the real server) ---

SimServer::Reply SimServer::handleAttack(const Call &call)
{
    const SimAttack *attack = m_world.attack(call.ids.at(0).toInt());
    if (!attack)
        return detailReply(404, QStringLiteral("Attack not found"));
    SimJson json;
    writeAttackOut(json, *attack);
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleAttackPerformance(const Call &call)
{
    const SimAttack *attack = m_world.attack(call.ids.at(0).toInt());
    if (!attack)
        return detailReply(404, QStringLiteral("Attack not found"));
    const SimCampaign *campaign = m_world.campaign(attack->campaignId);
    const int agentCount = campaign ? m_world.activeAgentsOn(*campaign) : 0;
    const double perSecond = attack->state == QLatin1String("running") ? attack->hashesPerSecond : 0.0;
    const qint64 done = static_cast<qint64>(static_cast<double>(attack->keyspace) * attack->progress / 100);
    SimJson json;
    json.beginObject().field("message", "Performance Summary").key("data").beginObject();
    json.field("hashes_per_sec", perSecond)
        .field("total_hashes", attack->keyspace)
        .field("agent_count", agentCount);
    json.key("eta");
    if (perSecond > 0)
        json.value(static_cast<qint64>(static_cast<double>(attack->keyspace - done) / perSecond));
    else
        json.null();
    json.field("progress", attack->progress).field("hashes_done", done).key("attack");
    writeAttackOut(json, *attack);
    json.endObject().endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleAgents(const Call &call)
{
    Reply failure;
    const auto paging = readPaging(call.query, "page_size", &failure);
    if (!paging)
        return failure;
    const auto [page, pageSize] = *paging;
    if (page > 100)
        return Reply{500, "Internal Server Error", "text/plain; charset=utf-8", {}};
    const QList<const SimAgent *> agents = m_world.agents();
    SimJson json;
    json.beginObject().beginArray("items");
    for (qsizetype i = qsizetype(page - 1) * pageSize; i < agents.size() && i < qsizetype(page) * pageSize;
         ++i)
        writeAgent(json, *agents[i]);
    json.endArray().field("total", static_cast<qint64>(agents.size())).field("page", page);
    json.field("page_size", pageSize).key("search").null().key("state").null().endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleAgent(const Call &call)
{
    const SimAgent *agent = m_world.agent(call.ids.at(0).toInt());
    if (!agent)
        return detailReply(404, QStringLiteral("Agent not found"));
    SimJson json;
    writeAgent(json, *agent);
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleAgentErrors(const Call &call)
{
    // An unknown id gives an empty list, not a 404 (cipherswarm-api.md §4).
    const SimAgent *agent = m_world.agent(call.ids.at(0).toInt());
    SimJson json;
    json.beginObject().beginArray("errors");
    if (agent) {
        for (const SimAgentError &error : agent->errors) {
            json.beginObject().field("id", error.id).field("message", error.message);
            json.field("severity", error.severity).field("error_code", error.errorCode);
            json.key("details").null().field("agent_id", agent->id).field("task_id", error.taskId);
            json.timeField("created_at", error.createdAt)
                .timeField("updated_at", error.createdAt)
                .endObject();
        }
    }
    json.endArray().endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleAgentPerformance(const Call &call)
{
    const SimAgent *agent = m_world.agent(call.ids.at(0).toInt());
    if (!agent)
        return detailReply(404, QStringLiteral("Agent not found"));
    // 48 ten-minute buckets per device over the last 8 h; the latest holds the current speed.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime lastBucket = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() / 600 * 600, Qt::UTC);
    SimJson json;
    json.beginObject().beginArray("series");
    for (const QString &device : agent->devices) {
        json.beginObject().field("device", device).beginArray("data");
        for (int i = 47; i >= 0; --i) {
            json.beginObject().timeField("timestamp", lastBucket.addSecs(-600 * i));
            json.field("speed", i == 0 ? agent->speed / std::max<qsizetype>(1, agent->devices.size()) : 0.0);
            json.endObject();
        }
        json.endArray().endObject();
    }
    json.endArray().endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleDashboardSummary(const Call &)
{
    int active = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SimAgent *agent : m_world.agents())
        active += agent->enabled && agent->lastSeenAt.secsTo(now) <= 120;
    int running = 0;
    int total = 0;
    for (const SimCampaign *campaign : m_world.listedCampaigns(1) + m_world.listedCampaigns(2)) {
        for (const SimAttack *attack : m_world.attacksOf(*campaign)) {
            ++total;
            running += attack->state == QLatin1String("running");
        }
    }
    SimJson json;
    json.beginObject()
        .field("active_agents", active)
        .field("total_agents", static_cast<qint64>(m_world.agents().size()));
    json.field("running_tasks", running)
        .field("total_tasks", total)
        .field("recently_cracked_hashes", m_world.recentlyCracked());
    json.beginArray("resource_usage");
    const QDateTime hour = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() / 3600 * 3600, Qt::UTC);
    for (int i = 11; i >= 0; --i)
        json.beginObject()
            .timeField("timestamp", hour.addSecs(-3600 * i))
            .field("hash_rate", 1e10 * (12 - i))
            .endObject();
    json.endArray().endObject();
    return jsonReply(200, json.take());
}

// --- campaigns ---

SimServer::Reply SimServer::handleCampaigns(const Call &call)
{
    Reply failure;
    const auto paging = readPaging(call.query, "size", &failure);
    if (!paging)
        return failure;
    const auto [page, size] = *paging;
    const auto projectCookie = cookie(call.request, "active_project_id");
    if (!projectCookie)
        return detailReply(400, QStringLiteral("No active project selected."));
    bool ok = false;
    const int projectId = projectCookie->toInt(&ok);
    if (!ok)
        return validationReply("int_parsing", "cookie", "active_project_id",
                               QStringLiteral("Input should be a valid integer"),
                               QString::fromLatin1(*projectCookie));
    if (!call.user->projectIds.contains(projectId))
        return detailReply(403, QStringLiteral("Not authorized for this project."));
    const QList<const SimCampaign *> campaigns = m_world.listedCampaigns(projectId);
    SimJson json;
    json.beginObject().beginArray("items");
    for (qsizetype i = qsizetype(page - 1) * size; i < campaigns.size() && i < qsizetype(page) * size; ++i)
        writeCampaign(json, *campaigns[i]);
    const auto total = static_cast<qint64>(campaigns.size());
    json.endArray().field("total", total).field("page", page).field("size", size);
    json.field("total_pages", (total + size - 1) / size).endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleCampaign(const Call &call)
{
    const int id = call.ids.at(0).toInt();
    const SimCampaign *campaign = m_world.campaign(id);
    if (!campaign)
        return campaignNotFound(id);
    SimJson json;
    json.beginObject().key("campaign");
    writeCampaign(json, *campaign);
    json.beginArray("attacks");
    for (const SimAttack *attack : m_world.attacksOf(*campaign))
        writeAttackSummary(json, *attack);
    json.endArray().endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleCampaignArchive(const Call &call)
{
    const int id = call.ids.at(0).toInt();
    if (m_world.archiveCampaign(id) == SimWorld::ActionResult::NotFound)
        return campaignNotFound(id);
    return Reply{204, {}, "application/json", {}};
}

SimServer::Reply SimServer::handleCampaignAttacks(const Call &call)
{
    const int id = call.ids.at(0).toInt();
    const SimCampaign *campaign = m_world.campaign(id);
    if (!campaign)
        return campaignNotFound(id);
    SimJson json;
    json.beginArray();
    for (const SimAttack *attack : m_world.attacksOf(*campaign))
        writeAttackSummary(json, *attack);
    json.endArray();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleCampaignProgress(const Call &call)
{
    const int id = call.ids.at(0).toInt();
    const SimCampaign *campaign = m_world.campaign(id);
    if (!campaign)
        return campaignNotFound(id);
    // Only total_tasks and active_agents are computed by the real server; the rest stays zero.
    SimJson json;
    json.beginObject().field("total_tasks", static_cast<qint64>(campaign->attackIds.size()));
    json.field("active_agents", m_world.activeAgentsOn(*campaign)).field("completed_tasks", 0);
    json.field("pending_tasks", 0).field("active_tasks", 0).field("failed_tasks", 0);
    json.field("percentage_complete", 0.0).key("overall_status").null().key("active_attack_id").null();
    json.endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleCampaignMetrics(const Call &call)
{
    const int id = call.ids.at(0).toInt();
    const SimCampaign *campaign = m_world.campaign(id);
    if (!campaign)
        return campaignNotFound(id);
    const double percentCracked =
        campaign->totalHashes > 0
            ? std::round(10000.0 * campaign->crackedHashes / campaign->totalHashes) / 100
            : 0.0;
    SimJson json;
    json.beginObject().field("total_hashes", campaign->totalHashes);
    json.field("cracked_hashes", campaign->crackedHashes);
    json.field("uncracked_hashes", campaign->totalHashes - campaign->crackedHashes);
    json.field("percent_cracked", percentCracked)
        .field("progress_percent", m_world.campaignProgress(*campaign));
    json.endObject();
    return jsonReply(200, json.take());
}

SimServer::Reply SimServer::handleCampaignAction(const Call &call)
{
    // POST /campaigns/{id}/start or /stop; the id is checked here, after the method, as FastAPI does.
    const int id = call.ids.at(0).toInt();
    if (id <= 0)
        return validationReply("greater_than", "path", "campaign_id",
                               QStringLiteral("Input should be greater than 0"), call.ids.at(0));
    const bool start = call.path.endsWith(QLatin1String("/start"));
    const auto result = start ? m_world.startCampaign(id) : m_world.stopCampaign(id);
    if (result == SimWorld::ActionResult::NotFound)
        return campaignNotFound(id);
    if (result == SimWorld::ActionResult::Archived)
        return detailReply(400, start ? QStringLiteral("Cannot start an archived campaign.")
                                      : QStringLiteral("Cannot stop an archived campaign."));
    SimJson json;
    writeCampaign(json, *m_world.campaign(id));
    return jsonReply(200, json.take());
}

// --- live feeds ---

SimServer::Reply SimServer::handleLive(const Call &call)
{
    // The responder goes to the feed, which writes the SSE head and events itself: no reply is sent.
    const QString topic = call.path.section(QLatin1Char('/'), -1);
    m_feeds.addListener(topic, makeResponder(call.request, call.socket));
    *call.streamed = true;
    return {};
}

} // namespace swarmwatch::sim
