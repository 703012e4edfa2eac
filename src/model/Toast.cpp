#include "Toast.h"

namespace swarmwatch {

Toast Toast::fromTrigger(const QString &trigger)
{
    Toast toast;
    const qsizetype arrow = trigger.indexOf(QChar(0x2192));
    if (arrow < 0) {
        toast.redacted = trigger;
    } else {
        toast.redacted = trigger.left(arrow);
        toast.plaintext = trigger.mid(arrow + 1);
    }
    return toast;
}

} // namespace swarmwatch
