#pragma once
// The case branches of tests/api/data/case_branches.json walked over HTTP by the demo users of the
// bodies that may take each step (branch_test.cpp), and reused wherever a test needs a case that has
// really been through a branch (e.g. bulletin figures).
#include <string>
#include <vector>

#include "support/test_server.h"

namespace wagelink::testing {

// The server clock must stand after every date of the branches.
inline constexpr const char* kAfterEveryBranch = "2026-09-01T00:00:00Z";

std::vector<std::string> CaseBranchIds();
// Registers the S1 complaint and walks the branch, checking every step with gtest assertions;
// returns the case id (0 if a fatal failure stopped the walk).
std::int64_t WalkCaseBranch(TestServer& server, const std::string& branch_id);

}  // namespace wagelink::testing
