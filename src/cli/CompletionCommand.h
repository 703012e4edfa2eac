#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace swarmwatch {

// `swarmwatch-cli completion bash|zsh`: prints the shell completion script (the same files the packages
// install), e.g. `source <(swarmwatch-cli completion bash)`.
class CompletionCommand
{
    Q_DECLARE_TR_FUNCTIONS(CompletionCommand)

public:
    CompletionCommand(std::FILE *out, std::FILE *err);
    // arguments start with the program name and "completion"
    int run(const QStringList &arguments);

private:
    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace swarmwatch
