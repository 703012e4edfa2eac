#include "SimJwt.h"

#include "SimJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUuid>

namespace swarmwatch::sim {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

SimJwt::SimJwt(QByteArray secret)
    : m_secret(std::move(secret))
{}

QByteArray SimJwt::issue(const QString &subject, const QDateTime &issuedAt, qint64 lifetimeSeconds) const
{
    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(kBase64Url);
    SimJson claims;
    claims.beginObject()
        .field("sub", subject)
        .field("exp", issuedAt.toSecsSinceEpoch() + lifetimeSeconds)
        .field("iat", issuedAt.toSecsSinceEpoch())
        .field("jti", QUuid::createUuid().toString(QUuid::WithoutBraces))
        .endObject();
    const QByteArray signingInput = header + '.' + claims.bytes().toBase64(kBase64Url);
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256)
            .toBase64(kBase64Url);
    return signingInput + '.' + signature;
}

std::optional<SimJwt::Claims> SimJwt::verify(const QByteArray &token) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray expected =
        QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], m_secret, QCryptographicHash::Sha256)
            .toBase64(kBase64Url);
    if (expected != parts[2])
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding);
    if (!decoded)
        return std::nullopt;
    const QJsonObject payload = QJsonDocument::fromJson(*decoded).object();
    const QString subject = payload.value(QLatin1String("sub")).toString();
    if (QUuid::fromString(subject).isNull())
        return std::nullopt;
    return Claims{subject, payload.value(QLatin1String("iat")).toInteger(),
                  payload.value(QLatin1String("exp")).toInteger(),
                  payload.value(QLatin1String("jti")).toString()};
}

} // namespace swarmwatch::sim
