#include "LoginSettings.h"

#include "SettingsFile.h"

#include <QObject>
#include <QSettings>

#include <algorithm>

namespace swarmwatch {

namespace {

const QString kArray = QStringLiteral("logins");

template <typename Logins> // a QList<Login>, const or not
auto find(Logins &logins, const QUrl &server)
{
    const QUrl key = LoginSettings::normalized(server);
    return std::find_if(logins.begin(), logins.end(),
                        [&key](const auto &login) { return login.server == key; });
}

// One login from the settings' current group; none when its server is not a server (hand-edited into
// nonsense: skipped, not fatal).
std::optional<LoginSettings::Login> readLogin(QSettings &settings)
{
    LoginSettings::Login login;
    login.server = LoginSettings::normalized(QUrl(settings.value(QStringLiteral("server")).toString()));
    if (!login.server.isValid() || login.server.host().isEmpty())
        return std::nullopt;
    login.email = settings.value(QStringLiteral("email")).toString();
    bool ok = false;
    const qint64 project = settings.value(QStringLiteral("project")).toLongLong(&ok);
    if (ok && project > 0)
        login.projectId = project;
    login.rememberPassword = settings.value(QStringLiteral("rememberPassword"), false).toBool();
    for (const QString &pin : settings.value(QStringLiteral("pinnedCertificates")).toStringList())
        login.pinnedCertificates.append(pin.toLatin1().toLower());
    return login;
}

QList<LoginSettings::Login> readLogins(QSettings &settings)
{
    QList<LoginSettings::Login> logins;
    const int size = settings.beginReadArray(kArray);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        if (const auto login = readLogin(settings))
            logins.append(*login);
    }
    settings.endArray();
    return logins;
}

void writeLogins(QSettings &settings, const QList<LoginSettings::Login> &logins)
{
    settings.remove(kArray);
    if (logins.isEmpty())
        return;
    settings.beginWriteArray(kArray, static_cast<int>(logins.size()));
    for (int i = 0; i < logins.size(); ++i) {
        const LoginSettings::Login &login = logins.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("server"), LoginSettings::normalized(login.server).toString());
        settings.setValue(QStringLiteral("email"), login.email);
        if (login.projectId)
            settings.setValue(QStringLiteral("project"), *login.projectId);
        settings.setValue(QStringLiteral("rememberPassword"), login.rememberPassword);
        if (!login.pinnedCertificates.isEmpty()) {
            QStringList pins;
            for (const QByteArray &pin : login.pinnedCertificates)
                pins.append(QString::fromLatin1(pin));
            settings.setValue(QStringLiteral("pinnedCertificates"), pins);
        }
    }
    settings.endArray();
}

// Before one login per server, the file held one "login" group.
void migrateSingleLogin(QSettings &settings)
{
    if (!settings.contains(QStringLiteral("login/server")))
        return;
    settings.beginGroup(QStringLiteral("login"));
    const std::optional<LoginSettings::Login> login = readLogin(settings);
    settings.endGroup();
    settings.remove(QStringLiteral("login"));
    QList<LoginSettings::Login> logins = readLogins(settings);
    if (login && find(logins, login->server) == logins.end()) {
        logins.prepend(*login);
        writeLogins(settings, logins);
    }
}

} // namespace

LoginSettings::LoginSettings(SettingsFile *file)
    : m_file(file)
    , m_receiver(std::make_unique<QObject>())
{
    m_file->read([this](QSettings &settings) {
        migrateSingleLogin(settings);
        m_logins = readLogins(settings);
    });
}

LoginSettings::~LoginSettings()
{
    // Every edit has run once this returns, so none can post to the receiver after it is gone (and what was
    // posted goes with it).
    m_file->flush();
    m_receiver.reset();
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
    return m_logins;
}

void LoginSettings::change(const Change &change)
{
    if (!change(m_logins))
        return;
    const quint64 number = ++m_changes;
    QObject *receiver = m_receiver.get();
    m_file->edit([this, change, number, receiver](QSettings &settings) {
        settings.sync(); // the file as it is now: swarmwatch-cli may have changed it since it was read
        QList<Login> logins = readLogins(settings);
        if (change(logins))
            writeLogins(settings, logins);
        // What the file holds now becomes what is answered here, unless a later change is on its way.
        QMetaObject::invokeMethod(
            receiver,
            [this, number, logins] {
                if (number == m_changes)
                    m_logins = logins;
            },
            Qt::QueuedConnection);
    });
}

std::optional<LoginSettings::Login> LoginSettings::login(const QUrl &server) const
{
    const auto it = find(m_logins, server);
    return it == m_logins.cend() ? std::nullopt : std::optional<Login>(*it);
}

std::optional<LoginSettings::Login> LoginSettings::defaultLogin() const
{
    return m_logins.isEmpty() ? std::nullopt : std::optional<Login>(m_logins.first());
}

QUrl LoginSettings::defaultServer() const
{
    const auto login = defaultLogin();
    return login ? login->server : QUrl();
}

void LoginSettings::saveLogin(const Login &login)
{
    Login stored = login;
    stored.server = normalized(login.server);
    change([stored](QList<Login> &logins) {
        if (const auto it = find(logins, stored.server); it != logins.end())
            logins.erase(it);
        logins.prepend(stored);
        return true;
    });
}

void LoginSettings::removeLogin(const QUrl &server)
{
    change([server](QList<Login> &logins) {
        const auto it = find(logins, server);
        if (it == logins.end())
            return false;
        logins.erase(it);
        return true;
    });
}

void LoginSettings::clear()
{
    change([](QList<Login> &logins) {
        logins.clear();
        return true;
    });
}

void LoginSettings::setProjectId(const QUrl &server, std::optional<qint64> projectId)
{
    change([server, projectId](QList<Login> &logins) {
        const auto it = find(logins, server);
        if (it == logins.end())
            return false;
        it->projectId = projectId;
        return true;
    });
}

void LoginSettings::pinCertificate(const QUrl &server, const QByteArray &sha256Hex)
{
    const QByteArray pin = sha256Hex.toLower();
    change([server = normalized(server), pin](QList<Login> &logins) {
        auto it = find(logins, server);
        if (it == logins.end()) {
            // Trusted before the first login succeeds (the login needs the certificate): a login without
            // email.
            Login login;
            login.server = server;
            logins.append(login);
            it = logins.end() - 1;
        }
        if (!it->pinnedCertificates.contains(pin))
            it->pinnedCertificates.append(pin);
        return true;
    });
}

QList<QByteArray> LoginSettings::pinnedCertificates(const QUrl &server) const
{
    const auto found = login(server);
    return found ? found->pinnedCertificates : QList<QByteArray>();
}

} // namespace swarmwatch
