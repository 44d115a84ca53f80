#include "domain/finding_json.h"

#include <algorithm>
#include <cstdint>
#include <boost/json/array.hpp>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

constexpr std::size_t kMaxPersons = 20;
constexpr std::size_t kMaxNameBytes = 100;

Result<bool> Flag(const JsonFields& fields, std::string_view key) {
  if (auto ok = fields.OnlyKeys({key}); !ok) return ok.error();
  return fields.Bool(key);
}

Result<std::string> PersonName(const boost::json::value& value, const std::string& path) {
  if (!value.is_string() || value.get_string().empty() || value.get_string().size() > kMaxNameBytes) {
    return FieldError(path, "应为 1–100 字节的姓名", "must be a name of 1-100 bytes");
  }
  return std::string(value.get_string());
}

std::string_view ConductZh(Conduct conduct) {
  switch (conduct) {
    case Conduct::kAbscond: return "以逃匿方法逃避支付";
    case Conduct::kTransferAssets: return "以转移财产方法逃避支付";
    case Conduct::kAbleButRefused: return "有能力支付而不支付";
    case Conduct::kUnable: return "确无支付能力";
    case Conduct::kUnknown: return "尚未查明";
  }
  return "尚未查明";
}

std::string_view EmployerKindZh(EmployerKind kind) {
  switch (kind) {
    case EmployerKind::kUnit: return "单位";
    case EmployerKind::kIndividual: return "个人";
    case EmployerKind::kUnqualifiedContractor: return "不具备用工主体资格的单位或个人";
  }
  return "单位";
}

}  // namespace

Result<FindingValue> ParseFindingValue(FindingKind kind, const boost::json::object& object, const std::string& path) {
  const JsonFields fields(object, path);
  FindingValue value;
  switch (kind) {
    case FindingKind::kConduct: {
      if (auto ok = fields.OnlyKeys({"conduct"}); !ok) return ok.error();
      auto code = fields.String("conduct");
      if (!code) return code.error();
      auto conduct = ParseConduct(*code);
      if (!conduct) {
        return FieldError(fields.PathOf("conduct"), "应为 abscond、transfer_assets、able_but_refused、unable 或 unknown",
                          "must be abscond, transfer_assets, able_but_refused, unable or unknown");
      }
      value.conduct = *conduct;
      return value;
    }
    case FindingKind::kSeriousConsequences: {
      if (auto ok = fields.OnlyKeys({"consequences"}); !ok) return ok.error();
      auto list = fields.Array("consequences", 5);
      if (!list) return list.error();
      for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const auto& item = (**list)[i];
        const auto parsed = item.is_string() ? ParseSeriousConsequence(item.get_string()) : std::nullopt;
        const std::string item_path = ElementPath(fields.PathOf("consequences"), i);
        if (!parsed) {
          return FieldError(item_path, "应为 basic_living、serious_illness、schooling、violence 或 other",
                            "must be basic_living, serious_illness, schooling, violence or other");
        }
        if (std::find(value.consequences.begin(), value.consequences.end(), *parsed) != value.consequences.end()) {
          return FieldError(item_path, "重复", "is a duplicate");
        }
        value.consequences.push_back(*parsed);
      }
      return value;
    }
    case FindingKind::kMassIncident: {
      if (auto ok = fields.OnlyKeys({"occurred", "extreme"}); !ok) return ok.error();
      auto occurred = fields.Bool("occurred");
      if (!occurred) return occurred.error();
      auto extreme = fields.OptionalBool("extreme");
      if (!extreme) return extreme.error();
      if (extreme->value_or(false) && !*occurred) {
        return FieldError(fields.PathOf("extreme"), "须同时认定已引发事件（occurred 为 true）",
                          "needs the incident itself (occurred: true)");
      }
      value.yes = *occurred;
      value.extreme = extreme->value_or(false);
      return value;
    }
    case FindingKind::kJustifiedReason:
    case FindingKind::kCompensationBorne: {
      const std::string_view key = kind == FindingKind::kJustifiedReason ? "established" : "borne";
      auto flag = Flag(fields, key);
      if (!flag) return flag.error();
      value.yes = *flag;
      return value;
    }
    case FindingKind::kEmployerKind: {
      if (auto ok = fields.OnlyKeys({"employer_kind", "actual_controller", "responsible_persons"}); !ok) return ok.error();
      auto code = fields.String("employer_kind");
      if (!code) return code.error();
      auto employer_kind = ParseEmployerKind(*code);
      if (!employer_kind) {
        return FieldError(fields.PathOf("employer_kind"), "应为 unit、individual 或 unqualified_contractor",
                          "must be unit, individual or unqualified_contractor");
      }
      value.employer_kind = *employer_kind;
      if (const auto* controller = object.if_contains("actual_controller"); controller && !controller->is_null()) {
        auto name = PersonName(*controller, fields.PathOf("actual_controller"));
        if (!name) return name.error();
        value.persons.actual_controller = std::move(name).value();
      }
      auto persons = fields.OptionalArray("responsible_persons", kMaxPersons);
      if (!persons) return persons.error();
      if (*persons != nullptr) {
        for (std::size_t i = 0; i < (*persons)->size(); ++i) {
          auto name = PersonName((**persons)[i], ElementPath(fields.PathOf("responsible_persons"), i));
          if (!name) return name.error();
          value.persons.responsible_persons.push_back(std::move(name).value());
        }
      }
      return value;
    }
    case FindingKind::kWorkerClaim: {
      if (auto ok = fields.OnlyKeys({"worker_id", "owed_yuan", "other_claims_yuan", "months_unpaid"}); !ok) return ok.error();
      auto worker = fields.Integer("worker_id", 1, INT64_MAX);
      if (!worker) return worker.error();
      auto owed = fields.Yuan("owed_yuan");
      if (!owed) return owed.error();
      Fen other;
      if (fields.HasValue("other_claims_yuan")) {
        auto parsed = fields.Yuan("other_claims_yuan");
        if (!parsed) return parsed.error();
        other = *parsed;
      }
      auto months = fields.Integer("months_unpaid", 0, 600);
      if (!months) return months.error();
      value.worker_claim = {*worker, *owed, other, static_cast<int>(*months)};
      return value;
    }
  }
  return FieldError(path, "未知的认定类型", "unknown finding kind");
}

boost::json::object FindingValueToJson(FindingKind kind, const FindingValue& value) {
  switch (kind) {
    case FindingKind::kConduct:
      return {{"conduct", ConductName(value.conduct)}};
    case FindingKind::kSeriousConsequences: {
      boost::json::array list;
      for (const SeriousConsequence item : value.consequences) list.emplace_back(SeriousConsequenceName(item));
      return {{"consequences", std::move(list)}};
    }
    case FindingKind::kMassIncident:
      return {{"occurred", value.yes}, {"extreme", value.yes && value.extreme}};
    case FindingKind::kJustifiedReason:
      return {{"established", value.yes}};
    case FindingKind::kCompensationBorne:
      return {{"borne", value.yes}};
    case FindingKind::kEmployerKind: {
      boost::json::array persons;
      for (const auto& name : value.persons.responsible_persons) persons.emplace_back(name);
      boost::json::object out{{"employer_kind", EmployerKindName(value.employer_kind)},
                              {"responsible_persons", std::move(persons)}};
      out["actual_controller"] = value.persons.actual_controller.empty()
                                     ? boost::json::value(nullptr)
                                     : boost::json::value(value.persons.actual_controller);
      return out;
    }
    case FindingKind::kWorkerClaim:
      return {{"worker_id", value.worker_claim.worker_id},
              {"owed_yuan", value.worker_claim.owed.ToYuanPlain()},
              {"other_claims_yuan", value.worker_claim.other_claims.ToYuanPlain()},
              {"months_unpaid", value.worker_claim.months_unpaid}};
  }
  return {};
}

std::string DescribeFindingZh(FindingKind kind, const FindingValue& value) {
  switch (kind) {
    case FindingKind::kConduct:
      return std::string(ConductZh(value.conduct));
    case FindingKind::kSeriousConsequences: {
      if (value.consequences.empty()) return "未造成严重后果";
      std::string text;
      for (const SeriousConsequence item : value.consequences) {
        text += (text.empty() ? "" : "；") + std::string(SeriousConsequenceZh(item));
      }
      return text;
    }
    case FindingKind::kMassIncident:
      if (!value.yes) return "未引发群体性事件或极端事件";
      return value.extreme ? "已因欠薪引发极端事件（扬言自杀、自残、伤人等）" : "已因欠薪引发群体性事件";
    case FindingKind::kJustifiedReason:
      return value.yes ? "有正当理由未知悉责令支付或未及时支付" : "无正当理由";
    case FindingKind::kCompensationBorne:
      return value.yes ? "已依法承担赔偿责任" : "尚未承担赔偿责任";
    case FindingKind::kEmployerKind: {
      std::string text(EmployerKindZh(value.employer_kind));
      if (!value.persons.actual_controller.empty()) text += "；实际控制人：" + value.persons.actual_controller;
      if (!value.persons.responsible_persons.empty()) {
        text += "；直接负责的主管人员和其他直接责任人员：";
        for (std::size_t i = 0; i < value.persons.responsible_persons.size(); ++i) {
          text += (i ? "、" : "") + value.persons.responsible_persons[i];
        }
      }
      return text;
    }
    case FindingKind::kWorkerClaim:
      return "劳动报酬 " + value.worker_claim.owed.ToYuanGrouped() + " 元，欠薪 " +
             std::to_string(value.worker_claim.months_unpaid) + " 个月" +
             (value.worker_claim.other_claims == Fen() ? std::string()
                                                       : "；另有经济补偿、赔偿金、工程款等 " +
                                                             value.worker_claim.other_claims.ToYuanGrouped() + " 元（不计入认定数额）");
  }
  return {};
}

std::string DescribeFindingEn(FindingKind kind, const FindingValue& value) {
  switch (kind) {
    case FindingKind::kConduct:
      return std::string(ConductName(value.conduct));
    case FindingKind::kSeriousConsequences: {
      if (value.consequences.empty()) return "none";
      std::string text;
      for (const SeriousConsequence item : value.consequences) {
        text += (text.empty() ? "" : ", ") + std::string(SeriousConsequenceName(item));
      }
      return text;
    }
    case FindingKind::kMassIncident:
      return !value.yes ? "no" : value.extreme ? "yes, an extreme incident" : "yes, a mass incident";
    case FindingKind::kJustifiedReason:
    case FindingKind::kCompensationBorne:
      return value.yes ? "yes" : "no";
    case FindingKind::kEmployerKind: {
      std::string text(EmployerKindName(value.employer_kind));
      if (!value.persons.actual_controller.empty()) text += "; actual controller: " + value.persons.actual_controller;
      if (!value.persons.responsible_persons.empty()) {
        text += "; persons responsible: " + std::to_string(value.persons.responsible_persons.size());
      }
      return text;
    }
    case FindingKind::kWorkerClaim:
      return "remuneration " + value.worker_claim.owed.ToYuanGrouped() + " yuan over " +
             std::to_string(value.worker_claim.months_unpaid) + " months" +
             (value.worker_claim.other_claims == Fen() ? std::string()
                                                       : "; other claims " + value.worker_claim.other_claims.ToYuanGrouped() +
                                                             " yuan (not tested)");
  }
  return {};
}

}  // namespace wagelink::domain
