#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace mlwatch::demo {

// An error the simulated cloud answers with, in CloudWatch's terms. The response writer turns
// it into the protocol's envelope (query XML <ErrorResponse>, or JSON __type plus the
// x-amzn-query-error header). Messages are the cloud's (English, untranslated, like AWS's).
struct DemoError {
    int httpStatus = 400;
    QString code; // query-protocol code: "Throttling", "SignatureDoesNotMatch", …
    QString message;
    bool senderFault = true; // <Type>Sender</Type> vs Receiver

    static DemoError invalidParameter(const QString &message) {
        return {400, QStringLiteral("InvalidParameterValue"), message, true};
    }
    static DemoError missingParameter(const QString &name) {
        return {400, QStringLiteral("MissingParameter"),
                QStringLiteral("The parameter %1 is required.").arg(name), true};
    }
};

// A value or the error to answer with.
template <typename T> class DemoOutcome {
public:
    DemoOutcome(T value)
        : m_value(std::move(value)) {} // NOLINT: implicit by design
    DemoOutcome(DemoError error)
        : m_error(std::move(error)) {} // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const DemoError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DemoError m_error;
};

} // namespace mlwatch::demo
