#include "services/case_progress_codec.h"

#include <boost/json/parse.hpp>

namespace wagelink::services {
namespace {

Error Corrupt(const std::string& what) {
  return MakeError(ErrorCode::kInternal, "案件进度记录损坏：" + what, "case progress record is corrupt: " + what);
}

}  // namespace

boost::json::object ProgressToJson(const domain::CaseProgress& p) {
  boost::json::object o;
  o["state"] = domain::CaseStateCode(p.state);
  if (p.last_step_at) o["last_step_at"] = p.last_step_at->ToIsoUtc();
  if (p.order_deadline) o["order_deadline"] = p.order_deadline->ToIso();
  o["consulted_procuratorate"] = p.consulted_procuratorate;
  o["consulted_police"] = p.consulted_police;
  o["case_group_size"] = p.case_group_size;
  if (p.transfer_received_at) o["transfer_received_at"] = p.transfer_received_at->ToIsoUtc();
  o["reconsideration_decided"] = p.reconsideration_decided;
  o["supervision"] = domain::SupervisionStageCode(p.supervision);
  o["supervising_delay"] = p.supervising_delay;
  o["materials_handed_over"] = p.materials_handed_over;
  if (p.prosecution) o["prosecution"] = p.prosecution == domain::ProsecutionDecision::kProsecute ? "prosecute" : "not_prosecute";
  o["procuratorial_opinion_open"] = p.procuratorial_opinion_open;
  o["legal_aid"] = domain::LegalAidStageCode(p.legal_aid);
  o["early_intervention"] = domain::EarlyInterventionStageCode(p.early_intervention);
  o["intervention_opinions"] = p.intervention_opinions;
  o["intervention_opinion_unanswered"] = p.intervention_opinion_unanswered;
  o["malicious_claim"] = domain::MaliciousClaimStageCode(p.malicious_claim);
  return o;
}

Result<domain::CaseProgress> ProgressFromJson(std::string_view text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return Corrupt("not a JSON object");
  const auto& o = value.as_object();
  domain::CaseProgress p;
  auto text_of = [&](std::string_view key) -> std::optional<std::string> {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_string()) return std::nullopt;
    return std::string(it->value().as_string());
  };
  auto bool_of = [&](std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_bool() && it->value().as_bool();
  };
  auto state = text_of("state");
  auto parsed_state = state ? domain::ParseCaseStateCode(*state) : std::nullopt;
  if (!parsed_state) return Corrupt("state");
  p.state = *parsed_state;
  if (auto t = text_of("last_step_at")) {
    auto at = domain::Instant::ParseRfc3339(*t);
    if (!at) return Corrupt("last_step_at");
    p.last_step_at = *at;
  }
  if (auto t = text_of("order_deadline")) {
    auto d = domain::CivilDate::ParseIso(*t);
    if (!d) return Corrupt("order_deadline");
    p.order_deadline = *d;
  }
  p.consulted_procuratorate = bool_of("consulted_procuratorate");
  p.consulted_police = bool_of("consulted_police");
  if (auto it = o.find("case_group_size"); it != o.end() && it->value().is_number()) {
    p.case_group_size = static_cast<std::size_t>(it->value().to_number<std::int64_t>());
  }
  if (auto t = text_of("transfer_received_at")) {
    auto at = domain::Instant::ParseRfc3339(*t);
    if (!at) return Corrupt("transfer_received_at");
    p.transfer_received_at = *at;
  }
  p.reconsideration_decided = bool_of("reconsideration_decided");
  if (auto t = text_of("supervision")) {
    auto stage = domain::ParseSupervisionStage(*t);
    if (!stage) return Corrupt("supervision");
    p.supervision = *stage;
  }
  p.supervising_delay = bool_of("supervising_delay");  // absent before 规则 §562 was tracked: false
  p.materials_handed_over = bool_of("materials_handed_over");
  if (auto t = text_of("prosecution")) {
    p.prosecution = *t == "prosecute" ? domain::ProsecutionDecision::kProsecute : domain::ProsecutionDecision::kNotProsecute;
  }
  p.procuratorial_opinion_open = bool_of("procuratorial_opinion_open");
  if (auto t = text_of("legal_aid")) {
    auto stage = domain::ParseLegalAidStage(*t);
    if (!stage) return Corrupt("legal_aid");
    p.legal_aid = *stage;
  }
  // Absent in progress stored before these branches existed: none.
  if (auto t = text_of("early_intervention")) {
    auto stage = domain::ParseEarlyInterventionStage(*t);
    if (!stage) return Corrupt("early_intervention");
    p.early_intervention = *stage;
  }
  if (auto it = o.find("intervention_opinions"); it != o.end() && it->value().is_number()) {
    p.intervention_opinions = static_cast<std::size_t>(it->value().to_number<std::int64_t>());
  }
  p.intervention_opinion_unanswered = bool_of("intervention_opinion_unanswered");
  if (auto t = text_of("malicious_claim")) {
    auto stage = domain::ParseMaliciousClaimStage(*t);
    if (!stage) return Corrupt("malicious_claim");
    p.malicious_claim = *stage;
  }
  return p;
}

}  // namespace wagelink::services
