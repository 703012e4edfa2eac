#pragma once

#include "ApiError.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <cstdio>
#include <memory>

class QCommandLineParser;
class QNetworkAccessManager;
class QSettings;

namespace swarmwatch {

class ApiTransport;
class CipherSwarmClient;
class CredentialStore;
class LoginSettings;
class Session;

// The commands that talk to a CipherSwarm server: login, logout, whoami, projects, use-project, campaigns,
// agents, summary. Tables for people, the API's JSON with --json. The token comes from SWARMWATCH_TOKEN or
// the keychain; the server from --server, SWARMWATCH_SERVER or the last login.
class ServerCommands
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommands)

public:
    ServerCommands(std::FILE *in, std::FILE *out, std::FILE *err);
    ~ServerCommands();

    static bool handles(const QString &command);
    static QString summaryLine(const QString &command);
    int run(const QString &command, const QStringList &arguments);

private:
    int login(QCommandLineParser &parser);
    int logout();
    int whoami();
    int projects(bool json);
    int useProject(const QString &id);
    int campaigns(bool json);
    int agents(bool json);
    int summary(bool json);
    int watch(QCommandLineParser &parser);

    int usageError(const QString &message);
    int fail(const ApiError &error);
    // The server to use, or an empty URL after printing why.
    QUrl resolveServer(const QString &fromOption);
    // Signs the session in from SWARMWATCH_TOKEN or the keychain; false (after printing why) when it cannot.
    bool signIn();
    int ensureProject(); // an exit code: ExitOk when a project is active
    QString readPassword(bool fromStdin);
    void print(const QString &text);
    void printTable(const QStringList &headers, const QList<QStringList> &rows);

    std::FILE *m_in;
    std::FILE *m_out;
    std::FILE *m_err;
    QString m_command;
    QUrl m_server;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<LoginSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CipherSwarmClient> m_client;
    std::unique_ptr<CredentialStore> m_credentials;
};

} // namespace swarmwatch
