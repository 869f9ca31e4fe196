#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcNet, "mlwatch.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAws, "mlwatch.aws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAzure, "mlwatch.azure", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGcp, "mlwatch.gcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFetch, "mlwatch.fetch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "mlwatch.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "mlwatch.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlerts, "mlwatch.alerts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "mlwatch.notify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReport, "mlwatch.report", QtInfoMsg)
