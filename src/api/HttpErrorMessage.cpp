#include "HttpErrorMessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swarmwatch {

QString serverExplanation(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue detail = object.value(QLatin1String("detail"));
        if (detail.isString())
            return detail.toString();
        if (detail.isArray()) {
            QStringList problems;
            for (const QJsonValue &item : detail.toArray()) {
                const QJsonObject problem = item.toObject();
                QStringList location;
                for (const QJsonValue &part : problem.value(QLatin1String("loc")).toArray())
                    location.append(part.isString() ? part.toString() : QString::number(part.toInteger()));
                problems.append(location.join(QLatin1Char('.')) + QStringLiteral(": ")
                                + problem.value(QLatin1String("msg")).toString());
            }
            return problems.join(QStringLiteral("; "));
        }
        const QJsonValue message = object.value(QLatin1String("message"));
        if (message.isString())
            return message.toString();
        const QJsonValue title = object.value(QLatin1String("title"));
        if (title.isString())
            return title.toString();
        return {};
    }
    // Starlette's unhandled errors are plain text ("Internal Server Error"); keep it short and printable.
    QString text = QString::fromUtf8(body.left(400)).simplified();
    if (text.size() > 200)
        text = text.left(200) + QChar(0x2026);
    return text;
}

bool looksLikeHtml(const ApiResponse &response)
{
    return response.contentType.toLower().contains("html") || response.body.trimmed().startsWith('<');
}

ApiError httpError(const ApiRequest &request, const ApiResponse &response)
{
    QString message = QCoreApplication::translate("HttpErrorMessage", "%1: HTTP %2")
                          .arg(request.describe())
                          .arg(response.status);
    if (looksLikeHtml(response)) {
        // A web server, a proxy's error page or another application: its HTML says nothing useful here.
        message = QCoreApplication::translate("HttpErrorMessage",
                                              "%1: HTTP %2 with an HTML page: not a CipherSwarm server?")
                      .arg(request.describe())
                      .arg(response.status);
        const bool unauthorized = response.status == 401 || response.status == 403;
        return {unauthorized ? ApiError::Kind::Unauthorized : ApiError::Kind::Http, response.status, message};
    }
    const QString explanation = serverExplanation(response.body);
    if (!explanation.isEmpty())
        message += QStringLiteral(": ") + explanation;
    const bool unauthorized = response.status == 401 || response.status == 403;
    return {unauthorized ? ApiError::Kind::Unauthorized : ApiError::Kind::Http, response.status, message};
}

} // namespace swarmwatch
