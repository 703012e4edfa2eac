#include "LoginSettings.h"

#include <QSettings>

namespace swarmwatch {

LoginSettings::LoginSettings(QSettings *settings)
    : m_settings(settings)
{}

QUrl LoginSettings::server() const
{
    return QUrl(m_settings->value(QStringLiteral("login/server")).toString());
}

void LoginSettings::setServer(const QUrl &server)
{
    // Only the address: never user info, which could carry a password.
    m_settings->setValue(QStringLiteral("login/server"), server.adjusted(QUrl::RemoveUserInfo).toString());
}

QString LoginSettings::email() const
{
    return m_settings->value(QStringLiteral("login/email")).toString();
}

void LoginSettings::setEmail(const QString &email)
{
    m_settings->setValue(QStringLiteral("login/email"), email);
}

std::optional<qint64> LoginSettings::projectId() const
{
    bool ok = false;
    const qint64 id = m_settings->value(QStringLiteral("login/project")).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void LoginSettings::setProjectId(std::optional<qint64> projectId)
{
    if (projectId)
        m_settings->setValue(QStringLiteral("login/project"), *projectId);
    else
        m_settings->remove(QStringLiteral("login/project"));
}

bool LoginSettings::rememberPassword() const
{
    return m_settings->value(QStringLiteral("login/rememberPassword"), false).toBool();
}

void LoginSettings::setRememberPassword(bool remember)
{
    m_settings->setValue(QStringLiteral("login/rememberPassword"), remember);
}

void LoginSettings::clear()
{
    m_settings->remove(QStringLiteral("login"));
}

} // namespace swarmwatch
