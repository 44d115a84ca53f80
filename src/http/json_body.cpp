#include "http/json_body.h"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <charconv>

#include "core/utf8.h"

namespace wagelink::http {
namespace {
Error FieldError(std::string_view field, std::string zh, std::string en) {
  return MakeError(ErrorCode::kValidationFailed, std::string(field) + "：" + zh, std::string(field) + ": " + en,
                   std::string(field));
}

}  // namespace

Result<boost::json::object> ParseJsonObjectCheckedByDomain(const Request& request) {
  auto type = request.Header("content-type");
  if (!type || !(type->starts_with("application/json"))) {
    return MakeError(ErrorCode::kUnsupportedMediaType, "请求内容类型必须为 application/json",
                     "Content-Type must be application/json");
  }
  boost::json::parse_options options;
  options.max_depth = 32;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec, {}, options);
  if (ec) {
    return MakeError(ErrorCode::kInvalidJson, "JSON 解析失败：" + ec.message(), "JSON parse error: " + ec.message());
  }
  if (!value.is_object()) {
    return MakeError(ErrorCode::kInvalidJson, "请求内容必须是 JSON 对象", "Request body must be a JSON object");
  }
  return std::move(value.as_object());
}

Status OnlyKnownKeys(const boost::json::object& object, std::initializer_list<std::string_view> allowed,
                     std::string_view path) {
  for (const auto& entry : object) {
    const std::string_view key(entry.key().data(), entry.key().size());
    bool known = false;
    for (const std::string_view name : allowed) known = known || key == name;
    if (!known) {
      std::string field(path);
      if (!field.empty()) field += '.';
      field += TruncateUtf8(key, kEchoedKeyBytes);
      return FieldError(field, "是未知字段", "is not a known field");
    }
  }
  return Ok{};
}

Result<boost::json::object> ParseJsonObject(const Request& request, std::initializer_list<std::string_view> allowed) {
  auto body = ParseJsonObjectCheckedByDomain(request);
  if (!body) return body.error();
  if (auto known = OnlyKnownKeys(*body, allowed); !known) return known.error();
  return body;
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& body, std::string_view field,
                                                  std::size_t max_length) {
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return std::optional<std::string>{};
  if (!it->value().is_string()) return FieldError(field, "应为字符串", "must be a string");
  std::string value(it->value().as_string());
  // Characters, not bytes, so a limit means the same for Chinese text.
  if (CodePointCount(value) > max_length) {
    return FieldError(field, "长度不能超过 " + std::to_string(max_length) + " 个字符",
                      "must be at most " + std::to_string(max_length) + " characters");
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::string> RequiredString(const boost::json::object& body, std::string_view field, std::size_t max_length) {
  auto value = OptionalString(body, field, max_length);
  if (!value) return value.error();
  if (!value->has_value() || (*value)->empty()) return FieldError(field, "不能为空", "is required");
  return std::move(**value);
}

Result<std::string> StringOr(const boost::json::object& body, std::string_view field, std::size_t max_length,
                             std::string fallback) {
  auto value = OptionalString(body, field, max_length);
  if (!value) return value.error();
  return value->value_or(std::move(fallback));
}

Result<std::optional<std::int64_t>> OptionalInt(const boost::json::object& body, std::string_view field) {
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return std::optional<std::int64_t>{};
  if (it->value().is_int64()) return std::optional<std::int64_t>(it->value().as_int64());
  if (it->value().is_uint64() && it->value().as_uint64() <= INT64_MAX) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(it->value().as_uint64()));
  }
  return FieldError(field, "应为整数", "must be an integer");
}

Result<std::optional<bool>> OptionalBool(const boost::json::object& body, std::string_view field) {
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return std::optional<bool>{};
  if (!it->value().is_bool()) return FieldError(field, "应为 true 或 false", "must be true or false");
  return std::optional<bool>(it->value().as_bool());
}

Result<PageRequest> ReadPage(const Request& request) {
  PageRequest page;
  auto read = [&](std::string_view name, std::int64_t& out, std::int64_t max) -> Status {
    auto text = request.Query(name);
    if (!text) return Ok{};
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < 1 || value > max) {
      return FieldError(name, "应为 1 到 " + std::to_string(max) + " 之间的整数",
                        "must be an integer from 1 to " + std::to_string(max));
    }
    out = value;
    return Ok{};
  };
  if (auto s = read("page", page.page, 1'000'000'000); !s) return s.error();
  if (auto s = read("page_size", page.page_size, 200); !s) return s.error();
  return page;
}

}  // namespace wagelink::http
