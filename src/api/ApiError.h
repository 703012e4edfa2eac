#pragma once

#include <QSslCertificate>
#include <QString>

namespace swarmwatch {

// Why a call to the server did not give what was asked, with a message a person can read.
struct ApiError {
    enum class Kind {
        None,
        Network,      // no connection, DNS, reset
        Timeout,      // no answer within the request timeout
        Tls,          // certificate problems (never ignored)
        Cancelled,    // the caller cancelled
        Http,         // the server answered with an error status
        Unauthorized, // 401/403 that a token refresh could not fix
        Decode,       // the answer was not what the API promises
    };
    ApiError() = default;
    ApiError(Kind kind, int httpStatus, QString message, QString endpoint = {})
        : kind(kind)
        , httpStatus(httpStatus)
        , message(std::move(message))
        , endpoint(std::move(endpoint))
    {}

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;
    QString endpoint;            // "GET /api/v1/web/campaigns/7/metrics", where known
    QSslCertificate certificate; // Tls: the certificate the server showed, for the user to judge
    bool htmlBody = false;       // an HTML page answered: a web server, a proxy, anything but CipherSwarm

    bool isError() const { return kind != Kind::None; }
};

// A value or an error: the result of every typed call.
template <typename T>
struct ApiResult {
    T value{};
    ApiError error;
    bool ok() const { return !error.isError(); }
};

} // namespace swarmwatch
