// 人社部令第29号: only decided cases are published, in quarterly batches, with exactly six fields.
#include "domain/publication_rules.h"

#include <gtest/gtest.h>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

TEST(PublicationRules, OnlyCasesDecidedByLabourInspectionArePublishable) {
  for (auto state : {CaseState::kAdministrativeHandling, CaseState::kTransferred, CaseState::kPoliceInvestigating,
                     CaseState::kTrial, CaseState::kClosedPaid, CaseState::kClosedAdministrative}) {
    EXPECT_TRUE(IsDecidedForPublication(state)) << CaseStateCode(state);
  }
  for (auto state : {CaseState::kComplaintReceived, CaseState::kInvestigating, CaseState::kOrderPending,
                     CaseState::kScreening, CaseState::kConsultation, CaseState::kTransferPendingApproval,
                     CaseState::kRefused, CaseState::kCivilRoute, CaseState::kHandedOver, CaseState::kClosedOther}) {
    EXPECT_FALSE(IsDecidedForPublication(state)) << CaseStateCode(state);
  }
}

TEST(PublicationRules, QuarterLabelsAndTheSixFields) {
  EXPECT_EQ(QuarterLabel(test::Date("2026-01-01")), "2026Q1");
  EXPECT_EQ(QuarterLabel(test::Date("2026-03-31")), "2026Q1");
  EXPECT_EQ(QuarterLabel(test::Date("2026-04-01")), "2026Q2");
  EXPECT_EQ(QuarterLabel(test::Date("2026-12-31")), "2026Q4");
  ASSERT_EQ(kPublishedFields.size(), 6u);
  EXPECT_EQ(kPublishedFields[1].zh, "统一社会信用代码（或者注册号）");
}

}  // namespace
}  // namespace wagelink::domain
