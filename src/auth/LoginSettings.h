#pragma once

#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace swarmwatch {

// What SwarmWatch remembers between runs that is not secret: the last server, email and project, and whether
// the user asked to remember the password (the password itself lives only in the keychain).
class LoginSettings
{
public:
    explicit LoginSettings(QSettings *settings);

    QUrl server() const;
    void setServer(const QUrl &server);
    QString email() const;
    void setEmail(const QString &email);
    std::optional<qint64> projectId() const;
    void setProjectId(std::optional<qint64> projectId);
    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    void clear();

private:
    QSettings *m_settings;
};

} // namespace swarmwatch
