#include "app/exposure_rules_loader.h"

#include "app/commands.h"

namespace wagelink::app {

Result<std::shared_ptr<const domain::ExposureRules>> LoadExposureRules(const std::string& data_dir) {
  const std::string path = data_dir + "/exposure_rules.json";
  auto text = ReadTextFile(path);
  if (!text) {
    return MakeError(ErrorCode::kNotFound, "找不到曝光规则文件：" + path, "exposure rules file not found: " + path,
                     "paths.data_dir");
  }
  auto rules = domain::ParseExposureRules(*text, path);
  if (!rules) {
    const Error& e = rules.error();
    return MakeError(e.code, path + "：" + e.message_zh, path + ": " + e.message_en, "paths.data_dir");
  }
  return std::make_shared<const domain::ExposureRules>(std::move(rules.value()));
}

}  // namespace wagelink::app
