#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace swarmwatch {

// A crack announcement from the toasts feed. CipherSwarm's text carries the cracked plaintext after "→";
// `redacted` is the text up to the hash prefix, for notifications and logs; `plaintext` is kept apart.
struct Toast {
    QString redacted;
    QString plaintext;
    std::optional<qint64> projectId;
    QDateTime timestamp;

    static Toast fromTrigger(const QString &trigger);
    QString fullText() const { return plaintext.isEmpty() ? redacted : redacted + QChar(0x2192) + plaintext; }
};

} // namespace swarmwatch
