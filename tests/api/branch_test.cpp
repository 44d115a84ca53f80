// Every branch of the case machine walked over HTTP (tests/api/data/case_branches.json): each step
// taken by a user of the body that may take it, each refusal checked to leave the case untouched,
// and the bodies that must hear of a step finding it in their inbox. One test per branch, on
// SQLite and on PostgreSQL. The walker is in support/case_branches.cpp.
#include <gtest/gtest.h>

#include "support/case_branches.h"

namespace wagelink::testing {
namespace {

class CaseBranch : public ::testing::TestWithParam<std::string> {};

TEST_P(CaseBranch, WalksOverHttpWithTheRightBodyAtEachStep) {
  TestServer server({.start_time = *ParseUtc(kAfterEveryBranch)});
  EXPECT_GT(WalkCaseBranch(server, GetParam()), 0);
}

INSTANTIATE_TEST_SUITE_P(Branches, CaseBranch, ::testing::ValuesIn(CaseBranchIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace wagelink::testing
