#pragma once

#include "core/common/error.h"

#include <utility>
#include <variant>

namespace mlwatch {

// A value or an Error, shaped like C++23's std::expected so it can become one later.
//   Result<int> r = 42;            Result<int> e = Error{ErrorCode::Io, msg};
//   if (!r) log(r.error().detail); else use(*r);
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {} // NOLINT: implicit by design
    Result(Error error)
        : m_state(std::move(error)) {} // NOLINT: implicit by design

    bool has_value() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success carries nothing.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true) {} // NOLINT: implicit by design

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace mlwatch
