#pragma once

#include <QLoggingCategory>

// Every logging category of MLWatch, in one place. Enable with e.g.
//   QT_LOGGING_RULES="mlwatch.net.debug=true"
// The net category logs method, host and status only: never paths (webhook URLs carry tokens
// there), headers, tokens or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAws)
Q_DECLARE_LOGGING_CATEGORY(lcAzure)
Q_DECLARE_LOGGING_CATEGORY(lcGcp)
Q_DECLARE_LOGGING_CATEGORY(lcFetch)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcGui)
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
Q_DECLARE_LOGGING_CATEGORY(lcReport)
