#pragma once

#include "ApiError.h"
#include "CredentialStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QString>
#include <QUrl>

#include <cstdio>
#include <memory>

class QNetworkAccessManager;

namespace swarmwatch {

class ApiTransport;
class CipherSwarmClient;
class LoginSettings;
class SettingsFile;
class Session;
struct ProjectContext;

// What every server command works with: its streams, the server it talks to, the session and client, the
// keychain and the settings, and the one way each kind of failure is told (one line on stderr) and mapped to
// an exit code.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    CommandContext(QString command, std::FILE *in, std::FILE *out, std::FILE *err);
    ~CommandContext();

    const QString &command() const { return m_command; }
    std::FILE *in() const { return m_in; }
    std::FILE *out() const { return m_out; }
    std::FILE *err() const { return m_err; }

    void print(const QString &text) const;
    // "swarmwatch-cli COMMAND: message" on stderr.
    void printError(const QString &message) const;
    int usageError(const QString &message) const; // prints, then ExitUsage
    // Prints the failure in one line and returns its exit code. A refused token reads as the session having
    // expired; an answer that is not CipherSwarm's is summarised, never dumped.
    int fail(const ApiError &error) const;

    // The settings alone (for the commands about every login).
    void openSettings();
    // Opens the settings and picks the server (--server, $SWARMWATCH_SERVER, the last login); false after
    // printing why. Nothing is written to the settings by this.
    bool open(const QString &serverOption);
    // Signs the session in from $SWARMWATCH_TOKEN or the keychain; false (after printing why) when it cannot.
    bool signIn();
    // Makes sure a project is active (the remembered one, else the server's default): an exit code.
    int ensureProject(ProjectContext *context = nullptr);

    QUrl server() const { return m_server; }
    // The email of the login stored for this server, or an empty string.
    QString storedEmail() const;
    bool tokenFromEnvironment() const;
    LoginSettings *logins() const { return m_logins.get(); }
    QNetworkAccessManager *network() const { return m_network.get(); }
    Session *session() const { return m_session.get(); }
    CipherSwarmClient *client() const { return m_client.get(); }

    // The keychain, one call at a time, to its end.
    CredentialStore::Outcome readSecret(const QUrl &server, const QString &email,
                                        CredentialStore::Secret secret);
    CredentialStore::Outcome writeSecret(const QUrl &server, const QString &email,
                                         CredentialStore::Secret secret, const QByteArray &value);
    CredentialStore::Outcome removeSecret(const QUrl &server, const QString &email,
                                          CredentialStore::Secret secret);

    // Columns of the terminal standard output writes to: $COLUMNS, else the terminal's own width; 0 when the
    // output is not a terminal (a pipe or file gets whole rows).
    int outputWidth() const;
    bool outputIsTerminal() const;

    // The line for a refused token: "session expired for SERVER: run `swarmwatch-cli login`".
    QString sessionExpiredLine() const;

    // Runs one asynchronous call to its end.
    template <typename Result, typename Start>
    static Result await(Start start)
    {
        Result result;
        QEventLoop loop;
        start([&](const Result &r) {
            result = r;
            loop.quit();
        });
        loop.exec();
        return result;
    }

    // Checks a server address given by the user: http(s), a host, no user name or password. An empty string
    // when it is fine, else what is wrong.
    static QString checkServerUrl(const QUrl &url);

private:
    QString m_command;
    std::FILE *m_in;
    std::FILE *m_out;
    std::FILE *m_err;
    QUrl m_server;
    std::unique_ptr<SettingsFile> m_settings;
    std::unique_ptr<LoginSettings> m_logins;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CipherSwarmClient> m_client;
    std::unique_ptr<CredentialStore> m_credentials;
    int m_pendingWrites = 0;                  // refreshed tokens on their way to the keychain
    QEventLoop *m_waitingForWrites = nullptr; // the destructor's wait for them
};

} // namespace swarmwatch
