// The JSON decoding layer (JsonReader, decode::*) against the CipherSwarm web API's payloads
// (../shared/cipherswarm-api.md §1, §3-§5): good payloads give exactly the expected values, bad ones give an
// error naming the endpoint and the field, and nothing crashes on huge or deeply nested input.

#include "ApiDecoding.h"
#include "CipherSwarmTypes.h"
#include "JsonReader.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace swarmwatch;

namespace {

const QString kCampaigns = QStringLiteral("GET /api/v1/web/campaigns:");
const QString kCampaignDetail = QStringLiteral("GET /api/v1/web/campaigns/7:");
const QString kProgress = QStringLiteral("GET /api/v1/web/campaigns/7/progress:");
const QString kMetrics = QStringLiteral("GET /api/v1/web/campaigns/7/metrics:");
const QString kAgents = QStringLiteral("GET /api/v1/web/agents:");
const QString kAgentErrors = QStringLiteral("GET /api/v1/web/agents/3/errors:");
const QString kAgentPerformance = QStringLiteral("GET /api/v1/web/agents/3/performance:");
const QString kDashboard = QStringLiteral("GET /api/v1/web/dashboard/summary:");
const QString kContext = QStringLiteral("GET /api/v1/web/auth/context:");
const QString kMe = QStringLiteral("GET /api/v1/web/auth/me:");
const QString kAttackPerformance = QStringLiteral("GET /api/v1/web/attacks/31/performance:");

bool readFixture(const QString &name, QJsonObject *object, QString *why)
{
    QFile file(QStringLiteral(SWARMWATCH_API_FIXTURES) + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot open fixture ") + file.fileName();
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *why = QStringLiteral("fixture %1 is not a JSON object: %2").arg(name, error.errorString());
        return false;
    }
    *object = document.object();
    return true;
}

#define LOAD_FIXTURE(variable, name)                                                                         \
    QJsonObject variable;                                                                                    \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(readFixture(name, &variable, &why_), qPrintable(why_));                                     \
    } while (false)

// Times as ISO text with milliseconds: equal strings mean the same instant *and* UTC ("...Z").
QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QStringLiteral("<invalid>");
}

QString iso(const std::optional<QDateTime> &time)
{
    return time ? iso(*time) : QStringLiteral("<null>");
}

QString text(const std::optional<QString> &value)
{
    return value ? *value : QStringLiteral("<null>");
}

QString text(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QStringLiteral("<null>");
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, millisecond), Qt::UTC);
}

// A page as CipherSwarmClient::fetchPages reads it: the items, then `total`.
template <typename T>
struct Page {
    QList<T> items;
    qint64 total = 0;
};

template <typename T>
Page<T> page(JsonReader &reader, T (*decoder)(JsonReader &))
{
    Page<T> out;
    out.items = decode::list(reader, "items", decoder);
    out.total = reader.integer("total");
    return out;
}

QList<AgentError> agentErrors(JsonReader &reader)
{
    return decode::list(reader, "errors", &decode::agentError);
}

// Runs the decoder for one endpoint kind; returns the reader's error (empty when ok).
QString decodeError(const QString &kind, const QJsonObject &root, const QString &context)
{
    JsonReader reader(root, context);
    if (kind == QLatin1String("campaigns"))
        page(reader, &decode::campaign);
    else if (kind == QLatin1String("detail"))
        decode::campaignDetail(reader);
    else if (kind == QLatin1String("progress"))
        decode::campaignProgress(reader);
    else if (kind == QLatin1String("metrics"))
        decode::campaignMetrics(reader);
    else if (kind == QLatin1String("agents"))
        page(reader, &decode::agent);
    else if (kind == QLatin1String("agentErrors"))
        agentErrors(reader);
    else if (kind == QLatin1String("agentPerformance"))
        decode::agentPerformance(reader);
    else if (kind == QLatin1String("dashboard"))
        decode::dashboardSummary(reader);
    else if (kind == QLatin1String("context"))
        decode::projectContext(reader);
    else if (kind == QLatin1String("me"))
        decode::user(reader);
    else if (kind == QLatin1String("attackPerformance"))
        decode::attackPerformance(reader);
    else
        qFatal("unknown decoder kind %s", qPrintable(kind));
    if (reader.ok() != reader.error().isEmpty())
        return QStringLiteral("<inconsistent: ok()=%1 but error()=“%2”>")
            .arg(int(reader.ok()))
            .arg(reader.error());
    return reader.error();
}

// True when `error` names the field `path` exactly (not merely a longer path starting with it).
bool namesField(const QString &error, const QString &path)
{
    const QRegularExpression pattern(QRegularExpression::escape(path) + QStringLiteral("(?![\\w.\\[])"));
    return pattern.match(error).hasMatch();
}

QByteArray campaignJson(qint64 id, bool withName = true)
{
    const QByteArray number = QByteArray::number(id);
    QByteArray out = "{\"id\":" + number;
    if (withName)
        out += ",\"name\":\"campaign " + number + "\"";
    out += ",\"description\":null,\"project_id\":2,\"priority\":" + QByteArray::number(id % 101)
           + ",\"hash_list_id\":" + QByteArray::number(id * 3)
           + ",\"is_unavailable\":false,\"state\":\"active\",\"created_at\":\"2025-10-01T09:00:00Z\","
             "\"updated_at\":\"2025-10-11T20:24:25.123456Z\"}";
    return out;
}

QByteArray campaignPageJson(int count, bool lastWithoutName)
{
    QByteArray out = "{\"items\":[";
    out.reserve(count * 260);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out += campaignJson(i + 1, !(lastWithoutName && i == count - 1));
    }
    out += "],\"total\":" + QByteArray::number(count) + ",\"page\":1,\"size\":" + QByteArray::number(count)
           + ",\"total_pages\":1}";
    return out;
}

// Every piece of text a decoded Agent holds, for looking for the secret in it.
QString everythingIn(const Agent &agent)
{
    QStringList parts{QString::number(agent.id),
                      agent.hostName,
                      agent.clientSignature,
                      text(agent.customLabel),
                      agent.state,
                      agent.enabled ? QStringLiteral("true") : QStringLiteral("false"),
                      agent.devices.join(QLatin1Char('|')),
                      text(agent.agentType),
                      agent.operatingSystem,
                      iso(agent.createdAt),
                      iso(agent.updatedAt),
                      iso(agent.lastSeenAt),
                      text(agent.lastIpAddress),
                      agent.displayName()};
    return parts.join(QLatin1Char('\n'));
}

} // namespace

class TestApiDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Good payloads.
    void campaignListPage();
    void campaignDetail();
    void campaignProgressAndMetrics();
    void agentListPage();
    void agentTokenIsNeverKept();
    void agentErrors();
    void agentPerformance();
    void dashboardSummary();
    void projectContext();
    void projectContextWithoutActiveProject();
    void currentUser();
    void attackPerformance();
    void attackPerformanceIdle();
    void unknownFieldsAreIgnored();

    // Times and integers at the edges.
    void times_data();
    void times();
    void integers_data();
    void integers();

    // Bad payloads.
    void badPayload_data();
    void badPayload();
    void errorKeepsTheFirstProblem();
    void errorForMissingContainer();

    // Size and depth.
    void hugeArray();
    void hugeArrayWithBadLastElement();
    void deepNesting();
};

void TestApiDecoding::campaignListPage()
{
    LOAD_FIXTURE(root, QStringLiteral("campaigns_page.json"));
    JsonReader reader(root, kCampaigns);
    const Page<Campaign> result = page(reader, &decode::campaign);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(result.total, 3);
    QCOMPARE(result.items.size(), 3);

    const Campaign &first = result.items.at(0);
    QCOMPARE(first.id, 7);
    QCOMPARE(first.name, QStringLiteral("DC dump Q3"));
    QVERIFY(!first.description.has_value());
    QCOMPARE(first.projectId, 2);
    QCOMPARE(first.priority, 50);
    QCOMPARE(first.hashListId, 4);
    QCOMPARE(first.unavailable, false);
    QCOMPARE(first.state, QStringLiteral("active"));
    QCOMPARE(iso(first.createdAt), QStringLiteral("2025-10-01T09:00:00.000Z"));
    QCOMPARE(iso(first.updatedAt), QStringLiteral("2025-10-11T20:24:25.123Z"));
    QCOMPARE(first.updatedAt, utc(2025, 10, 11, 20, 24, 25, 123));

    const Campaign &second = result.items.at(1);
    QCOMPARE(second.id, 5);
    QCOMPARE(second.name, QStringLiteral("Wi-Fi handshakes"));
    QCOMPARE(text(second.description), QStringLiteral("WPA2 captures from the lobby"));
    QCOMPARE(second.priority, 0);
    QCOMPARE(second.hashListId, 9);
    QCOMPARE(second.unavailable, true);
    QCOMPARE(second.state, QStringLiteral("frozen")); // an unknown state is kept as it is
    QCOMPARE(iso(second.createdAt), QStringLiteral("2025-09-30T09:15:00.500Z"));
    QCOMPARE(iso(second.updatedAt), QStringLiteral("2025-10-11T20:24:25.000Z"));

    const Campaign &third = result.items.at(2);
    QCOMPARE(third.id, 3);
    QVERIFY(third.description.has_value()); // an empty description is not null
    QCOMPARE(*third.description, QString());
    QCOMPARE(third.priority, 100);
    QCOMPARE(third.state, QStringLiteral("draft"));
    QCOMPARE(iso(third.createdAt), QStringLiteral("2025-09-01T00:00:00.000Z"));
    QCOMPARE(iso(third.updatedAt), QStringLiteral("2025-09-02T10:00:00.000Z"));
}

void TestApiDecoding::campaignDetail()
{
    LOAD_FIXTURE(root, QStringLiteral("campaign_detail.json"));
    JsonReader reader(root, kCampaignDetail);
    const CampaignDetail detail = decode::campaignDetail(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));

    QCOMPARE(detail.campaign.id, 7);
    QCOMPARE(detail.campaign.name, QStringLiteral("DC dump Q3"));
    QVERIFY(!detail.campaign.description.has_value());
    QCOMPARE(detail.campaign.state, QStringLiteral("active"));
    QCOMPARE(iso(detail.campaign.updatedAt), QStringLiteral("2025-10-11T20:24:25.500Z"));

    QCOMPARE(detail.attacks.size(), 3);
    const AttackSummary &dictionary = detail.attacks.at(0);
    QCOMPARE(dictionary.id, 31);
    QCOMPARE(dictionary.name, QStringLiteral("rockyou+best64"));
    QCOMPARE(dictionary.attackMode, QStringLiteral("dictionary"));
    QCOMPARE(dictionary.typeLabel, QStringLiteral("Dictionary"));
    QCOMPARE(text(dictionary.length), QStringLiteral("<null>"));
    QCOMPARE(dictionary.settingsSummary, QStringLiteral("Mode: Dictionary, Hash Mode: 1000"));
    QCOMPARE(text(dictionary.keyspace), QStringLiteral("14344384"));
    QCOMPARE(text(dictionary.complexityScore), QStringLiteral("2"));

    const AttackSummary &mask = detail.attacks.at(1);
    QCOMPARE(mask.id, 32);
    QCOMPARE(mask.attackMode, QStringLiteral("mask"));
    QCOMPARE(text(mask.length), QStringLiteral("8"));
    QCOMPARE(text(mask.keyspace), QStringLiteral("6156119386880")); // above 2^32, below 2^53
    QCOMPARE(text(mask.complexityScore), QStringLiteral("5"));

    const AttackSummary &future = detail.attacks.at(2);
    QCOMPARE(future.attackMode, QStringLiteral("brute_force_v2")); // an unknown mode is kept
    QCOMPARE(text(future.keyspace), QStringLiteral("<null>"));
    QCOMPARE(text(future.complexityScore), QStringLiteral("<null>"));
}

void TestApiDecoding::campaignProgressAndMetrics()
{
    {
        LOAD_FIXTURE(root, QStringLiteral("campaign_progress.json"));
        JsonReader reader(root, kProgress);
        const CampaignProgress progress = decode::campaignProgress(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QCOMPARE(progress.totalTasks, 12);
        QCOMPARE(progress.activeAgents, 3);
    }
    {
        LOAD_FIXTURE(root, QStringLiteral("campaign_metrics.json"));
        JsonReader reader(root, kMetrics);
        const CampaignMetrics metrics = decode::campaignMetrics(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QCOMPARE(metrics.totalHashes, 1200);
        QCOMPARE(metrics.crackedHashes, 313);
        QCOMPARE(metrics.uncrackedHashes, 887);
        QCOMPARE(metrics.percentCracked, 26.08);
        QCOMPARE(metrics.progressPercent, 41.75);
    }
}

void TestApiDecoding::agentListPage()
{
    LOAD_FIXTURE(root, QStringLiteral("agents_page.json"));
    JsonReader reader(root, kAgents);
    const Page<Agent> result = page(reader, &decode::agent);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(result.total, 2);
    QCOMPARE(result.items.size(), 2);

    const Agent &gpu = result.items.at(0);
    QCOMPARE(gpu.id, 3);
    QCOMPARE(gpu.hostName, QStringLiteral("gpu-node-1"));
    QCOMPARE(gpu.clientSignature, QStringLiteral("CipherSwarmAgent/0.5.2"));
    QVERIFY(!gpu.customLabel.has_value());
    QCOMPARE(gpu.displayName(), QStringLiteral("gpu-node-1"));
    QCOMPARE(gpu.state, QStringLiteral("active"));
    QCOMPARE(gpu.enabled, true);
    QCOMPARE(gpu.devices, (QStringList{QStringLiteral("RTX 4090"), QStringLiteral("RTX 4090")}));
    QCOMPARE(text(gpu.agentType), QStringLiteral("physical"));
    QCOMPARE(gpu.operatingSystem, QStringLiteral("linux"));
    QCOMPARE(iso(gpu.createdAt), QStringLiteral("2025-09-01T10:00:00.000Z"));
    QCOMPARE(iso(gpu.updatedAt), QStringLiteral("2025-10-11T20:24:00.000Z"));
    QCOMPARE(iso(gpu.lastSeenAt), QStringLiteral("2025-10-11T20:24:00.250Z"));
    QCOMPARE(text(gpu.lastIpAddress), QStringLiteral("10.0.0.21"));

    const Agent &laptop = result.items.at(1);
    QCOMPARE(laptop.id, 4);
    QCOMPARE(text(laptop.customLabel), QStringLiteral("Bob's laptop"));
    QCOMPARE(laptop.displayName(), QStringLiteral("Bob's laptop"));
    QCOMPARE(laptop.state, QStringLiteral("hibernating")); // an unknown state is kept
    QCOMPARE(laptop.enabled, false);
    QVERIFY(laptop.devices.isEmpty()); // devices: null
    QVERIFY(!laptop.agentType.has_value());
    QCOMPARE(laptop.operatingSystem, QStringLiteral("macos"));
    QCOMPARE(iso(laptop.createdAt), QStringLiteral("2025-09-15T06:00:00.000Z"));
    QCOMPARE(iso(laptop.updatedAt), QStringLiteral("2025-10-10T10:00:00.123Z"));
    QVERIFY(!laptop.lastSeenAt.has_value());
    QVERIFY(!laptop.lastIpAddress.has_value());
}

void TestApiDecoding::agentTokenIsNeverKept()
{
    LOAD_FIXTURE(root, QStringLiteral("agents_page.json"));
    const QJsonArray items = root.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString token = object.value(QStringLiteral("token")).toString();
        QVERIFY(token.startsWith(QLatin1String("csa_")));

        JsonReader reader(object, kAgents);
        const Agent agent = decode::agent(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        const QString everything = everythingIn(agent);
        QVERIFY(!everything.isEmpty());
        QVERIFY2(!everything.contains(token), qPrintable(everything));
        QVERIFY2(!everything.contains(QLatin1String("TOPSECRET")), qPrintable(everything));
        QVERIFY2(!everything.contains(QLatin1String("csa_")), qPrintable(everything));

        // The token plays no part in decoding: the same object without it gives an equal Agent.
        QJsonObject withoutToken = object;
        withoutToken.remove(QStringLiteral("token"));
        JsonReader otherReader(withoutToken, kAgents);
        const Agent other = decode::agent(otherReader);
        QVERIFY2(otherReader.ok(), qPrintable(otherReader.error()));
        QVERIFY(agent == other);
    }

    // Nor does it leak into the error of a bad agent payload.
    const QStringList badOnes{QStringLiteral("bad_agents_enabled_string.json"),
                              QStringLiteral("bad_agents_device_number.json"),
                              QStringLiteral("bad_agents_missing_host_name.json"),
                              QStringLiteral("bad_agents_last_seen_no_zone.json")};
    for (const QString &name : badOnes) {
        LOAD_FIXTURE(bad, name);
        const QString error = decodeError(QStringLiteral("agents"), bad, kAgents);
        QVERIFY2(!error.isEmpty(), qPrintable(name));
        QVERIFY2(!error.contains(QLatin1String("TOPSECRET")), qPrintable(error));
    }
}

void TestApiDecoding::agentErrors()
{
    LOAD_FIXTURE(root, QStringLiteral("agent_errors.json"));
    JsonReader reader(root, kAgentErrors);
    const QList<AgentError> errors = ::agentErrors(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(errors.size(), 2);

    QCOMPARE(errors.at(0).id, 901);
    QCOMPARE(errors.at(0).message, QStringLiteral("Hashcat exited with code 255"));
    QCOMPARE(errors.at(0).severity, QStringLiteral("critical"));
    QCOMPARE(text(errors.at(0).errorCode), QStringLiteral("HC255"));
    QCOMPARE(errors.at(0).agentId, 3);
    QCOMPARE(text(errors.at(0).taskId), QStringLiteral("77"));
    QCOMPARE(iso(errors.at(0).createdAt), QStringLiteral("2025-10-11T20:20:00.654Z"));

    QCOMPARE(errors.at(1).id, 900);
    QCOMPARE(errors.at(1).severity, QStringLiteral("apocalyptic")); // unknown severity kept
    QVERIFY(!errors.at(1).errorCode.has_value());
    QVERIFY(!errors.at(1).taskId.has_value());
    QCOMPARE(iso(errors.at(1).createdAt), QStringLiteral("2025-10-11T20:10:00.000Z"));
}

void TestApiDecoding::agentPerformance()
{
    LOAD_FIXTURE(root, QStringLiteral("agent_performance.json"));
    JsonReader reader(root, kAgentPerformance);
    const QList<DevicePerformance> series = decode::agentPerformance(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(series.size(), 3);

    QCOMPARE(series.at(0).device, QStringLiteral("RTX 4090"));
    QCOMPARE(series.at(0).samples.size(), 3);
    QCOMPARE(iso(series.at(0).samples.at(0).timestamp), QStringLiteral("2025-10-11T12:00:00.000Z"));
    QCOMPARE(series.at(0).samples.at(0).speed, 0.0);
    QCOMPARE(series.at(0).samples.at(1).speed, 164300000000.5);
    QCOMPARE(iso(series.at(0).samples.at(2).timestamp), QStringLiteral("2025-10-11T12:20:00.000Z"));
    QCOMPARE(series.at(0).samples.at(2).speed, 163000000000.0); // an integral number is a valid float

    QCOMPARE(series.at(1).device, QStringLiteral("Intel UHD 770"));
    QCOMPARE(series.at(1).samples.size(), 1);
    QCOMPARE(iso(series.at(1).samples.at(0).timestamp), QStringLiteral("2025-10-11T12:00:00.000Z"));
    QCOMPARE(series.at(1).samples.at(0).speed, 1250.25);

    QCOMPARE(series.at(2).device, QStringLiteral("never used"));
    QVERIFY(series.at(2).samples.isEmpty());
}

void TestApiDecoding::dashboardSummary()
{
    LOAD_FIXTURE(root, QStringLiteral("dashboard_summary.json"));
    JsonReader reader(root, kDashboard);
    const DashboardSummary summary = decode::dashboardSummary(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(summary.activeAgents, 2);
    QCOMPARE(summary.totalAgents, 5);
    QCOMPARE(summary.runningTasks, 4);
    QCOMPARE(summary.totalTasks, 40);
    QCOMPARE(summary.recentlyCrackedHashes, 313);
    QCOMPARE(summary.resourceUsage.size(), 3);
    QCOMPARE(iso(summary.resourceUsage.at(0).timestamp), QStringLiteral("2025-10-11T09:00:00.000Z"));
    QCOMPARE(summary.resourceUsage.at(0).hashRate, 0.0);
    QCOMPARE(summary.resourceUsage.at(1).hashRate, 987654321098.75);
    QCOMPARE(iso(summary.resourceUsage.at(2).timestamp), QStringLiteral("2025-10-11T11:00:00.000Z"));
    QCOMPARE(summary.resourceUsage.at(2).hashRate, 12.0);
}

void TestApiDecoding::projectContext()
{
    LOAD_FIXTURE(root, QStringLiteral("context.json"));
    JsonReader reader(root, kContext);
    const ProjectContext context = decode::projectContext(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(context.user.id, QStringLiteral("3f0c2a6e-9b1d-4c7e-8f00-5a6b7c8d9e0f"));
    QCOMPARE(context.user.email, QStringLiteral("alice@example.io"));
    QCOMPARE(context.user.name, QStringLiteral("Alice"));
    QCOMPARE(context.user.role, QStringLiteral("analyst"));
    QCOMPARE(context.user.active, true); // the context's user has no flags: defaults
    QCOMPARE(context.user.superuser, false);
    QVERIFY(context.activeProject.has_value());
    QCOMPARE(context.activeProject->id, 2);
    QCOMPARE(context.activeProject->name, QStringLiteral("Red Team"));
    QCOMPARE(context.availableProjects.size(), 2);
    QVERIFY(context.availableProjects.at(0) == (Project{1, QStringLiteral("Default")}));
    QVERIFY(context.availableProjects.at(1) == (Project{2, QStringLiteral("Red Team")}));
}

void TestApiDecoding::projectContextWithoutActiveProject()
{
    LOAD_FIXTURE(root, QStringLiteral("context_no_active.json"));
    JsonReader reader(root, kContext);
    const ProjectContext context = decode::projectContext(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(context.user.role, QStringLiteral("auditor")); // unknown role kept
    QVERIFY(!context.activeProject.has_value());
    QVERIFY(context.availableProjects.isEmpty());
}

void TestApiDecoding::currentUser()
{
    LOAD_FIXTURE(root, QStringLiteral("me.json"));
    JsonReader reader(root, kMe);
    const User user = decode::user(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(user.id, QStringLiteral("0b6f7d2c-1111-4222-8333-944455556666"));
    QCOMPARE(user.email, QStringLiteral("root@example.io"));
    QCOMPARE(user.name, QStringLiteral("Root"));
    QCOMPARE(user.role, QStringLiteral("admin"));
    QCOMPARE(user.active, false);
    QCOMPARE(user.superuser, true);
}

void TestApiDecoding::attackPerformance()
{
    LOAD_FIXTURE(root, QStringLiteral("attack_performance.json"));
    JsonReader reader(root, kAttackPerformance);
    const AttackPerformance performance = decode::attackPerformance(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(performance.hashesPerSecond, 327300000000.5);
    QCOMPARE(performance.totalHashes, 14344384);
    QCOMPARE(performance.agentCount, 2);
    QCOMPARE(text(performance.etaSeconds), QStringLiteral("3600"));
    QCOMPARE(performance.progress, 37.5);
    QCOMPARE(performance.hashesDone, 5379144);
    QCOMPARE(performance.attack.id, 31);
    QCOMPARE(performance.attack.name, QStringLiteral("rockyou+best64"));
    QCOMPARE(performance.attack.state, QStringLiteral("running"));
    QCOMPARE(performance.attack.campaignId, 7);
    QCOMPARE(text(performance.attack.position), QStringLiteral("0"));
    QCOMPARE(iso(performance.attack.startTime), QStringLiteral("2025-10-11T20:00:00.750Z"));
    QCOMPARE(iso(performance.attack.endTime), QStringLiteral("<null>"));
}

void TestApiDecoding::attackPerformanceIdle()
{
    LOAD_FIXTURE(root, QStringLiteral("attack_performance_idle.json"));
    JsonReader reader(root, kAttackPerformance);
    const AttackPerformance performance = decode::attackPerformance(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(performance.hashesPerSecond, 0.0);
    QCOMPARE(performance.progress, 0.0); // integral 0 where a float is expected
    QVERIFY(!performance.etaSeconds.has_value());
    QCOMPARE(performance.attack.id, 40);
    QCOMPARE(performance.attack.state, QStringLiteral("suspended_by_operator")); // unknown state kept
    QCOMPARE(performance.attack.campaignId, 8);
    QVERIFY(!performance.attack.position.has_value());
    QVERIFY(!performance.attack.startTime.has_value());
    QVERIFY(!performance.attack.endTime.has_value());
}

void TestApiDecoding::unknownFieldsAreIgnored()
{
    LOAD_FIXTURE(root, QStringLiteral("campaigns_page.json"));
    JsonReader plainReader(root, kCampaigns);
    const Page<Campaign> plain = page(plainReader, &decode::campaign);
    QVERIFY2(plainReader.ok(), qPrintable(plainReader.error()));

    // Extra fields of every JSON type, including values that would be errors in a known field.
    const auto addExtras = [](QJsonObject &object) {
        object.insert(QStringLiteral("x_null"), QJsonValue::Null);
        object.insert(QStringLiteral("x_string"), QStringLiteral("2025-10-11T20:24:25"));
        object.insert(QStringLiteral("x_float"), 1.5);
        object.insert(QStringLiteral("x_huge"), 1e300);
        object.insert(QStringLiteral("x_bool"), true);
        object.insert(QStringLiteral("x_array"), QJsonArray{1, QStringLiteral("two"), QJsonObject{}});
        object.insert(QStringLiteral("x_object"), QJsonObject{{QStringLiteral("nested"), QJsonArray{}}});
    };
    QJsonObject extended = root;
    addExtras(extended);
    QJsonArray items = extended.value(QStringLiteral("items")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject item = items.at(i).toObject();
        addExtras(item);
        items.replace(i, item);
    }
    extended.insert(QStringLiteral("items"), items);

    JsonReader reader(extended, kCampaigns);
    const Page<Campaign> decoded = page(reader, &decode::campaign);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(decoded.total, plain.total);
    QCOMPARE(decoded.items.size(), 3);
    QVERIFY(decoded.items == plain.items);
}

void TestApiDecoding::times_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime none;
    QTest::newRow("Z, 6 digits") << QStringLiteral("2025-10-11T20:24:25.123456Z") << true
                                 << utc(2025, 10, 11, 20, 24, 25, 123);
    QTest::newRow("Z, no fraction") << QStringLiteral("2025-10-11T20:24:25Z") << true
                                    << utc(2025, 10, 11, 20, 24, 25);
    QTest::newRow("Z, 1 digit") << QStringLiteral("2025-10-11T20:24:26.5Z") << true
                                << utc(2025, 10, 11, 20, 24, 26, 500);
    QTest::newRow("Z, 2 digits") << QStringLiteral("2025-10-11T20:24:26.05Z") << true
                                 << utc(2025, 10, 11, 20, 24, 26, 50);
    QTest::newRow("Z, 000001") << QStringLiteral("2025-10-11T20:24:25.000001Z") << true
                               << utc(2025, 10, 11, 20, 24, 25, 0);
    QTest::newRow("+02:00") << QStringLiteral("2025-10-11T22:24:25+02:00") << true
                            << utc(2025, 10, 11, 20, 24, 25);
    QTest::newRow("+02:00 with fraction")
        << QStringLiteral("2025-10-11T22:24:25.123456+02:00") << true << utc(2025, 10, 11, 20, 24, 25, 123);
    QTest::newRow("+00:00") << QStringLiteral("2025-10-11T20:24:25.987+00:00") << true
                            << utc(2025, 10, 11, 20, 24, 25, 987);
    QTest::newRow("-04:30") << QStringLiteral("2025-10-11T15:54:25.1-04:30") << true
                            << utc(2025, 10, 11, 20, 24, 25, 100);
    QTest::newRow("offset crosses midnight")
        << QStringLiteral("2025-10-11T00:30:00+01:00") << true << utc(2025, 10, 10, 23, 30, 0);
    QTest::newRow("negative offset crosses year")
        << QStringLiteral("2025-12-31T23:00:00.250-02:00") << true << utc(2026, 1, 1, 1, 0, 0, 250);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T23:59:59.999Z") << true
                              << utc(2024, 2, 29, 23, 59, 59, 999);

    QTest::newRow("no zone") << QStringLiteral("2025-10-11T20:24:25") << false << none;
    QTest::newRow("no zone, fraction") << QStringLiteral("2025-10-11T20:24:25.123456") << false << none;
    QTest::newRow("garbage") << QStringLiteral("garbage") << false << none;
    QTest::newRow("empty") << QStringLiteral("") << false << none;
    QTest::newRow("date only") << QStringLiteral("2025-10-11") << false << none;
    QTest::newRow("February 30") << QStringLiteral("2025-02-30T10:00:00Z") << false << none;
    QTest::newRow("month 13") << QStringLiteral("2025-13-01T00:00:00Z") << false << none;
    QTest::newRow("hour 25") << QStringLiteral("2025-10-11T25:00:00Z") << false << none;
    QTest::newRow("minute 61") << QStringLiteral("2025-10-11T20:61:00Z") << false << none;
    QTest::newRow("dot without digits") << QStringLiteral("2025-10-11T20:24:25.Z") << false << none;
    QTest::newRow("double zone") << QStringLiteral("2025-10-11T20:24:25Z+02:00") << false << none;
    QTest::newRow("offset without minutes") << QStringLiteral("2025-10-11T20:24:25+02") << false << none;
    QTest::newRow("unix seconds as text") << QStringLiteral("1760214265") << false << none;
}

void TestApiDecoding::times()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QDateTime, expected);

    // The parser itself.
    const std::optional<QDateTime> parsed = JsonReader::parseTime(input);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QVERIFY(parsed->isValid());
        QCOMPARE(parsed->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(iso(*parsed), iso(expected)); // UTC, milliseconds kept
    }

    // A required time (agent error created_at) and an optional one (attack start_time).
    const QJsonObject error{{QStringLiteral("id"), 1},
                            {QStringLiteral("message"), QStringLiteral("m")},
                            {QStringLiteral("severity"), QStringLiteral("info")},
                            {QStringLiteral("error_code"), QJsonValue::Null},
                            {QStringLiteral("agent_id"), 3},
                            {QStringLiteral("task_id"), QJsonValue::Null},
                            {QStringLiteral("created_at"), input}};
    JsonReader errorReader(error, kAgentErrors);
    const AgentError decodedError = decode::agentError(errorReader);
    QCOMPARE(errorReader.ok(), valid);
    if (valid) {
        QCOMPARE(iso(decodedError.createdAt), iso(expected));
    } else {
        QVERIFY2(errorReader.error().contains(kAgentErrors), qPrintable(errorReader.error()));
        QVERIFY2(namesField(errorReader.error(), QStringLiteral("created_at")),
                 qPrintable(errorReader.error()));
    }

    const QJsonObject attack{{QStringLiteral("id"), 31},
                             {QStringLiteral("name"), QStringLiteral("a")},
                             {QStringLiteral("state"), QStringLiteral("running")},
                             {QStringLiteral("campaign_id"), 7},
                             {QStringLiteral("position"), 0},
                             {QStringLiteral("start_time"), input},
                             {QStringLiteral("end_time"), QJsonValue::Null}};
    const QString attackContext = QStringLiteral("GET /api/v1/web/attacks/31:");
    JsonReader attackReader(attack, attackContext);
    const Attack decodedAttack = decode::attack(attackReader);
    QCOMPARE(attackReader.ok(), valid);
    if (valid) {
        QCOMPARE(iso(decodedAttack.startTime), iso(expected));
        QVERIFY(!decodedAttack.endTime.has_value());
    } else {
        QVERIFY2(attackReader.error().contains(attackContext), qPrintable(attackReader.error()));
        QVERIFY2(namesField(attackReader.error(), QStringLiteral("start_time")),
                 qPrintable(attackReader.error()));
    }
}

void TestApiDecoding::integers_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("negative") << QByteArray("-17") << true << qint64(-17);
    QTest::newRow("above 2^32") << QByteArray("6156119386880") << true << qint64(6156119386880);
    QTest::newRow("2^53 - 1") << QByteArray("9007199254740991") << true << qint64(9007199254740991);
    QTest::newRow("-(2^53 - 1)") << QByteArray("-9007199254740991") << true << qint64(-9007199254740991);

    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << false << qint64(0);
    QTest::newRow("2^53 + 2") << QByteArray("9007199254740994") << false << qint64(0);
    QTest::newRow("-(2^53 + 1)") << QByteArray("-9007199254740993") << false << qint64(0);
    QTest::newRow("2^63 - 1") << QByteArray("9223372036854775807") << false << qint64(0);
    QTest::newRow("2^64") << QByteArray("18446744073709551616") << false << qint64(0);
    QTest::newRow("1e300") << QByteArray("1e300") << false << qint64(0);
    QTest::newRow("1.5") << QByteArray("1.5") << false << qint64(0);
    QTest::newRow("-0.5") << QByteArray("-0.5") << false << qint64(0);
    QTest::newRow("string") << QByteArray("\"42\"") << false << qint64(0);
    QTest::newRow("bool") << QByteArray("true") << false << qint64(0);
    QTest::newRow("array") << QByteArray("[42]") << false << qint64(0);
    QTest::newRow("object") << QByteArray("{\"value\":42}") << false << qint64(0);
}

void TestApiDecoding::integers()
{
    QFETCH(QByteArray, literal);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);

    // A required integer.
    {
        const QByteArray json = "{\"total_tasks\":" + literal + ",\"active_agents\":1}";
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        JsonReader reader(document.object(), kProgress);
        const CampaignProgress progress = decode::campaignProgress(reader);
        QVERIFY2(reader.ok() == valid, qPrintable(QStringLiteral("ok()=%1, value %2, error “%3”")
                                                      .arg(int(reader.ok()))
                                                      .arg(progress.totalTasks)
                                                      .arg(reader.error())));
        if (valid) {
            QCOMPARE(progress.totalTasks, expected);
        } else {
            QVERIFY2(reader.error().contains(kProgress), qPrintable(reader.error()));
            QVERIFY2(namesField(reader.error(), QStringLiteral("total_tasks")), qPrintable(reader.error()));
        }
    }
    // A nullable integer, inside a list element.
    {
        const QByteArray json = "{\"campaign\":" + campaignJson(7)
                                + ",\"attacks\":[{\"id\":31,\"name\":\"a\",\"attack_mode\":\"mask\","
                                  "\"type_label\":\"Mask\",\"length\":null,\"settings_summary\":\"s\","
                                  "\"keyspace\":"
                                + literal + ",\"complexity_score\":null,\"comment\":null}]}";
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        JsonReader reader(document.object(), kCampaignDetail);
        const CampaignDetail detail = decode::campaignDetail(reader);
        QVERIFY2(reader.ok() == valid,
                 qPrintable(QStringLiteral("ok()=%1, error “%2”").arg(int(reader.ok())).arg(reader.error())));
        if (valid) {
            QCOMPARE(detail.attacks.size(), 1);
            QCOMPARE(text(detail.attacks.at(0).keyspace), QString::number(expected));
        } else {
            QVERIFY2(reader.error().contains(kCampaignDetail), qPrintable(reader.error()));
            QVERIFY2(namesField(reader.error(), QStringLiteral("attacks[0].keyspace")),
                     qPrintable(reader.error()));
        }
    }
}

void TestApiDecoding::badPayload_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem"); // a word the message must contain

    const auto row = [](const char *fixture, const char *kind, const QString &context, const char *path,
                        const char *problem) {
        QTest::newRow(fixture) << QString(QString::fromLatin1(fixture) + QStringLiteral(".json"))
                               << QString::fromLatin1(kind) << context << QString::fromLatin1(path)
                               << QString::fromLatin1(problem);
    };

    // Campaign list.
    row("bad_campaigns_missing_name", "campaigns", kCampaigns, "items[1].name", "missing");
    row("bad_campaigns_id_string", "campaigns", kCampaigns, "items[0].id", "integer");
    row("bad_campaigns_priority_float", "campaigns", kCampaigns, "items[2].priority", "integer");
    row("bad_campaigns_items_object", "campaigns", kCampaigns, "items", "array");
    row("bad_campaigns_item_number", "campaigns", kCampaigns, "items[1]", "object");
    row("bad_campaigns_item_null", "campaigns", kCampaigns, "items[0]", "object");
    row("bad_campaigns_item_array", "campaigns", kCampaigns, "items[2]", "object");
    row("bad_campaigns_bool_string", "campaigns", kCampaigns, "items[1].is_unavailable", "boolean");
    row("bad_campaigns_time_no_zone", "campaigns", kCampaigns, "items[0].created_at", "zone");
    row("bad_campaigns_time_garbage", "campaigns", kCampaigns, "items[1].updated_at", "time");
    row("bad_campaigns_time_impossible", "campaigns", kCampaigns, "items[2].updated_at", "time");
    row("bad_campaigns_time_number", "campaigns", kCampaigns, "items[0].created_at", "string");
    row("bad_campaigns_state_null", "campaigns", kCampaigns, "items[0].state", "string");
    row("bad_campaigns_description_number", "campaigns", kCampaigns, "items[2].description", "string");
    row("bad_campaigns_total_string", "campaigns", kCampaigns, "total", "integer");

    // Campaign detail, progress, metrics.
    row("bad_detail_keyspace_string", "detail", kCampaignDetail, "attacks[1].keyspace", "integer");
    row("bad_detail_length_float", "detail", kCampaignDetail, "attacks[2].length", "integer");
    row("bad_detail_campaign_array", "detail", kCampaignDetail, "campaign", "object");
    row("bad_detail_campaign_missing_state", "detail", kCampaignDetail, "campaign.state", "missing");
    row("bad_detail_attacks_object", "detail", kCampaignDetail, "attacks", "array");
    row("bad_detail_attack_string", "detail", kCampaignDetail, "attacks[0]", "object");
    row("bad_progress_active_agents_bool", "progress", kProgress, "active_agents", "integer");
    row("bad_progress_missing_total", "progress", kProgress, "total_tasks", "missing");
    row("bad_metrics_percent_string", "metrics", kMetrics, "percent_cracked", "number");
    row("bad_metrics_cracked_float", "metrics", kMetrics, "cracked_hashes", "integer");

    // Agents.
    row("bad_agents_device_number", "agents", kAgents, "items[0].devices[1]", "string");
    row("bad_agents_devices_string", "agents", kAgents, "items[0].devices", "array");
    row("bad_agents_enabled_string", "agents", kAgents, "items[1].enabled", "boolean");
    row("bad_agents_last_seen_no_zone", "agents", kAgents, "items[0].last_seen_at", "zone");
    row("bad_agents_missing_host_name", "agents", kAgents, "items[1].host_name", "missing");
    row("bad_agents_id_fraction", "agents", kAgents, "items[0].id", "integer");
    row("bad_agents_custom_label_bool", "agents", kAgents, "items[0].custom_label", "string");
    row("bad_agent_errors_task_id_float", "agentErrors", kAgentErrors, "errors[1].task_id", "integer");
    row("bad_agent_errors_time_garbage", "agentErrors", kAgentErrors, "errors[0].created_at", "time");
    row("bad_agent_performance_speed_string", "agentPerformance", kAgentPerformance,
        "series[0].data[1].speed", "number");
    row("bad_agent_performance_time_no_zone", "agentPerformance", kAgentPerformance,
        "series[1].data[0].timestamp", "zone");
    row("bad_agent_performance_data_object", "agentPerformance", kAgentPerformance, "series[0].data",
        "array");

    // Dashboard, context, user, attack performance.
    row("bad_dashboard_resource_usage_object", "dashboard", kDashboard, "resource_usage", "array");
    row("bad_dashboard_point_number", "dashboard", kDashboard, "resource_usage[2]", "object");
    row("bad_dashboard_running_tasks_string", "dashboard", kDashboard, "running_tasks", "integer");
    row("bad_context_project_id_string", "context", kContext, "active_project.id", "integer");
    row("bad_context_user_missing_email", "context", kContext, "user.email", "missing");
    row("bad_context_project_not_object", "context", kContext, "available_projects[1]", "object");
    row("bad_me_superuser_string", "me", kMe, "is_superuser", "boolean");
    row("bad_me_id_number", "me", kMe, "id", "string");
    row("bad_attack_performance_start_no_zone", "attackPerformance", kAttackPerformance,
        "data.attack.start_time", "zone");
    row("bad_attack_performance_eta_float", "attackPerformance", kAttackPerformance, "data.eta", "integer");
    row("bad_attack_performance_no_data", "attackPerformance", kAttackPerformance, "data", "missing");
    row("bad_attack_performance_campaign_id_array", "attackPerformance", kAttackPerformance,
        "data.attack.campaign_id", "integer");
}

void TestApiDecoding::badPayload()
{
    QFETCH(QString, fixture);
    QFETCH(QString, kind);
    QFETCH(QString, context);
    QFETCH(QString, path);
    QFETCH(QString, problem);

    LOAD_FIXTURE(root, fixture);
    const QString error = decodeError(kind, root, context);
    QVERIFY2(!error.isEmpty(), "decoded without an error");
    QVERIFY2(!error.startsWith(QLatin1String("<inconsistent")), qPrintable(error));
    // "GET /api/v1/web/campaigns: items[1].name: missing ..."
    QVERIFY2(error.startsWith(context + QLatin1Char(' ')), qPrintable(error));
    QVERIFY2(namesField(error, path), qPrintable(QStringLiteral("“%1” does not name %2").arg(error, path)));
    QVERIFY2(error.contains(context + QLatin1Char(' ') + path), qPrintable(error));
    QVERIFY2(error.contains(problem, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("“%1” does not say “%2”").arg(error, problem)));
}

void TestApiDecoding::errorKeepsTheFirstProblem()
{
    // items[1] has no name and items[2] a string id: the first problem is the one reported.
    LOAD_FIXTURE(root, QStringLiteral("bad_campaigns_missing_name.json"));
    JsonReader reader(root, kCampaigns);
    page(reader, &decode::campaign);
    QVERIFY(!reader.ok());
    QVERIFY2(namesField(reader.error(), QStringLiteral("items[1].name")), qPrintable(reader.error()));
    QVERIFY2(!reader.error().contains(QLatin1String("items[2]")), qPrintable(reader.error()));

    // A reader that failed stays failed, and later good fields do not clear it.
    JsonReader direct(QJsonObject{{QStringLiteral("a"), QStringLiteral("x")}, {QStringLiteral("b"), 2}},
                      QStringLiteral("GET /x:"));
    QCOMPARE(direct.integer("a"), 0);
    QVERIFY(!direct.ok());
    QCOMPARE(direct.integer("b"), 2);
    QVERIFY(!direct.ok());
    QVERIFY2(namesField(direct.error(), QStringLiteral("a")), qPrintable(direct.error()));
    QVERIFY2(!namesField(direct.error(), QStringLiteral("b")), qPrintable(direct.error()));
}

void TestApiDecoding::errorForMissingContainer()
{
    // An empty object where every endpoint expects something: each decoder reports, none crashes.
    const QStringList kinds{QStringLiteral("campaigns"),        QStringLiteral("detail"),
                            QStringLiteral("progress"),         QStringLiteral("metrics"),
                            QStringLiteral("agents"),           QStringLiteral("agentErrors"),
                            QStringLiteral("agentPerformance"), QStringLiteral("dashboard"),
                            QStringLiteral("context"),          QStringLiteral("me"),
                            QStringLiteral("attackPerformance")};
    for (const QString &kind : kinds) {
        const QString context = QStringLiteral("GET /%1:").arg(kind);
        const QString error = decodeError(kind, QJsonObject(), context);
        QVERIFY2(!error.isEmpty(), qPrintable(kind));
        QVERIFY2(error.startsWith(context + QLatin1Char(' ')), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("missing")), qPrintable(error));
    }
}

void TestApiDecoding::hugeArray()
{
    constexpr int count = 100000;
    const QByteArray json = campaignPageJson(count, false);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    JsonReader reader(document.object(), kCampaigns);
    const Page<Campaign> result = page(reader, &decode::campaign);
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    QCOMPARE(result.total, count);
    QCOMPARE(result.items.size(), count);
    QCOMPARE(result.items.first().id, 1);
    QCOMPARE(result.items.first().name, QStringLiteral("campaign 1"));
    QCOMPARE(result.items.last().id, count);
    QCOMPARE(result.items.last().name, QStringLiteral("campaign 100000"));
    QCOMPARE(result.items.last().priority, count % 101);
    QCOMPARE(result.items.last().hashListId, qint64(count) * 3);
    QCOMPARE(iso(result.items.last().updatedAt), QStringLiteral("2025-10-11T20:24:25.123Z"));
}

void TestApiDecoding::hugeArrayWithBadLastElement()
{
    constexpr int count = 100000;
    const QByteArray json = campaignPageJson(count, true);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    JsonReader reader(document.object(), kCampaigns);
    page(reader, &decode::campaign);
    QVERIFY(!reader.ok());
    QVERIFY2(namesField(reader.error(), QStringLiteral("items[99999].name")), qPrintable(reader.error()));
}

void TestApiDecoding::deepNesting()
{
    // 10,000 levels in a field value, unbalanced and balanced: the JSON parser refuses them or, if it ever
    // accepted them, the decoder must report the field.
    const QList<QByteArray> values{QByteArray(10000, '['), QByteArray(10000, '[') + QByteArray(10000, ']'),
                                   QByteArray(5000, '[') + "{\"a\":" + QByteArray(5000, '[')};
    for (const QByteArray &value : values) {
        const QByteArray json = "{\"id\":1,\"name\":" + value + "}";
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            JsonReader reader(document.object(), kCampaigns);
            decode::campaign(reader);
            QVERIFY(!reader.ok());
        } else {
            QVERIFY(document.isNull());
        }
    }

    // Nesting that the parser does accept reaches the decoder, which reports the field, not a crash.
    const QByteArray nested = QByteArray(500, '[') + QByteArray(500, ']');
    {
        const QByteArray json = "{\"items\":[" + campaignJson(1).replace("\"campaign 1\"", nested) + "]}";
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        JsonReader reader(document.object(), kCampaigns);
        page(reader, &decode::campaign);
        QVERIFY(!reader.ok());
        QVERIFY2(namesField(reader.error(), QStringLiteral("items[0].name")), qPrintable(reader.error()));
    }
    {
        const QByteArray json = "{\"items\":" + nested + ",\"total\":1}";
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        JsonReader reader(document.object(), kCampaigns);
        page(reader, &decode::campaign);
        QVERIFY(!reader.ok());
        QVERIFY2(namesField(reader.error(), QStringLiteral("items[0]")), qPrintable(reader.error()));
    }
}

QTEST_GUILESS_MAIN(TestApiDecoding)

#include "tst_ApiDecoding.moc"
