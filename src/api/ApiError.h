#pragma once

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
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;

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
