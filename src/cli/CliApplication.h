#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace swarmwatch {

// swarmwatch-cli's front door: global options (--help, --version) and dispatch to one command.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)

public:
    CliApplication(std::FILE *out, std::FILE *err);
    int run(const QStringList &arguments);

private:
    void printUsage(std::FILE *stream) const;

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace swarmwatch
