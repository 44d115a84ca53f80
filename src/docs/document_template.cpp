// Template parsing and filling: placeholders are {{name}}; every name must be a declared field,
// "n"/"item" inside a repeating block, or the template is refused when loaded.
#include "docs/document_template.h"

#include <boost/json/parse.hpp>

#include <set>

namespace wagelink::docs {
namespace {

constexpr std::size_t kMaxOverrideBytes = 4000;

Error Bad(const std::string& kind, const std::string& what) {
  return MakeError(ErrorCode::kInternal, "文书模板 " + kind + " 无效：" + what, "document template " + kind + " is invalid: " + what);
}

std::string Text(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

// Calls `on_name` for each {{name}}; false when a brace pair is not closed.
template <class F>
bool ForEachPlaceholder(std::string_view text, F on_name) {
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    std::size_t end = text.find("}}", pos + 2);
    if (end == std::string_view::npos) return false;
    on_name(text.substr(pos + 2, end - pos - 2));
    pos = end + 2;
  }
  return true;
}

Result<std::string> Substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    std::string name(text.substr(open + 2, close - open - 2));
    auto it = values.find(name);
    if (it == values.end()) {
      return MakeError(ErrorCode::kConflict, "文书缺少字段：" + name, "the document lacks the field " + name, name);
    }
    out += it->second;
    pos = close + 2;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

const TemplateField* DocumentTemplate::Field(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Result<DocumentTemplate> ParseDocumentTemplate(std::string_view json_text) {
  boost::system::error_code ec;
  auto json = boost::json::parse(json_text, ec);
  if (ec || !json.is_object()) return Bad("?", "not a JSON object");
  const auto& o = json.as_object();
  DocumentTemplate t;
  t.kind = Text(o, "kind");
  t.title = Text(o, "title");
  t.title_en = Text(o, "title_en");
  t.issuer_body = Text(o, "issuer_body");
  t.permission = Text(o, "permission");
  t.basis = Text(o, "basis");
  t.copy_to = Text(o, "copy_to");
  t.annotation = Text(o, "annotation");
  if (auto signer = o.find("signer"); signer != o.end() && signer->value().is_bool()) t.signer = signer->value().as_bool();
  if (auto seal = o.find("seal"); seal != o.end() && seal->value().is_bool()) t.seal = seal->value().as_bool();
  if (auto head = o.find("letterhead"); head != o.end() && head->value().is_bool()) t.letterhead = head->value().as_bool();
  if (t.kind.empty() || t.title.empty() || t.issuer_body.empty() || t.permission.empty() || t.basis.empty()) {
    return Bad(t.kind.empty() ? "?" : t.kind, "kind, title, issuer_body, permission and basis are required");
  }
  auto fields = o.find("fields");
  if (fields == o.end() || !fields->value().is_array()) return Bad(t.kind, "fields must be an array");
  std::set<std::string> lists;
  for (const auto& f : fields->value().as_array()) {
    if (!f.is_object()) return Bad(t.kind, "a field is not an object");
    TemplateField field{Text(f.as_object(), "name"), Text(f.as_object(), "source"), Text(f.as_object(), "status"),
                        Text(f.as_object(), "basis"), Text(f.as_object(), "default")};
    static const std::set<std::string> kStatuses{"CONFIRMED", "DERIVED", "SECONDARY", "LOCAL", "UNCONFIRMED"};
    if (field.name.empty() || !kStatuses.contains(field.status)) return Bad(t.kind, "field " + field.name + ": name and status");
    if (field.source == "list") {
      lists.insert(field.name);
    } else if (field.source != "case" && field.source != "template") {
      return Bad(t.kind, "field " + field.name + ": source must be case, list or template");
    }
    if (t.Field(field.name)) return Bad(t.kind, "field " + field.name + " declared twice");
    t.fields.push_back(std::move(field));
  }
  auto blocks = o.find("blocks");
  if (blocks == o.end() || !blocks->value().is_array()) return Bad(t.kind, "blocks must be an array");
  for (const auto& b : blocks->value().as_array()) {
    if (!b.is_object()) return Bad(t.kind, "a block is not an object");
    const auto& bo = b.as_object();
    auto style = ParseBlockStyle(Text(bo, "style"));
    if (!style) return Bad(t.kind, "unknown block style " + Text(bo, "style"));
    TemplateBlock block{*style, Text(bo, "text"), Text(bo, "label"), Text(bo, "each"), Text(bo, "when")};
    if (!block.each.empty() && !lists.contains(block.each)) return Bad(t.kind, "each: " + block.each + " is not a list field");
    if (!block.when.empty() && !t.Field(block.when)) return Bad(t.kind, "when: unknown field " + block.when);
    t.blocks.push_back(std::move(block));
  }
  // Every placeholder names a declared field (a list's entries only inside its repeating block).
  std::string unknown;
  auto check = [&](std::string_view text, bool in_each) {
    bool closed = ForEachPlaceholder(text, [&](std::string_view name) {
      if (in_each && (name == "n" || name == "item")) return;
      const TemplateField* f = t.Field(name);
      if (!f || f->source == "list") unknown = std::string(name);
    });
    if (!closed) unknown = "(unclosed {{)";
  };
  for (const auto& block : t.blocks) {
    check(block.text, !block.each.empty());
    check(block.label, false);
  }
  for (const auto& field : t.fields) check(field.default_text, false);
  check(t.copy_to, false);
  check(t.annotation, false);
  if (!unknown.empty()) return Bad(t.kind, "unknown placeholder {{" + unknown + "}}");
  return t;
}

Status CheckOverrides(const DocumentTemplate& t, const std::map<std::string, std::string>& overrides) {
  for (const auto& [name, text] : overrides) {
    const std::string where = "fields." + name;
    const TemplateField* field = t.Field(name);
    if (!field) {
      return MakeError(ErrorCode::kValidationFailed, where + "：该文书没有此字段", where + ": no such field in this document", where);
    }
    if (!field->Editable()) {
      return MakeError(ErrorCode::kValidationFailed, where + "：此内容依法确定或取自案件，不可修改",
                       where + ": fixed by law or taken from the case; it cannot be edited", where);
    }
    if (text.empty() || text.size() > kMaxOverrideBytes) {
      return MakeError(ErrorCode::kValidationFailed, where + "：应为 1 到 4000 字节", where + ": 1–4000 bytes", where);
    }
    for (unsigned char c : text) {
      if (c < 0x20 || c == 0x7f) {
        return MakeError(ErrorCode::kValidationFailed, where + "：不能包含控制字符", where + ": no control characters", where);
      }
    }
    if (text.find("{{") != std::string::npos) {
      return MakeError(ErrorCode::kValidationFailed, where + "：不能包含 {{ 占位符", where + ": no {{ placeholders", where);
    }
  }
  return Ok{};
}

Result<PdfDocument> FillTemplate(const DocumentTemplate& t, const TemplateValues& input) {
  // Case values first; the wording fields may themselves refer to case values.
  std::map<std::string, std::string> values = input.values;
  for (const auto& field : t.fields) {
    if (field.source != "template") continue;
    auto override = input.overrides.find(field.name);
    if (override != input.overrides.end()) {
      values[field.name] = override->second;
    } else {
      auto text = Substitute(field.default_text, input.values);
      if (!text) return text.error();
      values[field.name] = *text;
    }
  }
  PdfDocument d;
  d.title = t.title;
  d.seal = t.seal;
  d.letterhead = t.letterhead;
  auto copy_to = Substitute(t.copy_to, values);
  if (!copy_to) return copy_to.error();
  d.copy_to = *copy_to;
  auto annotation = Substitute(t.annotation, values);
  if (!annotation) return annotation.error();
  d.annotation = *annotation;
  for (const auto& block : t.blocks) {
    if (!block.when.empty()) {
      auto it = values.find(block.when);
      if (it == values.end() || it->second.empty()) continue;
    }
    if (!block.each.empty()) {
      auto list = input.lists.find(block.each);
      if (list == input.lists.end()) continue;
      int n = 0;
      for (const auto& item : list->second) {
        auto scoped = values;
        scoped["n"] = std::to_string(++n);
        scoped["item"] = item;
        auto text = Substitute(block.text, scoped);
        if (!text) return text.error();
        d.blocks.push_back({block.style, *text, block.label});
      }
      continue;
    }
    auto text = Substitute(block.text, values);
    if (!text) return text.error();
    auto label = Substitute(block.label, values);
    if (!label) return label.error();
    d.blocks.push_back({block.style, *text, *label});
  }
  return d;
}

}  // namespace wagelink::docs
