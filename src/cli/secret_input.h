#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace mlwatch::cli {

// Reads secrets from standard input, the one way `accounts add` takes them (never arguments,
// which stay in shell histories and show in the process list).
//  - From a pipe or file: every line up to EOF ("\r\n" and surrounding blanks trimmed; trailing
//    empty lines dropped).
//  - From a terminal: one prompt per field on stderr, with echo turned off, so a secret typed
//    during a screen share is never shown.
// The lines are returned as values for the caller to move into an AccountSecret; nothing here
// logs or echoes them, and error messages give only counts.
class SecretInput {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::SecretInput)
public:
    // `prompts`: one per field (used only on a terminal). Between `required` and prompts.size()
    // lines are accepted; `what` names the expected content for the error message.
    static Result<QStringList> read(const QStringList &prompts, int required, const QString &what);

    static bool isTerminal();
};

} // namespace mlwatch::cli
