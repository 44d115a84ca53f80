#include "domain/recommendation.h"

#include <array>
#include <utility>

#include "domain/code_table.h"

namespace wagelink::domain {
namespace {

using Basis = RecommendationBasis;
using St = RecommendationStatus;
using Outcome = EvaluationOutcome;

constexpr std::array<std::pair<Basis, std::string_view>, 3> kBasisCodes{
    {{Basis::kProjectWarning, "project_warning"}, {Basis::kRisk, "risk"}, {Basis::kCase, "case"}}};

constexpr std::array<std::pair<St, std::string_view>, 3> kStatusCodes{
    {{St::kAwaitingReply, "awaiting_reply"}, {St::kReplied, "replied"}, {St::kEvaluated, "evaluated"}}};
constexpr std::array<std::pair<St, std::string_view>, 3> kStatusZh{
    {{St::kAwaitingReply, "待回复"}, {St::kReplied, "已回复，待评估"}, {St::kEvaluated, "已评估"}}};
constexpr std::array<std::pair<St, std::string_view>, 3> kStatusEn{
    {{St::kAwaitingReply, "Awaiting reply"}, {St::kReplied, "Replied, to be evaluated"}, {St::kEvaluated, "Evaluated"}}};

constexpr std::array<std::pair<ReplyKind, std::string_view>, 3> kReplyCodes{
    {{ReplyKind::kRectified, "rectified"}, {ReplyKind::kRectifying, "rectifying"}, {ReplyKind::kObjection, "objection"}}};
constexpr std::array<std::pair<ReplyKind, std::string_view>, 3> kReplyZh{
    {{ReplyKind::kRectified, "已采纳并整改完毕"}, {ReplyKind::kRectifying, "已采纳，正在整改"}, {ReplyKind::kObjection, "提出异议"}}};
constexpr std::array<std::pair<ReplyKind, std::string_view>, 3> kReplyEn{
    {{ReplyKind::kRectified, "Accepted and rectified"},
     {ReplyKind::kRectifying, "Accepted, rectification under way"},
     {ReplyKind::kObjection, "Objection raised"}}};

constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomeCodes{
    {{Outcome::kRectified, "rectified"}, {Outcome::kPartlyRectified, "partly_rectified"}, {Outcome::kNotRectified, "not_rectified"}}};
constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomeZh{
    {{Outcome::kRectified, "整改到位"}, {Outcome::kPartlyRectified, "部分整改"}, {Outcome::kNotRectified, "未整改"}}};
constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomeEn{
    {{Outcome::kRectified, "Rectified"}, {Outcome::kPartlyRectified, "Partly rectified"}, {Outcome::kNotRectified, "Not rectified"}}};

}  // namespace

std::string_view RecommendationBasisCode(RecommendationBasis basis) { return CodeOf(kBasisCodes, basis); }
std::optional<RecommendationBasis> ParseRecommendationBasis(std::string_view code) { return ValueOf(kBasisCodes, code); }

std::string_view RecommendationStatusCode(RecommendationStatus status) { return CodeOf(kStatusCodes, status); }
std::optional<RecommendationStatus> ParseRecommendationStatus(std::string_view code) { return ValueOf(kStatusCodes, code); }
std::string_view RecommendationStatusNameZh(RecommendationStatus status) { return CodeOf(kStatusZh, status); }
std::string_view RecommendationStatusNameEn(RecommendationStatus status) { return CodeOf(kStatusEn, status); }

std::string_view ReplyKindCode(ReplyKind kind) { return CodeOf(kReplyCodes, kind); }
std::optional<ReplyKind> ParseReplyKind(std::string_view code) { return ValueOf(kReplyCodes, code); }
std::string_view ReplyKindNameZh(ReplyKind kind) { return CodeOf(kReplyZh, kind); }
std::string_view ReplyKindNameEn(ReplyKind kind) { return CodeOf(kReplyEn, kind); }

std::string_view EvaluationOutcomeCode(EvaluationOutcome outcome) { return CodeOf(kOutcomeCodes, outcome); }
std::optional<EvaluationOutcome> ParseEvaluationOutcome(std::string_view code) { return ValueOf(kOutcomeCodes, code); }
std::string_view EvaluationOutcomeNameZh(EvaluationOutcome outcome) { return CodeOf(kOutcomeZh, outcome); }
std::string_view EvaluationOutcomeNameEn(EvaluationOutcome outcome) { return CodeOf(kOutcomeEn, outcome); }

bool MayBeAddressed(Body body) {
  return body != Body::kProcuratorate && body != Body::kLeadership && body != Body::kEmployer;
}

bool ReplyNeedsEvidence(ReplyKind kind) { return kind == ReplyKind::kRectified; }

std::int64_t DaysOverdue(RecommendationStatus status, CivilDate reply_due_on, CivilDate today) {
  if (status != RecommendationStatus::kAwaitingReply || !(reply_due_on < today)) return 0;
  return today.DaysSinceEpoch() - reply_due_on.DaysSinceEpoch();
}

Status CheckReply(RecommendationStatus status) {
  if (status == RecommendationStatus::kAwaitingReply) return Ok{};
  return MakeError(ErrorCode::kConflict, "该检察建议已回复，不能再次回复", "This recommendation has been answered already");
}

Status CheckEvaluation(RecommendationStatus status, CivilDate reply_due_on, CivilDate today) {
  if (status == RecommendationStatus::kEvaluated) {
    return MakeError(ErrorCode::kConflict, "该检察建议已评估", "This recommendation has been evaluated already");
  }
  if (status == RecommendationStatus::kAwaitingReply && !(reply_due_on < today)) {
    return MakeError(ErrorCode::kConflict, "被建议单位尚未回复且未逾期，暂不能评估",
                     "The body has not replied and its reply is not yet overdue: nothing to evaluate yet");
  }
  return Ok{};
}

}  // namespace wagelink::domain
