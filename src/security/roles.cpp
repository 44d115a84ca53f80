#include "security/roles.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace wagelink::security {
namespace {

using P = Permission;

constexpr std::uint64_t Bits(std::initializer_list<Permission> permissions) {
  std::uint64_t bits = 0;
  for (Permission p : permissions) bits |= std::uint64_t{1} << static_cast<int>(p);
  return bits;
}

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  DataScope::Kind scope;
  std::uint64_t permissions;
  std::string_view bodies;  // space-separated body codes the role may be held in; empty = any
};

constexpr std::uint64_t kEveryBody =
    Bits({P::kCaseRead, P::kRiskRead, P::kMeetingRead, P::kRosterRead, P::kDashboardRead});

// The role→permission matrix. Read access to cases is further narrowed by DataScope.
constexpr std::array<RoleInfo, 12> kRoles{{
    {Role::kCaseHandler, "case_handler", "承办人", "Case handler", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kCaseWrite, P::kCaseExport, P::kRiskWrite, P::kPiiReveal, P::kBlacklistPropose}), "hrss"},
    {Role::kUnitHead, "unit_head", "负责人", "Unit head", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kCaseWrite, P::kCaseExport, P::kCaseTransferApprove, P::kRiskWrite, P::kPiiReveal,
                        P::kAccessReceiptRead, P::kBlacklistPropose, P::kBlacklistDecide, P::kPublicationManage}),
     "hrss"},
    {Role::kLiaisonOfficer, "liaison_officer", "联络专员", "Liaison officer", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kRiskWrite}), ""},
    {Role::kWageOfficeCoordinator, "wage_office_coordinator", "治欠办协调员", "Wage-arrears office coordinator",
     DataScope::Kind::kAllInRegion,
     kEveryBody | Bits({P::kCaseExport, P::kRiskWrite, P::kMeetingManage, P::kRosterWrite, P::kAccessReceiptRead,
                        P::kPublicationManage, P::kPublicityPublish}),
     "wage_office"},
    {Role::kPoliceOfficer, "police_officer", "公安民警", "Police officer", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kCasePoliceAct, P::kCaseExport, P::kRiskWrite, P::kPiiReveal}), "police"},
    {Role::kProsecutor, "prosecutor", "检察官", "Prosecutor", DataScope::Kind::kAllInRegion,
     kEveryBody | Bits({P::kCaseProcuratorateAct, P::kCaseExport, P::kPiiReveal}), "procuratorate"},
    {Role::kCourtJudge, "court_judge", "法官/书记员", "Judge or court clerk", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kCaseCourtAct, P::kPiiReveal}), "court"},
    {Role::kLegalAidOfficer, "legal_aid_officer", "法律援助人员", "Legal-aid officer", DataScope::Kind::kOwnBodyParty,
     kEveryBody | Bits({P::kLegalAidAct, P::kRiskWrite, P::kPiiReveal, P::kPublicityPublish}), "justice"},
    {Role::kLeader, "leader", "领导", "Leader", DataScope::Kind::kAllInRegion, kEveryBody, "leadership"},
    {Role::kSystemAdmin, "system_admin", "系统管理员", "System administrator", DataScope::Kind::kNone,
     Bits({P::kUserManage, P::kBodyManage, P::kSettingsManage}), ""},
    {Role::kSecurityAdmin, "security_admin", "安全管理员", "Security administrator", DataScope::Kind::kNone,
     Bits({P::kRoleManage, P::kPasswordPolicyManage, P::kSessionManage}), ""},
    {Role::kAuditor, "auditor", "安全审计员", "Security auditor", DataScope::Kind::kNone,
     Bits({P::kAuditRead, P::kLoginLogRead}), ""},
}};

struct PermissionInfo {
  Permission permission;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  bool business;
};

constexpr std::array<PermissionInfo, 29> kPermissions{{
    {P::kCaseRead, "case.read", "查看案件", "Read cases", true},
    {P::kCaseWrite, "case.write", "办理案件", "Handle cases", true},
    {P::kCaseExport, "case.export", "导出案件", "Export cases", true},
    {P::kCaseTransferApprove, "case.transfer.approve", "审批移送", "Approve transfers", true},
    {P::kCasePoliceAct, "case.police.act", "公安办理", "Act for the police", true},
    {P::kCaseProcuratorateAct, "case.procuratorate.act", "检察办理与监督", "Act for the procuratorate", true},
    {P::kCaseCourtAct, "case.court.act", "法院办理", "Act for the court", true},
    {P::kLegalAidAct, "legal_aid.act", "法律援助办理", "Handle legal aid", true},
    {P::kRiskRead, "risk.read", "查看风险台账", "Read the risk ledger", true},
    {P::kRiskWrite, "risk.write", "报送与管理风险", "Report and manage risks", true},
    {P::kMeetingRead, "meeting.read", "查看联席会议", "Read joint meetings", true},
    {P::kMeetingManage, "meeting.manage", "组织联席会议", "Manage joint meetings", true},
    {P::kRosterRead, "roster.read", "查看联络员名册", "Read the liaison roster", true},
    {P::kRosterWrite, "roster.write", "维护联络员名册", "Edit the liaison roster", true},
    {P::kDashboardRead, "dashboard.read", "查看统计看板", "Read dashboards", true},
    {P::kPiiReveal, "pii.reveal", "查看完整个人信息", "Reveal personal data", true},
    {P::kAccessReceiptRead, "access_receipt.read", "查看个人信息访问记录", "Read access receipts", true},
    {P::kPublicationManage, "publication.manage", "管理曝光公布", "Manage publications", true},
    {P::kBlacklistPropose, "blacklist.propose", "提出失信名单列入", "Propose blacklist listings", true},
    {P::kBlacklistDecide, "blacklist.decide", "决定失信名单列入与移出", "Decide blacklist listings", true},
    {P::kPublicityPublish, "publicity.publish", "发布法治宣传", "Publish legal-publicity articles", true},
    {P::kUserManage, "user.manage", "用户管理", "Manage users", false},
    {P::kBodyManage, "body.manage", "部门管理", "Manage bodies", false},
    {P::kSettingsManage, "settings.manage", "系统设置", "Manage settings", false},
    {P::kRoleManage, "role.manage", "角色授权", "Assign roles", false},
    {P::kPasswordPolicyManage, "password_policy.manage", "密码策略", "Manage the password policy", false},
    {P::kSessionManage, "session.manage", "在线会话管理", "Manage sessions", false},
    {P::kAuditRead, "audit.read", "查看审计日志", "Read the audit log", false},
    {P::kLoginLogRead, "loginlog.read", "查看登录日志", "Read login logs", false},
}};

constexpr std::array<Role, 12> kAllRoles = [] {
  std::array<Role, 12> roles{};
  for (std::size_t i = 0; i < roles.size(); ++i) roles[i] = kRoles[i].role;
  return roles;
}();

constexpr std::array<Permission, 29> kAllPermissions = [] {
  std::array<Permission, 29> permissions{};
  for (std::size_t i = 0; i < permissions.size(); ++i) permissions[i] = kPermissions[i].permission;
  return permissions;
}();

constexpr bool TablesAreIndexedByEnum() {
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (static_cast<std::size_t>(kRoles[i].role) != i) return false;
  }
  for (std::size_t i = 0; i < kPermissions.size(); ++i) {
    if (static_cast<std::size_t>(kPermissions[i].permission) != i) return false;
  }
  return true;
}
static_assert(TablesAreIndexedByEnum(), "kRoles/kPermissions must list the enums in declaration order");
static_assert(kPermissions.size() <= 64, "permission bits must fit in std::uint64_t");

constexpr std::array<std::string_view, 7> kBodyCodes{"hrss",  "wage_office", "police",    "procuratorate",
                                                     "court", "justice",     "leadership"};

const RoleInfo& InfoOf(Role role) {
  return kRoles[static_cast<std::size_t>(role)];
}
const PermissionInfo& InfoOf(Permission permission) {
  return kPermissions[static_cast<std::size_t>(permission)];
}

Error RoleSetError(std::string zh_detail, std::string en_detail) {
  return MakeError(ErrorCode::kValidationFailed, "三员分立：" + zh_detail,
                   "separation of duties (三员分立): " + en_detail, "roles");
}

}  // namespace

std::span<const Role> AllRoles() {
  return kAllRoles;
}
std::span<const Permission> AllPermissions() {
  return kAllPermissions;
}

std::string_view RoleCode(Role role) {
  return InfoOf(role).code;
}
std::string_view RoleNameZh(Role role) {
  return InfoOf(role).name_zh;
}
std::string_view RoleNameEn(Role role) {
  return InfoOf(role).name_en;
}

std::optional<Role> ParseRole(std::string_view code) {
  for (const RoleInfo& info : kRoles) {
    if (info.code == code) return info.role;
  }
  return std::nullopt;
}

std::string_view PermissionCode(Permission permission) {
  return InfoOf(permission).code;
}
std::string_view PermissionNameZh(Permission permission) {
  return InfoOf(permission).name_zh;
}
std::string_view PermissionNameEn(Permission permission) {
  return InfoOf(permission).name_en;
}

std::optional<Permission> ParsePermission(std::string_view code) {
  for (const PermissionInfo& info : kPermissions) {
    if (info.code == code) return info.permission;
  }
  return std::nullopt;
}

bool IsAdministratorRole(Role role) {
  return role == Role::kSystemAdmin || role == Role::kSecurityAdmin || role == Role::kAuditor;
}

bool IsBusinessPermission(Permission permission) {
  return InfoOf(permission).business;
}

bool RoleHas(Role role, Permission permission) {
  return (InfoOf(role).permissions >> static_cast<int>(permission)) & 1U;
}

bool AnyRoleHas(std::span<const Role> roles, Permission permission) {
  return std::any_of(roles.begin(), roles.end(), [&](Role role) { return RoleHas(role, permission); });
}

std::vector<Permission> PermissionsOf(std::span<const Role> roles) {
  std::vector<Permission> out;
  for (Permission permission : kAllPermissions) {
    if (AnyRoleHas(roles, permission)) out.push_back(permission);
  }
  return out;
}

Status ValidateRoleSet(std::span<const Role> roles) {
  std::vector<Role> distinct(roles.begin(), roles.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const auto admin = std::find_if(distinct.begin(), distinct.end(), IsAdministratorRole);
  if (admin == distinct.end() || distinct.size() == 1) return Ok{};

  std::string zh_names, en_codes;
  for (Role role : distinct) {
    zh_names += (zh_names.empty() ? "" : "、") + std::string(RoleNameZh(role));
    en_codes += (en_codes.empty() ? "" : ", ") + std::string(RoleCode(role));
  }
  const bool two_admins = std::count_if(distinct.begin(), distinct.end(), IsAdministratorRole) > 1;
  if (two_admins) {
    return RoleSetError("系统管理员、安全管理员、安全审计员须由不同人员担任，不得兼任（" + zh_names + "）",
                        "system_admin, security_admin and auditor must be held by different people (" + en_codes + ")");
  }
  return RoleSetError(std::string(RoleNameZh(*admin)) + "不得兼任业务角色（" + zh_names + "）",
                      std::string(RoleCode(*admin)) + " cannot be combined with a business role (" + en_codes + ")");
}

std::span<const std::string_view> BodyCodes() {
  return kBodyCodes;
}

bool IsKnownBodyCode(std::string_view code) {
  return std::find(kBodyCodes.begin(), kBodyCodes.end(), code) != kBodyCodes.end();
}

Status ValidateRoleForBody(Role role, std::string_view body_code) {
  if (!IsKnownBodyCode(body_code)) {
    return MakeError(ErrorCode::kValidationFailed, "未知的部门类型", "unknown body code", "body_code");
  }
  const std::string_view allowed = InfoOf(role).bodies;
  if (allowed.empty()) return Ok{};
  for (std::size_t start = 0; start < allowed.size();) {
    const std::size_t end = std::min(allowed.find(' ', start), allowed.size());
    if (allowed.substr(start, end - start) == body_code) return Ok{};
    start = end + 1;
  }
  return MakeError(ErrorCode::kValidationFailed,
                   "角色“" + std::string(RoleNameZh(role)) + "”不能设在该部门（" + std::string(body_code) + "）",
                   "role " + std::string(RoleCode(role)) + " cannot be held in body " + std::string(body_code),
                   "roles");
}

std::string_view DataScopeCode(DataScope::Kind kind) {
  switch (kind) {
    case DataScope::Kind::kNone:
      return "none";
    case DataScope::Kind::kOwnBodyParty:
      return "own_body_party";
    case DataScope::Kind::kAllInRegion:
      return "all_in_region";
  }
  return "none";
}

DataScope DataScopeFor(std::span<const Role> roles) {
  DataScope scope;
  for (Role role : roles) scope.kind = std::max(scope.kind, InfoOf(role).scope);  // enum ordered narrow→wide
  return scope;
}

}  // namespace wagelink::security
