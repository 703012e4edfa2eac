// What an operator sees: `swarmwatch-cli watch --json` as a process, against swarmwatch-sim in another.
//
//   bench_WatchLatency [--cli PATH] [--campaigns N] [--samples K] [--gap-ms G] [--sim-rate R] [--timeout S]
//
// 1. The snapshot: time from the start of `watch` to its "snapshot" line, and the requests the server served
//    for it (the simulator counts them).
// 2. Quiet-time latency: K times, one task report on one campaign (the simulator announces it as CipherSwarm
//    does), then the time until `watch` prints that campaign's upsert; G ms of quiet between reports.
//
// --cli takes any build of swarmwatch-cli, so that one binary's figures can be set against another's.
// --sim-rate R > 0 runs the simulator busy (R steps per second) and measures the snapshot only; --timeout is
// how long to wait for the snapshot line (default 600 s).
#include "BenchSupport.h"
#include "SimProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

QJsonObject call(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray *body)
{
    QNetworkReply *reply = body ? network.post(request, *body) : network.get(request);
    bench::waitFor([reply] { return reply->isFinished(); }, 30000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, static_cast<size_t>(p * double(values.size() - 1) + 0.5));
    return values.at(at);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char *name, const QString &fallback) {
        return bench::option(arguments, name, fallback);
    };
    const QString cli = option("--cli", QStringLiteral(SWARMWATCH_CLI));
    const int campaigns = option("--campaigns", QStringLiteral("1000")).toInt();
    const int samples = option("--samples", QStringLiteral("100")).toInt();
    const int gapMs = option("--gap-ms", QStringLiteral("500")).toInt();
    const QString simRate = option("--sim-rate", QStringLiteral("0"));
    const qint64 timeoutMs = option("--timeout", QStringLiteral("600")).toLongLong() * 1000;
    const bool busy = simRate.toDouble() > 0;

    SimProcess sim;
    QString error;
    if (!sim.start(
            {QStringLiteral("--campaigns"), QString::number(campaigns), QStringLiteral("--rate"), simRate},
            &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString server = sim.url().toString();
    QNetworkAccessManager network;
    QNetworkRequest login(QUrl(server + QStringLiteral("/api/v1/web/auth/login")));
    login.setHeader(QNetworkRequest::ContentTypeHeader,
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray form = "email=admin%40swarmwatch.example&password=swarmwatch";
    const QString token = call(network, login, &form).value(QLatin1String("access_token")).toString();
    if (token.isEmpty()) {
        std::fputs("could not sign in to the simulator\n", stderr);
        return 1;
    }
    const auto requestsServed = [&] {
        return call(network, QNetworkRequest(QUrl(server + QStringLiteral("/sim/stats"))), nullptr)
            .value(QLatin1String("requests"))
            .toInteger();
    };

    QProcess watch;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SWARMWATCH_TOKEN"), token);
    environment.insert(QStringLiteral("SWARMWATCH_SERVER"), server);
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    watch.setProcessEnvironment(environment);
    watch.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    // Every line as it arrives, with the time it arrived.
    QElapsedTimer clock;
    QByteArray buffer;
    qint64 snapshotMs = -1;
    QList<qint64> listed;
    QHash<qint64, qint64> lastUpsertMs;
    QObject::connect(&watch, &QProcess::readyReadStandardOutput, &watch, [&] {
        const qint64 now = clock.elapsed();
        buffer += watch.readAllStandardOutput();
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            const QJsonObject line = QJsonDocument::fromJson(buffer.left(newline)).object();
            buffer.remove(0, newline + 1);
            const QString op = line.value(QLatin1String("op")).toString();
            if (op == QLatin1String("snapshot")) {
                snapshotMs = now;
                for (const QJsonValue &row : line.value(QLatin1String("campaigns")).toArray())
                    listed.append(row.toObject().value(QLatin1String("id")).toInteger());
            } else if (op == QLatin1String("upsert") && line.contains(QLatin1String("campaign"))) {
                lastUpsertMs.insert(
                    line.value(QLatin1String("campaign")).toObject().value(QLatin1String("id")).toInteger(),
                    now);
            }
        }
    });
    const qint64 servedBefore = requestsServed();
    clock.start();
    watch.start(cli, {QStringLiteral("watch"), QStringLiteral("--json")});
    if (!bench::waitFor([&] { return snapshotMs >= 0 || watch.state() == QProcess::NotRunning; }, timeoutMs)
        || snapshotMs < 0) {
        std::printf("watch --json: %s, %d campaigns, simulator at %s steps/s: no snapshot line in %lld s, "
                    "%lld requests served\n",
                    qPrintable(cli), campaigns, qPrintable(simRate), timeoutMs / 1000,
                    static_cast<long long>(requestsServed() - servedBefore));
        return 1;
    }
    if (busy) {
        std::printf("watch --json: %s, %d campaigns, simulator at %s steps/s\n", qPrintable(cli), campaigns,
                    qPrintable(simRate));
        std::printf("| snapshot line after | %.2f s |\n| requests served for it | %lld |\n",
                    snapshotMs / 1000.0, static_cast<long long>(requestsServed() - servedBefore));
        watch.terminate();
        watch.waitForFinished(10000);
        return 0;
    }
    const qint64 servedForSnapshot = requestsServed() - servedBefore;
    // Quiet means the client has finished its background work too (details, ETAs): no request for 1 s.
    QElapsedTimer settling;
    settling.start();
    qint64 served = requestsServed();
    for (QElapsedTimer still; settling.elapsed() < 600000;) {
        if (!still.isValid())
            still.start();
        bench::waitFor([] { return false; }, 250);
        const qint64 now = requestsServed();
        if (now != served) {
            served = now;
            still.invalidate();
        } else if (still.elapsed() >= 1000) {
            break;
        }
    }
    const qint64 quietAfterMs = clock.elapsed();
    const qint64 servedUntilQuiet = served - servedBefore;

    // Quiet-time latency: a report on one campaign at a time, each campaign touched once.
    std::vector<double> latencies;
    int missed = 0;
    for (int i = 0; i < samples && i < listed.size(); ++i) {
        bench::waitFor([] { return false; }, gapMs);
        const qint64 id = listed.at(i);
        const qint64 sent = clock.elapsed();
        const QByteArray none;
        call(network, QNetworkRequest(QUrl(server + QStringLiteral("/sim/report?id=%1").arg(id))), &none);
        if (!bench::waitFor([&] { return lastUpsertMs.value(id, -1) >= sent; }, 10000)) {
            ++missed;
            continue;
        }
        latencies.push_back(double(lastUpsertMs.value(id) - sent));
    }
    watch.terminate();
    watch.waitForFinished(10000);

    std::printf("watch --json: %s, %d campaigns, quiet simulator\n", qPrintable(cli), campaigns);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| snapshot line after | %.2f s |\n", snapshotMs / 1000.0);
    std::printf("| requests served for it | %lld |\n", static_cast<long long>(servedForSnapshot));
    std::printf("| quiet (no request for 1 s) after | %.2f s, %lld requests |\n", quietAfterMs / 1000.0,
                static_cast<long long>(servedUntilQuiet));
    std::printf("| change to upsert line, p50 | %.0f ms |\n", percentile(latencies, 0.5));
    std::printf("| change to upsert line, p90 | %.0f ms |\n", percentile(latencies, 0.9));
    std::printf("| change to upsert line, max | %.0f ms |\n", percentile(latencies, 1.0));
    std::printf("| samples (missed: no line within 10 s) | %zu (%d) |\n", latencies.size(), missed);
    return missed == 0 ? 0 : 1;
}
