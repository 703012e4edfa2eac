#include "SseLogging.h"

Q_LOGGING_CATEGORY(lcSse, "swarmwatch.sse", QtInfoMsg)
