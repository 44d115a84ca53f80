#pragma once
// What the audit log and the login log show people: an action, a target kind and a sign-in outcome
// in words (zh-CN and en), never the machine codes the logs store ("case.step.accept_complaint",
// "bad_password"). The codes stay in the records and the CSV export; the API sends both.
#include <string>
#include <string_view>
#include <vector>

namespace wagelink::services {

struct LogLabel {
  std::string zh;
  std::string en;
};

// "auth.login" → 登录; "case.step.<event>" → 办理：<step name>. An action not known here is named
// by its family ("其他操作"), never by its code.
LogLabel AuditActionLabel(std::string_view action);
// Every action code people can search the audit log for, each with its words: the actions above
// and one "case.step.<event>" per case step, in the order they are listed here.
struct AuditActionChoice {
  std::string code;
  LogLabel label;
};
std::vector<AuditActionChoice> AuditActionChoices();
// "case" → 案件, "user" → 用户账号 …
LogLabel AuditTargetLabel(std::string_view target_type);
// The login log's outcome: "ok" → 登录成功, "bad_password" → 密码错误 …
LogLabel LoginReasonLabel(std::string_view reason);

}  // namespace wagelink::services
