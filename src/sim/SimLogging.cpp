#include "SimLogging.h"

Q_LOGGING_CATEGORY(lcSim, "swarmwatch.sim", QtInfoMsg)
