#pragma once
// The access model of WageLink: roles, permissions, the role→permission matrix, 三员分立 and the
// data scope each role implies. Codes are stable: they are stored in the database and sent to the UI.
//
// 三员分立: the system administrator (users, bodies, settings), the security administrator (role
// assignment, password policy, sessions) and the auditor (audit and login logs) are held by
// different people, none of them holds a business role, and none can read or change case, risk or
// personal data. Nobody at all may edit or delete audit entries: no permission for that exists.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wagelink::security {

enum class Role {
  kCaseHandler,
  kUnitHead,
  kLiaisonOfficer,
  kWageOfficeCoordinator,
  kPoliceOfficer,
  kProsecutor,
  kCourtJudge,
  kLegalAidOfficer,
  kLeader,
  kSystemAdmin,
  kSecurityAdmin,
  kAuditor,
};

enum class Permission {
  kCaseRead,              // case.read
  kCaseWrite,             // case.write: register, investigate, screen, consult, prepare transfer
  kCaseExport,            // case.export
  kCaseTransferApprove,   // case.transfer.approve
  kCasePoliceAct,         // case.police.act: receipt, filing decisions, investigation
  kCaseProcuratorateAct,  // case.procuratorate.act: consultation answers, supervision
  kCaseCourtAct,          // case.court.act: green channel, execution
  kLegalAidAct,           // legal_aid.act
  kRiskRead,              // risk.read
  kRiskWrite,             // risk.write
  kMeetingRead,           // meeting.read
  kMeetingManage,         // meeting.manage
  kRosterRead,            // roster.read
  kRosterWrite,           // roster.write
  kDashboardRead,         // dashboard.read
  kPiiReveal,             // pii.reveal (with a stated purpose, audited)
  kAccessReceiptRead,     // access_receipt.read: who viewed my body's records, when and why
  kPublicationManage,     // publication.manage
  kBlacklistPropose,      // blacklist.propose: propose a listing, serve the prior notice (人社)
  kBlacklistDecide,       // blacklist.decide: decide, remove, correct listings (劳动保障监察 only)
  kPublicityPublish,      // publicity.publish: legal-publicity articles on the public page (法治宣传)
  kUserManage,            // user.manage
  kBodyManage,            // body.manage
  kSettingsManage,        // settings.manage
  kRoleManage,            // role.manage: assign roles to users
  kPasswordPolicyManage,  // password_policy.manage
  kSessionManage,         // session.manage: online sessions, forced logout
  kAuditRead,             // audit.read (search and export included)
  kLoginLogRead,          // loginlog.read
};

std::span<const Role> AllRoles();
std::span<const Permission> AllPermissions();

std::string_view RoleCode(Role role);
std::string_view RoleNameZh(Role role);
std::string_view RoleNameEn(Role role);
std::optional<Role> ParseRole(std::string_view code);

std::string_view PermissionCode(Permission permission);
std::string_view PermissionNameZh(Permission permission);
std::string_view PermissionNameEn(Permission permission);
std::optional<Permission> ParsePermission(std::string_view code);

// True for the three administrators of 三员分立.
bool IsAdministratorRole(Role role);

// True for permissions over case, risk, meeting, roster, dashboard, personal or publication data,
// which no administrator may hold.
bool IsBusinessPermission(Permission permission);

bool RoleHas(Role role, Permission permission);
bool AnyRoleHas(std::span<const Role> roles, Permission permission);
// The union over `roles`, in AllPermissions() order.
std::vector<Permission> PermissionsOf(std::span<const Role> roles);

// Refuses (kValidationFailed, field "roles") any set in which an administrator role is combined
// with another administrator role or with any business role. An empty set is allowed (no access).
Status ValidateRoleSet(std::span<const Role> roles);

// Body codes in use; bodies form a tree under a region, the code names the kind of body.
std::span<const std::string_view> BodyCodes();
bool IsKnownBodyCode(std::string_view code);

// Refuses a role held in a body where it makes no sense (a police_officer in the court would act
// as police). Administrators and liaison officers may sit in any body.
Status ValidateRoleForBody(Role role, std::string_view body_code);

// What a user may see; the service layer turns it into bound SQL predicates.
struct DataScope {
  // Ordered from narrowest to widest: DataScopeFor takes the maximum over a user's roles.
  enum class Kind {
    kNone,          // no case/risk data at all (administrators)
    kOwnBodyParty,  // records to which the user's body is a party
    kAllInRegion,   // every record in the user's region
  };
  Kind kind = Kind::kNone;

  bool operator==(const DataScope&) const = default;
};

std::string_view DataScopeCode(DataScope::Kind kind);  // none | own_body_party | all_in_region

// The widest scope among `roles`: wage_office_coordinator, leader and prosecutor (legal supervision)
// see the whole region; other business roles their own body's records; administrators nothing.
DataScope DataScopeFor(std::span<const Role> roles);

}  // namespace wagelink::security
