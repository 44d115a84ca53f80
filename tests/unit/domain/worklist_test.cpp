// The pure parts of the worklist (issue 14): why a case is a body's work, the green channel's
// priorities against LOCAL targets, and a citation put into words.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/green_channel.h"
#include "domain/legal_source.h"
#include "domain/worklist.h"

namespace wagelink::domain {
namespace {

CivilDate D(std::string_view iso) { return CivilDate::ParseIso(iso).value(); }

bool Has(const std::vector<WorkReason>& reasons, WorkReason r) {
  return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

constexpr std::string_view kTargets = R"({"status": "LOCAL", "targets": [
  {"priority": "priority_mediation", "days": 15},
  {"priority": "priority_filing", "days": 7},
  {"priority": "priority_acceptance", "after": "priority_filing", "days": 7},
  {"priority": "priority_trial", "after": "priority_acceptance", "days": 60},
  {"priority": "priority_execution", "after": "priority_trial", "days": 30}]})";

TEST(Worklist, TheProcuratorateSeesAnOverdueFilingDecisionItMaySupervise) {
  CaseProgress progress;
  progress.state = CaseState::kPoliceReviewing;
  const std::vector<CaseEvent> steps{CaseEvent::kOpenSupervision, CaseEvent::kJoinEarlyIntervention};
  const std::vector<OpenClockFact> clocks{{"L11", "police", "procuratorate", true}};
  const auto reasons = ClassifyWork({.body = Body::kProcuratorate,
                                     .progress = &progress,
                                     .available_steps = steps,
                                     .open_clocks = clocks,
                                     .transferred_with_copy = true});
  EXPECT_EQ(reasons.front(), WorkReason::kSupervisable) << "the most specific reason first";
  EXPECT_TRUE(Has(reasons, WorkReason::kTransferCopy));
  EXPECT_TRUE(Has(reasons, WorkReason::kSupervising));
  EXPECT_FALSE(Has(reasons, WorkReason::kClockDue)) << "the police owe L11, not the procuratorate";
}

TEST(Worklist, ClosedCasesAndCasesWithoutAnythingForTheBodyAreNotWork) {
  CaseProgress progress;
  progress.state = CaseState::kClosedPaid;
  EXPECT_TRUE(ClassifyWork({.body = Body::kHrss, .progress = &progress}).empty());
  progress.state = CaseState::kPoliceInvestigating;
  EXPECT_TRUE(ClassifyWork({.body = Body::kCourt, .progress = &progress}).empty());
  const std::vector<OpenClockFact> late{{"L20", "police", "procuratorate", true}};
  const auto oversight = ClassifyWork({.body = Body::kLeadership, .oversees_all = true, .progress = &progress, .open_clocks = late});
  EXPECT_EQ(oversight, std::vector<WorkReason>{WorkReason::kOverdueOversight});
}

TEST(GreenChannel, PrioritiesAreDatedAgainstTheDistrictsTargets) {
  auto targets = ParseGreenChannelTargets(kTargets);
  ASSERT_TRUE(targets.ok());
  GreenChannel all{true, true, true, true, true};
  const std::vector<CivilStepRecord> steps{{D("2026-03-23"), CivilStepKind::kLitigation, all},
                                           {D("2026-04-10"), CivilStepKind::kAcceptance, {}}};
  const auto track = TrackGreenChannel(*targets, steps, D("2026-04-12"));
  ASSERT_EQ(track.flagged_on, D("2026-03-23"));
  auto of = [&](GreenPriority p) {
    return *std::find_if(track.priorities.begin(), track.priorities.end(), [&](const auto& t) { return t.priority == p; });
  };
  EXPECT_EQ(of(GreenPriority::kFiling).status, PriorityStatus::kMet);
  EXPECT_EQ(of(GreenPriority::kAcceptance).status, PriorityStatus::kMetLate) << "due 2026-03-30, done 04-10";
  EXPECT_EQ(of(GreenPriority::kMediation).status, PriorityStatus::kOverdue) << "15 days from the flag: 2026-04-07";
  EXPECT_EQ(of(GreenPriority::kTrial).target_date, D("2026-06-09"));
  EXPECT_EQ(of(GreenPriority::kExecution).status, PriorityStatus::kWaiting);
}

TEST(GreenChannel, TargetsMustBeLocalAndCompletePerPriority) {
  EXPECT_FALSE(ParseGreenChannelTargets(R"({"status": "CONFIRMED", "targets": []})").ok()) << "no national figure exists";
  EXPECT_FALSE(ParseGreenChannelTargets(R"({"status": "LOCAL", "targets": [{"priority": "priority_mediation", "days": 15}]})").ok());
  std::string zero(kTargets);
  zero.replace(zero.find("\"days\": 15"), 10, "\"days\": 0");
  EXPECT_FALSE(ParseGreenChannelTargets(zero).ok());
}

TEST(LegalSource, CitationsReadAsWords) {
  EXPECT_EQ(CitationInWords("国务院令第310号§5¶2"), "国务院令第310号第5条第2款");
  EXPECT_EQ(CitationInWords("《刑事诉讼法》§113；规则§562"), "《刑事诉讼法》第113条；规则第562条");
  EXPECT_EQ(CitationInWords("§ alone"), "§ alone") << "a mark without a number stays";
}

}  // namespace
}  // namespace wagelink::domain
