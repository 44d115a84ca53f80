#include "app/risk_rules_loader.h"

#include "app/commands.h"

namespace wagelink::app {
namespace {

// Reads and validates one rules file of data/; errors name the file.
template <class RuleSet>
Result<std::shared_ptr<const RuleSet>> LoadRuleFile(const std::string& path, std::string_view what_zh,
                                                    std::string_view what_en) {
  auto text = ReadTextFile(path);
  if (!text) {
    return MakeError(ErrorCode::kNotFound, "找不到" + std::string(what_zh) + "文件：" + path,
                     std::string(what_en) + " file not found: " + path, "paths.data_dir");
  }
  auto rules = RuleSet::Parse(*text);
  if (!rules) {
    const Error& e = rules.error();
    return MakeError(e.code, path + "：" + e.message_zh, path + ": " + e.message_en, "paths.data_dir");
  }
  return std::make_shared<const RuleSet>(std::move(rules.value()));
}

}  // namespace

Result<std::shared_ptr<const domain::RiskRuleSet>> LoadRiskRules(const std::string& data_dir) {
  return LoadRuleFile<domain::RiskRuleSet>(data_dir + "/risk_rules.json", "风险规则", "risk rules");
}

Result<std::shared_ptr<const domain::ProjectWarningRuleSet>> LoadProjectWarningRules(const std::string& data_dir) {
  return LoadRuleFile<domain::ProjectWarningRuleSet>(data_dir + "/project_warning_rules.json", "项目监测预警规则",
                                                     "project warning rules");
}

}  // namespace wagelink::app
