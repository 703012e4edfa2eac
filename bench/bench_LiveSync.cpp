// LiveSync on a busy server, against swarmwatch-sim in its own process (so that the server's work is not
// counted as the client's). One scenario per run:
//
//   bench_LiveSync snapshot [--campaigns N] [--sim-rate R]
//       first rows, every row listed, every row with its metrics; requests, and how often the list was read
//   bench_LiveSync resync [--campaigns N] [--sim-rate R]
//       the requests one periodic resync costs once the snapshot has settled, per route
//   bench_LiveSync storm [--campaigns N] [--rate R] [--seconds S] [--ids K] [--active] [--budget B]
//       a storm of task reports on K campaigns: requests per second against the budget, the longest time a
//       triggered row waited for its refetch, convergence after the storm, main-thread time, peak RSS
//
// --sim-rate is the simulator's steps per second (its default, 1, is a busy deployment's steady flow of task
// reports and heartbeats; 0 is a quiet server). Every figure in docs/benchmarks.md comes from a command here.
#include "AgentModel.h"
#include "ApiTransport.h"
#include "BenchSupport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "LiveSync.h"
#include "Session.h"
#include "SimControl.h"
#include "SimProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>
#include <deque>

using namespace swarmwatch;
using namespace std::chrono_literals;

namespace {

// The client side: everything the GUI and `watch` own, with default settings unless a scenario says.
struct Client {
    explicit Client(const QUrl &server)
        : transport(&network)
        , session(&transport)
        , client(&session)
        , sync(&client, &network, nullptr, &campaigns, &agents)
    {
        session.setServer(server);
    }
    bool login()
    {
        std::optional<bool> ok;
        session.login(QStringLiteral("admin@swarmwatch.example"), QStringLiteral("swarmwatch"),
                      [&ok](const ApiResult<QByteArray> &r) { ok = r.ok(); });
        return bench::waitFor([&] { return ok.has_value(); }, 30000) && *ok;
    }

    QNetworkAccessManager network;
    ApiTransport transport;
    Session session;
    CipherSwarmClient client;
    CampaignModel campaigns;
    AgentModel agents;
    LiveSync sync;
};

struct Options {
    QString scenario;
    int campaigns = 1000;
    double simRate = 1;
    int rate = 5000;
    int seconds = 10;
    int ids = 300;
    bool activeOnly = false;
    double budget = 100;
};

bool startSim(SimProcess &sim, const Options &options, double simRate)
{
    QString error;
    if (!sim.start({QStringLiteral("--campaigns"), QString::number(options.campaigns),
                    QStringLiteral("--rate"), QString::number(simRate)},
                   &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    return true;
}

// Starts the sync and waits for the snapshot to settle (every row listed and with its metrics).
struct SnapshotTimes {
    qint64 firstRowsMs = -1;
    qint64 listedMs = -1;
    qint64 settledMs = -1;
    quint64 requests = 0;
    quint64 triggers = 0;
};

SnapshotTimes takeSnapshot(Client &c, qint64 timeoutMs)
{
    SnapshotTimes times;
    QElapsedTimer clock;
    QObject context; // disconnecting it leaves LiveSync's own connections alone
    QObject::connect(&c.campaigns, &QAbstractItemModel::rowsInserted, &context, [&] {
        if (times.firstRowsMs < 0)
            times.firstRowsMs = clock.elapsed();
    });
    QObject::connect(&c.sync, &LiveSync::snapshotLoaded, &context, [&] { times.listedMs = clock.elapsed(); });
    QObject::connect(&c.sync, &LiveSync::snapshotSettled, &context,
                     [&] { times.settledMs = clock.elapsed(); });
    QObject::connect(
        c.sync.feed(LiveSync::Feed::Campaigns), &SseConnection::eventReceived, &context,
        [&](const SseEvent &event) { times.triggers += !event.data.contains(QLatin1String("ping")); });
    clock.start();
    c.sync.start();
    bench::waitFor([&] { return times.settledMs >= 0; }, timeoutMs);
    times.requests = c.transport.requestsStarted();
    return times;
}

QString seconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("never") : QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
}

int snapshotScenario(const Options &options)
{
    SimProcess sim;
    if (!startSim(sim, options, options.simRate))
        return 1;
    Client c(sim.url());
    LiveSyncSettings settings;
    settings.requestsPerSecond = options.budget;
    c.sync.setSettings(settings);
    if (!c.login())
        return 1;
    const QJsonObject before = bench::simControl(c.network, sim.url(), QStringLiteral("/sim/stats"), false);
    const SnapshotTimes times = takeSnapshot(c, 600000);
    const QJsonObject after = bench::simControl(c.network, sim.url(), QStringLiteral("/sim/stats"), false);
    const auto routeCount = [&](const char *route) {
        return after[QLatin1String("routes")].toObject()[QLatin1String(route)].toInteger()
               - before[QLatin1String("routes")].toObject()[QLatin1String(route)].toInteger();
    };
    const qint64 pages = (c.campaigns.rowCount() + 99) / 100;
    std::printf("snapshot: %d campaigns (%d in the project shown), simulator at %g steps/s, budget %g "
                "requests/s\n",
                options.campaigns, c.campaigns.rowCount(), options.simRate, options.budget);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| first rows shown | %s |\n", qPrintable(seconds(times.firstRowsMs)));
    std::printf("| every row listed | %s |\n", qPrintable(seconds(times.listedMs)));
    std::printf("| every row with its metrics (settled) | %s |\n", qPrintable(seconds(times.settledMs)));
    std::printf("| REST requests until settled | %llu |\n", static_cast<unsigned long long>(times.requests));
    std::printf("| campaign list pages read (%lld per read) | %lld |\n", static_cast<long long>(pages),
                static_cast<long long>(routeCount("/api/v1/web/campaigns")));
    std::printf("| campaign metrics requests | %lld |\n",
                static_cast<long long>(routeCount("/api/v1/web/campaigns/{id}/metrics")));
    std::printf("| triggers received meanwhile | %llu |\n", static_cast<unsigned long long>(times.triggers));
    std::printf("| peak RSS | %.1f MB |\n", bench::peakRssKiB() / 1024.0);
    c.sync.stop();
    return times.settledMs >= 0 ? 0 : 1;
}

int resyncScenario(const Options &options)
{
    SimProcess sim;
    if (!startSim(sim, options, options.simRate))
        return 1;
    Client c(sim.url());
    LiveSyncSettings settings;
    settings.requestsPerSecond = options.budget;
    settings.resyncInterval = 24h; // only the resync this scenario asks for
    c.sync.setSettings(settings);
    if (!c.login())
        return 1;
    const SnapshotTimes times = takeSnapshot(c, 600000);
    // A running simulator keeps it busy for good: there, settled is as quiet as it gets.
    if (times.settledMs < 0
        || (options.simRate == 0 && !bench::waitFor([&] { return c.sync.isIdle(); }, 120000))) {
        std::fprintf(stderr, "the snapshot did not settle\n");
        return 1;
    }
    int active = 0;
    for (const CampaignRow &row : c.campaigns.rows())
        active += row.campaign.state == QLatin1String("active");
    // On a running simulator, triggers keep coming: the resync's cost is what it adds to their steady flow.
    const auto requestsOver = [&](std::chrono::milliseconds span) {
        const quint64 start = c.transport.requestsStarted();
        bench::waitFor([] { return false; }, span.count());
        return c.transport.requestsStarted() - start;
    };
    quint64 triggers = 0;
    QObject context; // after the locals its connections use, so it goes first
    QObject::connect(c.sync.feed(LiveSync::Feed::Campaigns), &SseConnection::eventReceived, &context,
                     [&](const SseEvent &event) { triggers += !event.data.contains(QLatin1String("ping")); });
    const quint64 baseline = options.simRate > 0 ? requestsOver(10s) : 0;
    const QJsonObject before = bench::simControl(c.network, sim.url(), QStringLiteral("/sim/stats"), false);
    const quint64 start = c.transport.requestsStarted();
    QElapsedTimer clock;
    clock.start();
    c.sync.resyncNow();
    if (options.simRate > 0)
        bench::waitFor([] { return false; }, 10000);
    else
        bench::waitFor([&] { return c.sync.isIdle(); }, 120000);
    const quint64 resync = c.transport.requestsStarted() - start;
    const QJsonObject after = bench::simControl(c.network, sim.url(), QStringLiteral("/sim/stats"), false);
    std::printf("resync: %d campaigns (%d active), simulator at %g steps/s\n", options.campaigns, active,
                options.simRate);
    if (options.simRate > 0)
        std::printf("requests in 10 s without a resync: %llu; with one: %llu; the resync's cost: %lld\n",
                    static_cast<unsigned long long>(baseline), static_cast<unsigned long long>(resync),
                    static_cast<long long>(resync) - static_cast<long long>(baseline));
    else
        std::printf("requests for one resync: %llu, done in %s\n", static_cast<unsigned long long>(resync),
                    qPrintable(seconds(clock.elapsed())));
    std::printf("| route | requests |\n|---|---:|\n");
    const QJsonObject routesBefore = before[QLatin1String("routes")].toObject();
    const QJsonObject routesAfter = after[QLatin1String("routes")].toObject();
    for (auto it = routesAfter.begin(); it != routesAfter.end(); ++it) {
        const qint64 n = it.value().toInteger() - routesBefore[it.key()].toInteger();
        if (n > 0 && !it.key().contains(QLatin1String("/live/")))
            std::printf("| %s | %lld |\n", qPrintable(it.key()), static_cast<long long>(n));
    }
    c.sync.stop();
    return 0;
}

int stormScenario(const Options &options, bench::TimedApplication<QCoreApplication> &application)
{
    SimProcess sim;
    if (!startSim(sim, options, 0))
        return 1;
    Client c(sim.url());
    LiveSyncSettings settings;
    settings.requestsPerSecond = 0; // the snapshot and its details at full speed: the storm is what counts
    c.sync.setSettings(settings);
    if (!c.login())
        return 1;
    const SnapshotTimes snapshot = takeSnapshot(c, 600000);
    if (snapshot.settledMs < 0 || !bench::waitFor([&] { return c.sync.isIdle(); }, 600000)) {
        std::fprintf(stderr, "the snapshot did not settle\n");
        return 1;
    }
    const qint64 rssAfterSnapshot = bench::peakRssKiB();
    c.transport.setRateLimit(options.budget);

    // Staleness: for each campaign, the time of the oldest trigger not yet followed by a change of its row.
    QElapsedTimer clock;
    clock.start();
    QHash<qint64, qint64> dirtySince;
    qint64 longestWaitMs = 0;
    quint64 triggers = 0;
    std::deque<std::pair<qint64, quint64>> samples;
    quint64 busiestSecond = 0;
    QTimer sampler;
    QObject context; // after the locals its connections use, so it goes first
    QObject::connect(c.sync.feed(LiveSync::Feed::Campaigns), &SseConnection::eventReceived, &context,
                     [&](const SseEvent &event) {
                         const QJsonObject object = QJsonDocument::fromJson(event.data.toUtf8()).object();
                         if (object.value(QLatin1String("trigger")).toString() != QLatin1String("refresh"))
                             return;
                         ++triggers;
                         const qint64 id = object.value(QLatin1String("id")).toInteger();
                         if (!dirtySince.contains(id))
                             dirtySince.insert(id, clock.elapsed());
                     });
    QObject::connect(&c.campaigns, &QAbstractItemModel::dataChanged, &context,
                     [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
                             const qint64 id =
                                 c.campaigns.index(r, 0).data(CampaignModel::IdRole).toLongLong();
                             const auto it = dirtySince.constFind(id);
                             if (it != dirtySince.cend()) {
                                 longestWaitMs = std::max(longestWaitMs, clock.elapsed() - *it);
                                 dirtySince.erase(it);
                             }
                         }
                     });
    // Requests started per second: sampled every 50 ms, the most started in any one-second window.
    QObject::connect(&sampler, &QTimer::timeout, &context, [&] {
        const qint64 now = clock.elapsed();
        const quint64 started = c.transport.requestsStarted();
        samples.emplace_back(now, started);
        while (samples.size() > 1 && now - samples.front().first > 1000)
            samples.pop_front();
        if (now - samples.front().first >= 950)
            busiestSecond = std::max(busiestSecond, started - samples.front().second);
    });
    sampler.start(50);

    const quint64 requestsBefore = c.transport.requestsStarted();
    application.measure(true);
    bench::simControl(c.network, sim.url(),
                      QStringLiteral("/sim/storm?rate=%1&seconds=%2&ids=%3&active=%4")
                          .arg(options.rate)
                          .arg(options.seconds)
                          .arg(options.ids)
                          .arg(options.activeOnly ? 1 : 0),
                      true);
    const qint64 stormStart = clock.elapsed();
    bench::waitFor([] { return false; }, options.seconds * 1000);
    // The end of the storm is when its triggers stop arriving.
    quint64 seen = triggers;
    QElapsedTimer quiet;
    quiet.start();
    bench::waitFor(
        [&] {
            if (triggers != seen) {
                seen = triggers;
                quiet.restart();
            }
            return quiet.elapsed() > 300;
        },
        60000);
    const qint64 stormEnd = clock.elapsed() - quiet.elapsed();
    const qint64 waitDuringStorm = longestWaitMs;
    const bool idle = bench::waitFor([&] { return c.sync.isIdle(); }, 120000);
    const qint64 convergedMs = clock.elapsed() - stormEnd;
    application.measure(false);
    sampler.stop();
    const quint64 stormRequests = c.transport.requestsStarted() - requestsBefore;

    // Converged means equal to the server: compare every listed campaign's metrics with a direct fetch.
    int checked = 0;
    int mismatched = 0;
    int pending = 0;
    c.sync.stop();
    c.transport.setRateLimit(0);
    for (const CampaignRow &row : c.campaigns.rows()) {
        ++checked;
        ++pending;
        const double shown = row.metrics ? row.metrics->progressPercent : -1;
        c.client.campaignMetrics(row.campaign.id, [&, shown](const ApiResult<CampaignMetrics> &metrics) {
            mismatched += !metrics.ok() || metrics.value.progressPercent != shown;
            --pending;
        });
    }
    bench::waitFor([&] { return pending == 0; }, 300000);

    const double stormSeconds = std::max(0.001, (stormEnd - stormStart) / 1000.0);
    std::printf("storm: %d campaigns, %d task reports/s for %d s over %d %scampaigns, budget %g requests/s\n",
                options.campaigns, options.rate, options.seconds, options.ids,
                options.activeOnly ? "active " : "", options.budget);
    std::printf(
        "snapshot first (without a budget): settled in %s, %llu requests, peak RSS after it %lld KiB\n",
        qPrintable(seconds(snapshot.settledMs)), static_cast<unsigned long long>(snapshot.requests),
        rssAfterSnapshot);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| triggers received | %llu |\n", static_cast<unsigned long long>(triggers));
    std::printf("| REST requests from the storm's start until idle | %llu |\n",
                static_cast<unsigned long long>(stormRequests));
    std::printf("| requests per second, on average during the storm | %.1f |\n",
                (stormRequests) / (stormSeconds + convergedMs / 1000.0));
    std::printf("| requests started in the busiest second | %llu |\n",
                static_cast<unsigned long long>(busiestSecond));
    std::printf("| longest wait of a triggered row for its refetch, during the storm | %s |\n",
                qPrintable(seconds(waitDuringStorm)));
    std::printf("| converged (idle) after the storm's last trigger | %s%s |\n", idle ? "" : "NOT IDLE ",
                qPrintable(seconds(convergedMs)));
    std::printf("| main-thread time per trigger | %.1f us |\n",
                triggers ? application.busyNs() / 1000.0 / double(triggers) : 0.0);
    std::printf("| longest main-thread stretch | %.2f ms |\n", application.longestNs() / 1e6);
    std::printf("| main-thread events delivered | %llu |\n",
                static_cast<unsigned long long>(application.events()));
    std::printf("| peak RSS | %.1f MB |\n", bench::peakRssKiB() / 1024.0);
    std::printf("| campaigns checked against the server afterwards | %d, %d differ |\n", checked, mismatched);
    return mismatched == 0 && idle ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    bench::TimedApplication<QCoreApplication> application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char *name, double fallback) {
        return bench::option(arguments, name, QString::number(fallback)).toDouble();
    };
    Options options;
    options.scenario = arguments.value(1);
    options.campaigns = static_cast<int>(option("--campaigns", options.campaigns));
    options.simRate = option("--sim-rate", options.simRate);
    options.rate = static_cast<int>(option("--rate", options.rate));
    options.seconds = static_cast<int>(option("--seconds", options.seconds));
    options.ids = static_cast<int>(option("--ids", options.ids));
    options.activeOnly = arguments.contains(QStringLiteral("--active"));
    options.budget = option("--budget", options.budget);

    if (options.scenario == QLatin1String("snapshot"))
        return snapshotScenario(options);
    if (options.scenario == QLatin1String("resync"))
        return resyncScenario(options);
    if (options.scenario == QLatin1String("storm"))
        return stormScenario(options, application);
    std::fputs("usage: bench_LiveSync snapshot|resync|storm [options] (see the source's head)\n", stderr);
    return 2;
}
