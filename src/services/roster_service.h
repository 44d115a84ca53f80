#pragma once
// Bodies and the liaison roster (联络专员): every signed-in user may read them; the wage-arrears
// office edits the roster (roster.write).
#include <optional>
#include <string>
#include <vector>

#include "services/audit_trail.h"
#include "services/principal.h"
#include "store/database.h"
#include "store/identity_repository.h"

namespace wagelink::services {

// A body of the district as users see it (the region is the parent of the six bodies).
struct BodyView {
  std::int64_t id = 0;
  std::string code;
  std::string kind;  // region | body
  std::string name_zh;
  std::string name_en;
  std::optional<std::string> parent_code;
};

struct Colleague {
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
};

// A liaison officer (联络专员) with the office phone published in the mechanism document.
struct LiaisonView {
  std::int64_t id = 0;
  std::string body_code;
  std::string name;
  std::string title;
  std::string phone;
};

struct LiaisonInput {
  std::string body_code;
  std::string name;
  std::string title;
  std::string phone;  // office phone (published in the mechanism document), not personal data
};

class RosterService {
 public:
  RosterService(store::Database& db, const Clock& clock, const AuditTrail& audit) : db_(db), clock_(clock), audit_(audit) {}

  std::vector<BodyView> ListBodies();
  // The active users of the caller's own body, e.g. to name the officers of a case group.
  std::vector<Colleague> Colleagues(const Principal& who);
  Result<std::vector<LiaisonView>> ListLiaisons(const Principal& who);
  Result<LiaisonView> CreateLiaison(const Principal& who, const LiaisonInput& input);
  Result<LiaisonView> UpdateLiaison(const Principal& who, std::int64_t id, const LiaisonInput& input);
  Status DeleteLiaison(const Principal& who, std::int64_t id);

 private:
  Result<std::int64_t> ValidatedBody(store::IdentityRepository& identity, const LiaisonInput& input);
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
};

}  // namespace wagelink::services
