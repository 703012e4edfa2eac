#include "ModelLogging.h"

Q_LOGGING_CATEGORY(lcModel, "swarmwatch.model", QtInfoMsg)
