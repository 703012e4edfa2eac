#pragma once

#include <QUrl>

namespace swarmwatch {

// The one test of a server or feed address every entry point applies: valid, http or https, with a host.
bool isHttpUrl(const QUrl &url);

} // namespace swarmwatch
