#include "PasswordPrompt.h"

#include <QByteArray>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <pthread.h>
#include <termios.h>
#include <unistd.h>

namespace swarmwatch {

namespace {

// The terminal as it was before the prompt and as the prompt wants it, for the signal handlers below. A
// handler cannot be handed anything, hence these process-wide values; they are set only while a prompt is
// open, and every call the handlers make is async-signal-safe.
termios g_before{};
termios g_quiet{};
volatile sig_atomic_t g_fd = -1;
char g_prompt[64] = {};

void restoreAndDie(int signalNumber)
{
    if (g_fd >= 0)
        ::tcsetattr(g_fd, TCSANOW, &g_before);
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

// Ctrl-Z: give the shell its terminal back as it was, then stop as the default action would.
void restoreAndStop(int)
{
    const int saved = errno;
    if (g_fd >= 0)
        ::tcsetattr(g_fd, TCSANOW, &g_before);
    ::signal(SIGTSTP, SIG_DFL);
    // A handler runs with its own signal blocked: unblocked, the raise stops us right here, not after return
    // (where the handler, installed again, would catch it once more).
    sigset_t stop;
    ::sigemptyset(&stop);
    ::sigaddset(&stop, SIGTSTP);
    ::pthread_sigmask(SIG_UNBLOCK, &stop, nullptr);
    ::raise(SIGTSTP);
    if (g_fd >= 0) // continued (SIGCONT's handler has turned echo off again), and the prompt is still open
        ::signal(SIGTSTP, restoreAndStop);
    errno = saved;
}

// `fg` (or a kill -CONT): the shell has set the terminal as it likes it, with echo; turn echo off again and
// ask once more, since whatever was on the line has scrolled away.
void quietAgain(int)
{
    const int saved = errno;
    if (g_fd >= 0) {
        ::tcsetattr(g_fd, TCSANOW, &g_quiet);
        const ssize_t ignored = ::write(STDERR_FILENO, g_prompt, std::strlen(g_prompt));
        (void)ignored;
    }
    errno = saved;
}

constexpr int kPromptSignals[] = {SIGINT, SIGTERM, SIGTSTP, SIGCONT};

sigset_t promptSignals()
{
    sigset_t set;
    ::sigemptyset(&set);
    for (const int signalNumber : kPromptSignals)
        ::sigaddset(&set, signalNumber);
    return set;
}

} // namespace

PasswordPrompt::PasswordPrompt(std::FILE *in, std::FILE *err)
    : m_in(in)
    , m_err(err)
{}

bool PasswordPrompt::canPrompt() const
{
    return ::isatty(fileno(m_in)) != 0;
}

QString PasswordPrompt::read(bool fromPipe)
{
    const int fd = fileno(m_in);
    const bool terminal = !fromPipe && ::isatty(fd);
    struct sigaction before[std::size(kPromptSignals)] = {};
    if (terminal) {
        const QByteArray prompt = tr("Password: ").toUtf8().left(sizeof g_prompt - 1);
        std::memcpy(g_prompt, prompt.constData(), static_cast<size_t>(prompt.size()));
        g_prompt[prompt.size()] = '\0';
        ::tcgetattr(fd, &g_before);
        g_quiet = g_before;
        g_quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        g_fd = fd;
        // Ctrl-C at the prompt must not leave echo off; Ctrl-Z must give the shell its terminal back. The
        // dispositions before (an ignored SIGINT under nohup) come back afterwards.
        const auto handlerFor = [](int signalNumber) -> void (*)(int) {
            switch (signalNumber) {
            case SIGTSTP:
                return restoreAndStop;
            case SIGCONT:
                return quietAgain;
            default:
                return restoreAndDie;
            }
        };
        for (size_t i = 0; i < std::size(kPromptSignals); ++i) {
            ::sigaction(kPromptSignals[i], nullptr, &before[i]);
            if (before[i].sa_handler == SIG_IGN && kPromptSignals[i] != SIGCONT
                && kPromptSignals[i] != SIGTSTP)
                continue; // ignored stays ignored
            struct sigaction action = {};
            action.sa_handler = handlerFor(kPromptSignals[i]);
            action.sa_flags = SA_RESTART;
            ::sigemptyset(&action.sa_mask);
            ::sigaction(kPromptSignals[i], &action, nullptr);
        }
        ::tcsetattr(fd, TCSAFLUSH, &g_quiet);
        std::fputs(g_prompt, m_err); // after echo is off: nothing typed on seeing it can show
        std::fflush(m_err);
    }
    QByteArray line;
    for (int c; (c = std::fgetc(m_in)) != EOF && c != '\n';)
        line.append(static_cast<char>(c));
    if (terminal) {
        // Closed with the prompt's signals held back, so that no handler runs half-way through.
        const sigset_t held = promptSignals();
        sigset_t mask;
        ::pthread_sigmask(SIG_BLOCK, &held, &mask);
        g_fd = -1;
        for (size_t i = 0; i < std::size(kPromptSignals); ++i)
            ::sigaction(kPromptSignals[i], &before[i], nullptr);
        ::tcsetattr(fd, TCSADRAIN, &g_before); // what was typed after Enter stays for the shell
        ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
        std::fputc('\n', m_err);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace swarmwatch
