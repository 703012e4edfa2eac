// LiveSync under a trigger storm, against swarmwatch-sim in its own process (so that the server's work is not
// counted as the client's). 10,000 campaigns; once the snapshot has settled, a storm of task reports
// (5,000 per second for 10 s over a few hundred campaigns) hits the campaigns feed.
//
//   bench_LiveSync [--campaigns N] [--rate R] [--seconds S] [--ids K]
//
// Reports: REST requests issued during the storm against distinct dirty ids per window, main-thread time
// per trigger and the longest single main-thread stretch (every event delivery is timed), peak RSS, and the
// time from the storm's end until the model matches the server again.
#include "AgentModel.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "LiveSync.h"
#include "Session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <cstdio>

using namespace swarmwatch;
using namespace std::chrono_literals;

namespace {

// Times every event the main thread delivers: their sum is the main thread's busy time, their maximum the
// longest stretch during which the event loop could not turn (a frozen UI, in the GUI).
class TimedApplication : public QCoreApplication
{
public:
    using QCoreApplication::QCoreApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_measuring)
            return QCoreApplication::notify(receiver, event);
        if (m_depth++ > 0) { // nested delivery: counted in the outer one
            const bool result = QCoreApplication::notify(receiver, event);
            --m_depth;
            return result;
        }
        QElapsedTimer timer;
        timer.start();
        const bool result = QCoreApplication::notify(receiver, event);
        const qint64 ns = timer.nsecsElapsed();
        --m_depth;
        m_busyNs += ns;
        m_longestNs = std::max(m_longestNs, ns);
        return result;
    }
    void measure(bool on)
    {
        m_measuring = on;
        if (on)
            m_busyNs = m_longestNs = 0;
    }
    qint64 busyNs() const { return m_busyNs; }
    qint64 longestNs() const { return m_longestNs; }

private:
    bool m_measuring = false;
    int m_depth = 0;
    qint64 m_busyNs = 0;
    qint64 m_longestNs = 0;
};

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    TimedApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char *name, int fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : fallback;
    };
    const int campaignCount = option("--campaigns", 10000);
    const int rate = option("--rate", 5000);
    const int seconds = option("--seconds", 10);
    const int stormIds = option("--ids", 300);

    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(QStringLiteral(SWARMWATCH_SIM),
              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--campaigns"),
               QString::number(campaignCount), QStringLiteral("--agents"), QStringLiteral("20"),
               QStringLiteral("--rate"), QStringLiteral("0")});
    if (!sim.waitForReadyRead(10000)) {
        std::fprintf(stderr, "the simulator did not start\n");
        return 1;
    }
    const QByteArray banner = sim.readLine();
    const QUrl server(QString::fromLatin1(banner.mid(banner.indexOf("http")).trimmed()));

    QNetworkAccessManager network;
    ApiTransport transport(&network);
    Session session(&transport);
    session.setServer(server);
    CipherSwarmClient client(&session);
    CampaignModel campaigns;
    AgentModel agents;
    LiveSync sync(&client, &network, nullptr, &campaigns, &agents);

    bool loggedIn = false;
    session.login(QStringLiteral("admin@swarmwatch.example"), QStringLiteral("swarmwatch"),
                  [&loggedIn](const ApiResult<QByteArray> &r) { loggedIn = r.ok(); });
    waitFor([&] { return loggedIn; }, 10000);

    quint64 triggers = 0;
    QElapsedTimer snapshotTimer;
    snapshotTimer.start();
    sync.start();
    QObject::connect(
        sync.feed(LiveSync::Feed::Campaigns), &SseConnection::eventReceived, &application,
        [&triggers](const SseEvent &event) { triggers += !event.data.contains(QLatin1String("ping")); });
    if (!waitFor(
            [&] {
                return sync.isSnapshotLoaded() && sync.isIdle() && sync.status() == LiveSync::Status::Live;
            },
            600000)) {
        std::fprintf(stderr, "the snapshot did not settle\n");
        return 1;
    }
    const double snapshotSeconds = snapshotTimer.elapsed() / 1000.0;
    const quint64 snapshotRequests = sync.requestsIssued();
    const qint64 rssAfterSnapshot = peakRssKiB();

    // The storm.
    const quint64 requestsBefore = sync.requestsIssued();
    triggers = 0;
    application.measure(true);
    QNetworkRequest stormRequest(
        QUrl(server.toString()
             + QStringLiteral("/sim/storm?rate=%1&seconds=%2&ids=%3").arg(rate).arg(seconds).arg(stormIds)));
    QNetworkReply *reply = network.post(stormRequest, QByteArray());
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QElapsedTimer storm;
    storm.start();
    waitFor([] { return false; }, seconds * 1000);
    // The end of the storm is when its triggers stop arriving.
    quint64 seen = triggers;
    QElapsedTimer quiet;
    quiet.start();
    waitFor(
        [&] {
            if (triggers != seen) {
                seen = triggers;
                quiet.restart();
            }
            return quiet.elapsed() > 300;
        },
        60000);
    const qint64 stormEndMs = storm.elapsed() - quiet.elapsed();
    const bool idle = waitFor([&] { return sync.isIdle(); }, 60000);
    const qint64 convergedMs = storm.elapsed() - stormEndMs;
    application.measure(false);
    const quint64 stormRequests = sync.requestsIssued() - requestsBefore;

    // Converged means equal to the server: compare every storm campaign's metrics with a direct fetch.
    int checked = 0;
    int mismatched = 0;
    int pending = 0;
    for (const CampaignRow &row : campaigns.rows()) {
        if (checked >= stormIds)
            break;
        ++checked;
        ++pending;
        const qint64 id = row.campaign.id;
        const double shown = row.metrics ? row.metrics->progressPercent : -1;
        client.campaignMetrics(id, [&, shown](const ApiResult<CampaignMetrics> &metrics) {
            mismatched += !metrics.ok() || metrics.value.progressPercent != shown;
            --pending;
        });
    }
    waitFor([&] { return pending == 0; }, 60000);

    const double windows = std::max(1.0, static_cast<double>(stormEndMs) / 250.0);
    std::printf("campaigns: %d, storm: %d triggers/s for %d s over %d campaigns\n", campaignCount, rate,
                seconds, stormIds);
    std::printf("snapshot: %.1f s, %llu requests, peak RSS after it %lld KiB\n", snapshotSeconds,
                static_cast<unsigned long long>(snapshotRequests), rssAfterSnapshot);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| triggers received | %llu |\n", static_cast<unsigned long long>(triggers));
    std::printf("| REST requests during the storm | %llu |\n",
                static_cast<unsigned long long>(stormRequests));
    std::printf("| requests per trigger | %.3f |\n",
                triggers ? double(stormRequests) / double(triggers) : 0.0);
    std::printf("| ceiling: distinct ids x windows x requests per refetch | %.0f |\n",
                stormIds * windows * 5.0);
    std::printf("| main-thread time per trigger | %.1f us |\n",
                triggers ? application.busyNs() / 1000.0 / double(triggers) : 0.0);
    std::printf("| longest main-thread stretch | %.2f ms |\n", application.longestNs() / 1e6);
    std::printf("| peak RSS | %.1f MB |\n", peakRssKiB() / 1024.0);
    std::printf("| converged after the storm | %s%lld ms |\n", idle ? "" : "NOT IDLE ", convergedMs);
    std::printf("| storm campaigns checked against the server | %d, %d differ |\n", checked, mismatched);

    sync.stop();
    sim.kill();
    sim.waitForFinished(5000);
    return mismatched == 0 && idle ? 0 : 1;
}
