#include "app/document_template_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>

#include "domain/step_documents.h"
#include "security/roles.h"

namespace wagelink::app {

namespace {

Error Invalid(const std::string& file, const std::string& zh, const std::string& en) {
  return MakeError(ErrorCode::kInternal, file + "：" + zh, file + ": " + en);
}

std::string Text(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

Result<services::DocumentIssuers> LoadIssuers(const std::string& data_dir) {
  const std::string file = data_dir + "/document_issuers.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) return Invalid(file, "缺少发文机关配置", "missing the issuing bodies' configuration");
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto json = boost::json::parse(text.str(), ec);
  if (ec || !json.is_object()) return Invalid(file, "不是 JSON 对象", "not a JSON object");
  const auto& o = json.as_object();
  services::DocumentIssuers out;
  out.district = Text(o, "district");
  auto issuers = o.find("issuers");
  auto series = o.find("series");
  if (issuers == o.end() || !issuers->value().is_array() || series == o.end() || !series->value().is_array()) {
    return Invalid(file, "issuers 与 series 应为数组", "issuers and series must be arrays");
  }
  for (const auto& item : issuers->value().as_array()) {
    if (!item.is_object()) return Invalid(file, "issuers 的元素应为对象", "an issuer is not an object");
    services::DocumentIssuer issuer{Text(item.as_object(), "body"), Text(item.as_object(), "name_zh"),
                                    Text(item.as_object(), "print_office")};
    if (!security::IsKnownBodyCode(issuer.body_code) || issuer.name_zh.empty() || out.Issuer(issuer.body_code)) {
      return Invalid(file, "发文机关 " + issuer.body_code + " 无效、缺少名称或重复",
                     "issuer " + issuer.body_code + " is unknown, unnamed or repeated");
    }
    out.issuers.push_back(std::move(issuer));
  }
  for (const auto& item : series->value().as_array()) {
    if (!item.is_object()) return Invalid(file, "series 的元素应为对象", "a series is not an object");
    services::DocumentSeries s{Text(item.as_object(), "kind"), Text(item.as_object(), "prefix")};
    if (s.kind.empty() || s.prefix.empty() || out.SeriesOf(s.kind)) {
      return Invalid(file, "文号 " + s.kind + " 缺少种类或代字，或重复", "series " + s.kind + " lacks kind or prefix, or is repeated");
    }
    out.series.push_back(std::move(s));
  }
  return out;
}

Result<std::shared_ptr<const services::DocumentTemplates>> LoadDocumentTemplates(const std::string& data_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(data_dir) / "templates";
  auto templates = std::make_shared<services::DocumentTemplates>();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return MakeError(ErrorCode::kInternal, "缺少文书模板目录：" + dir.string(), "missing document template folder: " + dir.string(),
                     "data_dir");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = docs::ParseDocumentTemplate(text.str());
    if (!parsed) {
      Error error = parsed.error();
      error.message_zh = file.string() + "：" + error.message_zh;
      error.message_en = file.string() + ": " + error.message_en;
      return error;
    }
    if (parsed->kind != file.stem().string() || !security::ParsePermission(parsed->permission) ||
        !security::IsKnownBodyCode(parsed->issuer_body)) {
      return MakeError(ErrorCode::kInternal, file.string() + "：kind 须与文件名一致，permission 与 issuer_body 须为已知代码",
                       file.string() + ": kind must match the file name; permission and issuer_body must be known codes");
    }
    templates->items.push_back(std::move(parsed.value()));
  }
  return std::shared_ptr<const services::DocumentTemplates>(std::move(templates));
}

}  // namespace

Result<std::shared_ptr<const services::DocumentCatalog>> LoadDocumentCatalog(const std::string& data_dir) {
  auto templates = LoadDocumentTemplates(data_dir);
  if (!templates) return templates.error();
  auto issuers = LoadIssuers(data_dir);
  if (!issuers) return issuers.error();
  auto catalog = std::make_shared<services::DocumentCatalog>();
  catalog->templates = **templates;
  catalog->issuers = std::move(*issuers);
  const std::string file = data_dir + "/document_issuers.json";
  for (const auto& t : catalog->templates.items) {
    if (!catalog->issuers.Issuer(t.issuer_body)) {
      return Invalid(file, "文书 " + t.kind + " 的发文机关 " + t.issuer_body + " 未配置", "no issuer for " + t.issuer_body + " (" + t.kind + ")");
    }
    if (!catalog->issuers.SeriesOf(t.kind)) return Invalid(file, "文书 " + t.kind + " 没有文号", "no number series for " + t.kind);
  }
  for (const auto& document : domain::StepDocuments()) {
    if (!catalog->templates.Find(document.kind)) {
      return Invalid(data_dir + "/templates", "环节制作的文书 " + std::string(document.kind) + " 没有模板",
                     "no template for " + std::string(document.kind) + ", which a step issues");
    }
  }
  return std::shared_ptr<const services::DocumentCatalog>(std::move(catalog));
}

}  // namespace wagelink::app
