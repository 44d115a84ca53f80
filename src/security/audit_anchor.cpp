#include "security/audit_anchor.h"

#include <boost/json.hpp>

namespace wagelink::security {
namespace {

Error Malformed(std::string_view source, std::size_t line) {
  const std::string where = std::string(source) + ":" + std::to_string(line);
  return MakeError(ErrorCode::kValidationFailed, "锚点文件格式无效（" + where + "）",
                   "malformed anchor (" + where + ")");
}

const boost::json::string* TextField(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  return value ? value->if_string() : nullptr;
}

}  // namespace

std::string AnchorLine(const Checkpoint& checkpoint, std::string_view public_key_text) {
  boost::json::object line{{"seq", checkpoint.seq},
                           {"hash", checkpoint.hash},
                           {"signed_at", checkpoint.signed_at},
                           {"kind", KindName(checkpoint.kind)},
                           {"signature", checkpoint.signature_hex},
                           {"public_key", public_key_text}};
  return boost::json::serialize(line) + "\n";
}

Result<std::vector<Checkpoint>> ParseAnchors(std::string_view text, std::string_view source) {
  std::vector<Checkpoint> anchors;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(line, ec);
    const auto* object = ec ? nullptr : value.if_object();
    if (!object) return Malformed(source, line_number);
    const auto* seq = object->if_contains("seq");
    const auto* hash = TextField(*object, "hash");
    const auto* signed_at = TextField(*object, "signed_at");
    const auto* kind_name = TextField(*object, "kind");
    const auto* signature = TextField(*object, "signature");
    if (!seq || !seq->is_int64() || seq->as_int64() < 1 || !hash || !signed_at || !kind_name || !signature) {
      return Malformed(source, line_number);
    }
    const auto kind = KindNamed(*kind_name);
    if (!kind) return Malformed(source, line_number);
    anchors.push_back({seq->as_int64(), std::string(*hash), std::string(*signed_at), std::string(*signature), *kind,
                       std::string(source)});
  }
  return anchors;
}

}  // namespace wagelink::security
