#include "CommandContext.h"

#include "ApiTransport.h"
#include "CipherSwarmClient.h"
#include "ExitCode.h"
#include "HttpUrl.h"
#include "LoginSettings.h"
#include "Session.h"
#include "SettingsFile.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <sys/ioctl.h>
#include <unistd.h>

namespace swarmwatch {

CommandContext::CommandContext(QString command, std::FILE *in, std::FILE *out, std::FILE *err)
    : m_command(std::move(command))
    , m_in(in)
    , m_out(out)
    , m_err(err)
{}

CommandContext::~CommandContext()
{
    // A token the session refreshed is stored before the process ends, or the next command starts from the
    // old one; a keychain that never answers does not hold the exit up for long.
    if (m_pendingWrites > 0) {
        QEventLoop loop;
        m_waitingForWrites = &loop;
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        m_waitingForWrites = nullptr;
    }
}

void CommandContext::print(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_out);
}

void CommandContext::printError(const QString &message) const
{
    // One line, whatever the message carries: a server's text must not spread over the terminal.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray bytes = QStringLiteral("swarmwatch-cli %1: %2\n").arg(m_command, line).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_err);
    std::fflush(m_err);
}

int CommandContext::usageError(const QString &message) const
{
    printError(message);
    return ExitUsage;
}

QString CommandContext::sessionExpiredLine() const
{
    if (tokenFromEnvironment())
        return tr("SWARMWATCH_TOKEN was refused by %1 (%2): set a fresh token (`swarmwatch-cli token` "
                  "prints one where you are logged in)")
            .arg(m_server.toString(), m_session && !m_session->unauthorizedReason().isEmpty()
                                          ? m_session->unauthorizedReason()
                                          : tr("expired or invalid"));
    return tr("session expired for %1: run `swarmwatch-cli login`").arg(m_server.toString());
}

int CommandContext::fail(const ApiError &error) const
{
    // The session decides when a refusal means the token is no good; a 403 on one project is not that.
    if (m_session && m_session->state() == Session::State::Unauthorized) {
        printError(sessionExpiredLine());
        return ExitAuthentication;
    }
    if (error.htmlBody) {
        printError(
            error.httpStatus >= 300
                ? tr("%1 answered %2 with an HTML page: not a CipherSwarm server?")
                      .arg(m_server.toString())
                      .arg(error.httpStatus)
                : tr("%1 answered with an HTML page: not a CipherSwarm server?").arg(m_server.toString()));
        return ExitNetwork;
    }
    // Only use-project sends what the user typed; a 422 to anything else is another API's complaint.
    if (error.httpStatus == 422 && m_command != QLatin1String("use-project")) {
        printError(
            tr("%1 answered 422 (%2): not a CipherSwarm server?").arg(m_server.toString(), error.message));
        return ExitNetwork;
    }
    if (error.kind == ApiError::Kind::Decode) {
        printError(tr("%1 answered with something CipherSwarm does not send (%2): not a CipherSwarm server?")
                       .arg(m_server.toString(), error.message));
        return ExitNetwork;
    }
    printError(error.message);
    if (error.httpStatus == 422)
        return ExitUsage; // the server found the user's input (a project id) invalid
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return ExitAuthentication;
    case ApiError::Kind::Decode:
    case ApiError::Kind::Http:
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Cancelled: // nothing here cancels: the network layer gave up
    case ApiError::Kind::None:
        break;
    }
    return ExitNetwork;
}

QString CommandContext::checkServerUrl(const QUrl &url)
{
    if (!isHttpUrl(url))
        return tr("invalid server URL “%1”: expected http(s)://host[:port]").arg(url.toString());
    if (!url.userInfo().isEmpty())
        return tr("the server URL must not contain a user name or password");
    return {};
}

void CommandContext::openSettings()
{
    if (m_settings)
        return;
    m_settings = std::make_unique<SettingsFile>();
    m_logins = std::make_unique<LoginSettings>(m_settings.get());
    m_credentials = std::make_unique<CredentialStore>();
}

bool CommandContext::open(const QString &serverOption)
{
    openSettings();
    QString text = serverOption;
    if (text.isEmpty())
        text = qEnvironmentVariable("SWARMWATCH_SERVER");
    if (text.isEmpty())
        text = m_logins->defaultServer().toString();
    if (text.isEmpty()) {
        usageError(tr("no server given: use --server URL (or set SWARMWATCH_SERVER)"));
        return false;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (const QString problem = checkServerUrl(url); !problem.isEmpty()) {
        usageError(problem);
        return false;
    }
    m_server = LoginSettings::normalized(url);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_transport = std::make_unique<ApiTransport>(m_network.get());
    m_session = std::make_unique<Session>(m_transport.get());
    m_session->setServer(m_server);
    m_client = std::make_unique<CipherSwarmClient>(m_session.get());
    return true;
}

QString CommandContext::storedEmail() const
{
    return m_logins->login(m_server).value_or(LoginSettings::Login{}).email;
}

bool CommandContext::tokenFromEnvironment() const
{
    return !qEnvironmentVariableIsEmpty("SWARMWATCH_TOKEN");
}

bool CommandContext::signIn()
{
    const QString email = storedEmail();
    if (tokenFromEnvironment()) {
        m_session->setToken(qgetenv("SWARMWATCH_TOKEN").trimmed());
    } else {
        if (email.isEmpty()) {
            printError(tr("not logged in to %1: run `swarmwatch-cli login` or set SWARMWATCH_TOKEN")
                           .arg(m_server.toString()));
            return false;
        }
        const CredentialStore::Outcome outcome = readSecret(m_server, email, CredentialStore::Secret::Token);
        if (outcome.unavailable) {
            printError(
                tr("no keychain to read the token from (%1): set SWARMWATCH_TOKEN").arg(outcome.message));
            return false;
        }
        if (!outcome.ok) {
            printError(outcome.message);
            return false;
        }
        if (!outcome.found) {
            printError(tr("not logged in to %1: run `swarmwatch-cli login` or set SWARMWATCH_TOKEN")
                           .arg(m_server.toString()));
            return false;
        }
        m_session->setToken(outcome.value);
        // Keep a token the session refreshed, so the next command does not start from an expired one.
        QObject::connect(m_session.get(), &Session::tokenChanged, m_session.get(),
                         [this, email](const QByteArray &token) {
                             if (token.isEmpty())
                                 return;
                             ++m_pendingWrites;
                             m_credentials->write(m_server, email, CredentialStore::Secret::Token, token,
                                                  [this](const CredentialStore::Outcome &) {
                                                      if (--m_pendingWrites == 0 && m_waitingForWrites)
                                                          m_waitingForWrites->quit();
                                                  });
                         });
    }
    if (const auto login = m_logins->login(m_server))
        m_session->setProjectId(login->projectId);
    if (const QString project = qEnvironmentVariable("SWARMWATCH_PROJECT"); !project.isEmpty()) {
        bool ok = false;
        const qint64 id = project.toLongLong(&ok);
        if (!ok || id <= 0) {
            usageError(tr("SWARMWATCH_PROJECT must be a project id, not “%1”").arg(project));
            return false;
        }
        m_session->setProjectId(id);
    }
    return true;
}

int CommandContext::ensureProject(ProjectContext *contextOut)
{
    // Asked every time, so that every command agrees on the project in use: the remembered one while it is
    // still the user's, else the server's default (also when the token came from the environment).
    const auto context =
        await<ApiResult<ProjectContext>>([&](auto done) { m_client->projectContext(std::move(done)); });
    if (!context.ok())
        return fail(context.error);
    const std::optional<qint64> project = context.value.projectToUse(m_session->projectId());
    if (!project) {
        printError(tr("you belong to no project on %1").arg(m_server.toString()));
        return ExitUsage;
    }
    m_session->setProjectId(project);
    if (contextOut)
        *contextOut = context.value;
    return ExitOk;
}

CredentialStore::Outcome CommandContext::readSecret(const QUrl &server, const QString &email,
                                                    CredentialStore::Secret secret)
{
    return await<CredentialStore::Outcome>(
        [&](auto done) { m_credentials->read(server, email, secret, std::move(done)); });
}

CredentialStore::Outcome CommandContext::writeSecret(const QUrl &server, const QString &email,
                                                     CredentialStore::Secret secret, const QByteArray &value)
{
    return await<CredentialStore::Outcome>(
        [&](auto done) { m_credentials->write(server, email, secret, value, std::move(done)); });
}

CredentialStore::Outcome CommandContext::removeSecret(const QUrl &server, const QString &email,
                                                      CredentialStore::Secret secret)
{
    return await<CredentialStore::Outcome>(
        [&](auto done) { m_credentials->remove(server, email, secret, std::move(done)); });
}

bool CommandContext::outputIsTerminal() const
{
    return ::isatty(fileno(m_out)) != 0;
}

int CommandContext::outputWidth() const
{
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && columns > 0)
        return columns;
    if (!outputIsTerminal())
        return 0;
    winsize size{};
    if (::ioctl(fileno(m_out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

} // namespace swarmwatch
