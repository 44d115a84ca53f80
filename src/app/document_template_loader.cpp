#include "app/document_template_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "security/roles.h"

namespace wagelink::app {

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

}  // namespace wagelink::app
