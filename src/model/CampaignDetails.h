#pragma once

#include "ApiCall.h"
#include "ApiError.h"
#include "CipherSwarmTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace swarmwatch {

class CampaignModel;
class CipherSwarmClient;

// The selected campaign, in full: its detail (name, state, priority, description, hash list), its attacks
// with their state, progress, speed and ETA, its metrics; and the actions the server offers (start, stop,
// archive). Fetched when selected and again (at most every 2 s) while the table says it moved. An action's
// answer is what the row then shows (the server's campaign, never a guess); a refusal is said in the
// server's own words. Headless: the details pane shows it.
class CampaignDetails : public QObject
{
    Q_OBJECT

public:
    struct AttackLine {
        AttackSummary summary;
        std::optional<AttackPerformance> performance; // state, progress, speed, ETA, when read
    };
    enum class Action { Start, Stop, Archive };
    Q_ENUM(Action)

    CampaignDetails(CipherSwarmClient *client, CampaignModel *campaigns, QObject *parent = nullptr);
    ~CampaignDetails() override;

    void select(std::optional<qint64> campaignId);
    std::optional<qint64> campaignId() const { return m_id; }
    bool isLoading() const { return m_loading; }
    const std::optional<Campaign> &campaign() const { return m_campaign; }
    const QList<AttackLine> &attacks() const { return m_attacks; }
    const std::optional<CampaignMetrics> &metrics() const { return m_metrics; }
    QString error() const { return m_error; } // the last fetch's or action's failure, in words

    // What the server allows for the campaign's state (it refuses archived ones, and changes nothing for a
    // start of an active one).
    bool canDo(Action action) const;
    void perform(Action action);
    bool isActing() const { return static_cast<bool>(m_action); }

    static constexpr int kMaxAttacks = 50; // performances read for at most this many attacks

Q_SIGNALS:
    void changed();
    void actionDone(swarmwatch::CampaignDetails::Action action, bool ok, const QString &message);

private:
    void reload();
    void readPerformances(quint64 generation);
    void finishAction(Action action, qint64 id, const ApiError &error, std::optional<Campaign> answer);

    CipherSwarmClient *m_client;
    CampaignModel *m_campaigns;
    std::optional<qint64> m_id;
    std::optional<Campaign> m_campaign;
    QList<AttackLine> m_attacks;
    std::optional<CampaignMetrics> m_metrics;
    QString m_error;
    bool m_loading = false;
    quint64 m_generation = 0; // bumped by every select and reload: late answers are dropped
    QList<QPointer<ApiCall>> m_calls;
    QPointer<ApiCall> m_action;
    QTimer m_followUp; // the table said the campaign moved: read again, at most every 2 s
};

} // namespace swarmwatch
