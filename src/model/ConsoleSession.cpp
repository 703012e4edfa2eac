#include "ConsoleSession.h"

#include "ActivityModel.h"
#include "AgentModel.h"
#include "ApiCall.h"
#include "ApiTransport.h"
#include "CampaignModel.h"
#include "CertificatePins.h"
#include "CipherSwarmClient.h"
#include "ConsoleSettings.h"
#include "CredentialStore.h"
#include "LiveSync.h"
#include "LiveSyncSettings.h"
#include "LoginSettings.h"
#include "ModelLogging.h"
#include "Session.h"
#include "SyncError.h"

#include <QNetworkAccessManager>

namespace swarmwatch {

ConsoleSession::ConsoleSession(ConsoleSettings *settings, LoginSettings *logins, CredentialStore *credentials,
                               NetworkReachability *reachability, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_logins(logins)
    , m_credentials(credentials)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_transport(std::make_unique<ApiTransport>(m_network.get()))
    , m_session(std::make_unique<Session>(m_transport.get()))
    , m_client(std::make_unique<CipherSwarmClient>(m_session.get()))
    , m_campaigns(std::make_unique<CampaignModel>())
    , m_agents(std::make_unique<AgentModel>())
    , m_activity(std::make_unique<ActivityModel>())
    , m_sync(std::make_unique<LiveSync>(m_client.get(), m_network.get(), reachability, m_campaigns.get(),
                                        m_agents.get()))
{
    applyConnectionSettings();
    connect(m_settings, &ConsoleSettings::changed, this, [this](ConsoleSettings::Key key) {
        if (key == ConsoleSettings::Key::RequestsPerSecond || key == ConsoleSettings::Key::ResyncSeconds
            || key == ConsoleSettings::Key::WatchdogSeconds || key == ConsoleSettings::Key::ExtraCaBundle)
            applyConnectionSettings();
    });

    // The activity log: cracks (redacted until revealed), connection changes, errors.
    connect(m_sync.get(), &LiveSync::toastReceived, this,
            [this](const Toast &toast) { m_activity->addToast(toast); });
    connect(m_sync.get(), &LiveSync::statusEntered, this, [this](LiveSync::Status status) {
        const QString reason = m_sync->statusReason();
        m_activity->add(ActivityModel::Kind::Connection,
                        reason.isEmpty()
                            ? tr("Connection: %1").arg(LiveSync::statusName(status))
                            : tr("Connection: %1 (%2)").arg(LiveSync::statusName(status), reason));
    });
    connect(m_sync.get(), &LiveSync::error, this, [this](const SyncError &error) {
        m_activity->add(ActivityModel::Kind::Error, error.describe());
    });

    // A token the server no longer takes: the login dialog, prefilled; the tables stay, marked stale.
    connect(m_session.get(), &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::Unauthorized && m_state == State::SignedIn) {
            setState(State::Expired);
            m_activity->add(ActivityModel::Kind::Session, tr("Session expired: sign in again"));
            Q_EMIT credentialsNeeded(
                server(), m_email,
                tr("Your session on %1 has expired: sign in again.").arg(server().toDisplayString()));
        }
    });
    // Keep a token the session refreshed, so that the next start (or swarmwatch-cli) does not begin with an
    // expired one.
    connect(m_session.get(), &Session::tokenChanged, this, [this](const QByteArray &token) {
        if (!token.isEmpty() && !m_demo && m_state == State::SignedIn)
            storeToken(token);
    });
    connect(m_session.get(), &Session::projectChanged, this, [this](std::optional<qint64> projectId) {
        if (!m_demo && projectId)
            m_logins->setProjectId(server(), projectId);
        Q_EMIT identityChanged();
    });
}

ConsoleSession::~ConsoleSession()
{
    ++m_attempt;
    if (m_pending)
        m_pending->cancel();
    m_sync.reset(); // before the models and the client it uses
}

QUrl ConsoleSession::server() const
{
    return m_session->server();
}

std::optional<qint64> ConsoleSession::projectId() const
{
    return m_session->projectId();
}

std::optional<Project> ConsoleSession::project() const
{
    for (const Project &p : m_projects) {
        if (p.id == m_session->projectId())
            return p;
    }
    return std::nullopt;
}

bool ConsoleSession::remembersProject(const QUrl &server) const
{
    const std::optional<LoginSettings::Login> login = m_logins->login(server);
    return login && login->projectId.has_value();
}

QByteArray ConsoleSession::fingerprint(const QSslCertificate &certificate)
{
    return CertificatePins::fingerprint(certificate);
}

void ConsoleSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    qCInfo(lcModel) << "console:" << state;
    Q_EMIT stateChanged(state);
}

void ConsoleSession::applyConnectionSettings()
{
    LiveSyncSettings settings = m_settings->liveSyncSettings();
    if (!m_demo)
        settings.feed.pinnedCertificates = m_logins->pinnedCertificates(server());
    m_transport->setExtraCaCertificates(settings.feed.extraCaCertificates);
    m_transport->setPinnedCertificates(settings.feed.pinnedCertificates);
    m_sync->setSettings(settings);
}

void ConsoleSession::prepareServer(const QUrl &server)
{
    // Another server, or a new login over a live one: nothing of the old tables is true any more. After an
    // expiry (and any failed login since) on the same server the tables stay, marked stale, until the new
    // login's snapshot replaces them. A sign-out has emptied them already.
    const QUrl normalized = LoginSettings::normalized(server);
    const bool keepTables = m_state != State::SignedIn && normalized == m_session->server();
    m_sync->stop();
    if (!keepTables) {
        m_campaigns->clear();
        m_agents->clear();
        m_user = {};
        m_projects.clear();
    }
    m_session->setServer(normalized);
    applyConnectionSettings();
}

void ConsoleSession::restore(const QUrl &preferred)
{
    const quint64 attempt = ++m_attempt;
    // swarmwatch-cli may have signed in to a server (or chosen a project) since the logins were read, and
    // `swarmwatch --server` names that server: start from the file.
    m_logins->refresh(this, [this, attempt, preferred] {
        if (attempt == m_attempt)
            restoreFromLogins(attempt, preferred);
    });
}

void ConsoleSession::restoreFromLogins(quint64 attempt, const QUrl &preferred)
{
    const std::optional<LoginSettings::Login> login =
        preferred.isEmpty() ? m_logins->defaultLogin() : m_logins->login(preferred);
    // A second `swarmwatch --server X` handed to a console that is signed in: the running session stays until
    // X's token is in hand, so a typo or a server never signed in to asks for credentials and loses nothing.
    const bool keepCurrent = m_state == State::SignedIn && !preferred.isEmpty();
    if (!login || login->email.isEmpty()) {
        if (!keepCurrent)
            setState(State::SignedOut);
        Q_EMIT credentialsNeeded(
            preferred.isEmpty() ? QUrl() : LoginSettings::normalized(preferred), QString(),
            preferred.isEmpty()
                ? QString()
                : tr("You have not signed in to %1 before.").arg(preferred.toDisplayString()));
        return;
    }
    const auto switchTo = [this, login] {
        m_demo = false;
        prepareServer(login->server);
        m_email = login->email;
        m_session->setProjectId(login->projectId);
        setState(State::SigningIn);
    };
    if (!keepCurrent)
        switchTo();
    m_credentials->read(login->server, login->email, CredentialStore::Secret::Token,
                        [this, alive = QPointer(this), attempt, login, keepCurrent,
                         switchTo](const CredentialStore::Outcome &outcome) {
                            if (!alive || attempt != m_attempt)
                                return;
                            if (!outcome.ok || !outcome.found) {
                                if (!keepCurrent)
                                    setState(State::SignedOut);
                                Q_EMIT credentialsNeeded(login->server, login->email,
                                                         outcome.ok ? QString() : outcome.message);
                                return;
                            }
                            if (keepCurrent)
                                switchTo();
                            m_session->setToken(outcome.value);
                            afterToken(login->server, [this, login](const ApiError &error) {
                                if (!error.isError())
                                    return;
                                setState(State::SignedOut);
                                Q_EMIT credentialsNeeded(
                                    login->server, login->email,
                                    error.kind == ApiError::Kind::Unauthorized
                                        ? tr("Your session on %1 has expired: sign in again.")
                                              .arg(login->server.toDisplayString())
                                        : error.message);
                            });
                        });
}

void ConsoleSession::signIn(const QUrl &server, const QString &email, const QString &password,
                            bool rememberPassword, Done done)
{
    const quint64 attempt = ++m_attempt;
    if (m_pending)
        m_pending->cancel();
    m_demo = false;
    prepareServer(server);
    m_email = email;
    // No project yet: one set here would be written to the file (projectChanged) before the file is read.
    setState(State::SigningIn);
    m_pending = m_session->login(email, password, [=, this](const ApiResult<QByteArray> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            setState(State::SignedOut);
            done(result.error);
            return;
        }
        // The project swarmwatch-cli chose for this server while the console ran is the one to use: read the
        // file first.
        m_logins->refresh(this, [=, this] {
            if (attempt != m_attempt)
                return;
            const QUrl stored = m_session->server();
            LoginSettings::Login login = m_logins->login(stored).value_or(LoginSettings::Login{});
            {
                const QSignalBlocker quiet(m_session.get()); // chosen for good once the projects are known
                m_session->setProjectId(login.projectId);
            }
            login.server = stored;
            login.email = email;
            login.rememberPassword = rememberPassword;
            login.projectId.reset(); // the file's stays: chooseProject() writes a project it changes
            m_logins->saveLogin(login);
            storeToken(result.value);
            if (rememberPassword)
                m_credentials->write(stored, email, CredentialStore::Secret::Password, password.toUtf8(),
                                     [](const CredentialStore::Outcome &) {});
            else
                m_credentials->remove(stored, email, CredentialStore::Secret::Password,
                                      [](const CredentialStore::Outcome &) {});
            afterToken(stored, done);
        });
    });
}

void ConsoleSession::signInDemo(const QUrl &server, const QString &email, const QString &password, Done done)
{
    const quint64 attempt = ++m_attempt;
    if (m_pending)
        m_pending->cancel();
    m_demo = true;
    prepareServer(server);
    m_email = email;
    m_session->setProjectId(std::nullopt);
    setState(State::SigningIn);
    m_pending = m_session->login(email, password, [=, this](const ApiResult<QByteArray> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            setState(State::SignedOut);
            done(result.error);
            return;
        }
        afterToken(m_session->server(), done);
    });
}

void ConsoleSession::useToken(const QUrl &server, const QByteArray &token, bool demo)
{
    ++m_attempt;
    m_demo = demo;
    prepareServer(server);
    m_email.clear();
    m_session->setProjectId(std::nullopt);
    m_session->setToken(token);
    setState(State::SigningIn);
    afterToken(m_session->server(), [this](const ApiError &error) {
        if (error.isError()) {
            setState(State::SignedOut);
            Q_EMIT credentialsNeeded(this->server(), QString(), error.message);
        }
    });
}

void ConsoleSession::afterToken(const QUrl &server, Done done)
{
    // Who we are and which projects we may see: the header, the project picker, and the token's first test.
    const quint64 attempt = m_attempt;
    m_pending =
        m_client->projectContext([this, attempt, server, done](const ApiResult<ProjectContext> &context) {
            if (attempt != m_attempt)
                return;
            if (!context.ok()) {
                done(context.error);
                return;
            }
            m_user = context.value.user;
            if (m_email.isEmpty())
                m_email = m_user.email;
            m_projects = context.value.availableProjects;
            std::sort(m_projects.begin(), m_projects.end(),
                      [](const Project &a, const Project &b) { return a.id < b.id; });
            chooseProject(context.value);
            setState(State::SignedIn);
            m_activity->add(ActivityModel::Kind::Session,
                            tr("Signed in to %1 as %2").arg(server.toDisplayString(), m_user.email));
            Q_EMIT identityChanged();
            startSync();
            done({});
        });
}

void ConsoleSession::chooseProject(const ProjectContext &context)
{
    const std::optional<qint64> stored = m_session->projectId();
    const std::optional<qint64> chosen = context.projectToUse(stored);
    // Quietly, without the projectChanged() a switch gives: LiveSync starts after this.
    const QSignalBlocker quiet(m_session.get());
    m_session->setProjectId(chosen);
    if (!m_demo && chosen && chosen != stored) // else what swarmwatch-cli chose meanwhile stays in the file
        m_logins->setProjectId(server(), chosen);
}

void ConsoleSession::startSync()
{
    applyConnectionSettings();
    m_sync->start();
}

void ConsoleSession::selectProject(qint64 projectId)
{
    if (m_session->projectId() == projectId)
        return;
    m_session->setProjectId(projectId); // LiveSync clears the campaign table and lists the new project
}

void ConsoleSession::signOut()
{
    ++m_attempt;
    if (m_pending)
        m_pending->cancel();
    const QUrl was = server();
    const QString email = m_email;
    m_sync->stop();
    m_session->logout();
    m_campaigns->clear();
    m_agents->clear();
    m_user = {};
    m_projects.clear();
    if (!m_demo && !email.isEmpty()) {
        m_credentials->remove(was, email, CredentialStore::Secret::Token,
                              [this, alive = QPointer(this)](const CredentialStore::Outcome &o) {
                                  if (!alive)
                                      return;
                                  if (!o.ok)
                                      Q_EMIT notice(
                                          tr("The stored token could not be deleted: %1").arg(o.message));
                              });
    }
    m_activity->add(ActivityModel::Kind::Session, tr("Signed out of %1").arg(was.toDisplayString()));
    setState(State::SignedOut);
    Q_EMIT identityChanged();
    Q_EMIT credentialsNeeded(was, email, QString());
}

void ConsoleSession::trustCertificate(const QUrl &server, const QSslCertificate &certificate)
{
    m_logins->pinCertificate(LoginSettings::normalized(server), fingerprint(certificate));
    if (LoginSettings::normalized(server) == this->server())
        applyConnectionSettings();
    else
        m_transport->setPinnedCertificates(m_logins->pinnedCertificates(server));
}

void ConsoleSession::readRememberedPassword(const QUrl &server, const QString &email,
                                            std::function<void(QString)> done)
{
    const std::optional<LoginSettings::Login> login = m_logins->login(server);
    if (!login || !login->rememberPassword || email.isEmpty()) {
        done({});
        return;
    }
    m_credentials->read(login->server, email, CredentialStore::Secret::Password,
                        [done](const CredentialStore::Outcome &outcome) {
                            done(outcome.ok && outcome.found ? QString::fromUtf8(outcome.value) : QString());
                        });
}

void ConsoleSession::storeToken(const QByteArray &token)
{
    if (m_demo || m_email.isEmpty())
        return;
    m_credentials->write(server(), m_email, CredentialStore::Secret::Token, token,
                         [this, alive = QPointer(this)](const CredentialStore::Outcome &outcome) {
                             if (!alive)
                                 return;
                             if (!outcome.ok)
                                 Q_EMIT notice(
                                     tr("Signed in, but the keychain could not keep the token (%1): "
                                        "you will be asked to sign in again next time.")
                                         .arg(outcome.message));
                         });
}

} // namespace swarmwatch
