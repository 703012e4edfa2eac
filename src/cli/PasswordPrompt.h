#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdio>

namespace swarmwatch {

// Reads a password: from a terminal with echo off (kept off across Ctrl-Z and `fg`, given back on Ctrl-C),
// or a line from a pipe for --password-stdin.
class PasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    PasswordPrompt(std::FILE *in, std::FILE *err);
    // Whether standard input is a terminal to prompt on (without one, --password-stdin is the way).
    bool canPrompt() const;
    // The line typed, without its end; an empty string at end of input.
    QString read(bool fromPipe);

private:
    std::FILE *m_in;
    std::FILE *m_err;
};

} // namespace swarmwatch
