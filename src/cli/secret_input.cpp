#include "cli/secret_input.h"

#include "cli/cli_error.h"

#include <cstdio>
#include <optional>

#if defined(Q_OS_UNIX)
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

namespace mlwatch::cli {

namespace {

// Turns terminal echo off for its lifetime (a no-op when stdin is not a terminal).
class EchoOff {
public:
    EchoOff() {
#if defined(Q_OS_UNIX)
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#elif defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_saved))
            m_active = SetConsoleMode(m_handle, m_saved & ~DWORD(ENABLE_ECHO_INPUT)) != 0;
#endif
    }
    ~EchoOff() {
        if (!m_active)
            return;
#if defined(Q_OS_UNIX)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#elif defined(Q_OS_WIN)
        SetConsoleMode(m_handle, m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
#if defined(Q_OS_UNIX)
    termios m_saved{};
#elif defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_saved = 0;
#endif
};

// One line of stdin without its line end; nullopt at EOF before any character.
std::optional<QByteArray> readLine() {
    QByteArray line;
    char buffer[1024];
    bool any = false;
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        any = true;
        line += buffer;
        if (line.endsWith('\n'))
            break;
    }
    // The stack buffer held part of a secret: clear it.
    for (char &c : buffer)
        c = '\0';
    if (!any)
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

QString takeTrimmed(QByteArray &line) {
    const QString text = QString::fromUtf8(line).trimmed();
    line.fill('\0');
    return text;
}

} // namespace

bool SecretInput::isTerminal() {
#if defined(Q_OS_UNIX)
    return isatty(STDIN_FILENO) != 0;
#elif defined(Q_OS_WIN)
    return _isatty(_fileno(stdin)) != 0;
#else
    return false;
#endif
}

Result<QStringList> SecretInput::read(const QStringList &prompts, int required, const QString &what) {
    QStringList lines;
    if (isTerminal()) {
        for (const QString &prompt : prompts) {
            std::fputs(prompt.toUtf8().constData(), stderr);
            std::fflush(stderr);
            std::optional<QByteArray> line;
            {
                const EchoOff quiet;
                line = readLine();
            }
            std::fputc('\n', stderr); // the Enter the person typed was not echoed
            if (!line)
                break;
            lines.append(takeTrimmed(*line));
        }
    } else {
        while (std::optional<QByteArray> line = readLine()) {
            if (lines.size() > prompts.size()) // more than any command takes: stop reading
                break;
            lines.append(takeTrimmed(*line));
        }
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    const qsizetype count = lines.size();
    bool blankRequired = false;
    for (qsizetype i = 0; i < std::min<qsizetype>(count, required); ++i)
        blankRequired = blankRequired || lines.at(i).isEmpty();
    if (count < required || count > prompts.size() || blankRequired)
        return badArgument(
            tr("Standard input must hold %1, one per line; it held %n line(s).", nullptr, int(count))
                .arg(what));
    return lines;
}

} // namespace mlwatch::cli
