#include "SyncError.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace swarmwatch {

QString SyncError::describe() const
{
    if (count <= 1)
        return message;
    return QCoreApplication::translate("SyncError", "%1 (%n times)", nullptr, count).arg(message);
}

QString SyncError::kindName(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return QStringLiteral("none");
    case ApiError::Kind::Network:
        return QStringLiteral("network");
    case ApiError::Kind::Timeout:
        return QStringLiteral("timeout");
    case ApiError::Kind::Tls:
        return QStringLiteral("tls");
    case ApiError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case ApiError::Kind::Http:
        return QStringLiteral("http");
    case ApiError::Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case ApiError::Kind::Decode:
        return QStringLiteral("decode");
    }
    return {};
}

QString SyncError::endpointTemplate(const QString &endpoint)
{
    static const QRegularExpression number(QStringLiteral("/\\d+(?=/|$)"));
    QString out = endpoint;
    out.replace(number, QStringLiteral("/{id}"));
    return out;
}

} // namespace swarmwatch
