#include "api/recommendation_json.h"

#include "domain/legal_source.h"
#include "domain/recommendation.h"

namespace wagelink::api {
namespace {

boost::json::value Text(const std::optional<std::string>& text) { return text ? boost::json::value(*text) : nullptr; }
boost::json::value Id(const std::optional<std::int64_t>& id) { return id ? boost::json::value(*id) : nullptr; }

// The period's source status in words: the figure is shown next to how sure it is.
std::pair<std::string_view, std::string_view> StatusWords(std::string_view status, bool set_by_district) {
  if (set_by_district) return {"本区设置", "Set by the district"};
  if (status == "CONFIRMED") return {"法定", "Statutory"};
  if (status == "SECONDARY") return {"据二手来源", "From a secondary source"};
  if (status == "LOCAL") return {"地方规定，本区可设置", "A local rule; the district may set it"};
  return {"未证实，本区可设置", "Unconfirmed; the district may set it"};
}

boost::json::object PeriodJson(const services::ReplyPeriod& period) {
  const auto [zh, en] = StatusWords(period.status, period.set_by_district);
  const auto slash = period.note.find(" / ");
  const std::string note_zh = slash == std::string::npos ? period.note : period.note.substr(0, slash);
  const std::string note_en = slash == std::string::npos ? "" : period.note.substr(slash + 3);
  const bool months = period.unit == "months";
  return {{"limit", period.limit},
          {"unit", period.unit},
          {"months", months ? boost::json::value(period.limit) : nullptr},
          {"basis_zh", domain::CitationInWords(period.citation)},
          {"basis_en", domain::CitationInWords(period.citation)},
          {"status_tag", period.status},
          {"status_zh", zh},
          {"status_en", en},
          {"note_zh", note_zh},
          {"note_en", note_en}};
}

}  // namespace

boost::json::object RecommendationJson(const services::RecommendationView& view, const services::ReplyPeriod& period) {
  const auto& r = view.row;
  const auto status = domain::ParseRecommendationStatus(r.status).value_or(domain::RecommendationStatus::kAwaitingReply);
  boost::json::object out{
      {"id", r.id},
      {"number", r.number},
      {"basis",
       {{"kind", r.basis_kind},
        {"id", r.basis_kind == "project_warning" ? Id(r.project_warning_id)
                                                 : r.basis_kind == "risk" ? Id(r.risk_id) : Id(r.case_id)},
        {"label_zh", r.basis_label_zh},
        {"label_en", r.basis_label_en},
        {"project_id", Id(r.project_id)},
        {"risk_id", Id(r.risk_id)},
        {"case_id", Id(r.case_id)},
        {"case_number", Text(r.case_number)}}},
      {"addressee_body", r.addressee_body},
      {"addressee_name_zh", view.addressee_name_zh},
      {"addressee_name_en", view.addressee_name_en},
      {"problem", r.problem},
      {"measures", r.measures},
      {"issued_by_name", r.issued_by_name},
      {"issued_on", r.issued_on},
      {"reply_due_on", r.reply_due_on},
      {"reply_due_explain_zh", r.reply_due_explain_zh},
      {"reply_due_explain_en", r.reply_due_explain_en},
      {"reply_period", PeriodJson(period)},
      {"status", r.status},
      {"status_zh", domain::RecommendationStatusNameZh(status)},
      {"status_en", domain::RecommendationStatusNameEn(status)},
      {"overdue", view.overdue},
      {"days_overdue", view.days_overdue},
      {"can_reply", view.can_reply},
      {"can_evaluate", view.can_evaluate}};
  if (r.reply_kind) {
    const auto kind = domain::ParseReplyKind(*r.reply_kind).value_or(domain::ReplyKind::kRectifying);
    out["reply"] = {{"kind", *r.reply_kind},
                    {"kind_zh", domain::ReplyKindNameZh(kind)},
                    {"kind_en", domain::ReplyKindNameEn(kind)},
                    {"text", Text(r.reply_text)},
                    {"rectification_evidence", Text(r.rectification_evidence)},
                    {"replied_by_name", Text(r.replied_by_name)},
                    {"replied_on", Text(r.replied_on)}};
  } else {
    out["reply"] = nullptr;
  }
  if (r.outcome) {
    const auto outcome = domain::ParseEvaluationOutcome(*r.outcome).value_or(domain::EvaluationOutcome::kNotRectified);
    out["evaluation"] = {{"outcome", *r.outcome},
                         {"outcome_zh", domain::EvaluationOutcomeNameZh(outcome)},
                         {"outcome_en", domain::EvaluationOutcomeNameEn(outcome)},
                         {"text", Text(r.evaluation_text)},
                         {"evaluated_by_name", Text(r.evaluated_by_name)},
                         {"evaluated_on", Text(r.evaluated_on)}};
  } else {
    out["evaluation"] = nullptr;
  }
  return out;
}

}  // namespace wagelink::api
