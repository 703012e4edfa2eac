#include "LoginCommands.h"

#include "ApiJson.h"
#include "CipherSwarmClient.h"
#include "CommandContext.h"
#include "ExitCode.h"
#include "LoginSettings.h"
#include "PasswordPrompt.h"
#include "Session.h"
#include "TextTable.h"

#include <QJsonArray>

namespace swarmwatch {

LoginCommands::LoginCommands(CommandContext &context)
    : m_context(context)
{}

int LoginCommands::login(const QString &emailOption, bool passwordFromStdin)
{
    const QUrl server = m_context.server();
    const std::optional<LoginSettings::Login> known = m_context.logins()->login(server);
    QString email = emailOption;
    if (email.isEmpty() && known)
        email = known->email;
    if (email.isEmpty())
        return m_context.usageError(tr("--email is required"));

    // Without a keychain there is nowhere to keep the token: say so before anyone types a password.
    const CredentialStore::Outcome probe =
        m_context.readSecret(server, email, CredentialStore::Secret::Token);
    if (probe.unavailable) {
        m_context.printError(
            tr("no keychain to keep the token in, so nothing was stored (%1). For scripts, "
               "set SWARMWATCH_TOKEN (`swarmwatch-cli token` prints it where you are logged in).")
                .arg(probe.message));
        return ExitAuthentication;
    }

    PasswordPrompt prompt(m_context.in(), m_context.err());
    if (!passwordFromStdin && !prompt.canPrompt())
        return m_context.usageError(
            tr("no terminal to ask for the password on: pipe it in with --password-stdin"));
    const QString password = prompt.read(passwordFromStdin);
    if (password.isEmpty())
        return m_context.usageError(tr("no password given"));
    const auto result = CommandContext::await<ApiResult<QByteArray>>(
        [&](auto done) { m_context.session()->login(email, password, std::move(done)); });
    if (!result.ok()) {
        if (result.error.httpStatus == 422) {
            // CipherSwarm's login takes the two form fields sent here; a complaint about them is another API.
            m_context.printError(tr("%1 answered 422 to the login (%2): not a CipherSwarm server?")
                                     .arg(server.toString(), result.error.message));
            return ExitNetwork;
        }
        if (result.error.kind == ApiError::Kind::Unauthorized && !result.error.htmlBody) {
            m_context.printError(
                result.error.message); // the server's words: wrong password, inactive account
            return ExitAuthentication;
        }
        return m_context.fail(result.error);
    }

    LoginSettings::Login login = known.value_or(LoginSettings::Login{});
    login.server = server;
    login.email = email;
    const auto context = CommandContext::await<ApiResult<ProjectContext>>(
        [&](auto done) { m_context.client()->projectContext(std::move(done)); });
    if (context.ok())
        login.projectId = context.value.projectToUse(login.projectId);

    const CredentialStore::Outcome stored =
        m_context.writeSecret(server, email, CredentialStore::Secret::Token, result.value);
    if (!stored.ok) {
        m_context.printError(
            tr("the keychain did not take the token, so nothing was stored (%1). For scripts, "
               "set SWARMWATCH_TOKEN.")
                .arg(stored.message));
        return ExitAuthentication;
    }
    if (known && known->email.compare(email, Qt::CaseInsensitive) != 0 && !forget(server, known->email))
        return ExitAuthentication;        // one login per server: the previous email's token must not linger
    m_context.logins()->saveLogin(login); // only now: a login without its token is no login
    m_context.print(tr("Logged in to %1 as %2.\n").arg(server.toString(), email));
    return ExitOk;
}

bool LoginCommands::forget(const QUrl &server, const QString &email)
{
    for (const auto secret : {CredentialStore::Secret::Token, CredentialStore::Secret::Password}) {
        const CredentialStore::Outcome outcome = m_context.removeSecret(server, email, secret);
        if (!outcome.ok) { // "not found" counts as ok: nothing was stored
            // The user must not believe the token is gone while the keychain still holds it.
            m_context.printError(tr("the token stored for %1 could not be deleted: %2")
                                     .arg(server.toString(), outcome.message));
            return false;
        }
    }
    m_context.logins()->removeLogin(server);
    return true;
}

int LoginCommands::logout()
{
    const QUrl server = m_context.server();
    const std::optional<LoginSettings::Login> known = m_context.logins()->login(server);
    if (!forget(server, known ? known->email : QString()))
        return ExitAuthentication;
    m_context.print(known ? tr("Logged out of %1.\n").arg(server.toString())
                          : tr("Not logged in to %1; nothing to do.\n").arg(server.toString()));
    return ExitOk;
}

int LoginCommands::logoutAll()
{
    const QList<LoginSettings::Login> logins = m_context.logins()->logins();
    if (logins.isEmpty()) {
        m_context.print(tr("Not logged in to any server; nothing to do.\n"));
        return ExitOk;
    }
    for (const LoginSettings::Login &login : logins) {
        if (!forget(login.server, login.email))
            return ExitAuthentication; // the rest stay as they are, listed, for another try
        m_context.print(tr("Logged out of %1.\n").arg(login.server.toString()));
    }
    return ExitOk;
}

int LoginCommands::list(bool json)
{
    const QList<LoginSettings::Login> logins = m_context.logins()->logins();
    if (json) {
        QJsonArray array;
        for (qsizetype i = 0; i < logins.size(); ++i)
            array.append(QJsonObject{{QStringLiteral("server"), logins[i].server.toString()},
                                     {QStringLiteral("email"), logins[i].email},
                                     {QStringLiteral("project_id"), logins[i].projectId
                                                                        ? QJsonValue(*logins[i].projectId)
                                                                        : QJsonValue(QJsonValue::Null)},
                                     {QStringLiteral("default"), i == 0}});
        m_context.print(ApiJson::line(array));
        return ExitOk;
    }
    if (logins.isEmpty()) {
        m_context.print(
            tr("Not logged in to any server (swarmwatch-cli login --server URL --email EMAIL).\n"));
        return ExitOk;
    }
    TextTable table({{QString(), false, 0, false, 0},
                     {tr("SERVER"), false, 0, true, 16},
                     {tr("EMAIL"), false, 0, true, 12},
                     {tr("PROJECT"), true, 1, false, 0}});
    for (qsizetype i = 0; i < logins.size(); ++i)
        table.addRow({i == 0 ? QStringLiteral("*") : QString(), logins[i].server.toString(), logins[i].email,
                      logins[i].projectId ? QString::number(*logins[i].projectId) : QString()});
    m_context.print(table.render(m_context.outputWidth()));
    return ExitOk;
}

int LoginCommands::token()
{
    // The keychain's token (or SWARMWATCH_TOKEN's), offline: scripts ask for it before they have a network.
    if (!m_context.signIn())
        return ExitAuthentication;
    const QDateTime expiry = m_context.session()->tokenExpiry();
    if (expiry.isValid() && expiry <= QDateTime::currentDateTimeUtc()) {
        m_context.printError(m_context.sessionExpiredLine());
        return ExitAuthentication;
    }
    m_context.print(QString::fromUtf8(m_context.session()->token()) + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace swarmwatch
