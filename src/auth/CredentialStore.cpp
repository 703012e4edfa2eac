#include "CredentialStore.h"

#include "AuthLogging.h"

#include <qt6keychain/keychain.h>

namespace swarmwatch {

namespace {

CredentialStore::Outcome outcomeOf(const QKeychain::Job &job)
{
    CredentialStore::Outcome outcome;
    switch (job.error()) {
    case QKeychain::NoError:
        outcome.ok = true;
        outcome.found = true;
        return outcome;
    case QKeychain::EntryNotFound:
        outcome.ok = true; // nothing stored is an answer, not a failure
        return outcome;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        outcome.unavailable = true;
        outcome.message =
            CredentialStore::tr("The keychain refused access (it may be locked): %1").arg(job.errorString());
        return outcome;
    case QKeychain::CouldNotDeleteEntry:
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // QtKeychain 0.13 reports a missing Secret Service or session bus as OtherError; the text says which.
        outcome.unavailable = true;
        outcome.message = CredentialStore::tr("No keychain service is available: %1").arg(job.errorString());
        return outcome;
    }
    outcome.message = job.errorString();
    return outcome;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString CredentialStore::key(const QUrl &server, const QString &email, Secret secret)
{
    const QString server_ = server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString();
    return (secret == Secret::Token ? QStringLiteral("token:") : QStringLiteral("password:")) + server_
           + QLatin1Char('|') + email.toLower();
}

// Jobs have no parent and delete themselves when done: libsecret calls back into a running job, so deleting
// one mid-flight (with the store, at a sign-out or shutdown) crashed. The connection's context is the store,
// so a job that outlives it finishes without calling anyone.
void CredentialStore::write(const QUrl &server, const QString &email, Secret secret, const QByteArray &value,
                            Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key(server, email, secret));
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        const Outcome outcome = outcomeOf(*finished);
        qCDebug(lcAuth) << "write:" << (outcome.ok ? QStringLiteral("ok") : outcome.message);
        done(outcome);
    });
    job->start();
}

void CredentialStore::read(const QUrl &server, const QString &email, Secret secret, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key(server, email, secret));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        Outcome outcome = outcomeOf(*finished);
        if (outcome.found)
            outcome.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        qCDebug(lcAuth) << "read:" << (outcome.ok ? (outcome.found ? "found" : "not found") : "failed");
        done(outcome);
    });
    job->start();
}

void CredentialStore::remove(const QUrl &server, const QString &email, Secret secret, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key(server, email, secret));
    connect(job, &QKeychain::Job::finished, this,
            [done](QKeychain::Job *finished) { done(outcomeOf(*finished)); });
    job->start();
}

} // namespace swarmwatch
