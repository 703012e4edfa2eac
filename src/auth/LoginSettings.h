#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QObject;

namespace swarmwatch {

class SettingsFile;

// What SwarmWatch remembers between runs that is not secret, one login per server: the server, the email, the
// project in use, whether the user asked to remember the password (the password itself lives only in the
// keychain) and the certificates the user chose to trust for that server. The most recently used login is
// the default. The GUI and swarmwatch-cli read and write the same file.
//
// The logins are read once and answered from memory. Each change is made at once in memory and goes to the
// file as one edit on the SettingsFile's thread. There it holds a lock file beside the settings file, which
// every LoginSettings (the GUI's, each swarmwatch-cli's) holds for its changes, and it is made to the file as
// the lock finds it: what another process saved meanwhile is kept, not mixed key by key with this change, and
// shows here once the last change made here has run. refresh() reads the file again without changing it.
// Limits: a lock not had within 10 s is logged and the change made without it; QSettings sees another
// process's change by the file's size and modification time, so one of the same size within the file
// system's time granularity (nanoseconds on ext4, seconds on some) can go unseen. Only startup (a migration)
// and the destructor's flush wait for the lock on the caller's thread.
class LoginSettings
{
public:
    struct Login {
        QUrl server;
        QString email;
        std::optional<qint64> projectId;
        bool rememberPassword = false;
        QList<QByteArray> pinnedCertificates; // SHA-256 of each trusted certificate, lowercase hex
    };

    explicit LoginSettings(SettingsFile *file);
    ~LoginSettings(); // waits until every change is in the file
    LoginSettings(const LoginSettings &) = delete;
    LoginSettings &operator=(const LoginSettings &) = delete;

    QList<Login> logins() const; // the most recently used first
    std::optional<Login> login(const QUrl &server) const;
    std::optional<Login> defaultLogin() const;
    QUrl defaultServer() const;
    // Records a login for its server and makes it the default: its email and remember-password, its project
    // when it has one (else the one stored stays), and its certificates added to those stored.
    void saveLogin(const Login &login);
    void removeLogin(const QUrl &server);
    void clear();

    // Changes one field of a known server's login (no-ops for a server without one); the order stays.
    void setProjectId(const QUrl &server, std::optional<qint64> projectId);
    void pinCertificate(const QUrl &server, const QByteArray &sha256Hex);
    QList<QByteArray> pinnedCertificates(const QUrl &server) const;

    // The form servers are stored and compared in: no user info (it could carry a password), no trailing
    // slash, no query or fragment.
    static QUrl normalized(const QUrl &server);

    // Reads the logins from the file again, for what swarmwatch-cli changed since, and then calls `done`
    // unless `context` is gone; after a change made here meanwhile has run too, so that the list `done`
    // finds is the file's. For a sign-in, so that it starts from the file; `context` lives on the thread
    // this was made on.
    void refresh(QObject *context, std::function<void()> done);

private:
    // Makes a change to a login list and says whether it changed anything; runs here, then on the file's
    // thread.
    using Change = std::function<bool(QList<Login> &)>;
    void change(const Change &change);
    // Puts the file's list in place of m_logins unless a change made here after `number` is still to come,
    // and then answers the refreshes waiting for it.
    void receive(quint64 number, const QList<Login> &logins);

    SettingsFile *m_file;
    QList<Login> m_logins;
    quint64 m_changes = 0; // changes made here so far: the file's list replaces m_logins after the last one
    std::unique_ptr<QObject> m_receiver; // on the constructing thread: the file's list comes back to it
    // refresh() callbacks: called when the file's list is in m_logins, which a change made meanwhile defers.
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_refreshed;
};

} // namespace swarmwatch
