#include "HttpErrorMessage.h"

#include "ServerExplanation.h"

#include <QCoreApplication>

namespace swarmwatch {

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
        ApiError error{unauthorized ? ApiError::Kind::Unauthorized : ApiError::Kind::Http, response.status,
                       message};
        error.htmlBody = true;
        return error;
    }
    const QString explanation = serverExplanation(response.body);
    if (!explanation.isEmpty())
        message += QStringLiteral(": ") + explanation;
    const bool unauthorized = response.status == 401 || response.status == 403;
    return {unauthorized ? ApiError::Kind::Unauthorized : ApiError::Kind::Http, response.status, message};
}

} // namespace swarmwatch
