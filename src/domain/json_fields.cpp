#include "domain/json_fields.h"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>

namespace wagelink::domain {
namespace {

std::string Label(std::string_view path) {
  return path.empty() ? std::string("(root)") : std::string(path);
}

Error Missing(std::string_view path) {
  return FieldError(path, "为必填项", "is required");
}

Error WrongType(std::string_view path, std::string_view expected_zh, std::string_view expected_en) {
  return FieldError(path, std::string("应为") + std::string(expected_zh),
                    std::string("must be ") + std::string(expected_en));
}

std::optional<std::int64_t> AsInteger(const boost::json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value.get_uint64());
  }
  return std::nullopt;
}

}  // namespace

Result<boost::json::value> ParseJsonText(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 32;  // our documents are shallow; deep nesting is hostile input
  boost::json::value value = boost::json::parse(text, ec, {}, options);
  if (ec) {
    return MakeError(ErrorCode::kInvalidJson, std::string(what) + "：不是有效的 JSON（" + ec.message() + "）",
                     std::string(what) + ": not valid JSON (" + ec.message() + ")");
  }
  return value;
}

Error FieldError(std::string_view path, std::string_view reason_zh, std::string_view reason_en) {
  const std::string label = Label(path);
  return MakeError(ErrorCode::kValidationFailed, label + "：" + std::string(reason_zh),
                   label + ": " + std::string(reason_en), std::string(path));
}

std::string ElementPath(std::string_view array_path, std::size_t index) {
  return std::string(array_path) + "[" + std::to_string(index) + "]";
}

Result<const boost::json::object*> AsObject(const boost::json::value& value, std::string_view path) {
  if (!value.is_object()) return WrongType(path, "JSON 对象", "a JSON object");
  return &value.get_object();
}

std::string JsonFields::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Status JsonFields::OnlyKeys(std::initializer_list<std::string_view> allowed) const {
  for (const auto& entry : object_) {
    bool known = false;
    for (const std::string_view key : allowed) known = known || entry.key() == key;
    if (!known) {
      return FieldError(PathOf(TruncateUtf8(std::string_view(entry.key().data(), entry.key().size()), kEchoedKeyBytes)),
                        "是未知字段", "is not a known field");
    }
  }
  return Ok{};
}

const boost::json::value* JsonFields::Present(std::string_view key) const {
  const boost::json::value* value = object_.if_contains(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

Result<std::string> JsonFields::String(std::string_view key) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  if (!value->is_string()) return WrongType(PathOf(key), "字符串", "a string");
  return std::string(value->get_string());
}

Result<std::optional<std::string>> JsonFields::OptionalString(std::string_view key) const {
  if (Present(key) == nullptr) return std::optional<std::string>();
  auto text = String(key);
  if (!text) return text.error();
  return std::optional<std::string>(std::move(text).value());
}

Result<bool> JsonFields::Bool(std::string_view key) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  if (!value->is_bool()) return WrongType(PathOf(key), "布尔值 true 或 false", "true or false");
  return value->get_bool();
}

Result<std::optional<bool>> JsonFields::OptionalBool(std::string_view key) const {
  if (Present(key) == nullptr) return std::optional<bool>();
  auto flag = Bool(key);
  if (!flag) return flag.error();
  return std::optional<bool>(*flag);
}

Result<Fen> YuanValue(const boost::json::value& v, const std::string& path) {
  if (v.is_string()) return Fen::ParseYuan(v.as_string(), path);
  if (v.is_int64()) {
    if (v.as_int64() < 0) return FieldError(path, "金额不能为负数", "amount must not be negative");
    return Fen::FromYuan(v.as_int64(), path);
  }
  if (v.is_uint64()) return FieldError(path, "金额过大", "amount is too large");
  if (v.is_double()) return Fen::FromYuanDouble(v.as_double(), path);
  return FieldError(path, "应为金额（元）：数字或十进制字符串", "must be an amount in yuan: a number or a decimal string");
}

Result<Fen> JsonFields::Yuan(std::string_view key) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  return YuanValue(*value, PathOf(key));
}

Result<std::int64_t> JsonFields::Integer(std::string_view key, std::int64_t min, std::int64_t max) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  const auto integer = AsInteger(*value);
  if (!integer) return WrongType(PathOf(key), "整数", "an integer");
  if (*integer < min || *integer > max) {
    return FieldError(PathOf(key), "应在 " + std::to_string(min) + " 至 " + std::to_string(max) + " 之间",
                      "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return *integer;
}

Result<std::optional<std::int64_t>> JsonFields::OptionalInteger(std::string_view key, std::int64_t min,
                                                                std::int64_t max) const {
  if (Present(key) == nullptr) return std::optional<std::int64_t>();
  auto integer = Integer(key, min, max);
  if (!integer) return integer.error();
  return std::optional<std::int64_t>(*integer);
}

Result<CivilDate> JsonFields::Date(std::string_view key) const {
  auto text = String(key);
  if (!text) return text.error();
  return CivilDate::ParseIso(*text, PathOf(key));
}

Result<const boost::json::object*> JsonFields::Object(std::string_view key) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  return AsObject(*value, PathOf(key));
}

Result<const boost::json::object*> JsonFields::OptionalObject(std::string_view key) const {
  if (Present(key) == nullptr) return static_cast<const boost::json::object*>(nullptr);
  return Object(key);
}

Result<const boost::json::array*> JsonFields::Array(std::string_view key, std::size_t max_size) const {
  const auto* value = Present(key);
  if (value == nullptr) return Missing(PathOf(key));
  if (!value->is_array()) return WrongType(PathOf(key), "数组", "an array");
  if (value->get_array().size() > max_size) {
    return FieldError(PathOf(key), "元素过多（上限 " + std::to_string(max_size) + "）",
                      "has too many elements (limit " + std::to_string(max_size) + ")");
  }
  return &value->get_array();
}

Result<const boost::json::array*> JsonFields::OptionalArray(std::string_view key, std::size_t max_size) const {
  if (Present(key) == nullptr) return static_cast<const boost::json::array*>(nullptr);
  return Array(key, max_size);
}

}  // namespace wagelink::domain
