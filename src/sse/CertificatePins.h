#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

namespace swarmwatch {

// Certificates a user chose to trust for one server, by their SHA-256 fingerprint: a self-signed or
// privately issued certificate, accepted explicitly after the user saw it. Never a blanket "ignore TLS
// errors": a connection's errors are forgiven only when every one of them concerns a pinned certificate.
class CertificatePins
{
public:
    // SHA-256 of the DER encoding, lowercase hex.
    static QByteArray fingerprint(const QSslCertificate &certificate);
    // True when `errors` is not empty and each concerns a certificate whose fingerprint is in `pins`.
    static bool coverAll(const QList<QByteArray> &pins, const QList<QSslError> &errors);
    // The certificate the errors are about (the server's own, first): what a user is shown to decide on.
    static QSslCertificate subjectOf(const QList<QSslError> &errors);
};

} // namespace swarmwatch
