#pragma once

#include "ApiRequest.h"

namespace swarmwatch {

// The error for an HTTP error answer, with the server's explanation in words: FastAPI's `detail` as a string
// or a validation list, LoginResult's `message`, RFC 9457's `title`/`detail`, or a short plain-text body.
ApiError httpError(const ApiRequest &request, const ApiResponse &response);

// An HTML page where JSON was expected: a web server, a proxy or another application, not CipherSwarm.
bool looksLikeHtml(const ApiResponse &response);

} // namespace swarmwatch
