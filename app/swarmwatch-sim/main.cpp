#include "SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace swarmwatch::sim;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swarmwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWARMWATCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A simulated CipherSwarm server on 127.0.0.1, for demos and tests of SwarmWatch."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QCoreApplication::translate("main", "Port (0: any free one)."),
                                  QStringLiteral("port"), QStringLiteral("8000"));
    const QCommandLineOption campaigns(QStringLiteral("campaigns"),
                                       QCoreApplication::translate("main", "Number of campaigns."),
                                       QStringLiteral("n"), QStringLiteral("12"));
    const QCommandLineOption agents(QStringLiteral("agents"),
                                    QCoreApplication::translate("main", "Number of agents."),
                                    QStringLiteral("n"), QStringLiteral("6"));
    const QCommandLineOption ping(
        QStringLiteral("ping-seconds"),
        QCoreApplication::translate("main", "Keep-alive after this many quiet seconds."), QStringLiteral("s"),
        QStringLiteral("30"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QCoreApplication::translate("main", "Simulation steps per second (0: frozen)."), QStringLiteral("r"),
        QStringLiteral("1"));
    parser.addOptions({port, campaigns, agents, ping, rate});
    parser.process(application);

    bool ok = true;
    const auto number = [&](const QCommandLineOption &option) {
        bool valid = false;
        const double value = parser.value(option).toDouble(&valid);
        ok = ok && valid && value >= 0;
        return value;
    };
    SimServer::Options options;
    const double portNumber = number(port);
    options.world.campaigns = static_cast<int>(number(campaigns));
    options.world.agents = static_cast<int>(number(agents));
    options.pingInterval = std::chrono::milliseconds(static_cast<qint64>(number(ping) * 1000));
    options.ticksPerSecond = number(rate);
    if (!ok || portNumber > 65535 || options.pingInterval < std::chrono::milliseconds(100)
        || options.world.campaigns > 100000 || options.world.agents > 100000) {
        std::fputs("swarmwatch-sim: options take non-negative numbers (see --help)\n", stderr);
        return 2;
    }

    SimServer server(options);
    if (!server.start(static_cast<quint16>(portNumber))) {
        std::fprintf(stderr, "swarmwatch-sim: cannot listen on 127.0.0.1:%d\n", static_cast<int>(portNumber));
        return 4;
    }
    std::printf("Simulated CipherSwarm at %s\n", qPrintable(server.url().toString()));
    std::printf("Demo login: %s / %s\n", SimWorld::kDemoEmail, SimWorld::kDemoPassword);
    std::printf("Feeds: %s/api/v1/web/live/{campaigns,agents,toasts}\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
