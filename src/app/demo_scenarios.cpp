#include "app/demo_scenarios.h"

#include <boost/json/parse.hpp>
#include <cstdio>

#include "api/case_step_parser.h"
#include "app/demo_evidence.h"
#include "domain/validators.h"
#include "services/evidence_service.h"

namespace wagelink::app {
namespace {

constexpr const char* kSurnames[] = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
constexpr const char* kGivenNames[] = {"建国", "卫东", "海军", "志强", "宝山", "永刚", "铁柱", "德明", "长江", "春生",
                                       "国庆", "立新", "占山", "红旗", "秀英", "桂兰", "玉梅", "小龙", "大勇", "文华"};

Error Failed(const std::string& scenario, const std::string& where, const Error& cause) {
  return MakeError(cause.code, "示范场景 " + scenario + " " + where + " 加载失败：" + cause.message_zh,
                   "demo scenario " + scenario + " " + where + " failed: " + cause.message_en, cause.field);
}

// Deterministic synthetic workers: the largest amount first, the rest shared equally to the fen.
boost::json::array GenerateWorkers(const boost::json::object& spec, int scenario_index) {
  const std::int64_t count = spec.at("count").as_int64();
  const std::int64_t total_fen = spec.at("total_yuan").as_int64() * 100;
  const std::int64_t largest_fen = spec.at("largest_yuan").as_int64() * 100;
  boost::json::array workers;
  std::int64_t rest = total_fen - largest_fen;
  for (std::int64_t i = 0; i < count; ++i) {
    std::int64_t fen = largest_fen;
    if (i > 0) {
      std::int64_t share = rest / (count - 1);
      fen = share + (i <= rest % (count - 1) ? 1 : 0);
    }
    char prefix[32];  // 17 digits; room for what the compiler cannot rule out
    std::snprintf(prefix, sizeof prefix, "110101%04d%02d%02d%03d", 1970 + static_cast<int>((i * 7 + scenario_index) % 30),
                  1 + static_cast<int>(i % 12), 1 + static_cast<int>((i * 3) % 28), static_cast<int>(100 + i % 900));
    std::string id = std::string(prefix) + *domain::ResidentIdCheckCharacter(prefix);
    char phone[12];
    std::snprintf(phone, sizeof phone, "13%d%08d", 5 + scenario_index % 5, static_cast<int>(20000000 + scenario_index * 1000 + i));
    std::string name = std::string(kSurnames[(i + scenario_index) % 20]) + kGivenNames[(i * 7 + scenario_index) % 20];
    char yuan[32];
    std::snprintf(yuan, sizeof yuan, "%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
    workers.push_back({{"name", name}, {"id_number", id}, {"phone", phone}, {"owed_yuan", yuan},
                       {"months_unpaid", spec.at("months")}, {"period_from", spec.at("period_from")},
                       {"period_to", spec.at("period_to")}});
  }
  return workers;
}

Result<services::PaymentInput> ReadPayment(const boost::json::object& o) {
  services::PaymentInput payment;
  payment.proportional = o.contains("proportional") && o.at("proportional").as_bool();
  auto amount = api::ParseYuanField(o, "amount_yuan", "amount_yuan");
  if (!amount) return amount.error();
  payment.amount = *amount;
  auto date = domain::CivilDate::ParseIso(o.at("paid_on").as_string(), "paid_on");
  if (!date) return date.error();
  payment.paid_on = *date;
  payment.payer = std::string(o.at("payer").as_string());
  if (o.contains("note")) payment.note = std::string(o.at("note").as_string());
  return payment;
}

// A generated file for one package item: a photo of the posting for the service item, a one-page
// PDF for the others, of the item's first evidence kind ("other" when it names none).
Status AttachDemoEvidence(services::EvidenceService& evidence, const services::ReferenceData& reference,
                          const services::Principal& actor, std::int64_t case_id, const std::string& item_id, int scenario_index) {
  const services::PackageItem* item = nullptr;
  for (const auto& candidate : reference.transfer_package) {
    if (candidate.id == item_id) item = &candidate;
  }
  if (!item) return MakeError(ErrorCode::kValidationFailed, "未知的移送材料项 " + item_id, "unknown package item " + item_id);
  const bool photo = item_id == "order_and_service";
  services::EvidenceUpload upload{.kind = item->kinds.empty() ? "other" : item->kinds.front(),
                                  .supports = item_id,
                                  .note = "示范材料（系统生成）",
                                  .file_name = item->zh + (photo ? ".png" : ".pdf")};
  StringSource content(photo ? DemoPng(static_cast<unsigned char>(scenario_index * 40))
                             : DemoPdf("WageLink demo " + item_id + " case " + std::to_string(case_id)));
  auto file = evidence.Upload(actor, {.kind = domain::EvidenceOwner::kCase, .id = case_id}, upload, content);
  if (!file) return file.error();
  return Ok{};
}

}  // namespace

Result<int> LoadDemoScenarios(services::CaseUseCases& cases, services::AuthService& auth, services::EvidenceService& evidence,
                              std::string_view json) {
  auto coordinator = auth.PrincipalFor("coordinator", {"", "demo-scenarios"});
  if (!coordinator) return coordinator.error();
  auto existing = cases.reading.List(*coordinator, {}, 1, 0);
  if (!existing) return existing.error();
  if (existing->total > 0) return 0;

  boost::system::error_code ec;
  auto root = boost::json::parse(json, ec);
  if (ec) return MakeError(ErrorCode::kValidationFailed, "示范场景文件格式错误", "demo scenario file is not JSON");
  int created = 0, index = 0;
  for (const auto& item : root.at("cases").as_array()) {
    const auto& scenario = item.as_object();
    const std::string name(scenario.at("id").as_string());
    boost::json::object complaint = scenario.at("complaint").as_object();
    complaint["workers"] = GenerateWorkers(scenario.at("workers").as_object(), ++index);
    auto input = api::ParseComplaintInput(complaint);
    if (!input) return Failed(name, "complaint", input.error());
    auto handler = auth.PrincipalFor("handler", {"", "demo-scenarios"});
    if (!handler) return handler.error();
    auto detail = cases.intake.CreateComplaint(*handler, *input);
    if (!detail) return Failed(name, "complaint", detail.error());
    const std::int64_t case_id = detail->summary.id;
    int step_index = 0;
    for (const auto& entry : scenario.at("script").as_array()) {
      const auto& step = entry.as_object();
      const std::string where = "step " + std::to_string(++step_index);
      auto actor = auth.PrincipalFor(std::string(step.at("as").as_string()), {"", "demo-scenarios"});
      if (!actor) return Failed(name, where, actor.error());
      Result<services::CaseDetail> result = MakeError(ErrorCode::kBadRequest, "未知的脚本项", "unknown script entry");
      if (step.contains("evidence")) {
        for (const auto& item_id : step.at("evidence").as_array()) {
          auto attached = AttachDemoEvidence(evidence, cases.records.reference(), *actor, case_id, std::string(item_id.as_string()), index);
          if (!attached) return Failed(name, where, attached.error());
        }
        result = cases.reading.Get(*actor, case_id);
      } else if (step.contains("payment")) {
        auto payment = ReadPayment(step.at("payment").as_object());
        if (!payment) return Failed(name, where, payment.error());
        result = cases.payments.RecordPayment(*actor, case_id, *payment);
      } else {
        boost::json::object request = step;
        request.erase("as");  // who acts is the script's, not the request's
        auto parsed = api::ParseStepInput(request);
        if (!parsed) return Failed(name, where, parsed.error());
        result = cases.steps.TakeStep(*actor, case_id, *parsed);
      }
      if (!result) return Failed(name, where, result.error());
    }
    ++created;
  }
  return created;
}

}  // namespace wagelink::app
