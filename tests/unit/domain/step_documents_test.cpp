// The step → document table: which documents a step issues, the choice of a 检察建议书, and the gates
// that hold a step until the document it depends on is on the case.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/case_machine.h"
#include "domain/step_documents.h"
#include "case_walk.h"

namespace wagelink::domain {
namespace {

using E = CaseEvent;
using S = CaseState;

std::vector<std::string> Kinds(const Result<std::vector<std::string_view>>& issued) {
  EXPECT_TRUE(issued.ok());
  std::vector<std::string> out;
  if (issued) {
    for (auto kind : *issued) out.emplace_back(kind);
  }
  return out;
}

TEST(StepDocuments, EachStepIssuesItsOwnDocuments) {
  StepRequest send;
  send.event = E::kSendTransfer;
  EXPECT_EQ(Kinds(DocumentsIssuedBy(send, {})), (std::vector<std::string>{"transfer_letter", "investigation_report"}));
  StepRequest file;
  file.event = E::kFileCase;
  EXPECT_EQ(Kinds(DocumentsIssuedBy(file, {})), (std::vector<std::string>{"filing_decision"}));
  StepRequest execution;
  execution.event = E::kRecordExecution;
  EXPECT_EQ(Kinds(DocumentsIssuedBy(execution, {})), (std::vector<std::string>{"green_channel_record", "execution_notice"}));
  StepRequest close;
  close.event = E::kCloseCase;
  EXPECT_TRUE(Kinds(DocumentsIssuedBy(close, {})).empty());
}

TEST(StepDocuments, AnOrderToTheGeneralContractorIssuesNoOrderToTheActor) {
  StepRequest order;
  order.event = E::kIssueOrder;
  order.payload = OrderPayload{.addressee = OrderAddressee::kGeneralContractor};
  EXPECT_TRUE(Kinds(DocumentsIssuedBy(order, {})).empty());
  order.payload = OrderPayload{};
  EXPECT_EQ(Kinds(DocumentsIssuedBy(order, {})), (std::vector<std::string>{"rectification_order", "service_record"}));
}

TEST(StepDocuments, TheProcuratorateMayChooseARecommendationInsteadOfAnOpinion) {
  StepRequest opinion;
  opinion.event = E::kIssueProcuratorialOpinion;
  EXPECT_EQ(Kinds(DocumentsIssuedBy(opinion, {})), (std::vector<std::string>{"procuratorate_opinion"}));
  const std::vector<std::string> chosen{"procuratorial_recommendation"};
  EXPECT_EQ(Kinds(DocumentsIssuedBy(opinion, chosen)), (std::vector<std::string>{"procuratorial_recommendation"}));
  const std::vector<std::string> foreign{"filing_decision"};
  auto refused = DocumentsIssuedBy(opinion, foreign);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "document_fields.filing_decision");
}

TEST(StepDocuments, AStepWaitsForTheDocumentItDependsOn) {
  CaseSnapshot reviewing;
  reviewing.progress.state = S::kPoliceReviewing;
  reviewing.progress.last_step_at = test::At("2026-03-01T10:00:00+08:00");
  auto refused = Decide(reviewing, test::Request(E::kFileCase, test::kPoliceOfficer, "2026-03-02T10:00:00+08:00"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "event");
  EXPECT_NE(refused.error().message_zh.find("受案回执"), std::string::npos);
  const auto offered = AvailableSteps(reviewing, "police", test::kPoliceOfficer.permissions);
  EXPECT_EQ(std::find(offered.begin(), offered.end(), E::kFileCase), offered.end()) << "not offered either";
  reviewing.context.issued_documents = {"acceptance_receipt"};
  EXPECT_TRUE(Decide(reviewing, test::Request(E::kFileCase, test::kPoliceOfficer, "2026-03-02T10:00:00+08:00")));
}

TEST(StepDocuments, EveryGatedDocumentIsIssuedByAnEarlierStep) {
  for (const auto& gate : DocumentGates()) {
    const StepDocument* issuing = IssuingStepOf(gate.kind);
    ASSERT_NE(issuing, nullptr) << gate.kind;
    EXPECT_NE(issuing->event, gate.event) << gate.kind;
  }
}

}  // namespace
}  // namespace wagelink::domain
