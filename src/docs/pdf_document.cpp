// The view model's JSON form: stored with each issued document so a download re-renders the very
// same pages (with the viewer's watermark added) without consulting the case again.
#include "docs/pdf_document.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace wagelink::docs {
namespace {

constexpr std::pair<BlockStyle, std::string_view> kStyles[] = {
    {BlockStyle::kAddressee, "addressee"}, {BlockStyle::kBody, "body"}, {BlockStyle::kHeading, "heading"},
    {BlockStyle::kItem, "item"},           {BlockStyle::kField, "field"}, {BlockStyle::kRight, "right"},
};

Error Bad(const std::string& what) {
  return MakeError(ErrorCode::kInternal, "文书视图数据损坏：" + what, "corrupt document view model: " + what);
}

std::string Text(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

}  // namespace

std::optional<BlockStyle> ParseBlockStyle(std::string_view code) {
  for (auto [style, name] : kStyles) {
    if (name == code) return style;
  }
  return std::nullopt;
}

std::string_view BlockStyleCode(BlockStyle style) {
  for (auto [s, name] : kStyles) {
    if (s == style) return name;
  }
  return "body";
}

boost::json::value PdfDocumentToJson(const PdfDocument& d) {
  boost::json::array blocks;
  for (const auto& b : d.blocks) {
    boost::json::object o{{"style", BlockStyleCode(b.style)}, {"text", b.text}};
    if (!b.label.empty()) o["label"] = b.label;
    blocks.push_back(std::move(o));
  }
  boost::json::object json{{"issuer", d.issuer}, {"number", d.number}, {"title", d.title}, {"blocks", blocks},
                             {"date", d.date},     {"seal", d.seal}, {"letterhead", d.letterhead},     {"copy_to", d.copy_to},
                             {"print_line", d.print_line}, {"created_at", d.created_at}};
  // Added with migration 0016; absent in view models stored before, where they are empty.
  if (!d.signer.empty()) json["signer"] = d.signer;
  if (!d.annotation.empty()) json["annotation"] = d.annotation;
  if (!d.print_office.empty()) json["print_office"] = d.print_office;
  if (!d.print_date.empty()) json["print_date"] = d.print_date;
  return json;
}

Result<PdfDocument> PdfDocumentFromJson(const boost::json::value& json) {
  if (!json.is_object()) return Bad("not an object");
  const auto& o = json.as_object();
  PdfDocument d;
  d.issuer = Text(o, "issuer");
  d.number = Text(o, "number");
  d.title = Text(o, "title");
  d.date = Text(o, "date");
  d.copy_to = Text(o, "copy_to");
  d.print_line = Text(o, "print_line");
  d.created_at = Text(o, "created_at");
  d.signer = Text(o, "signer");
  d.annotation = Text(o, "annotation");
  d.print_office = Text(o, "print_office");
  d.print_date = Text(o, "print_date");
  auto seal = o.find("seal");
  d.seal = seal == o.end() || !seal->value().is_bool() || seal->value().as_bool();
  auto letterhead = o.find("letterhead");
  d.letterhead = letterhead == o.end() || !letterhead->value().is_bool() || letterhead->value().as_bool();
  auto blocks = o.find("blocks");
  if (blocks == o.end() || !blocks->value().is_array()) return Bad("blocks");
  for (const auto& b : blocks->value().as_array()) {
    if (!b.is_object()) return Bad("block");
    auto style = ParseBlockStyle(Text(b.as_object(), "style"));
    if (!style) return Bad("block style");
    d.blocks.push_back({*style, Text(b.as_object(), "text"), Text(b.as_object(), "label")});
  }
  return d;
}

}  // namespace wagelink::docs
