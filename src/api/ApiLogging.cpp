#include "ApiLogging.h"

Q_LOGGING_CATEGORY(lcApi, "swarmwatch.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "swarmwatch.session", QtInfoMsg)
