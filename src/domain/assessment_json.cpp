#include "domain/assessment_json.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

// Each crime element as people read it (the assessment names its elements by id).
struct ElementName {
  std::string_view id, zh, en;
};
constexpr ElementName kElementNames[] = {
    {"conduct", "行为要件（逃匿 / 转移财产 / 有能力而不支付）", "Conduct (absconding, moving assets, able but not paying)"},
    {"amount", "数额较大", "Amount is large"},
    {"order", "经政府有关部门责令支付", "Ordered to pay by the authorities"},
    {"not_paid_within_deadline", "责令期限内仍不支付", "Still unpaid within the deadline"},
    {"serious_consequence", "造成严重后果", "Serious consequence"},
    {"employer", "犯罪主体（用人单位的类型）", "Who is liable (the kind of employer)"},
};
std::pair<std::string, std::string> ElementNameOf(std::string_view id) {
  for (const auto& name : kElementNames) {
    if (name.id == id) return {std::string(name.zh), std::string(name.en)};
  }
  return {"其他要件", "Other element"};
}

// Amounts may come as JSON integers, as non-integer JSON numbers, or as decimal strings.
Result<Fen> ParseAmountValue(const boost::json::value* value, const std::string& path) {
  if (value == nullptr || value->is_null()) return FieldError(path, "为必填项", "is required");
  return YuanValue(*value, path);
}

template <class E>
Result<E> ParseEnum(const JsonFields& fields, std::string_view key, std::optional<E> (*parse)(std::string_view),
                    std::string_view allowed) {
  auto text = fields.String(key);
  if (!text) return text.error();
  const auto value = parse(*text);
  if (!value) {
    return FieldError(fields.PathOf(key), "取值无效，应为 " + std::string(allowed),
                      "is invalid; expected " + std::string(allowed));
  }
  return *value;
}

Status ParseWorkers(const boost::json::object& root, const JsonFields& fields, AssessmentInput& input) {
  const bool has_list = fields.Has("workers");
  const bool has_count = fields.Has("workers_count") || fields.Has("total_owed_yuan");
  if (has_list && has_count) {
    return FieldError("workers", "不能与 workers_count/total_owed_yuan 同时提供",
                      "cannot be combined with workers_count/total_owed_yuan");
  }
  if (!has_list && !has_count) {
    return FieldError("workers", "须提供 workers 数组，或 workers_count 与 total_owed_yuan",
                      "give either a workers array or workers_count and total_owed_yuan");
  }
  if (has_count) {
    auto count = fields.Integer("workers_count", 1, static_cast<std::int64_t>(kMaxAssessedWorkers));
    if (!count) return count.error();
    auto total = ParseAmountValue(root.if_contains("total_owed_yuan"), "total_owed_yuan");
    if (!total) return total.error();
    input.aggregate = AggregateClaim{*count, *total};
    return Ok{};
  }
  auto workers = fields.Array("workers", kMaxAssessedWorkers);
  if (!workers) return workers.error();
  if ((*workers)->empty()) return FieldError("workers", "至少需要一名劳动者", "needs at least one worker");
  input.workers.reserve((*workers)->size());
  Fen total;
  for (std::size_t i = 0; i < (*workers)->size(); ++i) {
    const std::string path = ElementPath("workers", i);
    auto object = AsObject((**workers)[i], path);
    if (!object) return object.error();
    const JsonFields worker(**object, path);
    if (auto ok = worker.OnlyKeys({"owed_yuan", "months_unpaid", "unpaid_after_deadline_yuan"}); !ok) return ok;
    auto owed = ParseAmountValue((*object)->if_contains("owed_yuan"), worker.PathOf("owed_yuan"));
    if (!owed) return owed.error();
    auto months = worker.Integer("months_unpaid", 0, kMaxMonthsUnpaid);
    if (!months) return months.error();
    const auto sum = CheckedAdd(total, *owed);
    if (!sum) return FieldError("workers", "欠薪总额过大", "total amount is too large");
    total = *sum;
    WorkerClaim claim{*owed, static_cast<int>(*months), std::nullopt};
    if (worker.HasValue("unpaid_after_deadline_yuan")) {
      auto unpaid = ParseAmountValue((*object)->if_contains("unpaid_after_deadline_yuan"),
                                     worker.PathOf("unpaid_after_deadline_yuan"));
      if (!unpaid) return unpaid.error();
      if (*unpaid > *owed) {
        return FieldError(worker.PathOf("unpaid_after_deadline_yuan"), "不能大于 owed_yuan",
                          "cannot exceed owed_yuan");
      }
      claim.unpaid_after_deadline = *unpaid;
    }
    input.workers.push_back(claim);
  }
  return Ok{};
}

Status ParseOrder(const JsonFields& fields, AssessmentInput& input) {
  auto object = fields.Object("order");
  if (!object) return object.error();
  const JsonFields order(**object, "order");
  if (auto ok = order.OnlyKeys({"issued", "delivery", "deadline_passed", "paid_in_full", "addressee"}); !ok) return ok;
  auto issued = order.Bool("issued");
  if (!issued) return issued.error();
  input.order.issued = *issued;
  if (*issued) {
    auto delivery = ParseEnum<OrderDelivery>(order, "delivery", &ParseOrderDelivery, "served, posted_at_site, none");
    if (!delivery) return delivery.error();
    auto deadline_passed = order.Bool("deadline_passed");
    if (!deadline_passed) return deadline_passed.error();
    if (order.HasValue("addressee")) {
      auto addressee = ParseEnum<OrderAddressee>(order, "addressee", &ParseOrderAddressee,
                                                 "employer, actual_controller, general_contractor, developer");
      if (!addressee) return addressee.error();
      input.order.addressee = *addressee;
    }
    // With per-worker amounts left after the deadline, full payment follows from them; a flag that
    // says otherwise is a contradiction, refused rather than guessed at.
    const bool per_worker_known = !input.workers.empty() && std::all_of(input.workers.begin(), input.workers.end(),
                                                                        [](const WorkerClaim& worker) {
                                                                          return worker.unpaid_after_deadline.has_value();
                                                                        });
    if (!per_worker_known) {
      auto required = order.Bool("paid_in_full");
      if (!required) return required.error();
    }
    auto paid_in_full = order.OptionalBool("paid_in_full");
    if (!paid_in_full) return paid_in_full.error();
    if (per_worker_known) {
      const bool derived = std::all_of(input.workers.begin(), input.workers.end(),
                                       [](const WorkerClaim& worker) { return worker.Tested() == Fen(); });
      if (paid_in_full->value_or(derived) != derived) {
        return FieldError("order.paid_in_full", "与各劳动者的 unpaid_after_deadline_yuan 矛盾",
                          "contradicts the workers' unpaid_after_deadline_yuan");
      }
      input.order.paid_in_full = derived;
    } else {
      input.order.paid_in_full = paid_in_full->value_or(false);
    }
    input.order.delivery = *delivery;
    input.order.deadline_passed = *deadline_passed;
    return Ok{};
  }
  if (order.HasValue("addressee")) {
    return FieldError("order.addressee", "未责令支付时不能填写", "must be absent when no order was issued");
  }
  // No order: the other facts cannot be true; refusing contradictions beats guessing which is right.
  auto delivery = order.OptionalString("delivery");
  if (!delivery) return delivery.error();
  if (*delivery && **delivery != "none") {
    return FieldError("order.delivery", "未责令支付时只能为 none", "must be none when no order was issued");
  }
  for (const std::string_view key : {"deadline_passed", "paid_in_full"}) {
    auto flag = order.OptionalBool(key);
    if (!flag) return flag.error();
    if (flag->value_or(false)) {
      return FieldError(order.PathOf(key), "未责令支付时不能为 true", "cannot be true when no order was issued");
    }
  }
  return Ok{};
}

boost::json::value Tristate(const std::optional<bool>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value WholeYuan(const std::optional<Fen>& amount) {
  if (!amount) return nullptr;
  return amount->fen() / 100;  // profile figures are whole yuan by construction
}

}  // namespace

Result<AssessmentInput> ParseAssessmentInput(std::string_view json_text) {
  auto value = ParseJsonText(json_text, "assessment");
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  const JsonFields fields(**root, "");
  if (auto ok = fields.OnlyKeys({"province", "workers", "workers_count", "total_owed_yuan", "conduct", "order",
                                 "paid_stage", "serious_consequence", "serious_consequences", "employer_kind",
                                 "mass_incident", "justified_reason", "compensation_borne", "evidence"});
      !ok) {
    return ok.error();
  }
  AssessmentInput input;
  auto province = fields.String("province");
  if (!province) return province.error();
  if (province->empty() || province->size() > 64) {
    return FieldError("province", "长度无效", "has an invalid length");
  }
  input.province = std::move(province).value();
  if (auto ok = ParseWorkers(**root, fields, input); !ok) return ok.error();

  auto conduct = ParseEnum<Conduct>(fields, "conduct", &ParseConduct,
                                    "abscond, transfer_assets, able_but_refused, unable, unknown");
  if (!conduct) return conduct.error();
  input.conduct = *conduct;
  if (auto ok = ParseOrder(fields, input); !ok) return ok.error();

  if (fields.HasValue("paid_stage")) {
    auto stage = ParseEnum<PaidStage>(fields, "paid_stage", &ParsePaidStage,
                                      "none, before_filing, before_prosecution, before_first_instance_judgment, "
                                      "before_judgment");
    if (!stage) return stage.error();
    input.paid_stage = *stage;
  }
  auto serious = fields.OptionalBool("serious_consequence");
  if (!serious) return serious.error();
  input.serious_consequence = serious->value_or(false);
  auto consequences = fields.OptionalArray("serious_consequences", 5);
  if (!consequences) return consequences.error();
  if (*consequences != nullptr) {
    for (std::size_t i = 0; i < (*consequences)->size(); ++i) {
      const auto& item = (**consequences)[i];
      const auto parsed = item.is_string() ? ParseSeriousConsequence(item.get_string()) : std::nullopt;
      if (!parsed) {
        return FieldError(ElementPath("serious_consequences", i),
                          "应为 basic_living、serious_illness、schooling、violence 或 other",
                          "must be basic_living, serious_illness, schooling, violence or other");
      }
      if (std::find(input.serious_consequences.begin(), input.serious_consequences.end(), *parsed) !=
          input.serious_consequences.end()) {
        return FieldError(ElementPath("serious_consequences", i), "重复", "is a duplicate");
      }
      input.serious_consequences.push_back(*parsed);
    }
    if (serious->has_value() && !**serious && !input.serious_consequences.empty()) {
      return FieldError("serious_consequence", "为 false 时 serious_consequences 须为空",
                        "is false while serious_consequences lists consequences");
    }
  }
  auto justified = fields.OptionalBool("justified_reason");
  if (!justified) return justified.error();
  input.justified_reason = justified->value_or(false);
  auto compensation = fields.OptionalBool("compensation_borne");
  if (!compensation) return compensation.error();
  input.compensation_borne = *compensation;
  if (fields.HasValue("employer_kind")) {
    auto kind = ParseEnum<EmployerKind>(fields, "employer_kind", &ParseEmployerKind,
                                        "unit, individual, unqualified_contractor");
    if (!kind) return kind.error();
    input.employer_kind = *kind;
  }
  auto mass_incident = fields.OptionalBool("mass_incident");
  if (!mass_incident) return mass_incident.error();
  input.mass_incident = mass_incident->value_or(false);

  auto evidence = fields.OptionalArray("evidence", 64);
  if (!evidence) return evidence.error();
  if (*evidence != nullptr) {
    for (std::size_t i = 0; i < (*evidence)->size(); ++i) {
      const auto& item = (**evidence)[i];
      const auto parsed = item.is_string() ? ParseEvidenceItem(item.get_string()) : std::nullopt;
      if (!parsed) {
        return FieldError(ElementPath("evidence", i), "不是已知的证据项", "is not a known evidence id");
      }
      input.evidence_on_file.push_back(*parsed);
    }
  }
  return input;
}

boost::json::value AssessmentInputToJson(const AssessmentInput& input) {
  boost::json::object out;
  out["province"] = input.province;
  if (input.aggregate) {
    out["workers_count"] = input.aggregate->workers_count;
    out["total_owed_yuan"] = input.aggregate->total_owed.ToYuanPlain();
  } else {
    boost::json::array workers;
    workers.reserve(input.workers.size());
    for (const WorkerClaim& worker : input.workers) {
      boost::json::object item{{"owed_yuan", worker.owed.ToYuanPlain()}, {"months_unpaid", worker.months_unpaid}};
      if (worker.unpaid_after_deadline) item["unpaid_after_deadline_yuan"] = worker.unpaid_after_deadline->ToYuanPlain();
      workers.push_back(std::move(item));
    }
    out["workers"] = std::move(workers);
  }
  out["conduct"] = ConductName(input.conduct);
  boost::json::object order{{"issued", input.order.issued}};
  if (input.order.issued) {
    order["delivery"] = OrderDeliveryName(input.order.delivery);
    order["deadline_passed"] = input.order.deadline_passed;
    order["paid_in_full"] = input.order.paid_in_full;
    order["addressee"] = OrderAddresseeName(input.order.addressee);
  }
  out["order"] = std::move(order);
  out["paid_stage"] = PaidStageName(input.paid_stage);
  out["serious_consequence"] = input.Serious();
  boost::json::array consequences;
  for (const SeriousConsequence kind : input.serious_consequences) consequences.emplace_back(SeriousConsequenceName(kind));
  out["serious_consequences"] = std::move(consequences);
  if (input.employer_kind) out["employer_kind"] = EmployerKindName(*input.employer_kind);
  out["mass_incident"] = input.mass_incident;
  out["justified_reason"] = input.justified_reason;
  if (input.compensation_borne) out["compensation_borne"] = *input.compensation_borne;
  boost::json::array evidence;
  for (const EvidenceItem item : input.evidence_on_file) evidence.emplace_back(EvidenceItemName(item));
  out["evidence"] = std::move(evidence);
  return out;
}

boost::json::value AssessmentToJson(const AssessmentResult& result) {
  boost::json::object out;
  const ThresholdProfile* profile = result.amount.profile;
  out["province"] = profile ? boost::json::value(profile->id) : boost::json::value(nullptr);

  boost::json::array elements;
  for (const ElementFinding& element : result.elements) {
    const auto [name_zh, name_en] = ElementNameOf(element.id);
    elements.push_back(boost::json::object{{"id", element.id},
                                           {"name_zh", name_zh},
                                           {"name_en", name_en},
                                           {"met", Tristate(element.met)},
                                           {"required", element.required},
                                           {"basis", element.basis},
                                           {"explain_zh", element.explain_zh},
                                           {"explain_en", element.explain_en}});
  }
  out["elements"] = std::move(elements);

  boost::json::object amount;
  amount["profile"] = profile ? boost::json::value(profile->id) : boost::json::value(nullptr);
  if (profile != nullptr) {
    amount["profile_name_zh"] = profile->name_zh;
    amount["profile_name_en"] = profile->name_en;
    amount["configured"] = profile->configured;
    amount["status"] = SourceStatusName(profile->status);
    amount["document"] = profile->document;
    amount["source_url"] = profile->source_url;
    amount["per_worker_yuan"] = WholeYuan(profile->per_worker);
    amount["aggregate_yuan"] = WholeYuan(profile->aggregate);
    amount["min_months_per_worker"] = profile->min_months_per_worker;
    amount["min_workers_aggregate"] = profile->min_workers_aggregate;
  }
  amount["met"] = Tristate(result.amount.met);
  amount["prong"] = result.amount.prong ? boost::json::value(*result.amount.prong) : boost::json::value(nullptr);
  amount["prong_1_met"] = Tristate(result.amount.prong1_met);
  amount["prong_2_met"] = Tristate(result.amount.prong2_met);
  amount["workers_owed"] = result.amount.workers_owed;
  amount["total_owed_yuan"] = result.amount.total_owed.ToYuanPlain();
  out["amount_threshold"] = std::move(amount);

  out["crime_elements_met"] = Tristate(result.crime_elements_met);
  out["recommendation"] = RecommendationName(result.recommendation);
  out["recommendation_explain_zh"] = result.recommendation_zh;
  out["recommendation_explain_en"] = result.recommendation_en;
  out["sentence_band"] =
      result.sentence_band ? boost::json::value(SentenceBandName(*result.sentence_band)) : boost::json::value(nullptr);
  if (result.mitigation) {
    out["mitigation"] = boost::json::object{{"stage", PaidStageName(result.mitigation->stage)},
                                            {"compensation_borne", Tristate(result.mitigation->compensation_borne)},
                                            {"effect_zh", result.mitigation->effect_zh},
                                            {"effect_en", result.mitigation->effect_en},
                                            {"basis", result.mitigation->basis}};
  } else {
    out["mitigation"] = nullptr;
  }
  boost::json::array missing;
  for (const EvidenceGap& gap : result.missing_evidence) {
    missing.push_back(
        boost::json::object{{"id", EvidenceItemName(gap.item)}, {"zh", gap.zh}, {"en", gap.en}, {"basis", gap.basis}});
  }
  out["missing_evidence"] = std::move(missing);
  out["blacklist_eligible"] = Tristate(result.blacklist.eligible);
  out["blacklist"] = BlacklistFindingToJson(result.blacklist);
  return out;
}

boost::json::object BlacklistFindingToJson(const BlacklistFinding& finding) {
  return {{"eligible", Tristate(finding.eligible)},
          {"criterion", finding.criterion.empty() ? boost::json::value(nullptr) : boost::json::value(finding.criterion)},
          {"basis", finding.basis},
          {"explain_zh", finding.explain_zh},
          {"explain_en", finding.explain_en}};
}

Result<boost::json::value> AssessJson(std::string_view json_text, const ThresholdCatalog& catalog) {
  auto input = ParseAssessmentInput(json_text);
  if (!input) return input.error();
  const ThresholdProfile* profile = catalog.Find(input->province);
  if (profile == nullptr) {
    std::string known;
    for (const auto& candidate : catalog.profiles()) known += (known.empty() ? "" : ", ") + candidate.id;
    return FieldError("province", "不是已知的数额档案（可选：" + known + "）",
                      "is not a known profile (one of: " + known + ")");
  }
  return AssessmentToJson(Assess(*input, *profile));
}

}  // namespace wagelink::domain
