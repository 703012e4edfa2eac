#include "AuthLogging.h"

Q_LOGGING_CATEGORY(lcAuth, "swarmwatch.auth", QtInfoMsg)
