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

ApiRequest get(const QString &path, ApiRequest::Priority priority = ApiRequest::Priority::Normal,
               QUrlQuery query = {})
{
    ApiRequest request;
    request.path = path;
    request.query = std::move(query);
    request.priority = priority;
    return request;
}

// Every error names the endpoint it came from, so that a caller can tell (and fold) repeated failures.
ApiError withEndpoint(ApiError error, const ApiRequest &request)
{
    if (error.isError() && error.endpoint.isEmpty())
        error.endpoint = request.describe();
    return error;
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
        error->htmlBody = body.trimmed().startsWith('<');
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
                        result.error = withEndpoint(result.error, request);
                        done(result);
                        call->markFinished();
                    });
    return call;
}

template <typename T>
void CipherSwarmClient::fetchPages(ApiCall *call, std::shared_ptr<const PageRequest<T>> list, int page,
                                   QList<T> collected)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(list->sizeKey, QString::number(kPageSize));
    const ApiRequest request = get(list->path, list->priority, query);
    m_session->send(
        request, call,
        [this, call = QPointer<ApiCall>(call), request, list, page,
         collected = std::move(collected)](const ApiResponse &response, const ApiError &error) mutable {
            if (!call || call->isCancelled())
                return;
            ApiResult<QList<T>> result;
            QJsonObject object;
            if (error.isError()) {
                result.error = error;
            } else if (objectBody(request, response.body, &object, &result.error)) {
                JsonReader reader(object, request.describe() + QStringLiteral("?page=%1:").arg(page));
                const QList<T> items = decode::list(reader, "items", list->decoder);
                const qint64 total = reader.integer("total");
                if (reader.ok() && items.size() > kPageSize)
                    reader.fail(reader.context(), tr("more items than the page size"));
                if (!reader.ok()) {
                    result.error = {ApiError::Kind::Decode, response.status, reader.error()};
                } else {
                    collected.append(items);
                    if (list->onPage) {
                        list->onPage(items);
                        if (!call || call->isCancelled())
                            return; // the page's reader cancelled the rest
                    }
                    const bool more = !items.isEmpty() && collected.size() < total;
                    if (more && page < list->maxPages) {
                        fetchPages(call, list, page + 1, std::move(collected));
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
            result.error = withEndpoint(result.error, request);
            list->done(result);
            call->markFinished();
        });
}

ApiCall *CipherSwarmClient::me(Callback<User> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/auth/me"), Priority::High), &decode::user, std::move(done));
}

ApiCall *CipherSwarmClient::projectContext(Callback<ProjectContext> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/auth/context"), Priority::High), &decode::projectContext,
                 std::move(done));
}

ApiCall *CipherSwarmClient::switchProject(qint64 projectId, Callback<ProjectContext> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/web/auth/context");
    request.priority = Priority::High;
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

ApiCall *CipherSwarmClient::campaigns(Callback<QList<Campaign>> done, PageCallback<Campaign> onPage,
                                      Priority priority)
{
    auto *call = new ApiCall(this);
    // Campaign pages have no server-side limit; the bound only guards against a server that pages forever.
    fetchPages<Campaign>(call,
                         std::make_shared<const PageRequest<Campaign>>(PageRequest<Campaign>{
                             QStringLiteral("/api/v1/web/campaigns"), QStringLiteral("size"),
                             &decode::campaign, std::move(done), std::move(onPage), 100000, priority}),
                         1, {});
    return call;
}

ApiCall *CipherSwarmClient::campaignDetail(qint64 id, Callback<CampaignDetail> done, Priority priority)
{
    return fetch(get(campaignPath(id), priority), &decode::campaignDetail, std::move(done));
}

ApiCall *CipherSwarmClient::startCampaign(qint64 id, Callback<Campaign> done)
{
    ApiRequest request = get(campaignPath(id, "/start"), Priority::High);
    request.method = "POST";
    return fetch(request, &decode::campaign, std::move(done));
}

ApiCall *CipherSwarmClient::stopCampaign(qint64 id, Callback<Campaign> done)
{
    ApiRequest request = get(campaignPath(id, "/stop"), Priority::High);
    request.method = "POST";
    return fetch(request, &decode::campaign, std::move(done));
}

ApiCall *CipherSwarmClient::archiveCampaign(qint64 id, Callback<bool> done)
{
    ApiRequest request = get(campaignPath(id), Priority::High);
    request.method = "DELETE";
    auto *call = new ApiCall(this);
    m_session->send(request, call, [request, done, call](const ApiResponse &, const ApiError &error) {
        ApiResult<bool> result;
        result.error = withEndpoint(error, request);
        result.value = !error.isError();
        done(result);
        call->markFinished();
    });
    return call;
}

ApiCall *CipherSwarmClient::campaignProgress(qint64 id, Callback<CampaignProgress> done, Priority priority)
{
    return fetch(get(campaignPath(id, "/progress"), priority), &decode::campaignProgress, std::move(done));
}

ApiCall *CipherSwarmClient::campaignMetrics(qint64 id, Callback<CampaignMetrics> done, Priority priority)
{
    return fetch(get(campaignPath(id, "/metrics"), priority), &decode::campaignMetrics, std::move(done));
}

ApiCall *CipherSwarmClient::attack(qint64 id, Callback<Attack> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/attacks/%1").arg(id)), &decode::attack, std::move(done));
}

ApiCall *CipherSwarmClient::attackPerformance(qint64 id, Callback<AttackPerformance> done, Priority priority)
{
    return fetch(get(QStringLiteral("/api/v1/web/attacks/%1/performance").arg(id), priority),
                 &decode::attackPerformance, std::move(done));
}

ApiCall *CipherSwarmClient::agents(Callback<QList<Agent>> done, PageCallback<Agent> onPage, Priority priority)
{
    auto *call = new ApiCall(this);
    fetchPages<Agent>(call,
                      std::make_shared<const PageRequest<Agent>>(PageRequest<Agent>{
                          QStringLiteral("/api/v1/web/agents"), QStringLiteral("page_size"), &decode::agent,
                          std::move(done), std::move(onPage), kMaxAgentPages, priority}),
                      1, {});
    return call;
}

ApiCall *CipherSwarmClient::agent(qint64 id, Callback<Agent> done, Priority priority)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1").arg(id), priority), &decode::agent,
                 std::move(done));
}

ApiCall *CipherSwarmClient::agentErrors(qint64 id, Callback<QList<AgentError>> done, Priority priority)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1/errors").arg(id), priority), &agentErrorList,
                 std::move(done));
}

ApiCall *CipherSwarmClient::agentPerformance(qint64 id, Callback<QList<DevicePerformance>> done,
                                             Priority priority)
{
    return fetch(get(QStringLiteral("/api/v1/web/agents/%1/performance").arg(id), priority),
                 &decode::agentPerformance, std::move(done));
}

ApiCall *CipherSwarmClient::dashboardSummary(Callback<DashboardSummary> done)
{
    return fetch(get(QStringLiteral("/api/v1/web/dashboard/summary"), Priority::High),
                 &decode::dashboardSummary, std::move(done));
}

} // namespace swarmwatch
