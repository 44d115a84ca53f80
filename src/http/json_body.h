#pragma once
// Reads a JSON object body with the checks every write endpoint needs: the content type, a
// parse that cannot be driven into deep recursion, and an object at the top.
#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "http/message.h"

namespace wagelink::http {

// The body as an object whose keys are all in `allowed`: a misspelt or unexpected field is refused
// with its name, never silently dropped (a record must hold what the officer meant to send).
Result<boost::json::object> ParseJsonObject(const Request& request, std::initializer_list<std::string_view> allowed);
// The same check for a nested object at `path` ("categories[2]").
Status OnlyKnownKeys(const boost::json::object& object, std::initializer_list<std::string_view> allowed,
                     std::string_view path = {});
// The body as any object, for the few whose keys the domain parser checks itself (settings,
// holiday notices): every other route names its fields above.
Result<boost::json::object> ParseJsonObjectCheckedByDomain(const Request& request);

// Typed field readers: absent → nullopt/default; present with the wrong type → validation error.
Result<std::optional<std::string>> OptionalString(const boost::json::object& body, std::string_view field,
                                                  std::size_t max_length = 4096);
Result<std::string> RequiredString(const boost::json::object& body, std::string_view field,
                                   std::size_t max_length = 4096);
// An optional string with a default when absent; wrong type or too long is a validation error.
Result<std::string> StringOr(const boost::json::object& body, std::string_view field, std::size_t max_length,
                             std::string fallback = {});
Result<std::optional<std::int64_t>> OptionalInt(const boost::json::object& body, std::string_view field);
Result<std::optional<bool>> OptionalBool(const boost::json::object& body, std::string_view field);

// Page parameters shared by every list endpoint (page ≥ 1, 1 ≤ page_size ≤ 200).
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t page_size = 20;
  std::int64_t offset() const { return (page - 1) * page_size; }
};
Result<PageRequest> ReadPage(const Request& request);

}  // namespace wagelink::http
