#include "security/roles.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace wagelink::security {
namespace {

constexpr Role kAdmins[] = {Role::kSystemAdmin, Role::kSecurityAdmin, Role::kAuditor};

std::vector<Role> BusinessRoles() {
  std::vector<Role> roles;
  for (Role role : AllRoles()) {
    if (!IsAdministratorRole(role)) roles.push_back(role);
  }
  return roles;
}

TEST(Roles, CodesAreStableAndRoundTrip) {
  const std::vector<std::string_view> expected{
      "case_handler", "unit_head", "liaison_officer", "wage_office_coordinator", "police_officer", "prosecutor",
      "court_judge",  "leader",    "system_admin",    "security_admin",          "auditor",        "legal_aid_officer"};
  std::set<std::string_view> codes;
  for (Role role : AllRoles()) {
    codes.insert(RoleCode(role));
    EXPECT_EQ(ParseRole(RoleCode(role)), role);
    EXPECT_FALSE(RoleNameZh(role).empty());
    EXPECT_FALSE(RoleNameEn(role).empty());
  }
  EXPECT_EQ(codes, std::set<std::string_view>(expected.begin(), expected.end()));
  EXPECT_EQ(ParseRole("Case_Handler"), std::nullopt);
  EXPECT_EQ(ParseRole(""), std::nullopt);
}

TEST(Permissions, CodesAreUniqueAndRoundTrip) {
  std::set<std::string_view> codes;
  for (Permission permission : AllPermissions()) {
    EXPECT_TRUE(codes.insert(PermissionCode(permission)).second) << PermissionCode(permission);
    EXPECT_EQ(ParsePermission(PermissionCode(permission)), permission);
    EXPECT_FALSE(PermissionNameZh(permission).empty());
  }
  EXPECT_EQ(ParsePermission("case.delete"), std::nullopt);
  EXPECT_EQ(PermissionCode(Permission::kCaseTransferApprove), "case.transfer.approve");
  EXPECT_EQ(PermissionCode(Permission::kLoginLogRead), "loginlog.read");
}

TEST(Permissions, NoAdministratorHoldsAnyBusinessPermission) {
  for (Role admin : kAdmins) {
    for (Permission permission : AllPermissions()) {
      if (IsBusinessPermission(permission)) {
        EXPECT_FALSE(RoleHas(admin, permission)) << RoleCode(admin) << " " << PermissionCode(permission);
      }
    }
  }
}

TEST(Permissions, NoBusinessRoleHoldsAnyAdministrativePermission) {
  for (Role role : BusinessRoles()) {
    for (Permission permission : AllPermissions()) {
      if (!IsBusinessPermission(permission)) {
        EXPECT_FALSE(RoleHas(role, permission)) << RoleCode(role) << " " << PermissionCode(permission);
      }
    }
  }
}

TEST(Permissions, TheThreeAdministratorsSplitTheAdministrativeDuties) {
  const std::vector<Role> system_admin{Role::kSystemAdmin};
  const std::vector<Role> security_admin{Role::kSecurityAdmin};
  const std::vector<Role> auditor{Role::kAuditor};
  EXPECT_EQ(PermissionsOf(system_admin),
            (std::vector{Permission::kUserManage, Permission::kBodyManage, Permission::kSettingsManage}));
  EXPECT_EQ(PermissionsOf(security_admin),
            (std::vector{Permission::kRoleManage, Permission::kPasswordPolicyManage, Permission::kSessionManage}));
  EXPECT_EQ(PermissionsOf(auditor), (std::vector{Permission::kAuditRead, Permission::kLoginLogRead}));
}

TEST(Permissions, KeyBusinessRules) {
  EXPECT_TRUE(RoleHas(Role::kUnitHead, Permission::kCaseTransferApprove));
  EXPECT_FALSE(RoleHas(Role::kCaseHandler, Permission::kCaseTransferApprove));
  EXPECT_TRUE(RoleHas(Role::kPoliceOfficer, Permission::kCasePoliceAct));
  EXPECT_FALSE(RoleHas(Role::kCaseHandler, Permission::kCasePoliceAct));
  EXPECT_TRUE(RoleHas(Role::kProsecutor, Permission::kCaseProcuratorateAct));
  EXPECT_TRUE(RoleHas(Role::kCourtJudge, Permission::kCaseCourtAct));
  EXPECT_TRUE(RoleHas(Role::kLegalAidOfficer, Permission::kLegalAidAct));
  EXPECT_TRUE(RoleHas(Role::kWageOfficeCoordinator, Permission::kMeetingManage));
  EXPECT_TRUE(RoleHas(Role::kWageOfficeCoordinator, Permission::kRosterWrite));
  // 人社部令第45号: only labour inspection proposes, only its head decides a listing.
  for (Role role : AllRoles()) {
    EXPECT_EQ(RoleHas(role, Permission::kBlacklistDecide), role == Role::kUnitHead) << RoleCode(role);
    EXPECT_EQ(RoleHas(role, Permission::kBlacklistPropose), role == Role::kUnitHead || role == Role::kCaseHandler)
        << RoleCode(role);
  }
  EXPECT_TRUE(RoleHas(Role::kLegalAidOfficer, Permission::kPublicityPublish));
  // The leader reads dashboards and never writes or reveals.
  EXPECT_TRUE(RoleHas(Role::kLeader, Permission::kDashboardRead));
  for (Permission permission : {Permission::kCaseWrite, Permission::kRiskWrite, Permission::kPiiReveal,
                                Permission::kCaseExport, Permission::kMeetingManage}) {
    EXPECT_FALSE(RoleHas(Role::kLeader, permission)) << PermissionCode(permission);
  }
  // Every business role may read the liaison roster.
  for (Role role : BusinessRoles()) EXPECT_TRUE(RoleHas(role, Permission::kRosterRead)) << RoleCode(role);
}

TEST(Permissions, UnionOverRoles) {
  const std::vector<Role> roles{Role::kCaseHandler, Role::kLiaisonOfficer};
  EXPECT_TRUE(AnyRoleHas(roles, Permission::kCaseWrite));
  EXPECT_FALSE(AnyRoleHas(roles, Permission::kCaseTransferApprove));
  EXPECT_TRUE(PermissionsOf({}).empty());
}

TEST(RoleSet, AnySingleRoleIsValid) {
  for (Role role : AllRoles()) EXPECT_TRUE(ValidateRoleSet(std::vector{role}).ok()) << RoleCode(role);
  EXPECT_TRUE(ValidateRoleSet({}).ok());
}

TEST(RoleSet, BusinessRolesCombine) {
  EXPECT_TRUE(ValidateRoleSet(std::vector{Role::kCaseHandler, Role::kLiaisonOfficer}).ok());
  EXPECT_TRUE(ValidateRoleSet(BusinessRoles()).ok());
}

TEST(RoleSet, EveryPairOfAdministratorsIsRefused) {
  for (Role a : kAdmins) {
    for (Role b : kAdmins) {
      if (a == b) continue;
      const auto status = ValidateRoleSet(std::vector{a, b});
      ASSERT_FALSE(status.ok()) << RoleCode(a) << "+" << RoleCode(b);
      EXPECT_EQ(status.error().code, ErrorCode::kValidationFailed);
      EXPECT_EQ(status.error().field, "roles");
      EXPECT_NE(status.error().message_zh.find("三员分立"), std::string::npos);
    }
  }
  EXPECT_FALSE(ValidateRoleSet(std::vector(std::begin(kAdmins), std::end(kAdmins))).ok());
}

TEST(RoleSet, AdministratorWithAnyBusinessRoleIsRefused) {
  for (Role admin : kAdmins) {
    for (Role business : BusinessRoles()) {
      const auto status = ValidateRoleSet(std::vector{business, admin});
      ASSERT_FALSE(status.ok()) << RoleCode(admin) << "+" << RoleCode(business);
      EXPECT_NE(status.error().message_en.find(RoleCode(business)), std::string::npos);
    }
  }
}

TEST(RoleSet, DuplicatedRoleIsNotACombination) {
  EXPECT_TRUE(ValidateRoleSet(std::vector{Role::kAuditor, Role::kAuditor}).ok());
}

TEST(Bodies, KnownCodes) {
  EXPECT_EQ(BodyCodes().size(), 7u);
  for (std::string_view code : {"hrss", "wage_office", "police", "procuratorate", "court", "justice", "leadership"}) {
    EXPECT_TRUE(IsKnownBodyCode(code)) << code;
  }
  EXPECT_FALSE(IsKnownBodyCode("Police"));
  EXPECT_FALSE(IsKnownBodyCode(""));
}

TEST(Bodies, RolesAreHeldInTheirOwnBodies) {
  EXPECT_TRUE(ValidateRoleForBody(Role::kPoliceOfficer, "police").ok());
  EXPECT_FALSE(ValidateRoleForBody(Role::kPoliceOfficer, "court").ok());
  EXPECT_TRUE(ValidateRoleForBody(Role::kProsecutor, "procuratorate").ok());
  EXPECT_FALSE(ValidateRoleForBody(Role::kProsecutor, "hrss").ok());
  EXPECT_TRUE(ValidateRoleForBody(Role::kWageOfficeCoordinator, "wage_office").ok());
  EXPECT_FALSE(ValidateRoleForBody(Role::kCaseHandler, "police").ok());
  for (std::string_view body : BodyCodes()) {
    EXPECT_TRUE(ValidateRoleForBody(Role::kLiaisonOfficer, body).ok()) << body;
    EXPECT_TRUE(ValidateRoleForBody(Role::kAuditor, body).ok()) << body;
  }
  EXPECT_FALSE(ValidateRoleForBody(Role::kLiaisonOfficer, "nowhere").ok());
}

TEST(DataScope, DerivedFromRoles) {
  using Kind = DataScope::Kind;
  EXPECT_EQ(DataScopeFor(std::vector{Role::kWageOfficeCoordinator}).kind, Kind::kAllInRegion);
  EXPECT_EQ(DataScopeFor(std::vector{Role::kLeader}).kind, Kind::kAllInRegion);
  EXPECT_EQ(DataScopeFor(std::vector{Role::kProsecutor}).kind, Kind::kAllInRegion);
  for (Role role : {Role::kCaseHandler, Role::kUnitHead, Role::kLiaisonOfficer, Role::kPoliceOfficer, Role::kCourtJudge,
                    Role::kLegalAidOfficer}) {
    EXPECT_EQ(DataScopeFor(std::vector{role}).kind, Kind::kOwnBodyParty) << RoleCode(role);
  }
  for (Role admin : kAdmins) EXPECT_EQ(DataScopeFor(std::vector{admin}).kind, Kind::kNone);
  EXPECT_EQ(DataScopeFor({}).kind, Kind::kNone);
  // The widest scope among a user's roles applies.
  EXPECT_EQ(DataScopeFor(std::vector{Role::kLiaisonOfficer, Role::kWageOfficeCoordinator}).kind, Kind::kAllInRegion);
  EXPECT_EQ(DataScopeCode(Kind::kOwnBodyParty), "own_body_party");
  EXPECT_EQ(DataScopeCode(Kind::kAllInRegion), "all_in_region");
  EXPECT_EQ(DataScopeCode(Kind::kNone), "none");
}

}  // namespace
}  // namespace wagelink::security
