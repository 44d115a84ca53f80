#pragma once
// Creates a district from its file: the region, its bodies, the named liaison officers and the first
// accounts. The demo district (data/demo/district.json) gives every account the published demo
// password; a real district's file (`wagelink init --district FILE`, same shape without
// "demo_password") gives each account its own one-time password, returned once and changed at the
// first sign-in. Safe to run again: whatever already exists is left as it is.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "security/passwords.h"
#include "store/database.h"

namespace wagelink::services {

struct SeedReport {
  int bodies_created = 0;
  int liaisons_created = 0;
  int users_created = 0;
  // A real district's new accounts: {username, one-time password}, to be handed over once.
  std::vector<std::pair<std::string, std::string>> one_time_passwords;
};

enum class FirstPasswords {
  kDemoShared,   // the file's "demo_password" for all, exempt from the policy (documented demo only)
  kOneTimeEach,  // a random one-time password per account, to be changed at first sign-in
};

Result<SeedReport> SeedDistrict(store::Database& db, std::string_view district_json, const Clock& clock,
                                FirstPasswords passwords,
                                security::Argon2Cost cost = security::Argon2Cost::Interactive());

inline Result<SeedReport> SeedDemoDistrict(store::Database& db, std::string_view district_json, const Clock& clock,
                                           security::Argon2Cost cost = security::Argon2Cost::Interactive()) {
  return SeedDistrict(db, district_json, clock, FirstPasswords::kDemoShared, cost);
}

}  // namespace wagelink::services
