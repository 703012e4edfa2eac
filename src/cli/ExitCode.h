#pragma once

namespace swarmwatch {

// swarmwatch-cli's exit codes, the same for every command. There is no 1: every failure is one of these
// kinds, and a script can tell them apart.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,          // bad arguments or bad input
    ExitAuthentication = 3, // not logged in, the token refused (session expired), or no keychain to use
    ExitNetwork = 4,        // the server could not be reached, answered with an error, or is not CipherSwarm
};

} // namespace swarmwatch
