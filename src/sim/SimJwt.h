#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace swarmwatch::sim {

// HS256 JSON Web Tokens as CipherSwarm issues them: claims sub (user UUID), exp and iat (Unix seconds), jti.
class SimJwt
{
public:
    explicit SimJwt(QByteArray secret);

    QByteArray issue(const QString &subject, const QDateTime &issuedAt, qint64 lifetimeSeconds) const;

    struct Claims {
        QString subject;
        qint64 issuedAt = 0;
        qint64 expiresAt = 0;
        QString id; // jti
    };
    // The claims when the signature and format are right; the caller checks expiry.
    std::optional<Claims> verify(const QByteArray &token) const;

private:
    QByteArray m_secret;
};

} // namespace swarmwatch::sim
