#pragma once
// The procuratorate's 检察建议 to a body (《人民检察院检察建议工作规定》, 2019): issued on the grounds
// of a project warning, a risk item or a case, answered by the body it is addressed to within the
// reply period (time limit L38 of data/time_limits.json, which the district may set), and closed by
// the procuratorate's own evaluation of the rectification ("建议—反馈—评估"). Pure: the service hands
// in the record's state and today's date.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "domain/body.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

// The time limit that gives the reply due date (data/time_limits.json).
inline constexpr std::string_view kRecommendationReplyRule = "L38";

enum class RecommendationBasis { kProjectWarning, kRisk, kCase };
enum class RecommendationStatus { kAwaitingReply, kReplied, kEvaluated };
enum class ReplyKind { kRectified, kRectifying, kObjection };
enum class EvaluationOutcome { kRectified, kPartlyRectified, kNotRectified };

std::string_view RecommendationBasisCode(RecommendationBasis basis);
std::optional<RecommendationBasis> ParseRecommendationBasis(std::string_view code);

std::string_view RecommendationStatusCode(RecommendationStatus status);
std::optional<RecommendationStatus> ParseRecommendationStatus(std::string_view code);
std::string_view RecommendationStatusNameZh(RecommendationStatus status);
std::string_view RecommendationStatusNameEn(RecommendationStatus status);

std::string_view ReplyKindCode(ReplyKind kind);
std::optional<ReplyKind> ParseReplyKind(std::string_view code);
std::string_view ReplyKindNameZh(ReplyKind kind);
std::string_view ReplyKindNameEn(ReplyKind kind);

std::string_view EvaluationOutcomeCode(EvaluationOutcome outcome);
std::optional<EvaluationOutcome> ParseEvaluationOutcome(std::string_view code);
std::string_view EvaluationOutcomeNameZh(EvaluationOutcome outcome);
std::string_view EvaluationOutcomeNameEn(EvaluationOutcome outcome);

// Whether a 检察建议 may be addressed to the body: any body of the mechanism the procuratorate
// supervises, not the procuratorate itself, the leadership (it is reported to, not recommended to)
// or an employer (a party, not a platform body).
bool MayBeAddressed(Body body);

// Days past the reply due date while the reply is awaited; 0 when not overdue or already answered.
std::int64_t DaysOverdue(RecommendationStatus status, CivilDate reply_due_on, CivilDate today);

// A reply that says the rectification is done shows its evidence; one still rectifying or objecting
// may come without.
bool ReplyNeedsEvidence(ReplyKind kind);

// The addressee may reply once, while the reply is awaited (late replies are accepted and stay late).
Status CheckReply(RecommendationStatus status);
// The procuratorate evaluates once: after the reply, or without one once the reply is overdue.
Status CheckEvaluation(RecommendationStatus status, CivilDate reply_due_on, CivilDate today);

}  // namespace wagelink::domain
