#include "ConsoleOptions.h"

#include "HttpUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace swarmwatch {

ConsoleOptions ConsoleOptions::parse(const QStringList &arguments, const QString &version)
{
    ConsoleOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("SwarmWatch: a live operator console for CipherSwarm."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version and exit."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    tr("Open this server, one you signed in to before (with swarmwatch or "
                                       "swarmwatch-cli)."),
                                    tr("url"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), tr("Start a simulated CipherSwarm inside SwarmWatch and watch it (no login, "
                                   "token or journal is kept)."));
    const QCommandLineOption demoCampaigns(
        QStringLiteral("demo-campaigns"), tr("With --demo: how many campaigns the simulation has."), tr("n"));
    const QCommandLineOption minimized(QStringLiteral("minimized"), tr("Start minimized."));
    parser.addOptions({help, versionOption, server, demo, demoCampaigns, minimized});
    // Qt's own options (-platform, -style, ...) are QApplication's; let them through unparsed.
    const QStringList qtOptions{QStringLiteral("platform"),        QStringLiteral("style"),
                                QStringLiteral("stylesheet"),      QStringLiteral("display"),
                                QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowtitle"),
                                QStringLiteral("reverse")};
    QStringList ours;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const QString name =
            argument.section(QLatin1Char('='), 0, 0).remove(QRegularExpression(QStringLiteral("^-+")));
        if (i > 0 && argument.startsWith(QLatin1Char('-')) && qtOptions.contains(name)) {
            if (!argument.contains(QLatin1Char('=')) && name != QLatin1String("reverse")
                && i + 1 < arguments.size())
                ++i;
            continue;
        }
        ours.append(argument);
    }
    const auto fail = [&](const QString &message) {
        options.action = Action::Exit;
        options.exitCode = 2;
        options.output = QStringLiteral("swarmwatch: %1\n").arg(message);
        return options;
    };
    if (!parser.parse(ours))
        return fail(tr("%1 (see --help)").arg(parser.errorText()));
    if (parser.isSet(help)) {
        options.action = Action::Exit;
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: swarmwatch"));
        options.output = text;
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.action = Action::Exit;
        options.output = QStringLiteral("swarmwatch %1\n").arg(version);
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            tr("unexpected argument: %1 (see --help)").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(server)) {
        const QUrl url(parser.value(server), QUrl::StrictMode);
        if (!isHttpUrl(url))
            return fail(tr("--server needs an http(s) URL, not “%1”").arg(parser.value(server)));
        options.server = url;
    }
    if (parser.isSet(demoCampaigns)) {
        bool ok = false;
        options.demoCampaigns = parser.value(demoCampaigns).toInt(&ok);
        if (!ok || options.demoCampaigns < 1 || options.demoCampaigns > 100000)
            return fail(tr("--demo-campaigns needs a number from 1 to 100000"));
    }
    options.demo = parser.isSet(demo);
    if (options.demo && parser.isSet(server))
        return fail(tr("--demo and --server exclude each other"));
    options.minimized = parser.isSet(minimized);
    return options;
}

} // namespace swarmwatch
