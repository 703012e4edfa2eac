#pragma once

namespace swarmwatch {

// swarmwatch-cli's exit codes, the same for every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,        // something unexpected; the message says what
    ExitUsage = 2,          // bad arguments or bad input
    ExitAuthentication = 3, // credentials refused or missing
    ExitNetwork = 4,        // the server could not be reached or answered with an error
};

} // namespace swarmwatch
