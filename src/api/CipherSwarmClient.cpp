#include "CipherSwarmClient.h"

#include "ApiCall.h"
#include "ApiDecoding.h"
#include "ApiRequest.h"
#include "Session.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace swarmwatch {

namespace {

ApiRequest get(const QString &path, QUrlQuery query = {})
{
    ApiRequest request;
    request.path = path;
    request.query = std::move(query);
    return request;
}

QString campaignPath(qint64 id, const char *suffix = "")
{
    return QStringLiteral("/api/v1/web/campaigns/%1%2").arg(id).arg(QLatin1String(suffix));
}

// The answer's body as a JSON object for a reader, or a decode error naming the endpoint.
bool objectBody(const ApiRequest &request, const QByteArray &body, QJsonObject *object, ApiError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = ApiError{
            ApiError::Kind::Decode, 200,
            QCoreApplication::translate("CipherSwarmClient", "%1: the answer is not a JSON object (%2)")
                .arg(request.describe(), parseError.error != QJsonParseError::NoError
                                             ? parseError.errorString()
                                             : QStringLiteral("got another JSON value"))};
        return false;
    }
    *object = document.object();
    return true;
}

QList<AgentError> agentErrorList(JsonReader &reader)
{
    return decode::list(reader, "errors", &decode::agentError);
}

} // namespace

CipherSwarmClient::CipherSwarmClient(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

template <typename T>
ApiCall *CipherSwarmClient::fetch(ApiRequest request, T (*decoder)(JsonReader &), Callback<T> done)
{
    auto *call = new ApiCall(this);
    m_session->send(request, call,
                    [request, decoder, done, call](const ApiResponse &response, const ApiError &error) {
                        ApiResult<T> result;
                        QJsonObject object;
                        if (error.isError()) {
                            result.error = error;
                        } else if (objectBody(request, response.body, &object, &result.error)) {
                            JsonReader reader(object, request.describe() + QLatin1Char(':'));
                            result.value = decoder(reader);
                            if (!reader.ok())
                                result.error = {ApiError::Kind::Decode, response.status, reader.error()};
                        }
                        done(result);
                        call->markFinished();
                    });
    return call;
}

template <typename T>
void CipherSwarmClient::fetchPages(ApiCall *call, const QString &path, const QString &sizeKey, int page,
                                   QList<T> collected, T (*decoder)(JsonReader &), Callback<QList<T>> done,
                                   int maxPages)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(sizeKey, QString::number(kPageSize));
    const ApiRequest request = get(path, query);
    m_session->send(
        request, call,
        [this, call = QPointer<ApiCall>(call), request, path, sizeKey, page, collected = std::move(collected),
         decoder, done, maxPages](const ApiResponse &response, const ApiError &error) mutable {
            if (!call || call->isCancelled())
                return;
            ApiResult<QList<T>> result;
            QJsonObject object;
            if (error.isError()) {
                result.error = error;
            } else if (objectBody(request, response.body, &object, &result.error)) {
                JsonReader reader(object, request.describe() + QStringLiteral("?page=%1:").arg(page));
                const QList<T> items = decode::list(reader, "items", decoder);
                const qint64 total = reader.integer("total");
                if (reader.ok() && items.size() > kPageSize)
                    reader.fail(reader.context(), tr("more items than the page size"));
                if (!reader.ok()) {
                    result.error = {ApiError::Kind::Decode, response.status, reader.error()};
                } else {
                    collected.append(items);
                    const bool more = !items.isEmpty() && collected.size() < total;
                    if (more && page < maxPages) {
                        fetchPages(call, path, sizeKey, page + 1, std::move(collected), decoder, done,
                                   maxPages);
                        return;
                    }
                    if (more) {
                        // The server cannot page further (agents answer 500 past page 100): say the list is
                        // incomplete rather than pass a part for the whole.
                        result.error = {ApiError::Kind::Http, response.status,
                                        tr("%1: the server lists %2 items, only %3 can be paged")
                                            .arg(request.describe())
                                            .arg(total)
                                            .arg(collected.size())};
                    } else {
                        result.value = std::move(collected);
                    }
                }
            }
            done(result);
            call->markFinished();
        });
}

ApiCall *CipherSwarmClient::me(Callback<User> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/auth/me")), &decode::user, std::move(done));
}

ApiCall *CipherSwarmClient::projectContext(Callback<ProjectContext> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/auth/context")), &decode::projectContext, std::move(done));
}

ApiCall *CipherSwarmClient::switchProject(qint64 projectId, Callback<ProjectContext> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/web/auth/context");
    request.contentType = "application/json";
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("project_id"), projectId}}).toJson(QJsonDocument::Compact);
    return fetch(request, &decode::projectContext,
                 Callback<ProjectContext>([this, projectId, done](const ApiResult<ProjectContext> &result) {
                     if (result.ok())
                         m_session->setProjectId(projectId);
                     done(result);
                 }));
}

ApiCall *CipherSwarmClient::campaigns(Callback<QList<Campaign>> done)
{
    auto *call = new ApiCall(this);
    // Campaign pages have no server-side limit; the bound only guards against a server that pages forever.
    fetchPages<Campaign>(call, QStringLiteral("/api/v1/web/campaigns"), QStringLiteral("size"), 1, {},
                         &decode::campaign, std::move(done), 100000);
    return call;
}

ApiCall *CipherSwarmClient::campaignDetail(qint64 id, Callback<CampaignDetail> done)
{
    return fetch(get(campaignPath(id)), &decode::campaignDetail, std::move(done));
}

ApiCall *CipherSwarmClient::campaignProgress(qint64 id, Callback<CampaignProgress> done)
{
    return fetch(get(campaignPath(id, "/progress")), &decode::campaignProgress, std::move(done));
}

ApiCall *CipherSwarmClient::campaignMetrics(qint64 id, Callback<CampaignMetrics> done)
{
    return fetch(get(campaignPath(id, "/metrics")), &decode::campaignMetrics, std::move(done));
}

ApiCall *CipherSwarmClient::attack(qint64 id, Callback<Attack> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/attacks/%1").arg(id)), &decode::attack, std::move(done));
}

ApiCall *CipherSwarmClient::attackPerformance(qint64 id, Callback<AttackPerformance> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/attacks/%1/performance").arg(id)),
                 &decode::attackPerformance, std::move(done));
}

ApiCall *CipherSwarmClient::agents(Callback<QList<Agent>> done)
{
    auto *call = new ApiCall(this);
    fetchPages<Agent>(call, QStringLiteral("/api/v1/web/agents"), QStringLiteral("page_size"), 1, {},
                      &decode::agent, std::move(done), kMaxAgentPages);
    return call;
}

ApiCall *CipherSwarmClient::agent(qint64 id, Callback<Agent> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1").arg(id)), &decode::agent, std::move(done));
}

ApiCall *CipherSwarmClient::agentErrors(qint64 id, Callback<QList<AgentError>> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1/errors").arg(id)), &agentErrorList,
                 std::move(done));
}

ApiCall *CipherSwarmClient::agentPerformance(qint64 id, Callback<QList<DevicePerformance>> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1/performance").arg(id)), &decode::agentPerformance,
                 std::move(done));
}

ApiCall *CipherSwarmClient::dashboardSummary(Callback<DashboardSummary> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/dashboard/summary")), &decode::dashboardSummary,
                 std::move(done));
}

} // namespace swarmwatch
