#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace swarmwatch {

// Secrets in the operating system's keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
// Manager) through QtKeychain, keyed by server URL and email. There is no fallback to a file: when no
// keychain can be reached, the caller is told so in words and keeps the login for the session only.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Secret { Token, Password };
    Q_ENUM(Secret)

    struct Outcome {
        bool ok = false;
        bool found = false;       // for reads: an entry existed
        bool unavailable = false; // no keychain service could be reached, or it refused access
        QByteArray value;         // for reads
        QString message;          // why not, in words
    };
    using Callback = std::function<void(const Outcome &)>;

    // service names the keychain entries' owner; tests use their own so they never touch a user's entries.
    explicit CredentialStore(QString service = QStringLiteral("SwarmWatch"), QObject *parent = nullptr);

    void write(const QUrl &server, const QString &email, Secret secret, const QByteArray &value,
               Callback done);
    void read(const QUrl &server, const QString &email, Secret secret, Callback done);
    void remove(const QUrl &server, const QString &email, Secret secret, Callback done);

    QString service() const { return m_service; }
    static QString key(const QUrl &server, const QString &email, Secret secret);

private:
    QString m_service;
};

} // namespace swarmwatch
