#include "ServerCommands.h"

#include "AgentModel.h"
#include "ApiCall.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CipherSwarmClient.h"
#include "CredentialStore.h"
#include "ExitCode.h"
#include "Format.h"
#include "LiveSync.h"
#include "LoginSettings.h"
#include "Session.h"
#include "SystemNetworkReachability.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace swarmwatch {

namespace {

const QStringList kCommands{
    QStringLiteral("login"),    QStringLiteral("logout"),      QStringLiteral("whoami"),
    QStringLiteral("projects"), QStringLiteral("use-project"), QStringLiteral("campaigns"),
    QStringLiteral("agents"),   QStringLiteral("summary"),     QStringLiteral("watch")};

// Runs one asynchronous call to its end.
template <typename T, typename Start>
ApiResult<T> await(Start start)
{
    ApiResult<T> result;
    QEventLoop loop;
    start([&](const ApiResult<T> &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

QJsonValue optional(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject toJson(const Campaign &campaign)
{
    return {{QStringLiteral("id"), campaign.id},
            {QStringLiteral("name"), campaign.name},
            {QStringLiteral("description"), optional(campaign.description)},
            {QStringLiteral("project_id"), campaign.projectId},
            {QStringLiteral("priority"), campaign.priority},
            {QStringLiteral("hash_list_id"), campaign.hashListId},
            {QStringLiteral("is_unavailable"), campaign.unavailable},
            {QStringLiteral("state"), campaign.state},
            {QStringLiteral("created_at"), isoTime(campaign.createdAt)},
            {QStringLiteral("updated_at"), isoTime(campaign.updatedAt)}};
}

QJsonObject toJson(const Agent &agent)
{
    return {{QStringLiteral("id"), agent.id},
            {QStringLiteral("host_name"), agent.hostName},
            {QStringLiteral("client_signature"), agent.clientSignature},
            {QStringLiteral("custom_label"), optional(agent.customLabel)},
            {QStringLiteral("state"), agent.state},
            {QStringLiteral("enabled"), agent.enabled},
            {QStringLiteral("devices"), QJsonArray::fromStringList(agent.devices)},
            {QStringLiteral("agent_type"), optional(agent.agentType)},
            {QStringLiteral("operating_system"), agent.operatingSystem},
            {QStringLiteral("created_at"), isoTime(agent.createdAt)},
            {QStringLiteral("updated_at"), isoTime(agent.updatedAt)},
            {QStringLiteral("last_seen_at"),
             agent.lastSeenAt ? QJsonValue(isoTime(*agent.lastSeenAt)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_ipaddress"), optional(agent.lastIpAddress)}};
}

QJsonObject toJson(const CampaignRow &row)
{
    QJsonObject object = toJson(row.campaign);
    const auto put = [&object](const char *key, const QJsonValue &value) {
        object.insert(QLatin1String(key), value);
    };
    const QJsonValue null(QJsonValue::Null);
    put("total_hashes", row.metrics ? QJsonValue(row.metrics->totalHashes) : null);
    put("cracked_hashes", row.metrics ? QJsonValue(row.metrics->crackedHashes) : null);
    put("uncracked_hashes", row.metrics ? QJsonValue(row.metrics->uncrackedHashes) : null);
    put("percent_cracked", row.metrics ? QJsonValue(row.metrics->percentCracked) : null);
    put("progress_percent", row.metrics ? QJsonValue(row.metrics->progressPercent) : null);
    put("active_agents", row.activeAgents ? QJsonValue(*row.activeAgents) : null);
    put("attacks_count", row.attackCount ? QJsonValue(*row.attackCount) : null);
    put("eta_seconds", row.etaSeconds ? QJsonValue(*row.etaSeconds) : null);
    return object;
}

QJsonObject toJson(const AgentRow &row)
{
    QJsonObject object = toJson(row.agent);
    object.insert(QStringLiteral("online"), AgentModel::isOnline(row.agent, QDateTime::currentDateTimeUtc()));
    object.insert(QStringLiteral("latest_error"),
                  row.latestError ? QJsonValue(*row.latestError) : QJsonValue());
    object.insert(QStringLiteral("current_speed"),
                  row.currentSpeed ? QJsonValue(*row.currentSpeed) : QJsonValue());
    return object;
}

QString ago(const std::optional<QDateTime> &time)
{
    if (!time)
        return QStringLiteral("never");
    const qint64 seconds = time->secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 120)
        return QStringLiteral("%1 s ago").arg(std::max<qint64>(0, seconds));
    if (seconds < 7200)
        return QStringLiteral("%1 min ago").arg(seconds / 60);
    return time->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

ServerCommands::ServerCommands(std::FILE *in, std::FILE *out, std::FILE *err)
    : m_in(in)
    , m_out(out)
    , m_err(err)
{}

ServerCommands::~ServerCommands() = default;

bool ServerCommands::handles(const QString &command)
{
    return kCommands.contains(command);
}

QString ServerCommands::summaryLine(const QString &command)
{
    if (command == QLatin1String("login"))
        return tr("Log in and keep the token in the keychain");
    if (command == QLatin1String("logout"))
        return tr("Log out and delete the stored token");
    if (command == QLatin1String("whoami"))
        return tr("Show the signed-in user, server and project");
    if (command == QLatin1String("projects"))
        return tr("List your projects (* marks the active one)");
    if (command == QLatin1String("use-project"))
        return tr("Make project ID the active one");
    if (command == QLatin1String("campaigns"))
        return tr("List the active project's campaigns");
    if (command == QLatin1String("agents"))
        return tr("List the agents");
    if (command == QLatin1String("summary"))
        return tr("Show the dashboard summary");
    if (command == QLatin1String("watch"))
        return tr("Follow campaigns (and agents) live, as a table or JSON lines");
    return {};
}

void ServerCommands::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_out);
}

int ServerCommands::usageError(const QString &message)
{
    std::fprintf(m_err, "swarmwatch-cli %s: %s\n", qPrintable(m_command), message.toUtf8().constData());
    return ExitUsage;
}

int ServerCommands::fail(const ApiError &error)
{
    std::fprintf(m_err, "swarmwatch-cli %s: %s\n", qPrintable(m_command), error.message.toUtf8().constData());
    if (error.httpStatus == 422)
        return ExitUsage; // the server found the input itself invalid
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return ExitAuthentication;
    case ApiError::Kind::Decode:
    case ApiError::Kind::Http:
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        return ExitNetwork;
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::None:
        break;
    }
    return ExitFailure;
}

int ServerCommands::run(const QString &command, const QStringList &arguments)
{
    m_command = command;
    QCommandLineParser parser;
    parser.setApplicationDescription(summaryLine(command));
    parser.addHelpOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        tr("The CipherSwarm server (default: $SWARMWATCH_SERVER, then the last login)."), tr("url"));
    parser.addOption(serverOption);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print the API's JSON instead of a table."));
    if (command == QLatin1String("projects") || command == QLatin1String("campaigns")
        || command == QLatin1String("agents") || command == QLatin1String("summary"))
        parser.addOption(jsonOption);
    if (command == QLatin1String("login")) {
        parser.addOption({QStringLiteral("email"), tr("Your CipherSwarm login."), tr("email")});
        parser.addOption({QStringLiteral("password-stdin"), tr("Read the password from standard input.")});
    }
    if (command == QLatin1String("use-project"))
        parser.addPositionalArgument(QStringLiteral("id"), tr("The project's id (see `projects`)."));
    if (command == QLatin1String("watch")) {
        parser.addOption(jsonOption);
        parser.addOption({QStringLiteral("agents"), tr("Follow the agents too.")});
        parser.addOption(
            {QStringLiteral("show-secrets"), tr("Show cracked plaintexts in toasts (hidden by default).")});
        parser.addOption({QStringLiteral("watchdog-seconds"),
                          tr("Reconnect a feed silent this long (default 75)."), tr("seconds"),
                          QStringLiteral("75")});
        parser.addOption({QStringLiteral("resync-seconds"), tr("Full resync interval (default 60)."),
                          tr("seconds"), QStringLiteral("60")});
        parser.addOption({QStringLiteral("max-requests-per-second"),
                          tr("REST budget against the server (default 100; 0: no limit)."), tr("n"),
                          QStringLiteral("100")});
    }

    QStringList withoutCommand = arguments;
    withoutCommand.removeAt(1);
    if (!parser.parse(withoutCommand))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: swarmwatch-cli ") + command);
        print(help);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (command == QLatin1String("use-project") && positional.isEmpty())
        return usageError(tr("use-project needs the id of a project: swarmwatch-cli use-project ID "
                             "(`swarmwatch-cli projects` lists them)"));
    if (command == QLatin1String("use-project") ? positional.size() != 1 : !positional.isEmpty())
        return usageError(tr("unexpected arguments: %1 (see --help)").arg(positional.join(QLatin1Char(' '))));

    m_qsettings = std::make_unique<QSettings>();
    m_settings = std::make_unique<LoginSettings>(m_qsettings.get());
    m_server = resolveServer(parser.value(serverOption));
    if (m_server.isEmpty())
        return ExitUsage;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_transport = std::make_unique<ApiTransport>(m_network.get());
    m_session = std::make_unique<Session>(m_transport.get());
    m_session->setServer(m_server);
    m_client = std::make_unique<CipherSwarmClient>(m_session.get());
    m_credentials = std::make_unique<CredentialStore>();

    if (command == QLatin1String("login"))
        return login(parser);
    if (command == QLatin1String("logout"))
        return logout();
    if (!signIn())
        return ExitAuthentication;
    const bool json = parser.optionNames().contains(QStringLiteral("json")) && parser.isSet(jsonOption);
    if (command == QLatin1String("whoami"))
        return whoami();
    if (command == QLatin1String("projects"))
        return projects(json);
    if (command == QLatin1String("use-project"))
        return useProject(positional.first());
    if (command == QLatin1String("campaigns"))
        return campaigns(json);
    if (command == QLatin1String("agents"))
        return agents(json);
    if (command == QLatin1String("watch"))
        return watch(parser);
    return summary(json);
}

QUrl ServerCommands::resolveServer(const QString &fromOption)
{
    QString text = fromOption;
    if (text.isEmpty())
        text = qEnvironmentVariable("SWARMWATCH_SERVER");
    if (text.isEmpty())
        text = m_settings->defaultServer().toString();
    if (text.isEmpty()) {
        usageError(tr("no server given: use --server URL (or set SWARMWATCH_SERVER)"));
        return {};
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        usageError(tr("invalid server URL “%1”: expected http(s)://host[:port]").arg(text));
        return {};
    }
    if (!url.userInfo().isEmpty()) {
        usageError(tr("the server URL must not contain a user name or password"));
        return {};
    }
    return url.adjusted(QUrl::StripTrailingSlash);
}

namespace {

// The terminal as it was before the password prompt, for the signal handler below. A handler cannot be handed
// anything, hence these two process-wide values; they are set only while a prompt is open.
termios g_terminalBeforePrompt{};
volatile sig_atomic_t g_promptFd = -1;

void restoreTerminalAndDie(int signalNumber)
{
    if (g_promptFd >= 0)
        ::tcsetattr(g_promptFd, TCSANOW, &g_terminalBeforePrompt); // async-signal-safe
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

} // namespace

QString ServerCommands::readPassword(bool fromStdin)
{
    const int fd = fileno(m_in);
    const bool terminal = !fromStdin && ::isatty(fd);
    termios saved{};
    if (terminal) {
        std::fputs(qPrintable(tr("Password: ")), m_err);
        std::fflush(m_err);
        ::tcgetattr(fd, &saved);
        g_terminalBeforePrompt = saved;
        g_promptFd = fd;
        ::signal(SIGINT, restoreTerminalAndDie); // Ctrl-C at the prompt must not leave echo off
        ::signal(SIGTERM, restoreTerminalAndDie);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    for (int c; (c = std::fgetc(m_in)) != EOF && c != '\n';)
        line.append(static_cast<char>(c));
    if (terminal) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        g_promptFd = -1;
        std::fputc('\n', m_err);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int ServerCommands::login(QCommandLineParser &parser)
{
    const std::optional<LoginSettings::Login> known = m_settings->login(m_server);
    QString email = parser.value(QStringLiteral("email"));
    if (email.isEmpty() && known)
        email = known->email;
    if (email.isEmpty())
        return usageError(tr("--email is required"));
    const QString password = readPassword(parser.isSet(QStringLiteral("password-stdin")));
    if (password.isEmpty())
        return usageError(tr("no password given"));

    const auto result = await<QByteArray>([&](auto done) { m_session->login(email, password, done); });
    if (!result.ok())
        return fail(result.error);

    LoginSettings::Login login = known.value_or(LoginSettings::Login{});
    login.server = m_server;
    login.email = email;
    // The server's own default is the lowest-id project; keep a remembered one if it is still available.
    const auto context = await<ProjectContext>([&](auto done) { m_client->projectContext(done); });
    if (context.ok()) {
        std::optional<qint64> project = login.projectId;
        const auto &available = context.value.availableProjects;
        if (!project || std::none_of(available.begin(), available.end(), [&](const Project &p) {
                return p.id == *project;
            })) {
            project.reset();
            for (const Project &p : available)
                project = project ? std::min(*project, p.id) : p.id;
        }
        login.projectId = project;
    }
    m_settings->saveLogin(login);

    CredentialStore::Outcome stored;
    QEventLoop loop;
    m_credentials->write(m_server, email, CredentialStore::Secret::Token, result.value,
                         [&](const CredentialStore::Outcome &outcome) {
                             stored = outcome;
                             loop.quit();
                         });
    loop.exec();
    if (!stored.ok) {
        std::fprintf(m_err, "swarmwatch-cli login: %s\n",
                     qPrintable(tr("logged in, but the token was not stored: %1 "
                                   "For scripts, set SWARMWATCH_TOKEN.")
                                    .arg(stored.message)));
        return ExitOk;
    }
    print(tr("Logged in to %1 as %2.\n").arg(m_server.toString(), email));
    return ExitOk;
}

int ServerCommands::logout()
{
    const QString email = m_settings->login(m_server).value_or(LoginSettings::Login{}).email;
    m_session->logout();
    int removed = 0;
    QString failure;
    QEventLoop loop;
    for (const auto secret : {CredentialStore::Secret::Token, CredentialStore::Secret::Password}) {
        m_credentials->remove(m_server, email, secret, [&](const CredentialStore::Outcome &outcome) {
            if (!outcome.ok && failure.isEmpty())
                failure = outcome.message; // "not found" counts as ok: nothing was stored
            if (++removed == 2)
                loop.quit();
        });
    }
    loop.exec();
    if (!failure.isEmpty()) {
        // The user must not believe the token is gone while the keychain still holds it.
        std::fprintf(m_err, "swarmwatch-cli logout: %s\n",
                     qPrintable(tr("the stored token could not be deleted: %1").arg(failure)));
        return ExitFailure;
    }
    print(tr("Logged out of %1.\n").arg(m_server.toString()));
    return ExitOk;
}

bool ServerCommands::signIn()
{
    const QString email = m_settings->login(m_server).value_or(LoginSettings::Login{}).email;
    const QByteArray fromEnvironment = qgetenv("SWARMWATCH_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        m_session->setToken(fromEnvironment.trimmed());
    } else {
        CredentialStore::Outcome outcome;
        QEventLoop loop;
        m_credentials->read(m_server, email, CredentialStore::Secret::Token,
                            [&](const CredentialStore::Outcome &o) {
                                outcome = o;
                                loop.quit();
                            });
        loop.exec();
        if (!outcome.ok) {
            std::fprintf(m_err, "swarmwatch-cli %s: %s\n", qPrintable(m_command),
                         qPrintable(outcome.message));
            return false;
        }
        if (!outcome.found || email.isEmpty()) {
            std::fprintf(
                m_err, "swarmwatch-cli %s: %s\n", qPrintable(m_command),
                qPrintable(tr("not logged in to %1: run `swarmwatch-cli login` or set SWARMWATCH_TOKEN")
                               .arg(m_server.toString())));
            return false;
        }
        m_session->setToken(outcome.value);
    }
    if (const auto login = m_settings->login(m_server))
        m_session->setProjectId(login->projectId);
    // Keep a token the session refreshed, so the next command does not start from an expired one.
    QObject::connect(m_session.get(), &Session::tokenChanged, m_session.get(),
                     [this, email](const QByteArray &token) {
                         if (!token.isEmpty() && qEnvironmentVariableIsEmpty("SWARMWATCH_TOKEN"))
                             m_credentials->write(m_server, email, CredentialStore::Secret::Token, token,
                                                  [](const CredentialStore::Outcome &) {});
                     });
    return true;
}

int ServerCommands::ensureProject()
{
    if (m_session->projectId())
        return ExitOk;
    const auto context = await<ProjectContext>([&](auto done) { m_client->projectContext(done); });
    if (!context.ok())
        return fail(context.error);
    std::optional<qint64> lowest;
    for (const Project &p : context.value.availableProjects)
        lowest = lowest ? std::min(*lowest, p.id) : p.id;
    if (!lowest) {
        std::fprintf(m_err, "swarmwatch-cli %s: %s\n", qPrintable(m_command),
                     qPrintable(tr("you belong to no project on this server")));
        return ExitUsage;
    }
    m_session->setProjectId(lowest);
    return ExitOk;
}

void ServerCommands::printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i)
            text += i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i];
        print(text + QLatin1Char('\n'));
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

int ServerCommands::whoami()
{
    const auto me = await<User>([&](auto done) { m_client->me(done); });
    if (!me.ok())
        return fail(me.error);
    QString project = tr("none");
    const auto context = await<ProjectContext>([&](auto done) { m_client->projectContext(done); });
    if (context.ok()) {
        for (const Project &p : context.value.availableProjects) {
            if (m_session->projectId() == p.id)
                project = QStringLiteral("%1 (%2)").arg(p.name).arg(p.id);
        }
    }
    print(tr("%1 (%2), role %3\nserver:  %4\nproject: %5\ntoken expires: %6\n")
              .arg(me.value.email, me.value.name, me.value.role, m_server.toString(), project,
                   m_session->tokenExpiry().isValid() ? m_session->tokenExpiry().toString(Qt::ISODate)
                                                      : tr("unknown")));
    return ExitOk;
}

int ServerCommands::projects(bool json)
{
    const auto context = await<ProjectContext>([&](auto done) { m_client->projectContext(done); });
    if (!context.ok())
        return fail(context.error);
    QList<Project> available = context.value.availableProjects;
    std::sort(available.begin(), available.end(),
              [](const Project &a, const Project &b) { return a.id < b.id; });
    if (json) {
        QJsonArray array;
        for (const Project &p : available)
            array.append(QJsonObject{{QStringLiteral("id"), p.id},
                                     {QStringLiteral("name"), p.name},
                                     {QStringLiteral("active"), m_session->projectId() == p.id}});
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const Project &p : available)
        rows.append({m_session->projectId() == p.id ? QStringLiteral("*") : QString(), QString::number(p.id),
                     p.name});
    printTable({QString(), tr("ID"), tr("NAME")}, rows);
    return ExitOk;
}

int ServerCommands::useProject(const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(tr("“%1” is not a project id (see `swarmwatch-cli projects`)").arg(idText));
    const auto context = await<ProjectContext>([&](auto done) { m_client->switchProject(id, done); });
    if (!context.ok())
        return fail(context.error);
    m_settings->setProjectId(m_server, id);
    QString name;
    for (const Project &p : context.value.availableProjects) {
        if (p.id == id)
            name = p.name;
    }
    print(tr("Active project: %1 (%2)\n").arg(name).arg(id));
    return ExitOk;
}

int ServerCommands::campaigns(bool json)
{
    if (const int code = ensureProject(); code != ExitOk)
        return code;
    const auto result = await<QList<Campaign>>([&](auto done) { m_client->campaigns(done); });
    if (!result.ok())
        return fail(result.error);
    if (json) {
        QJsonArray array;
        for (const Campaign &campaign : result.value)
            array.append(toJson(campaign));
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const Campaign &c : result.value)
        rows.append({QString::number(c.id), c.name, c.state, QString::number(c.priority), ago(c.updatedAt)});
    printTable({tr("ID"), tr("NAME"), tr("STATE"), tr("PRIORITY"), tr("UPDATED")}, rows);
    return ExitOk;
}

int ServerCommands::agents(bool json)
{
    const auto result = await<QList<Agent>>([&](auto done) { m_client->agents(done); });
    if (!result.ok())
        return fail(result.error);
    QList<Agent> sorted = result.value;
    std::sort(sorted.begin(), sorted.end(), [](const Agent &a, const Agent &b) { return a.id < b.id; });
    if (json) {
        QJsonArray array;
        for (const Agent &agent : sorted)
            array.append(toJson(agent));
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const Agent &a : sorted)
        rows.append({QString::number(a.id), a.displayName(), a.state, a.enabled ? tr("yes") : tr("no"),
                     ago(a.lastSeenAt), a.operatingSystem, QString::number(a.devices.size())});
    printTable({tr("ID"), tr("NAME"), tr("STATE"), tr("ENABLED"), tr("LAST SEEN"), tr("OS"), tr("DEVICES")},
               rows);
    return ExitOk;
}

int ServerCommands::summary(bool json)
{
    const auto result = await<DashboardSummary>([&](auto done) { m_client->dashboardSummary(done); });
    if (!result.ok())
        return fail(result.error);
    const DashboardSummary &s = result.value;
    if (json) {
        QJsonArray usage;
        for (const UsagePoint &point : s.resourceUsage)
            usage.append(QJsonObject{{QStringLiteral("timestamp"), isoTime(point.timestamp)},
                                     {QStringLiteral("hash_rate"), point.hashRate}});
        const QJsonObject object{{QStringLiteral("active_agents"), s.activeAgents},
                                 {QStringLiteral("total_agents"), s.totalAgents},
                                 {QStringLiteral("running_tasks"), s.runningTasks},
                                 {QStringLiteral("total_tasks"), s.totalTasks},
                                 {QStringLiteral("recently_cracked_hashes"), s.recentlyCrackedHashes},
                                 {QStringLiteral("resource_usage"), usage}};
        print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
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
    print(
        tr("agents online:   %1 of %2\ntasks running:   %3 of %4\nhash rate:       %5\ncracked (24 h):  %6\n")
            .arg(s.activeAgents)
            .arg(s.totalAgents)
            .arg(s.runningTasks)
            .arg(s.totalTasks)
            .arg(rate)
            .arg(s.recentlyCrackedHashes));
    return ExitOk;
}

int ServerCommands::watch(QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool withAgents = parser.isSet(QStringLiteral("agents"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    bool ok = false;
    const double watchdog = parser.value(QStringLiteral("watchdog-seconds")).toDouble(&ok);
    if (!ok || watchdog < 1 || watchdog > 86400)
        return usageError(tr("--watchdog-seconds takes a number from 1 to 86400"));
    const double resync = parser.value(QStringLiteral("resync-seconds")).toDouble(&ok);
    if (!ok || resync < 1 || resync > 86400)
        return usageError(tr("--resync-seconds takes a number from 1 to 86400"));
    const double budget = parser.value(QStringLiteral("max-requests-per-second")).toDouble(&ok);
    if (!ok || budget < 0 || budget > 100000)
        return usageError(tr("--max-requests-per-second takes a number from 0 to 100000"));

    CampaignModel campaigns;
    AgentModel agents;
    SystemNetworkReachability reachability;
    LiveSync sync(m_client.get(), m_network.get(), &reachability, &campaigns, &agents);
    LiveSyncSettings settings;
    settings.agents = withAgents;
    settings.feed.idleTimeout = std::chrono::milliseconds(static_cast<qint64>(watchdog * 1000));
    settings.resyncInterval = std::chrono::milliseconds(static_cast<qint64>(resync * 1000));
    settings.requestsPerSecond = budget;
    sync.setSettings(settings);

    // One JSON object per line, "op" first so that a reader (or a person) sees the kind at once.
    const auto emitLine = [this](QJsonObject object) {
        const QString op = object.take(QStringLiteral("op")).toString();
        const QByteArray rest = QJsonDocument(object).toJson(QJsonDocument::Compact);
        print(QStringLiteral("{\"op\":\"%1\"").arg(op) + (rest.size() > 2 ? QStringLiteral(",") : QString())
              + QString::fromUtf8(rest.mid(1)) + QLatin1Char('\n'));
        std::fflush(m_out);
    };
    const auto campaignArray = [&campaigns] {
        QJsonArray array;
        for (const CampaignRow &row : campaigns.rows())
            array.append(toJson(row));
        return array;
    };
    const auto agentArray = [&agents] {
        QJsonArray array;
        for (const AgentRow &row : agents.rows())
            array.append(toJson(row));
        return array;
    };
    const auto feedStates = [&sync, withAgents] {
        QJsonObject feeds;
        feeds.insert(QStringLiteral("campaigns"),
                     LiveSync::feedStateName(sync.feedState(LiveSync::Feed::Campaigns)));
        if (withAgents)
            feeds.insert(QStringLiteral("agents"),
                         LiveSync::feedStateName(sync.feedState(LiveSync::Feed::Agents)));
        feeds.insert(QStringLiteral("toasts"),
                     LiveSync::feedStateName(sync.feedState(LiveSync::Feed::Toasts)));
        return feeds;
    };

    // The first picture is printed once the snapshot (metrics included) has settled, or, on a server too busy
    // to ever be idle, soon after every row is listed (metrics then follow as upserts); changes follow it.
    bool snapshotPrinted = false;
    QElapsedTimer sinceLoaded;
    QObject::connect(&sync, &LiveSync::snapshotLoaded, &sync, [&sinceLoaded] { sinceLoaded.start(); });
    QTimer settle;
    settle.setInterval(100);
    QTimer redraw;
    redraw.setSingleShot(true);
    redraw.setInterval(250);
    const bool terminal = ::isatty(fileno(m_out));
    const auto drawTable = [&] {
        if (terminal)
            print(QStringLiteral("\x1b[H\x1b[2J"));
        print(tr("%1 - %2%3\n\n")
                  .arg(m_server.toString(), LiveSync::statusName(sync.status()),
                       sync.statusReason().isEmpty()
                           ? QString()
                           : QStringLiteral(" (") + sync.statusReason() + QLatin1Char(')')));
        QList<QStringList> rows;
        for (int r = 0; r < campaigns.rowCount(); ++r) {
            QStringList cells;
            for (int column = 0; column < CampaignModel::ColumnCount; ++column)
                cells.append(campaigns.data(campaigns.index(r, column)).toString());
            rows.append(cells);
        }
        QStringList headers;
        for (int column = 0; column < CampaignModel::ColumnCount; ++column)
            headers.append(campaigns.headerData(column, Qt::Horizontal).toString().toUpper());
        printTable(headers, rows);
        if (withAgents) {
            print(QStringLiteral("\n"));
            QList<QStringList> agentRows;
            for (int r = 0; r < agents.rowCount(); ++r) {
                QStringList cells;
                for (int column = 0; column < AgentModel::ColumnCount; ++column)
                    cells.append(agents.data(agents.index(r, column)).toString());
                agentRows.append(cells);
            }
            QStringList agentHeaders;
            for (int column = 0; column < AgentModel::ColumnCount; ++column)
                agentHeaders.append(agents.headerData(column, Qt::Horizontal).toString().toUpper());
            printTable(agentHeaders, agentRows);
        }
        if (!terminal)
            print(QStringLiteral("--\n"));
        std::fflush(m_out);
    };
    QObject::connect(&redraw, &QTimer::timeout, &redraw, drawTable);
    QObject::connect(&settle, &QTimer::timeout, &settle, [&] {
        if (!sync.isSnapshotLoaded()
            || (!(sync.isSnapshotSettled() && sync.isIdle()) && sinceLoaded.elapsed() < 2000))
            return;
        settle.stop();
        snapshotPrinted = true;
        if (json) {
            QJsonObject snapshot{{QStringLiteral("op"), QStringLiteral("snapshot")},
                                 {QStringLiteral("campaigns"), campaignArray()}};
            if (withAgents)
                snapshot.insert(QStringLiteral("agents"), agentArray());
            emitLine(snapshot);
        } else {
            drawTable();
        }
    });
    settle.start();

    // A row whose cells changed in several runs is one upsert: ids collect until control returns to the loop.
    QSet<qint64> changedCampaigns;
    QSet<qint64> changedAgents;
    QTimer upserts;
    upserts.setSingleShot(true);
    upserts.setInterval(0);
    QObject::connect(&upserts, &QTimer::timeout, &upserts, [&] {
        // By id, not by a pass over every row: a busy server changes a few rows of thousands at a time.
        for (const qint64 id : std::as_const(changedCampaigns)) {
            if (const CampaignRow *row = campaigns.row(id))
                emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                          {QStringLiteral("campaign"), toJson(*row)}});
        }
        for (const qint64 id : std::as_const(changedAgents)) {
            if (const AgentRow *row = agents.row(id))
                emitLine({{QStringLiteral("op"), QStringLiteral("upsert")},
                          {QStringLiteral("agent"), toJson(*row)}});
        }
        changedCampaigns.clear();
        changedAgents.clear();
    });
    // Both models answer IdRole with the row's id, so one wiring serves both.
    const auto follow = [&](QAbstractItemModel *model, int idRole, QSet<qint64> *changed,
                            const QString &type) {
        const auto idAt = [model, idRole](int r) {
            return model->data(model->index(r, 0), idRole).toLongLong();
        };
        const auto touched = [&, idAt, changed](int first, int last) {
            if (!snapshotPrinted)
                return;
            if (!json) {
                redraw.start();
                return;
            }
            for (int r = first; r <= last; ++r)
                changed->insert(idAt(r));
            upserts.start();
        };
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [touched](const QModelIndex &, int first, int last) { touched(first, last); });
        QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                         [touched](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                             touched(topLeft.row(), bottomRight.row());
                         });
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, model,
                         [&, idAt, changed, type](const QModelIndex &, int first, int last) {
                             if (!snapshotPrinted)
                                 return;
                             if (!json) {
                                 redraw.start();
                                 return;
                             }
                             for (int r = first; r <= last; ++r) {
                                 const qint64 id = idAt(r);
                                 changed->remove(id);
                                 emitLine({{QStringLiteral("op"), QStringLiteral("remove")},
                                           {QStringLiteral("type"), type},
                                           {QStringLiteral("id"), id}});
                             }
                         });
    };
    follow(&campaigns, CampaignModel::IdRole, &changedCampaigns, QStringLiteral("campaign"));
    follow(&agents, AgentModel::IdRole, &changedAgents, QStringLiteral("agent"));

    QEventLoop loop;
    const auto onStatus = [&] {
        if (json) {
            emitLine({{QStringLiteral("op"), QStringLiteral("status")},
                      {QStringLiteral("status"), LiveSync::statusName(sync.status())},
                      {QStringLiteral("reason"), sync.statusReason()},
                      {QStringLiteral("feeds"), feedStates()}});
        } else if (snapshotPrinted) {
            redraw.start();
        }
        if (sync.status() == LiveSync::Status::Unauthorized
            && m_session->state() == Session::State::Unauthorized)
            loop.exit(ExitAuthentication); // nobody can type a password here: say so and stop
    };
    QObject::connect(&sync, &LiveSync::statusChanged, &loop, onStatus);
    QObject::connect(&sync, &LiveSync::toastReceived, &loop, [&](const Toast &toast) {
        const QString message = showSecrets ? toast.fullText() : toast.redacted;
        if (json)
            emitLine({{QStringLiteral("op"), QStringLiteral("toast")}, {QStringLiteral("message"), message}});
        else
            std::fprintf(m_err, "%s\n", message.toUtf8().constData());
    });
    QObject::connect(&sync, &LiveSync::error, &loop, [this](const SyncError &error) {
        std::fprintf(m_err, "swarmwatch-cli watch: %s\n", error.describe().toUtf8().constData());
    });
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &loop,
                     [&loop] { loop.exit(ExitOk); });

    sync.start();
    const int code = loop.exec();
    sync.stop();
    QObject::disconnect(&sync, nullptr, &loop, nullptr);
    if (code == ExitOk && json) {
        QJsonObject last{{QStringLiteral("op"), QStringLiteral("final")},
                         {QStringLiteral("campaigns"), campaignArray()}};
        if (withAgents)
            last.insert(QStringLiteral("agents"), agentArray());
        emitLine(last);
    }
    if (code == ExitAuthentication)
        std::fprintf(m_err, "swarmwatch-cli watch: %s\n", qPrintable(m_session->unauthorizedReason()));
    return code;
}

} // namespace swarmwatch
