#include "LoginSettings.h"

#include "AuthLogging.h"
#include "SettingsFile.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QSettings>

#include <algorithm>
#include <utility>

namespace swarmwatch {

namespace {

const QString kArray = QStringLiteral("logins");
constexpr int kLockWaitMs = 10000; // another holder's change takes milliseconds; a hung one is not waited out

// The logins' lock, which every LoginSettings in every process holds for a change to them, with the file
// synced on the way in (the change is made to what is there now) and on the way out (it is on disk before the
// next holder reads). QSettings' own lock covers one sync: between the sync that reads and the one that
// writes, another process's sync could land, and QSettings would merge the two lists key by key.
class ExclusiveAccess
{
public:
    explicit ExclusiveAccess(QSettings &settings)
        : m_settings(settings)
        , m_lock(settings.fileName() + QStringLiteral(".logins.lock"))
    {
        QDir().mkpath(QFileInfo(settings.fileName()).absolutePath()); // on the first run, before QSettings
        if (!m_lock.tryLock(kLockWaitMs))
            qCWarning(lcAuth) << "logins: changed without their lock, error" << m_lock.error()
                              << "- a change another process makes meanwhile may be lost";
        m_settings.sync();
    }
    ~ExclusiveAccess() { m_settings.sync(); } // then m_lock unlocks
    ExclusiveAccess(const ExclusiveAccess &) = delete;
    ExclusiveAccess &operator=(const ExclusiveAccess &) = delete;

private:
    QSettings &m_settings;
    QLockFile m_lock;
};

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
        if (settings.contains(QStringLiteral("login/server"))) {
            const ExclusiveAccess access(settings);
            migrateSingleLogin(settings); // the one read that writes, once
        }
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
        QList<Login> logins;
        {
            const ExclusiveAccess access(settings);
            logins = readLogins(settings);
            if (change(logins))
                writeLogins(settings, logins);
        }
        QMetaObject::invokeMethod(
            receiver, [this, number, logins] { receive(number, logins); }, Qt::QueuedConnection);
    });
}

void LoginSettings::refresh(QObject *context, std::function<void()> done)
{
    const quint64 number = m_changes;
    QObject *receiver = m_receiver.get();
    m_file->edit([this, number, receiver, context = QPointer<QObject>(context),
                  done = std::move(done)](QSettings &settings) {
        settings.sync(); // reads the file whole, as the last writer left it: no lock needed
        const QList<Login> logins = readLogins(settings);
        QMetaObject::invokeMethod(
            receiver,
            [this, number, logins, context, done] {
                m_refreshed.append({context, done});
                receive(number, logins);
            },
            Qt::QueuedConnection);
    });
}

void LoginSettings::receive(quint64 number, const QList<Login> &logins)
{
    if (number != m_changes)
        return; // that change's own list comes later, from the file as it leaves it
    m_logins = logins;
    const auto refreshed = std::exchange(m_refreshed, {});
    for (const auto &[context, done] : refreshed) {
        if (context)
            done();
    }
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
    Login given = login;
    given.server = normalized(login.server);
    change([given](QList<Login> &logins) {
        Login saved = given;
        if (const auto it = find(logins, given.server); it != logins.end()) {
            // This process may have read the stored login before another changed it: keep what was not given.
            if (!saved.projectId)
                saved.projectId = it->projectId;
            for (const QByteArray &pin : it->pinnedCertificates) {
                if (!saved.pinnedCertificates.contains(pin))
                    saved.pinnedCertificates.append(pin);
            }
            logins.erase(it);
        }
        logins.prepend(saved);
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
