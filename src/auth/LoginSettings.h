#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace swarmwatch {

// What SwarmWatch remembers between runs that is not secret, one login per server: the server, the email, the
// project in use, whether the user asked to remember the password (the password itself lives only in the
// keychain) and the certificates the user chose to trust for that server. The most recently used login is
// the default. The GUI and swarmwatch-cli read and write the same file.
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

    explicit LoginSettings(QSettings *settings);

    QList<Login> logins() const; // the most recently used first
    std::optional<Login> login(const QUrl &server) const;
    std::optional<Login> defaultLogin() const;
    QUrl defaultServer() const;
    // Adds or replaces the login for its server and makes it the default.
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

private:
    void write(const QList<Login> &logins);
    void migrateSingleLogin();

    QSettings *m_settings;
};

} // namespace swarmwatch
