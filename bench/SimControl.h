#pragma once

#include "BenchSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace bench {

// A control call to the simulator (/sim/..., not counted as a CipherSwarm request): its JSON answer.
inline QJsonObject simControl(QNetworkAccessManager &network, const QUrl &server, const QString &pathAndQuery,
                              bool post)
{
    QNetworkRequest request(QUrl(server.toString() + pathAndQuery));
    QNetworkReply *reply = post ? network.post(request, QByteArray()) : network.get(request);
    waitFor([reply] { return reply->isFinished(); }, 30000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

} // namespace bench
