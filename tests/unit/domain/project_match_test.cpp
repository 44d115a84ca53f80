// Linking a complaint to the registered project it is about (domain/project_match.h).
#include "domain/project_match.h"

#include <gtest/gtest.h>

namespace wagelink::domain {
namespace {

const std::vector<ProjectCandidate> kProjects{
    {1, "城东物流园仓储项目", {"91330100MA2C4D5E6X", "91330100MA2D5E6F7Y"}},
    {2, "南湖学校扩建工程", {"91330100MA2E6F7G8Z", "91330100MA2D5E6F7Y"}},  // same contractor as 1
    {3, "滨江花园二期住宅工程", {"91330100MA2B3C4D5A", "91330100MA2K7Y8W9B", "91330100MA2H8J9K0C"}},
};

TEST(ProjectMatch, AUnitInCommonAndTheNameGivenPickTheProject) {
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2D5E6F7Y"}, "城东物流园"}), 1);
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2D5E6F7Y"}, "南湖学校扩建工程 "}), 2);
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100ma2h8j9k0c"}, ""}), 3) << "a subcontractor, any case";
}

TEST(ProjectMatch, AnAmbiguousComplaintLinksNothing) {
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2D5E6F7Y"}, ""}), std::nullopt) << "the contractor has two projects";
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2D5E6F7Y"}, "滨江花园二期住宅工程"}), std::nullopt)
      << "a unit of two projects and the name of a third";
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2ZZZZZZQ"}, "学校"}), std::nullopt)
      << "without a unit in common only the exact name counts";
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{}, ""}), std::nullopt);
}

TEST(ProjectMatch, WithoutAUnitInCommonTheExactNameLinks) {
  EXPECT_EQ(MatchRegisteredProject(kProjects, {{"91330100MA2ZZZZZZQ"}, "滨江花园二期　住宅工程"}), 3);
}

}  // namespace
}  // namespace wagelink::domain
