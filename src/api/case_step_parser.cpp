#include "api/case_step_parser.h"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

#include "domain/case_step_forms.h"
#include "domain/finding_json.h"
#include "domain/json_fields.h"
#include "domain/vocabulary_codes.h"
#include "http/json_body.h"

namespace wagelink::api {
namespace {
using domain::CaseEvent;

// The payload field `key` of the step's form (domain/case_step_forms.h): the parser reads exactly the
// fields the form declares, with the form's limits.
const domain::StepField& FormField(CaseEvent event, std::string_view key) {
  const domain::StepField* field = domain::FindStepField(domain::StepFormOf(event), key);
  if (field == nullptr) throw std::logic_error("step form lacks payload field " + std::string(key));
  return *field;
}

// Reads payload[key] as one of the codes a domain Parse* function accepts.
template <class Parse>
auto Code(const boost::json::object& payload, std::string_view key, Parse parse)
    -> Result<typename decltype(parse(std::string_view{}))::value_type> {
  std::string field = "payload." + std::string(key);
  auto it = payload.find(key);
  if (it == payload.end() || !it->value().is_string()) return InvalidField(field, "必填，应为代码字符串", "required code string");
  auto parsed = parse(std::string_view(it->value().as_string()));
  if (!parsed) return InvalidField(field, "无效的代码 " + std::string(it->value().as_string()), "unknown code");
  return *parsed;
}

bool Flag(const boost::json::object& payload, std::string_view key) {
  auto it = payload.find(key);
  return it != payload.end() && it->value().is_bool() && it->value().as_bool();
}

Result<std::vector<std::string>> Strings(const boost::json::object& payload, CaseEvent event, std::string_view key) {
  const std::size_t max_bytes = FormField(event, key).max_bytes;
  std::string field = "payload." + std::string(key);
  auto it = payload.find(key);
  if (it == payload.end() || !it->value().is_array()) return InvalidField(field, "必填，应为字符串数组", "required array of strings");
  std::vector<std::string> out;
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string() || v.as_string().empty() || v.as_string().size() > max_bytes) {
      return InvalidField(field, "每一项应为非空字符串", "every item must be a non-empty string");
    }
    out.emplace_back(v.as_string());
  }
  if (out.size() > 100) return InvalidField(field, "项目过多", "too many items");
  return out;
}

// Refuses any key of `object` not in `known` ("payload.x: 不接受的字段"): a misspelt field must not
// be silently dropped from a legal record.
Status OnlyKnownFields(const boost::json::object& object, const std::vector<std::string_view>& known,
                       std::string_view prefix) {
  for (const auto& [key, value] : object) {
    if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
      return InvalidField(std::string(prefix) + std::string(key).substr(0, 64), "不接受的字段", "unknown field");
    }
  }
  return Ok{};
}

// payload[key] as a strict boolean: absent is false, anything but true/false is refused.
Result<bool> StrictFlag(const boost::json::object& payload, std::string_view key, const std::string& field) {
  auto it = payload.find(key);
  if (it == payload.end()) return false;
  if (!it->value().is_bool()) return InvalidField(field, "应为 true 或 false", "must be true or false");
  return it->value().as_bool();
}

// payload[key] as optional free text of at most the form's bytes (absent or empty = "").
Result<std::string> FreeText(const boost::json::object& payload, CaseEvent event, std::string_view key) {
  const std::size_t max_bytes = FormField(event, key).max_bytes;
  auto text = http::OptionalString(payload, key, max_bytes);
  if (!text) {
    return InvalidField("payload." + std::string(key), "应为不超过 " + std::to_string(max_bytes) + " 字节的文字",
                        "must be text of at most " + std::to_string(max_bytes) + " bytes");
  }
  return text->value_or("");
}

Result<domain::StepPayload> ParseMaliciousClaimReferral(const boost::json::object& p) {
  auto it = p.find("findings");
  if (it == p.end() || !it->value().is_object()) {
    return InvalidField("payload.findings", "必填，应为对象", "required object");
  }
  const auto& f = it->value().as_object();
  if (auto ok = OnlyKnownFields(f, FormField(CaseEvent::kReferMaliciousClaim, "findings").options, "payload.findings.");
      !ok) {
    return ok.error();
  }
  domain::MaliciousClaimReferralPayload referral;
  for (auto [key, flag] : {std::pair{"no_arrears", &referral.no_arrears}, std::pair{"forged_records", &referral.forged_records},
                           std::pair{"blocking_offices", &referral.blocking_offices},
                           std::pair{"other_disorder", &referral.other_disorder}}) {
    auto value = StrictFlag(f, key, "payload.findings." + std::string(key));
    if (!value) return value.error();
    *flag = *value;
  }
  return domain::StepPayload(referral);
}

Result<domain::StepPayload> ParseMaliciousClaimOutcome(const boost::json::object& p) {
  auto handling = Code(p, "handling", domain::ParseMaliciousClaimOutcome);
  if (!handling) return handling.error();
  auto charge = FreeText(p, CaseEvent::kDecideMaliciousClaim, "charge");
  if (!charge) return charge.error();
  auto penalty = FreeText(p, CaseEvent::kDecideMaliciousClaim, "penalty");
  if (!penalty) return penalty.error();
  return domain::StepPayload(domain::MaliciousClaimOutcomePayload{*handling, *charge, *penalty});
}

// Refuses any payload key the step's form does not declare, so a field the server would not act on
// (a client's "conduct" on a step, say) is never silently dropped: facts go through findings instead.
Status OnlyPayloadKeys(CaseEvent event, const boost::json::object& payload) {
  const domain::StepForm& form = domain::StepFormOf(event);
  for (const auto& entry : payload) {
    if (domain::FindStepField(form, std::string_view(entry.key())) == nullptr) {
      const std::string field = "payload." + std::string(entry.key()).substr(0, 64);
      return InvalidField(field, "该环节不接受此字段（案件事实请通过“认定事实”记录）",
                          "this step does not take this field (record case facts as findings)");
    }
  }
  return Ok{};
}

Result<domain::StepPayload> ParsePayload(CaseEvent event, const boost::json::object& p) {
  if (auto ok = OnlyPayloadKeys(event, p); !ok) return ok.error();
  switch (event) {
    case CaseEvent::kIssueOrder: {
      domain::OrderPayload order;
      auto document = Code(p, "document", domain::ParseOrderDocumentKind);
      if (!document) return document.error();
      order.document = *document;
      auto service = Code(p, "service", domain::ParseServiceMethod);
      if (!service) return service.error();
      order.service = *service;
      auto deadline = p.contains("deadline") && p.at("deadline").is_string()
                          ? domain::CivilDate::ParseIso(p.at("deadline").as_string(), "payload.deadline")
                          : Result<domain::CivilDate>(InvalidField("payload.deadline", "必填，格式 YYYY-MM-DD", "required, YYYY-MM-DD"));
      if (!deadline) return deadline.error();
      order.deadline = *deadline;
      auto served = p.contains("served_at") && p.at("served_at").is_string()
                        ? domain::Instant::ParseRfc3339(p.at("served_at").as_string(), "payload.served_at")
                        : Result<domain::Instant>(InvalidField("payload.served_at", "必填，RFC 3339 时间", "required RFC 3339 instant"));
      if (!served) return served.error();
      order.served_at = *served;
      order.service_evidence_recorded = Flag(p, "service_evidence_recorded");
      if (p.contains("addressee")) {
        auto addressee = Code(p, "addressee", domain::ParseOrderAddressee);
        if (!addressee) return addressee.error();
        order.addressee = *addressee;
      }
      return domain::StepPayload(order);
    }
    case CaseEvent::kRecordOrderOutcome: {
      auto outcome = Code(p, "outcome", domain::ParseOrderOutcome);
      if (!outcome) return outcome.error();
      return domain::StepPayload(domain::OrderOutcomePayload{*outcome});
    }
    case CaseEvent::kCompleteScreening: {
      auto recommendation = Code(p, "recommendation", domain::ParseRecommendation);
      if (!recommendation) return recommendation.error();
      return domain::StepPayload(domain::ScreeningPayload{*recommendation});
    }
    case CaseEvent::kSendConsultation: {
      domain::ConsultationPayload consultation{Flag(p, "to_procuratorate"), Flag(p, "to_police"), std::nullopt};
      if (p.contains("reply_due") && p.at("reply_due").is_string()) {
        auto due = domain::CivilDate::ParseIso(p.at("reply_due").as_string(), "payload.reply_due");
        if (!due) return due.error();
        consultation.reply_due = *due;
      }
      return domain::StepPayload(consultation);
    }
    case CaseEvent::kFormCaseGroup: {
      auto officers = Strings(p, event, "officers");
      if (!officers) return officers.error();
      return domain::StepPayload(domain::CaseGroupPayload{*officers});
    }
    case CaseEvent::kSendTransfer:
      return domain::StepPayload(domain::TransferPayload{Flag(p, "copy_to_procuratorate")});
    case CaseEvent::kNotifyIncompleteMaterials: {
      auto items = Strings(p, event, "items");
      if (!items) return items.error();
      return domain::StepPayload(domain::MaterialsListPayload{*items});
    }
    case CaseEvent::kDecideReconsideration: {
      auto result = Code(p, "result", domain::ParseReconsiderationResult);
      if (!result) return result.error();
      return domain::StepPayload(domain::ReconsiderationPayload{*result});
    }
    case CaseEvent::kConcludeInvestigation: {
      auto result = Code(p, "result", domain::ParseInvestigationResult);
      if (!result) return result.error();
      return domain::StepPayload(domain::InvestigationPayload{*result});
    }
    case CaseEvent::kDecideProsecution: {
      auto decision = Code(p, "decision", domain::ParseProsecutionDecision);
      if (!decision) return decision.error();
      return domain::StepPayload(domain::ProsecutionPayload{*decision});
    }
    case CaseEvent::kDeliverJudgment: {
      auto verdict = Code(p, "verdict", domain::ParseVerdict);
      if (!verdict) return verdict.error();
      return domain::StepPayload(domain::JudgmentPayload{*verdict});
    }
    case CaseEvent::kDecideLegalAid: {
      auto decision = Code(p, "decision", domain::ParseLegalAidDecision);
      if (!decision) return decision.error();
      return domain::StepPayload(domain::LegalAidPayload{*decision});
    }
    case CaseEvent::kRecordCivilStep: {
      auto kind = Code(p, "kind", domain::ParseCivilStepKind);
      if (!kind) return kind.error();
      domain::GreenChannel green;
      if (p.contains("green_channel") && p.at("green_channel").is_object()) {
        const auto& g = p.at("green_channel").as_object();
        if (auto ok = OnlyKnownFields(g, FormField(event, "green_channel").options, "payload.green_channel."); !ok) {
          return ok.error();
        }
        green = {Flag(g, "priority_mediation"), Flag(g, "priority_acceptance"), Flag(g, "priority_filing"),
                 Flag(g, "priority_trial"), Flag(g, "priority_execution")};
      }
      return domain::StepPayload(domain::CivilStepPayload{*kind, green});
    }
    case CaseEvent::kCloseCase: {
      auto reason = Code(p, "reason", domain::ParseCloseReason);
      if (!reason) return reason.error();
      return domain::StepPayload(domain::ClosePayload{*reason});
    }
    case CaseEvent::kJoinEarlyIntervention: {
      auto ground = Code(p, "ground", domain::ParseInterventionGround);
      if (!ground) return ground.error();
      return domain::StepPayload(domain::EarlyInterventionPayload{*ground});
    }
    case CaseEvent::kGiveInterventionOpinion: {
      auto aspect = Code(p, "aspect", domain::ParseOpinionAspect);
      if (!aspect) return aspect.error();
      return domain::StepPayload(domain::InterventionOpinionPayload{*aspect});
    }
    case CaseEvent::kReferMaliciousClaim:
      return ParseMaliciousClaimReferral(p);
    case CaseEvent::kDecideMaliciousClaim:
      return ParseMaliciousClaimOutcome(p);
    default:
      return domain::StepPayload{};
  }
}

// document_fields: {"<kind>": {"<field>": "text"}} — the wording of the documents the step issues.
// Which kinds and fields are acceptable is the service's to decide (the step's table, the template).
Result<std::map<std::string, std::map<std::string, std::string>>> ParseDocumentFields(const boost::json::object& body) {
  constexpr std::size_t kMaxDocuments = 8, kMaxFields = 32, kMaxBytes = 4000;
  std::map<std::string, std::map<std::string, std::string>> out;
  auto it = body.find("document_fields");
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_object() || it->value().as_object().size() > kMaxDocuments) {
    return InvalidField("document_fields", "应为 {文书种类: {字段名: 文字}} 对象", "must be an object {kind: {field: text}}");
  }
  for (const auto& [kind, fields] : it->value().as_object()) {
    const std::string where = "document_fields." + std::string(kind).substr(0, 64);
    if (kind.empty() || kind.size() > 64 || !fields.is_object() || fields.as_object().size() > kMaxFields) {
      return InvalidField(where, "应为 {字段名: 文字} 对象", "must be an object {field: text}");
    }
    auto& document = out[std::string(kind)];
    for (const auto& [name, text] : fields.as_object()) {
      if (!text.is_string() || text.as_string().size() > kMaxBytes) {
        return InvalidField(where + "." + std::string(name).substr(0, 64), "应为不超过 4000 字节的文字",
                            "must be text of at most 4000 bytes");
      }
      document[std::string(name)] = std::string(text.as_string());
    }
  }
  return out;
}

}  // namespace

Result<services::StepInput> ParseStepInput(const boost::json::object& body) {
  if (auto ok = OnlyKnownFields(body, {"event", "at", "reason", "expected_version", "payload", "document_fields"}, "");
      !ok) {
    return ok.error();
  }
  auto event_code = http::RequiredString(body, "event", 64);
  if (!event_code) return event_code.error();
  auto event = domain::ParseCaseEventCode(*event_code);
  if (!event) return InvalidField("event", "未知的办理环节 " + *event_code, "unknown step " + *event_code);
  services::StepInput input;
  input.event = *event;
  auto reason = http::OptionalString(body, "reason", 5000);
  if (!reason) return reason.error();
  input.reason = reason->value_or("");
  auto at = http::OptionalString(body, "at", 40);
  if (!at) return at.error();
  if (*at) {
    auto instant = domain::Instant::ParseRfc3339(**at, "at");
    if (!instant) return instant.error();
    input.at = *instant;
  }
  auto version = http::OptionalInt(body, "expected_version");
  if (!version) return version.error();
  input.expected_version = *version;
  static const boost::json::object kEmpty;
  const boost::json::object* payload = &kEmpty;
  if (auto it = body.find("payload"); it != body.end()) {
    if (!it->value().is_object()) return InvalidField("payload", "应为对象", "must be an object");
    payload = &it->value().as_object();
  }
  auto parsed = ParsePayload(*event, *payload);
  if (!parsed) return parsed.error();
  input.payload = std::move(*parsed);
  auto documents = ParseDocumentFields(body);
  if (!documents) return documents.error();
  input.document_fields = std::move(*documents);
  return input;
}

Result<services::FindingInput> ParseFindingInput(const boost::json::object& body) {
  const domain::JsonFields fields(body, "");
  if (auto ok = fields.OnlyKeys({"kind", "value", "reason", "evidence", "found_on"}); !ok) return ok.error();
  services::FindingInput input;
  auto kind_code = fields.String("kind");
  if (!kind_code) return kind_code.error();
  auto kind = domain::ParseFindingKind(*kind_code);
  if (!kind) {
    return InvalidField("kind",
                        "应为 conduct、serious_consequences、mass_incident、employer_kind、justified_reason、"
                        "compensation_borne 或 worker_claim",
                        "must be conduct, serious_consequences, mass_incident, employer_kind, justified_reason, "
                        "compensation_borne or worker_claim");
  }
  input.kind = *kind;
  auto value = fields.Object("value");
  if (!value) return value.error();
  auto parsed = domain::ParseFindingValue(*kind, **value, "value");
  if (!parsed) return parsed.error();
  input.value = std::move(parsed).value();
  auto reason = fields.String("reason");
  if (!reason) return reason.error();
  input.reason = std::move(reason).value();
  auto evidence = fields.OptionalArray("evidence", 20);
  if (!evidence) return evidence.error();
  if (*evidence != nullptr) {
    for (const auto& item : **evidence) {
      if (!item.is_string()) return InvalidField("evidence", "每项应为字符串", "every item must be a string");
      input.evidence.emplace_back(item.get_string());
    }
  }
  if (fields.HasValue("found_on")) {
    auto date = fields.Date("found_on");
    if (!date) return date.error();
    input.found_on = *date;
  }
  return input;
}

}  // namespace wagelink::api
