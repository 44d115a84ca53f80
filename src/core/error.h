#pragma once
// The one error model of WageLink (see docs/architecture.md, "Errors").
//
// Expected outcomes (validation failures, refused transitions, missing records) travel as values:
// `Result<T>` holds either a T or an `Error`. Exceptions are reserved for failures that abort the
// whole request (database down, programmer error); the HTTP layer maps both to RFC 9457 problems.
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace wagelink {

// Closed set of error codes. Each maps once (http/problem.cpp) to an HTTP status and a stable
// problem `type`; the snake_case name returned by `ErrorCodeName` is part of the public API.
enum class ErrorCode {
  kBadRequest,            // malformed request that is not about one field
  kInvalidJson,           // body is not valid JSON
  kUnsupportedMediaType,  // wrong Content-Type
  kValidationFailed,      // a field has an invalid value (Error::field names it)
  kUnauthenticated,       // no or expired session
  kForbidden,             // authenticated but not allowed
  kCsrfFailed,            // unsafe request without a valid X-CSRF-Token
  kAccountLocked,         // too many failed logins
  kPasswordChangeRequired,
  kNotFound,
  kMethodNotAllowed,
  kConflict,              // duplicate or concurrent modification
  kTransitionRefused,     // a case step that is not allowed now
  kDueProcessPending,     // a decision or publication before due process allows it (陈述申辩 period running)
  kPayloadTooLarge,
  kHeaderTooLarge,
  kTooManyRequests,
  kServiceUnavailable,    // overloaded or shutting down
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_zh;  // shown to users first (zh-CN)
  std::string message_en;
  std::string field;  // the offending input field, when there is one
};

inline Error MakeError(ErrorCode code, std::string zh, std::string en, std::string field = {}) {
  return Error{code, std::move(zh), std::move(en), std::move(field)};
}

// A validation error on one input field: "field：原因" / "field: reason", with the field named.
inline Error InvalidField(std::string_view field, std::string_view zh, std::string_view en) {
  return Error{ErrorCode::kValidationFailed, std::string(field) + "：" + std::string(zh),
               std::string(field) + ": " + std::string(en), std::string(field)};
}

// Minimal `std::expected` stand-in (g++ 12 has no <expected> in C++20 mode).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace wagelink
