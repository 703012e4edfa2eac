#pragma once

#include <QCoreApplication>
#include <QString>

namespace swarmwatch {

class CommandContext;

// One login per server: `login` keeps the token in the keychain (per server and email) and the server, email
// and project in the settings, the most recent login being the default; `logout` forgets one server's login
// or every one; `logins` lists them; `token` prints one for scripts. Without a keychain nothing is written.
class LoginCommands
{
    Q_DECLARE_TR_FUNCTIONS(LoginCommands)

public:
    explicit LoginCommands(CommandContext &context);

    int login(const QString &emailOption, bool passwordFromStdin);
    int logout();
    int logoutAll();
    int list(bool json);
    int token();

private:
    // Deletes the stored token and password; false (after printing why) when the keychain could not.
    bool forget(const QUrl &server, const QString &email);

    CommandContext &m_context;
};

} // namespace swarmwatch
