#pragma once
// A value or an Error, for calls that can fail in ways the caller must handle (C++20 has no
// std::expected yet, and the store and services do not throw).

#include "Error.h"

#include <optional>
#include <utility>
#include <variant>

namespace NeoCloud {

template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For calls that return nothing on success.
struct Done
{
};
using Status = Result<Done>;
inline Status success() { return Done{}; }

} // namespace NeoCloud
