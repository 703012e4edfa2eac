#pragma once

#include <QByteArray>
#include <QString>

namespace swarmwatch {

// The server's explanation in an error body, for REST calls and feeds alike: FastAPI's `detail` as a string
// or a validation list, LoginResult's `message`, RFC 9457's `title`, or a short plain-text body (at most 200
// characters, on one line). Empty when the body says nothing worth showing (JSON cut short, an empty body).
QString serverExplanation(const QByteArray &body);

} // namespace swarmwatch
