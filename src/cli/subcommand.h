#pragma once

#include <QStringList>

namespace mlwatch::cli {

// The command word of a command line ("query", "report", "backtest", "check", "accounts"), or empty.
// It is the first argument that is one of them, so option values later on the line
// ("--out report") never decide. main() needs it before any application object exists, to pick
// the application class (`report` draws, so it needs a QApplication).
inline QString subcommandOf(const QStringList &arguments) {
    static const QStringList kCommands{QStringLiteral("query"), QStringLiteral("report"),
                                       QStringLiteral("backtest"), QStringLiteral("check"),
                                       QStringLiteral("accounts")};
    for (qsizetype i = 1; i < arguments.size(); ++i)
        if (kCommands.contains(arguments.at(i)))
            return arguments.at(i);
    return {};
}

} // namespace mlwatch::cli
