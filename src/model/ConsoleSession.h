#pragma once

#include "ApiError.h"
#include "CipherSwarmTypes.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace swarmwatch {

class ActivityModel;
class AgentModel;
class ApiCall;
class ApiTransport;
class CampaignModel;
class CipherSwarmClient;
class ConsoleSettings;
class CredentialStore;
class LiveSync;
class LoginSettings;
class NetworkReachability;
class Session;

// Everything the desktop console shows, without showing it: one signed-in user on one server, the live
// models and LiveSync that fills them, the activity log, and the ways in and out (a login, a token from the
// keychain that swarmwatch-cli may have put there, the demo's token in memory, signing out, another project).
// The windows own one of these and read from it; nothing here links Qt Widgets.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut, // no credentials: the login dialog is due
        SigningIn, // a login, a stored token being checked, or the user's projects being read
        SignedIn,  // the feeds and the tables are running
        Expired,   // the server no longer takes the token: the tables stay, stale, until a new login
    };
    Q_ENUM(State)

    // The settings objects and the keychain belong to the caller and must outlive this.
    ConsoleSession(ConsoleSettings *settings, LoginSettings *logins, CredentialStore *credentials,
                   NetworkReachability *reachability, QObject *parent = nullptr);
    ~ConsoleSession() override;

    CampaignModel *campaigns() const { return m_campaigns.get(); }
    AgentModel *agents() const { return m_agents.get(); }
    ActivityModel *activity() const { return m_activity.get(); }
    LiveSync *sync() const { return m_sync.get(); }
    Session *session() const { return m_session.get(); }
    CipherSwarmClient *client() const { return m_client.get(); }
    QNetworkAccessManager *network() const { return m_network.get(); }

    State state() const { return m_state; }
    QUrl server() const;
    QString email() const { return m_email; }
    const User &user() const { return m_user; }
    const QList<Project> &projects() const { return m_projects; }
    std::optional<qint64> projectId() const;
    std::optional<Project> project() const;
    bool isDemo() const { return m_demo; }

    // Signs in with a token stored for `server` (the default login when empty): one that swarmwatch-cli or an
    // earlier run stored, as the settings file holds it now. credentialsNeeded() when there is none or the
    // server refuses it.
    void restore(const QUrl &server = {});
    // A login with a password; the token goes to the keychain (the password too, when asked), the login to
    // the settings. `done` gets no error on success; a TLS error carries the server's certificate.
    using Done = std::function<void(const ApiError &error)>;
    void signIn(const QUrl &server, const QString &email, const QString &password, bool rememberPassword,
                Done done);
    // The demo: a login whose token stays in memory; nothing goes to the keychain or the settings.
    void signInDemo(const QUrl &server, const QString &email, const QString &password, Done done);
    // A token from elsewhere, kept in memory only (SWARMWATCH_TOKEN).
    void useToken(const QUrl &server, const QByteArray &token, bool demo);
    // Forgets the token here and in the keychain; the tables empty.
    void signOut();
    void selectProject(qint64 projectId);
    // Trusts this certificate for this server from now on (its SHA-256 goes to the settings).
    void trustCertificate(const QUrl &server, const QSslCertificate &certificate);
    // The remembered password of a login, for the dialog's prefill (empty when none).
    void readRememberedPassword(const QUrl &server, const QString &email, std::function<void(QString)> done);

    // A project was chosen on this server before (by the GUI or swarmwatch-cli use-project).
    bool remembersProject(const QUrl &server) const;

    static QByteArray fingerprint(const QSslCertificate &certificate); // SHA-256, lowercase hex

Q_SIGNALS:
    void stateChanged(swarmwatch::ConsoleSession::State state);
    // Server, user, projects or the active project changed: the header follows.
    void identityChanged();
    // The login dialog is due, prefilled with these; `reason` says why in words (empty for a first start).
    void credentialsNeeded(const QUrl &server, const QString &email, const QString &reason);
    // Something the user should read once (a keychain that could not store the token, say).
    void notice(const QString &text);

private:
    void setState(State state);
    void prepareServer(const QUrl &server);
    void restoreFromLogins(quint64 attempt, const QUrl &preferred);
    void afterToken(const QUrl &server, Done done);
    void chooseProject(const ProjectContext &context);
    void startSync();
    void applyConnectionSettings();
    void storeToken(const QByteArray &token);

    ConsoleSettings *m_settings;
    LoginSettings *m_logins;
    CredentialStore *m_credentials;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiTransport> m_transport;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CipherSwarmClient> m_client;
    std::unique_ptr<CampaignModel> m_campaigns;
    std::unique_ptr<AgentModel> m_agents;
    std::unique_ptr<ActivityModel> m_activity;
    std::unique_ptr<LiveSync> m_sync;
    QPointer<ApiCall> m_pending; // the login or context read under way
    State m_state = State::SignedOut;
    QString m_email;
    User m_user;
    QList<Project> m_projects;
    bool m_demo = false;
    quint64 m_attempt = 0; // bumped by every sign-in, sign-out and restore: late answers are dropped
};

} // namespace swarmwatch
