#pragma once

#include <QByteArray>
#include <QString>

namespace swarmwatch {

// Appends s as a JSON string literal (quoted, escaped, UTF-8). Hand-written so that the output's key order
// and spacing are the documented ones, which QJsonObject (sorted keys) cannot give.
void appendJsonString(QByteArray &out, const QString &s);

} // namespace swarmwatch
