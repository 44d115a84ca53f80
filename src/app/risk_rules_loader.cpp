#include "app/risk_rules_loader.h"

#include "app/commands.h"

namespace wagelink::app {

Result<std::shared_ptr<const domain::RiskRuleSet>> LoadRiskRules(const std::string& data_dir) {
  const std::string path = data_dir + "/risk_rules.json";
  auto text = ReadTextFile(path);
  if (!text) {
    return MakeError(ErrorCode::kNotFound, "找不到风险规则文件：" + path, "risk rules file not found: " + path,
                     "paths.data_dir");
  }
  auto rules = domain::RiskRuleSet::Parse(*text);
  if (!rules) {
    const Error& e = rules.error();
    return MakeError(e.code, path + "：" + e.message_zh, path + ": " + e.message_en, "paths.data_dir");
  }
  return std::make_shared<const domain::RiskRuleSet>(std::move(rules.value()));
}

}  // namespace wagelink::app
