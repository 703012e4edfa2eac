#include "LoginSettings.h"

#include <QSettings>

#include <algorithm>

namespace swarmwatch {

namespace {

const QString kArray = QStringLiteral("logins");

QList<LoginSettings::Login>::iterator find(QList<LoginSettings::Login> &logins, const QUrl &server)
{
    const QUrl key = LoginSettings::normalized(server);
    return std::find_if(logins.begin(), logins.end(),
                        [&key](const auto &login) { return login.server == key; });
}

} // namespace

LoginSettings::LoginSettings(QSettings *settings)
    : m_settings(settings)
{
    migrateSingleLogin();
}

QUrl LoginSettings::normalized(const QUrl &server)
{
    QUrl url = server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::RemoveQuery
                               | QUrl::RemoveFragment);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString()); // StripTrailingSlash keeps a lone "/"
    return url;
}

QList<LoginSettings::Login> LoginSettings::logins() const
{
    QList<Login> logins;
    const int size = m_settings->beginReadArray(kArray);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        Login login;
        login.server = normalized(QUrl(m_settings->value(QStringLiteral("server")).toString()));
        if (!login.server.isValid() || login.server.host().isEmpty())
            continue; // hand-edited into nonsense: skipped, not fatal
        login.email = m_settings->value(QStringLiteral("email")).toString();
        bool ok = false;
        const qint64 project = m_settings->value(QStringLiteral("project")).toLongLong(&ok);
        if (ok && project > 0)
            login.projectId = project;
        login.rememberPassword = m_settings->value(QStringLiteral("rememberPassword"), false).toBool();
        for (const QString &pin : m_settings->value(QStringLiteral("pinnedCertificates")).toStringList())
            login.pinnedCertificates.append(pin.toLatin1().toLower());
        logins.append(login);
    }
    m_settings->endArray();
    return logins;
}

void LoginSettings::write(const QList<Login> &logins)
{
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, static_cast<int>(logins.size()));
    for (int i = 0; i < logins.size(); ++i) {
        const Login &login = logins.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("server"), normalized(login.server).toString());
        m_settings->setValue(QStringLiteral("email"), login.email);
        if (login.projectId)
            m_settings->setValue(QStringLiteral("project"), *login.projectId);
        m_settings->setValue(QStringLiteral("rememberPassword"), login.rememberPassword);
        if (!login.pinnedCertificates.isEmpty()) {
            QStringList pins;
            for (const QByteArray &pin : login.pinnedCertificates)
                pins.append(QString::fromLatin1(pin));
            m_settings->setValue(QStringLiteral("pinnedCertificates"), pins);
        }
    }
    m_settings->endArray();
}

std::optional<LoginSettings::Login> LoginSettings::login(const QUrl &server) const
{
    QList<Login> all = logins();
    const auto it = find(all, server);
    return it == all.end() ? std::nullopt : std::optional<Login>(*it);
}

std::optional<LoginSettings::Login> LoginSettings::defaultLogin() const
{
    const QList<Login> all = logins();
    return all.isEmpty() ? std::nullopt : std::optional<Login>(all.first());
}

QUrl LoginSettings::defaultServer() const
{
    const auto login = defaultLogin();
    return login ? login->server : QUrl();
}

void LoginSettings::saveLogin(const Login &login)
{
    QList<Login> all = logins();
    if (const auto it = find(all, login.server); it != all.end())
        all.erase(it);
    Login stored = login;
    stored.server = normalized(login.server);
    all.prepend(stored);
    write(all);
}

void LoginSettings::removeLogin(const QUrl &server)
{
    QList<Login> all = logins();
    if (const auto it = find(all, server); it != all.end()) {
        all.erase(it);
        write(all);
    }
}

void LoginSettings::clear()
{
    m_settings->remove(kArray);
}

void LoginSettings::setProjectId(const QUrl &server, std::optional<qint64> projectId)
{
    QList<Login> all = logins();
    if (const auto it = find(all, server); it != all.end()) {
        it->projectId = projectId;
        write(all);
    }
}

void LoginSettings::pinCertificate(const QUrl &server, const QByteArray &sha256Hex)
{
    QList<Login> all = logins();
    auto it = find(all, server);
    if (it == all.end()) {
        // Trusted before the first login succeeds (the login needs the certificate): a login without email.
        Login login;
        login.server = normalized(server);
        all.append(login);
        it = all.end() - 1;
    }
    const QByteArray pin = sha256Hex.toLower();
    if (!it->pinnedCertificates.contains(pin))
        it->pinnedCertificates.append(pin);
    write(all);
}

QList<QByteArray> LoginSettings::pinnedCertificates(const QUrl &server) const
{
    const auto found = login(server);
    return found ? found->pinnedCertificates : QList<QByteArray>();
}

void LoginSettings::migrateSingleLogin()
{
    // Before one login per server, the file held one "login" group.
    if (!m_settings->contains(QStringLiteral("login/server")))
        return;
    Login login;
    login.server = normalized(QUrl(m_settings->value(QStringLiteral("login/server")).toString()));
    login.email = m_settings->value(QStringLiteral("login/email")).toString();
    bool ok = false;
    const qint64 project = m_settings->value(QStringLiteral("login/project")).toLongLong(&ok);
    if (ok && project > 0)
        login.projectId = project;
    login.rememberPassword = m_settings->value(QStringLiteral("login/rememberPassword"), false).toBool();
    m_settings->remove(QStringLiteral("login"));
    if (login.server.isValid() && !login.server.host().isEmpty() && !this->login(login.server))
        saveLogin(login);
}

} // namespace swarmwatch
