#include "services/log_labels.h"

#include <array>
#include <utility>

#include "domain/case_events.h"

namespace wagelink::services {
namespace {

struct Entry {
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array kActions = std::to_array<Entry>({
    {"auth.login", "登录", "Signed in"},
    {"auth.logout", "退出登录", "Signed out"},
    {"auth.password_verified", "密码验证通过（待动态验证码）", "Password accepted (second factor pending)"},
    {"auth.password_changed", "修改密码", "Changed the password"},
    {"auth.account_locked", "账号因多次密码错误被锁定", "Account locked after wrong passwords"},
    {"auth.second_factor_verified", "动态验证码验证通过", "Second factor accepted"},
    {"auth.second_factor_locked", "动态验证码多次错误被锁定", "Locked after wrong codes"},
    {"auth.totp_enrolment_started", "开始绑定动态验证码", "Started setting up the authenticator"},
    {"auth.totp_enrolled", "绑定动态验证码", "Set up the authenticator"},
    {"audit.read", "查阅审计日志", "Read the audit log"},
    {"audit.export", "导出审计日志", "Exported the audit log"},
    {"audit.anchor_download", "下载审计锚点", "Downloaded the audit anchors"},
    {"audit.verify", "校验审计链", "Verified the audit chain"},
    {"audit.legacy_sealed", "封存旧审计链", "Sealed the former audit chain"},
    {"loginlog.export", "导出登录日志", "Exported the login log"},
    {"user.create", "新建用户", "Created a user"},
    {"user.update", "修改用户", "Changed a user"},
    {"user.roles_change", "变更用户角色", "Changed a user's roles"},
    {"user.unlock", "解锁用户", "Unlocked a user"},
    {"user.password_reset", "重置用户密码", "Reset a user's password"},
    {"user.export", "导出用户列表", "Exported the user list"},
    {"user.import", "导入用户", "Imported users"},
    {"announcement.publish", "发布通知公告", "Published an announcement"},
    {"announcement.withdraw", "撤回通知公告", "Withdrew an announcement"},
    {"system.job_run", "立即运行定时任务", "Ran a scheduled job now"},
    {"user.change_requested", "申请变更管理员账号", "Asked to change an administrator"},
    {"user.change_approved", "批准管理员账号变更", "Approved an administrator change"},
    {"user.change_rejected", "驳回管理员账号变更", "Rejected an administrator change"},
    {"user.two_factor_reset", "重置动态验证码", "Reset the second factor"},
    {"session.force_logout", "强制下线", "Forced a session out"},
    {"security.policy_change", "修改密码策略", "Changed the password policy"},
    {"settings.case_rules_change", "修改本区办案规则", "Changed the district's case rules"},
    {"settings.exposure_rules_change", "修改曝光规则", "Changed the exposure rules"},
    {"settings.project_warning_thresholds_change", "修改项目监测预警阈值", "Changed the project warning thresholds"},
    {"project.register", "登记工程项目", "Registered a construction project"},
    {"project.update", "修改工程项目", "Changed a construction project"},
    {"project.feed", "报送项目数据", "Received a project's data"},
    {"project.warnings", "项目监测预警变化", "A project's warnings changed"},
    {"api_client.create", "新建接口客户端", "Created a machine client"},
    {"api_client.disable", "停用接口客户端", "Disabled a machine client"},
    {"recommendation.issue", "制发检察建议", "Issued a procuratorial recommendation"},
    {"recommendation.reply", "回复检察建议", "Replied to a procuratorial recommendation"},
    {"job.recommendation_overdue", "检察建议逾期提醒", "Announced overdue recommendation replies"},
    {"recommendation.evaluate", "评估检察建议落实情况", "Evaluated a procuratorial recommendation"},
    {"security.crypto_switched", "切换加密算法套件", "Switched the cryptographic suite"},
    {"settings.holiday_notice_enter", "录入节假日安排", "Entered a holiday notice"},
    {"system.seed_district", "初始化本区数据", "Loaded the district"},
    {"system.seed_demo_district", "载入演示数据", "Loaded the demo district"},
    {"case.create", "登记案件", "Registered a case"},
    {"case.payment", "登记工资支付", "Recorded a payment"},
    {"case.finding", "记录调查认定", "Recorded a finding"},
    {"case.report_at_once", "即时报告", "Reported at once"},
    {"case.workers.import", "导入工人名单", "Imported workers"},
    {"pii.reveal", "查看个人信息", "Revealed personal data"},
    {"import.upload", "上传导入文件", "Uploaded an import file"},
    {"import.commit", "确认导入", "Committed an import"},
    {"document.issue", "制发文书", "Issued a document"},
    {"document.download", "下载文书", "Downloaded a document"},
    {"risk_report.download", "下载风险书面报告", "Downloaded a risk report"},
    {"supervision_recommendation.download", "下载检察建议书", "Downloaded a procuratorial recommendation"},
    {"meeting_minutes.download", "下载会议纪要", "Downloaded meeting minutes"},
    {"evidence.upload", "上传证据", "Uploaded evidence"},
    {"evidence.withdraw", "撤回证据", "Withdrew evidence"},
    {"evidence.list", "查看证据清单", "Listed evidence"},
    {"evidence.download", "下载证据", "Downloaded evidence"},
    {"evidence.package", "下载移送材料包", "Downloaded the transfer package"},
    {"ledger.export", "导出台账", "Exported a ledger"},
    {"bulletin.issue", "印发通报", "Issued a bulletin"},
    {"inbox.preferences", "修改通知设置", "Changed notification settings"},
    {"liaison.create", "新增联络员", "Added a liaison officer"},
    {"liaison.update", "修改联络员", "Changed a liaison officer"},
    {"liaison.delete", "删除联络员", "Removed a liaison officer"},
    {"risk.create", "报告风险", "Reported a risk"},
    {"risk.followup", "跟进风险", "Followed up a risk"},
    {"risk.close", "销号风险", "Closed a risk"},
    {"risk.reopen", "重新打开风险", "Reopened a risk"},
    {"meeting.create", "召集联席会议", "Called a joint meeting"},
    {"meeting.agenda.add", "增加会议议题", "Added an agenda item"},
    {"meeting.agenda.remove", "移除会议议题", "Removed an agenda item"},
    {"meeting.minutes", "记录会议纪要", "Recorded the minutes"},
    {"meeting.decision", "记录会议决定事项", "Recorded a decision"},
    {"action_item.complete", "完成督办事项", "Completed an action item"},
    {"blacklist.propose", "提议列入失信名单", "Proposed a blacklist listing"},
    {"blacklist.serve_notice", "送达列入告知书", "Served the listing notice"},
    {"blacklist.record_defence", "记录陈述申辩", "Recorded the defence"},
    {"blacklist.decide_list", "作出列入决定", "Decided to list"},
    {"blacklist.decide_not_list", "作出不予列入决定", "Decided not to list"},
    {"blacklist.withdraw", "撤回列入提议", "Withdrew the proposal"},
    {"blacklist.remove_early", "提前移出失信名单", "Removed early from the blacklist"},
    {"blacklist.revoke", "撤销列入", "Revoked the listing"},
    {"blacklist.correct", "更正失信名单信息", "Corrected a listing"},
    {"publication.draft", "起草社会公布", "Drafted a publication"},
    {"publication.edit", "修改社会公布", "Edited a publication"},
    {"publication.publish", "发布社会公布", "Published"},
    {"publication.withdraw", "撤回社会公布", "Withdrew a publication"},
    {"publicity.publish", "发布普法文章", "Published an article"},
    {"publicity.withdraw", "撤回普法文章", "Withdrew an article"},
    {"job.deadline_sweep", "到期检查（定时任务）", "Deadline sweep (scheduled)"},
    {"job.deadline_reminders", "到期提醒（定时任务）", "Deadline reminders (scheduled)"},
    {"job.risk_review", "风险复核提醒（定时任务）", "Risk review reminders (scheduled)"},
    {"job.action_item_sweep", "督办事项检查（定时任务）", "Action item sweep (scheduled)"},
});

constexpr std::array kTargets = std::to_array<Entry>({
    {"case", "案件", "Case"},
    {"worker", "工人信息", "Worker"},
    {"user", "用户账号", "User account"},
    {"session", "登录会话", "Session"},
    {"settings", "系统设置", "Settings"},
    {"audit_log", "审计日志", "Audit log"},
    {"login_log", "登录日志", "Login log"},
    {"risk", "风险", "Risk"},
    {"meeting", "联席会议", "Meeting"},
    {"action_item", "督办事项", "Action item"},
    {"blacklist", "失信名单", "Blacklist listing"},
    {"publication", "社会公布", "Publication"},
    {"article", "普法文章", "Article"},
    {"publicity", "普法文章", "Article"},
    {"document", "文书", "Document"},
    {"evidence", "证据", "Evidence"},
    {"evidence_file", "证据", "Evidence"},
    {"region", "本区数据", "District"},
    {"import", "导入批次", "Import"},
    {"bulletin", "通报", "Bulletin"},
    {"liaison", "联络员", "Liaison officer"},
    {"ledger", "台账", "Ledger"},
    {"inbox", "通知设置", "Notification settings"},
    {"district", "本区数据", "District"},
    {"calendar", "节假日安排", "Holiday calendar"},
    {"announcement", "通知公告", "Announcement"},
    {"job", "定时任务", "Scheduled job"},
    {"users", "用户账号", "User accounts"},
});

constexpr std::array kLoginReasons = std::to_array<Entry>({
    {"ok", "登录成功", "Signed in"},
    {"bad_password", "密码错误", "Wrong password"},
    {"unknown_user", "账号不存在", "No such account"},
    {"disabled", "账号已停用", "Account disabled"},
    {"locked", "账号已锁定", "Account locked"},
    {"second_factor_pending", "密码正确，待输入动态验证码", "Password accepted, code pending"},
    {"bad_second_factor", "动态验证码错误", "Wrong authenticator code"},
});

template <std::size_t N>
const Entry* Find(const std::array<Entry, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

LogLabel Of(const Entry& entry) { return {std::string(entry.zh), std::string(entry.en)}; }

}  // namespace

LogLabel AuditActionLabel(std::string_view action) {
  if (const auto* entry = Find(kActions, action)) return Of(*entry);
  constexpr std::string_view kStep = "case.step.";
  if (action.starts_with(kStep)) {
    if (auto event = domain::ParseCaseEventCode(action.substr(kStep.size()))) {
      return {"办理：" + std::string(domain::CaseEventNameZh(*event)),
              "Case step: " + std::string(domain::CaseEventNameEn(*event))};
    }
    return {"办理案件步骤", "Case step"};
  }
  if (action.ends_with(".download")) return {"下载文书", "Downloaded a document"};
  return {"其他操作", "Other action"};
}

std::vector<AuditActionChoice> AuditActionChoices() {
  std::vector<AuditActionChoice> choices;
  for (const auto& entry : kActions) choices.push_back({std::string(entry.code), Of(entry)});
  for (auto event : domain::AllCaseEvents()) {
    const std::string code = "case.step." + std::string(domain::CaseEventCode(event));
    choices.push_back({code, AuditActionLabel(code)});
  }
  return choices;
}

LogLabel AuditTargetLabel(std::string_view target_type) {
  if (target_type.empty()) return {"", ""};
  if (const auto* entry = Find(kTargets, target_type)) return Of(*entry);
  return {"其他", "Other"};
}

LogLabel LoginReasonLabel(std::string_view reason) {
  if (const auto* entry = Find(kLoginReasons, reason)) return Of(*entry);
  return {"登录失败", "Sign-in failed"};
}

}  // namespace wagelink::services
