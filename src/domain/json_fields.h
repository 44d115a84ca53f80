#pragma once
// Strict, typed reading of JSON objects for reference data and API input. Every failure names the
// full field path ("workers[3].owed_yuan") in zh and en, unknown keys are refused (a typo in a legal
// data file or a request must not be silently ignored), and arrays are size-capped before iteration.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"  // TruncateUtf8, for echoing input in errors
#include "domain/civil_date.h"
#include "domain/money.h"

namespace wagelink::domain {

// Parses JSON text; syntax errors become kInvalidJson naming `what` (e.g. "data/time_limits.json").
Result<boost::json::value> ParseJsonText(std::string_view text, std::string_view what);

// A kValidationFailed error for `path` with a zh/en reason appended to the path.
Error FieldError(std::string_view path, std::string_view reason_zh, std::string_view reason_en);
// "workers" + 3 -> "workers[3]".
std::string ElementPath(std::string_view array_path, std::size_t index);
// An amount in yuan: a decimal string ("12,000.50") or a number, never negative; `path` names it.
Result<Fen> YuanValue(const boost::json::value& value, const std::string& path);
// Expects `value` to be an object; `path` is used in the error.
Result<const boost::json::object*> AsObject(const boost::json::value& value, std::string_view path);

class JsonFields {
 public:
  // `path` is the object's own path ("" for the document root, "order", "workers[3]").
  JsonFields(const boost::json::object& object, std::string path) : object_(object), path_(std::move(path)) {}

  Status OnlyKeys(std::initializer_list<std::string_view> allowed) const;
  // Present with any value, including null.
  bool Has(std::string_view key) const { return object_.if_contains(key) != nullptr; }
  // Present with a non-null value.
  bool HasValue(std::string_view key) const { return Present(key) != nullptr; }
  std::string PathOf(std::string_view key) const;

  // Required values: absent or null fails. Optional ones: absent or null gives nullopt.
  Result<std::string> String(std::string_view key) const;
  Result<std::optional<std::string>> OptionalString(std::string_view key) const;
  Result<bool> Bool(std::string_view key) const;
  Result<std::optional<bool>> OptionalBool(std::string_view key) const;
  Result<std::int64_t> Integer(std::string_view key, std::int64_t min, std::int64_t max) const;
  Result<std::optional<std::int64_t>> OptionalInteger(std::string_view key, std::int64_t min, std::int64_t max) const;
  Result<CivilDate> Date(std::string_view key) const;
  Result<Fen> Yuan(std::string_view key) const;
  Result<const boost::json::object*> Object(std::string_view key) const;
  Result<const boost::json::object*> OptionalObject(std::string_view key) const;  // nullptr if absent
  Result<const boost::json::array*> Array(std::string_view key, std::size_t max_size) const;
  Result<const boost::json::array*> OptionalArray(std::string_view key, std::size_t max_size) const;

 private:
  const boost::json::value* Present(std::string_view key) const;  // nullptr when absent or null
  const boost::json::object& object_;
  std::string path_;
};

}  // namespace wagelink::domain
