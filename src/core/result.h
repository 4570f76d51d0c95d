// Errors as values: Error carries a message meant for a person; Result<T> is a value or an Error.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace longstop::core {

/// What went wrong, in one sentence a person can act on. `code` is for programs (see ErrorCode).
enum class ErrorCode {
  kInvalidInput,  // the person typed or supplied something we cannot accept
  kNotFound,
  kConflict,      // e.g. an illegal state transition, a duplicate
  kUnauthorised,  // wrong credential, locked out, revoked
  kStorage,       // the database or the disk refused
  kCorrupt,       // a check failed: tampering, damaged file
  kInternal,
};

struct [[nodiscard]] Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

inline Error invalidInput(std::string msg) {
  return {ErrorCode::kInvalidInput, std::move(msg)};
}
inline Error notFound(std::string msg) {
  return {ErrorCode::kNotFound, std::move(msg)};
}
inline Error conflict(std::string msg) {
  return {ErrorCode::kConflict, std::move(msg)};
}
inline Error unauthorised(std::string msg) {
  return {ErrorCode::kUnauthorised, std::move(msg)};
}
inline Error storageError(std::string msg) {
  return {ErrorCode::kStorage, std::move(msg)};
}
inline Error corrupt(std::string msg) {
  return {ErrorCode::kCorrupt, std::move(msg)};
}
inline Error internalError(std::string msg) {
  return {ErrorCode::kInternal, std::move(msg)};
}

/// A value of T or an error E (an Error, or a type derived from it that says more, such as the kind
/// of a sign-in failure). Check ok() before value().
template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  /// The value, or `fallback` when this is an error.
  T value_or(T fallback) const& { return ok() ? std::get<0>(v_) : std::move(fallback); }

 private:
  std::variant<T, E> v_;
};

/// Success with nothing to return.
struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() {
  return Ok{};
}

}  // namespace longstop::core
