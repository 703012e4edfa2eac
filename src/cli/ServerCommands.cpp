#include "ServerCommands.h"

#include "AgentModel.h"
#include "ApiJson.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "CommandContext.h"
#include "CommandList.h"
#include "ExitCode.h"
#include "Format.h"
#include "LiveSync.h"
#include "LoginCommands.h"
#include "LoginSettings.h"
#include "Session.h"
#include "SystemNetworkReachability.h"
#include "TableFormatter.h"
#include "WatchCommand.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace swarmwatch {

namespace {

bool takesJson(const QString &command)
{
    return QStringList{QStringLiteral("projects"), QStringLiteral("campaigns"), QStringLiteral("agents"),
                       QStringLiteral("summary"),  QStringLiteral("watch"),     QStringLiteral("logins")}
        .contains(command);
}

bool needsNoServer(const QString &command, const QCommandLineParser &parser)
{
    return command == QLatin1String("logins")
           || (command == QLatin1String("logout") && parser.isSet(QStringLiteral("all")));
}

// --sort, --state and --limit, as campaigns and watch take them; an empty string when they are fine.
QString readSelection(const QCommandLineParser &parser, TableFormatter::CampaignSelection *selection)
{
    selection->sort = parser.value(QStringLiteral("sort"));
    for (const QString &states : parser.values(QStringLiteral("state")))
        selection->states += states.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        selection->limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            selection->limit = -1;
    }
    return TableFormatter::check(*selection);
}

} // namespace

ServerCommands::ServerCommands(std::FILE *in, std::FILE *out, std::FILE *err)
    : m_in(in)
    , m_out(out)
    , m_err(err)
{}

int ServerCommands::run(const QString &command, const QStringList &arguments)
{
    CommandContext context(command, m_in, m_out, m_err);
    const CommandList::Command *known = CommandList::find(command);
    QCommandLineParser parser;
    parser.setApplicationDescription(known ? known->summary : QString());
    parser.addHelpOption();
    if (command != QLatin1String("logins"))
        parser.addOption({QStringLiteral("server"),
                          tr("The CipherSwarm server (default: $SWARMWATCH_SERVER, then the last login)."),
                          tr("url")});
    if (takesJson(command))
        parser.addOption({QStringLiteral("json"), tr("Print JSON instead of a table.")});
    if (command == QLatin1String("login")) {
        parser.addOption({QStringLiteral("email"), tr("Your CipherSwarm login."), tr("email")});
        parser.addOption({QStringLiteral("password-stdin"), tr("Read the password from standard input.")});
    }
    if (command == QLatin1String("logout"))
        parser.addOption({QStringLiteral("all"), tr("Log out of every server.")});
    if (command == QLatin1String("use-project"))
        parser.addPositionalArgument(QStringLiteral("id"), tr("The project's id (see `projects`)."));
    if (command == QLatin1String("campaigns") || command == QLatin1String("watch")) {
        parser.addOption({QStringLiteral("sort"),
                          tr("Order by one of %1; a leading - reverses (default: newest first, as the server "
                             "lists them).")
                              .arg(TableFormatter::sortKeys().join(QStringLiteral(", "))),
                          tr("key")});
        parser.addOption({QStringLiteral("state"),
                          tr("Only campaigns in these states (comma-separated, e.g. active,paused)."),
                          tr("states")});
        parser.addOption(
            {QStringLiteral("limit"),
             tr("At most this many campaigns (0: all); with watch --json, in the snapshot and final "
                "pictures."),
             tr("n")});
    }
    if (command == QLatin1String("watch"))
        WatchCommand::addOptions(parser);
    if (!parser.parse(arguments.mid(1))) {
        return context.usageError(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: swarmwatch-cli ") + command);
        context.print(help);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (command == QLatin1String("use-project") && positional.isEmpty())
        return context.usageError(tr("use-project needs the id of a project: swarmwatch-cli use-project ID "
                                     "(`swarmwatch-cli projects` lists them)"));
    if (command == QLatin1String("use-project") ? positional.size() != 1 : !positional.isEmpty())
        return context.usageError(
            tr("unexpected arguments: %1 (see --help)").arg(positional.join(QLatin1Char(' '))));
    if (command == QLatin1String("logout") && parser.isSet(QStringLiteral("all"))
        && parser.isSet(QStringLiteral("server")))
        return context.usageError(tr("--all and --server exclude each other"));
    TableFormatter::CampaignSelection selection;
    if (command == QLatin1String("campaigns") || command == QLatin1String("watch")) {
        if (const QString problem = readSelection(parser, &selection); !problem.isEmpty())
            return context.usageError(problem);
    }
    const bool json = takesJson(command) && parser.isSet(QStringLiteral("json"));

    if (needsNoServer(command, parser)) {
        context.openSettings();
        LoginCommands logins(context);
        return command == QLatin1String("logins") ? logins.list(json) : logins.logoutAll();
    }
    if (!context.open(parser.value(QStringLiteral("server"))))
        return ExitUsage;
    LoginCommands logins(context);
    if (command == QLatin1String("login"))
        return logins.login(parser.value(QStringLiteral("email")),
                            parser.isSet(QStringLiteral("password-stdin")));
    if (command == QLatin1String("logout"))
        return logins.logout();
    if (command == QLatin1String("token"))
        return logins.token();
    if (!context.signIn())
        return ExitAuthentication;
    if (command == QLatin1String("whoami"))
        return whoami(context);
    if (command == QLatin1String("projects"))
        return projects(context, json);
    if (command == QLatin1String("use-project"))
        return useProject(context, positional.first());
    if (command == QLatin1String("campaigns"))
        return campaigns(context, selection, json);
    if (command == QLatin1String("agents"))
        return agents(context, json);
    if (command == QLatin1String("watch")) {
        WatchCommand::Options options;
        if (const QString problem = WatchCommand::readOptions(parser, &options); !problem.isEmpty())
            return context.usageError(problem);
        options.json = json;
        options.selection = selection;
        return WatchCommand(context, options).run();
    }
    return summary(context, json);
}

int ServerCommands::whoami(CommandContext &context)
{
    const auto me =
        CommandContext::await<ApiResult<User>>([&](auto done) { context.client()->me(std::move(done)); });
    if (!me.ok())
        return context.fail(me.error);
    ProjectContext projects;
    if (const int code = context.ensureProject(&projects); code != ExitOk)
        return code;
    QString project;
    for (const Project &p : projects.availableProjects) {
        if (context.session()->projectId() == p.id)
            project = QStringLiteral("%1 (%2)").arg(p.name).arg(p.id);
    }
    const QDateTime expiry = context.session()->tokenExpiry();
    context.print(tr("%1 (%2), role %3\nserver:  %4\nproject: %5\ntoken expires: %6\n")
                      .arg(me.value.email, me.value.name, me.value.role, context.server().toString(), project,
                           expiry.isValid()
                               ? tr("%1 (%2)").arg(Format::timeOfDay(expiry, QDateTime::currentDateTimeUtc()),
                                                   expiry.toLocalTime().toString(QStringLiteral("t")))
                               : tr("unknown")));
    return ExitOk;
}

int ServerCommands::projects(CommandContext &context, bool json)
{
    ProjectContext projects;
    if (const int code = context.ensureProject(&projects); code != ExitOk)
        return code;
    QList<Project> available = projects.availableProjects;
    std::sort(available.begin(), available.end(),
              [](const Project &a, const Project &b) { return a.id < b.id; });
    const std::optional<qint64> inUse = context.session()->projectId();
    if (json) {
        QJsonArray array;
        for (const Project &p : available)
            array.append(QJsonObject{{QStringLiteral("id"), p.id},
                                     {QStringLiteral("name"), p.name},
                                     {QStringLiteral("active"), inUse == p.id}});
        context.print(ApiJson::line(array));
        return ExitOk;
    }
    TextTable table(
        {{QString(), false, 0, false, 0}, {tr("ID"), true, 0, false, 0}, {tr("NAME"), false, 0, true, 12}});
    for (const Project &p : available)
        table.addRow({inUse == p.id ? QStringLiteral("*") : QString(), QString::number(p.id), p.name});
    context.print(table.render(context.outputWidth()));
    return ExitOk;
}

int ServerCommands::useProject(CommandContext &context, const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return context.usageError(tr("“%1” is not a project id (see `swarmwatch-cli projects`)").arg(idText));
    if (!context.logins()->login(context.server()))
        // With SWARMWATCH_TOKEN and no login here there is nowhere to remember the choice for the next
        // command.
        return context.usageError(tr("there is no login for %1 to remember the project in: set "
                                     "SWARMWATCH_PROJECT=%2 instead")
                                      .arg(context.server().toString())
                                      .arg(id));
    const auto switched = CommandContext::await<ApiResult<ProjectContext>>(
        [&](auto done) { context.client()->switchProject(id, std::move(done)); });
    if (!switched.ok())
        return context.fail(switched.error);
    context.logins()->setProjectId(context.server(), id);
    QString name;
    for (const Project &p : switched.value.availableProjects) {
        if (p.id == id)
            name = p.name;
    }
    context.print(tr("Active project: %1 (%2)\n").arg(name).arg(id));
    return ExitOk;
}

int ServerCommands::campaigns(CommandContext &context, const TableFormatter::CampaignSelection &selection,
                              bool json)
{
    if (const int code = context.ensureProject(); code != ExitOk)
        return code;
    // The snapshot `watch` starts from, over REST only: the rows, their metrics, then progress and ETAs.
    CampaignModel campaigns;
    AgentModel agents;
    SystemNetworkReachability reachability;
    LiveSync sync(context.client(), context.network(), &reachability, &campaigns, &agents);
    LiveSyncSettings settings;
    settings.feeds = false;
    settings.agents = false;
    settings.requestsPerSecond = 0; // one picture, asked for once: as fast as the server answers
    sync.setSettings(settings);

    QEventLoop loop;
    std::optional<ApiError> listFailure;
    QObject::connect(&sync, &LiveSync::error, &loop, [&](const SyncError &error) {
        // Without the list there is nothing to show; a campaign's metrics missing leaves a blank cell.
        if (sync.isSnapshotLoaded())
            return;
        ApiError failure(error.kind, error.httpStatus, error.message, error.endpoint);
        failure.htmlBody = error.htmlBody;
        listFailure = failure;
        loop.quit();
    });
    QElapsedTimer sinceLoaded;
    QTimer settle;
    QObject::connect(&settle, &QTimer::timeout, &loop, [&] {
        if (context.session()->state() == Session::State::Unauthorized)
            loop.quit();
        if (!sync.isSnapshotLoaded())
            return;
        if (!sinceLoaded.isValid())
            sinceLoaded.start();
        // Metrics that never come (a campaign deleted meanwhile) must not hold the listing up for long.
        if (sync.isSnapshotComplete() || sinceLoaded.elapsed() > 15000)
            loop.quit();
    });
    settle.start(50);
    sync.start();
    loop.exec();
    sync.stop();
    if (context.session()->state() == Session::State::Unauthorized)
        return context.fail(ApiError(ApiError::Kind::Unauthorized, 401, QString()));
    if (listFailure)
        return context.fail(*listFailure);

    const QList<int> rows = TableFormatter::campaignRows(campaigns, selection);
    if (json) {
        QJsonArray array;
        for (const int r : rows)
            array.append(ApiJson::toJson(campaigns.rows().at(r)));
        context.print(ApiJson::line(array));
        return ExitOk;
    }
    context.print(TableFormatter::campaigns(campaigns, rows).render(context.outputWidth()));
    return ExitOk;
}

int ServerCommands::agents(CommandContext &context, bool json)
{
    const auto result = CommandContext::await<ApiResult<QList<Agent>>>(
        [&](auto done) { context.client()->agents(std::move(done)); });
    if (!result.ok())
        return context.fail(result.error);
    QList<Agent> sorted = result.value;
    std::sort(sorted.begin(), sorted.end(), [](const Agent &a, const Agent &b) { return a.id < b.id; });
    if (json) {
        QJsonArray array;
        for (const Agent &agent : sorted)
            array.append(ApiJson::toJson(agent));
        context.print(ApiJson::line(array));
        return ExitOk;
    }
    AgentModel model;
    model.replaceAll(sorted);
    context.print(TableFormatter::agents(model).render(context.outputWidth()));
    return ExitOk;
}

int ServerCommands::summary(CommandContext &context, bool json)
{
    const auto result = CommandContext::await<ApiResult<DashboardSummary>>(
        [&](auto done) { context.client()->dashboardSummary(std::move(done)); });
    if (!result.ok())
        return context.fail(result.error);
    const DashboardSummary &s = result.value;
    if (json) {
        context.print(ApiJson::line(ApiJson::toJson(s)));
        return ExitOk;
    }
    // The hash rate: the newest point of the server's usage series (the dashboard's own figure).
    const auto newest =
        std::max_element(s.resourceUsage.cbegin(), s.resourceUsage.cend(),
                         [](const UsagePoint &a, const UsagePoint &b) { return a.timestamp < b.timestamp; });
    const QString rate = newest == s.resourceUsage.cend()
                             ? tr("unknown")
                             : tr("%1 (at %2)")
                                   .arg(Format::rate(newest->hashRate),
                                        newest->timestamp.toLocalTime().toString(QStringLiteral("HH:mm t")));
    context.print(
        tr("agents online:   %1 of %2\ntasks running:   %3 of %4\nhash rate:       %5\ncracked (24 h):  %6\n")
            .arg(s.activeAgents)
            .arg(s.totalAgents)
            .arg(s.runningTasks)
            .arg(s.totalTasks)
            .arg(rate)
            .arg(s.recentlyCrackedHashes));
    return ExitOk;
}

} // namespace swarmwatch
