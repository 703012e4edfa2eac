#include "CampaignDetails.h"

#include "ApiCall.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"

namespace swarmwatch {

namespace {
constexpr int kFollowUpMs = 2000;
} // namespace

CampaignDetails::CampaignDetails(CipherSwarmClient *client, CampaignModel *campaigns, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_campaigns(campaigns)
{
    m_followUp.setSingleShot(true);
    m_followUp.setInterval(kFollowUpMs);
    connect(&m_followUp, &QTimer::timeout, this, &CampaignDetails::reload);
    connect(campaigns, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (!m_id || m_followUp.isActive())
                    return;
                if (isTimeRefresh(roles))
                    return; // only the relative times' refresh
                for (int row = from.row(); row <= to.row() && row < m_campaigns->rowCount(); ++row) {
                    if (m_campaigns->rows().at(row).campaign.id == *m_id) {
                        m_followUp.start();
                        return;
                    }
                }
            });
}

CampaignDetails::~CampaignDetails()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    if (m_action)
        m_action->cancel();
}

void CampaignDetails::select(std::optional<qint64> campaignId)
{
    if (campaignId == m_id)
        return;
    m_id = campaignId;
    m_campaign.reset();
    m_attacks.clear();
    m_metrics.reset();
    m_error.clear();
    m_followUp.stop();
    if (m_id)
        reload();
    else {
        ++m_generation;
        m_loading = false;
    }
    Q_EMIT changed();
}

void CampaignDetails::reload()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    if (!m_id)
        return;
    const quint64 generation = ++m_generation;
    const qint64 id = *m_id;
    m_loading = true;
    Q_EMIT changed();
    m_calls.append(m_client->campaignDetail(
        id,
        [this, generation](const ApiResult<CampaignDetail> &result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!result.ok()) {
                m_error = result.error.message;
                Q_EMIT changed();
                return;
            }
            m_error.clear();
            m_campaign = result.value.campaign;
            // Keep what was read of the attacks that are still there, until their new performance arrives.
            QList<AttackLine> lines;
            for (const AttackSummary &summary : result.value.attacks) {
                AttackLine line{summary, std::nullopt};
                for (const AttackLine &old : std::as_const(m_attacks)) {
                    if (old.summary.id == summary.id)
                        line.performance = old.performance;
                }
                lines.append(line);
            }
            m_attacks = lines;
            Q_EMIT changed();
            readPerformances(generation);
        },
        ApiRequest::Priority::High));
    m_calls.append(m_client->campaignMetrics(
        id,
        [this, generation](const ApiResult<CampaignMetrics> &result) {
            if (generation != m_generation || !result.ok())
                return;
            m_metrics = result.value;
            Q_EMIT changed();
        },
        ApiRequest::Priority::High));
}

void CampaignDetails::readPerformances(quint64 generation)
{
    const int count = std::min<int>(int(m_attacks.size()), kMaxAttacks);
    for (int i = 0; i < count; ++i) {
        const qint64 attackId = m_attacks.at(i).summary.id;
        m_calls.append(m_client->attackPerformance(
            attackId,
            [this, generation, attackId](const ApiResult<AttackPerformance> &result) {
                if (generation != m_generation || !result.ok())
                    return;
                for (AttackLine &line : m_attacks) {
                    if (line.summary.id == attackId)
                        line.performance = result.value;
                }
                Q_EMIT changed();
            },
            ApiRequest::Priority::Normal));
    }
}

bool CampaignDetails::canDo(Action action) const
{
    if (!m_campaign || m_action)
        return false;
    const QString &state = m_campaign->state;
    if (state == QLatin1String("archived"))
        return false;
    switch (action) {
    case Action::Start:
        return state != QLatin1String("active");
    case Action::Stop:
        return state == QLatin1String("active");
    case Action::Archive:
        return true;
    }
    return false;
}

void CampaignDetails::perform(Action action)
{
    if (!m_id || m_action)
        return;
    const qint64 id = *m_id;
    m_error.clear();
    const auto answered = [this, action, id](const ApiResult<Campaign> &result) {
        finishAction(action, id, result.error,
                     result.ok() ? std::optional<Campaign>(result.value) : std::nullopt);
    };
    switch (action) {
    case Action::Start:
        m_action = m_client->startCampaign(id, answered);
        break;
    case Action::Stop:
        m_action = m_client->stopCampaign(id, answered);
        break;
    case Action::Archive:
        m_action = m_client->archiveCampaign(id, [this, action, id](const ApiResult<bool> &result) {
            std::optional<Campaign> archived;
            const CampaignRow *row = m_campaigns->row(id);
            if (result.ok() && (row || m_campaign)) {
                // 204 and no body: the server archived it, and says nothing more.
                archived = row ? row->campaign : *m_campaign;
                archived->state = QStringLiteral("archived");
            }
            finishAction(action, id, result.error, archived);
        });
        break;
    }
    Q_EMIT changed();
}

void CampaignDetails::finishAction(Action action, qint64 id, const ApiError &error,
                                   std::optional<Campaign> answer)
{
    m_action.clear();
    if (m_id != id) {
        // Another campaign was chosen meanwhile: the table still takes the answer; the pane is free again.
        if (answer)
            m_campaigns->upsertCampaign(*answer);
        Q_EMIT changed();
        return;
    }
    if (error.isError()) {
        m_error = error.message;
        Q_EMIT changed();
        Q_EMIT actionDone(action, false, error.message);
        return;
    }
    if (answer) {
        m_campaign = *answer;
        m_campaigns->upsertCampaign(*answer); // the table shows what the server answered
    }
    Q_EMIT changed();
    Q_EMIT actionDone(action, true, {});
}

} // namespace swarmwatch
