#pragma once

class QNetworkReply;

namespace swarmwatch {

// Stops a transfer that is still going. A reply that has already failed is left alone: its finished() is
// on its way, and aborting it between its error and its finished() makes Qt set a second error and print
// "this method must only be called once" to the user's terminal.
void abortReply(QNetworkReply *reply);

} // namespace swarmwatch
