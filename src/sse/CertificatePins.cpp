#include "CertificatePins.h"

#include <QCryptographicHash>

namespace swarmwatch {

QByteArray CertificatePins::fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256).toHex();
}

bool CertificatePins::coverAll(const QList<QByteArray> &pins, const QList<QSslError> &errors)
{
    if (pins.isEmpty() || errors.isEmpty())
        return false;
    return std::all_of(errors.cbegin(), errors.cend(), [&pins](const QSslError &error) {
        return !error.certificate().isNull() && pins.contains(fingerprint(error.certificate()));
    });
}

QSslCertificate CertificatePins::subjectOf(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors) {
        if (!error.certificate().isNull())
            return error.certificate();
    }
    return QSslCertificate();
}

} // namespace swarmwatch
