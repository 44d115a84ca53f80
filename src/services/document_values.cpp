// The case facts each template may bind by name, computed inside the issuing transaction.
#include "services/document_values.h"

#include <boost/json/parse.hpp>

#include "domain/finding_json.h"
#include "domain/money.h"
#include "services/case_mapping.h"
#include "services/evidence_package.h"
#include "services/zh_text.h"
#include "store/case_timeline_repository.h"
#include "store/document_repository.h"

namespace wagelink::services {
namespace {

Error Missing(const std::string& zh, const std::string& en) { return MakeError(ErrorCode::kConflict, zh, en); }

std::string InstantDateZh(const std::string& iso) {
  auto at = domain::Instant::ParseRfc3339(iso);
  return at ? DateZh(domain::ShanghaiDate(*at)) : iso;
}

// "2025-05" -> 2025年5月
std::string MonthZh(const std::string& ym) {
  if (ym.size() != 7 || ym[4] != '-') return ym;
  return ym.substr(0, 4) + "年" + std::to_string(std::atoi(ym.substr(5).c_str())) + "月";
}

std::string ServiceMethodZh(const std::string& method) {
  static const std::map<std::string, std::string> kNames{
      {"served", "直接送达，受送达人签收"},
      {"adult_family_member", "交与受送达人的同住成年家属签收"},
      {"unit_recipient", "交与受送达单位负责收件的人签收"},
      {"posted_at_premises", "张贴于受送达人住所或者经营场所，并拍照、录像"},
      {"confirmable_notice", "以电话、短信等能够确认其收悉的方式通知"}};
  auto it = kNames.find(method);
  return it == kNames.end() ? method : it->second;
}

std::string OpinionAspectZh(domain::OpinionAspect aspect) {
  switch (aspect) {
    case domain::OpinionAspect::kCharacterisation: return "定性";
    case domain::OpinionAspect::kEvidence: return "取证";
    case domain::OpinionAspect::kLawApplication: return "法律适用";
  }
  return "定性";
}

// The court's green channel at each of its steps (条例 §45; 法院“五优先”).
std::string GreenChannelStageZh(std::optional<domain::CaseEvent> step) {
  if (step == domain::CaseEvent::kAcceptTrial) return "优先受理";
  if (step == domain::CaseEvent::kDeliverJudgment) return "优先审判";
  if (step == domain::CaseEvent::kRecordExecution) return "优先执行";
  return "优先办理";
}

const store::CaseEventRow* LatestEvent(const std::vector<store::CaseEventRow>& events, std::string_view name) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->event == name) return &*it;
  }
  return nullptr;
}

}  // namespace

std::string YuanZh(std::int64_t fen) {
  std::string plain = domain::Fen::FromFen(fen).ToYuanPlain();
  std::size_t dot = plain.find('.');
  std::string whole = plain.substr(0, dot), out;
  std::size_t digits = whole.size() - (whole[0] == '-' ? 1 : 0);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    out += whole[i];
    std::size_t left = whole.size() - i - 1;
    if (left > 0 && left % 3 == 0 && (whole[0] != '-' || i > 0) && digits > 3) out += ',';
  }
  return out + (dot == std::string::npos ? ".00" : plain.substr(dot));
}

namespace {

// How the actor avoided paying, as the findings establish it (刑法 §276-1 ¶1): the documents that
// state the suspicion say what was found, never a conduct nobody established.
std::string ConductPhraseZh(domain::Conduct conduct) {
  if (conduct == domain::Conduct::kUnable || conduct == domain::Conduct::kUnknown) {
    return "不支付劳动者的劳动报酬（逃避支付的方式尚待查明）";
  }
  domain::FindingValue found;
  found.conduct = conduct;  // the finding's own wording: 以逃匿方法逃避支付, 有能力支付而不支付 ...
  return domain::DescribeFindingZh(domain::FindingKind::kConduct, found) + "劳动者的劳动报酬";
}

// The persons liable besides the employer (刑法 §276-1 ¶2; 法释〔2013〕3号 §7–§9), as recorded.
std::string LiablePersonsZh(const domain::LiablePersons& persons) {
  std::string named;
  if (!persons.actual_controller.empty()) named = "实际控制人" + persons.actual_controller;
  std::string responsible;
  for (const auto& person : persons.responsible_persons) responsible += (responsible.empty() ? "" : "、") + person;
  if (!responsible.empty()) named += (named.empty() ? "" : "，") + std::string("直接负责的主管人员") + responsible;
  return named.empty() ? std::string() : "（" + named + "）";
}

}  // namespace

Result<docs::TemplateValues> CaseDocumentValues(store::Connection& connection, const DocumentCatalog& catalog,
                                                const ReferenceData& reference, const docs::DocumentTemplate& t,
                                                const store::CaseRow& row, const Principal& who,
                                                const DocumentMoment& moment) {
  store::CaseRepository cases(connection);
  const auto events = store::CaseTimelineRepository(connection).ListEvents(row.id);
  const auto workers = cases.ListWorkers(row.id);
  const auto employer = cases.FindEmployer(row.employer_id);
  docs::TemplateValues v;
  auto& x = v.values;
  x["case_no"] = row.case_no;
  x["case_title"] = row.title;
  x["employer_name"] = employer->name;
  const domain::CurrentFindings findings = FindingsOf(row, *employer, events);
  x["conduct_phrase"] = ConductPhraseZh(findings.conduct);
  x["liable_persons"] = LiablePersonsZh(findings.persons);
  x["employer_address"] = employer->address.empty() ? "（不详）" : employer->address;
  x["legal_representative"] = employer->legal_representative.empty() ? "（不详）" : employer->legal_representative;
  x["project_name"] = row.project_name.empty() ? "用工场所" : row.project_name + "项目";
  x["workers_count"] = std::to_string(workers.size());
  x["owed_yuan"] = YuanZh(row.owed_fen);
  x["paid_yuan"] = YuanZh(row.paid_fen);
  x["outstanding_yuan"] = YuanZh(row.owed_fen - row.paid_fen);
  x["complaint_date"] = InstantDateZh(row.received_at);
  x["channel"] = ChannelZh(row.channel);
  x["officer_name"] = who.display_name.empty() ? who.username : who.display_name;
  for (const char* body : {"hrss", "police", "procuratorate", "court", "justice"}) {
    x[std::string(body) + "_name"] = catalog.issuers.NameOf(body);
  }
  x["step_date"] = DateZh(domain::ShanghaiDate(moment.at));
  x["step_reason"] = moment.step_reason;
  x["green_channel_stage"] = GreenChannelStageZh(moment.step);
  std::string from, to;
  for (const auto& w : workers) {
    if (!w.period_from.empty() && (from.empty() || w.period_from < from)) from = w.period_from;
    if (!w.period_to.empty() && w.period_to > to) to = w.period_to;
    v.lists["workers"].push_back(w.name + "　应付工资人民币" + YuanZh(w.owed_fen) + "元");
  }
  x["period"] = from.empty() ? "有关期间" : MonthZh(from) + "至" + MonthZh(to);
  x["workers_addressee"] = workers.empty()       ? "有关劳动者"
                           : workers.size() == 1 ? workers.front().name
                                                 : workers.front().name + "等" + std::to_string(workers.size()) + "名劳动者";
  if (const auto* opinion = std::get_if<domain::InterventionOpinionPayload>(&moment.payload)) {
    x["opinion_aspect"] = OpinionAspectZh(opinion->aspect);
  } else {
    x["opinion_aspect"] = "定性、取证和法律适用";
  }
  if (const auto* materials = std::get_if<domain::MaterialsListPayload>(&moment.payload)) {
    v.lists["missing_materials"] = materials->items;
  }

  // The order to pay: its deadline (CONFIRMED: a date is required) and its service.
  std::optional<domain::CivilDate> deadline;
  if (row.order_deadline) deadline = domain::CivilDate::ParseIso(*row.order_deadline).value();
  if (moment.deadline) {
    if (deadline && *deadline != *moment.deadline) {
      return MakeError(ErrorCode::kValidationFailed, "deadline：与案件已记录的限期不一致", "deadline: differs from the deadline on record", "deadline");
    }
    if (*moment.deadline <= domain::ShanghaiDate(moment.now)) {
      return MakeError(ErrorCode::kValidationFailed, "deadline：限期应晚于今天", "deadline: must be after today", "deadline");
    }
    deadline = moment.deadline;
  }
  x["deadline"] = deadline ? DateZh(*deadline) : "";
  const store::CaseEventRow* order = LatestEvent(events, "issue_order");
  std::string served_at, service_method = row.order_delivery.value_or("");
  if (order) {
    boost::system::error_code ec;
    auto payload = boost::json::parse(order->payload, ec);
    if (!ec && payload.is_object() && payload.as_object().contains("served_at") && payload.at("served_at").is_string()) {
      if (auto at = domain::Instant::ParseRfc3339(payload.at("served_at").as_string())) served_at = MinuteZh(*at);
    }
  }
  x["service_method"] = ServiceMethodZh(service_method);
  x["served_at"] = served_at;
  x["posting_record"] = service_method == "posted_at_premises"
                            ? "已于" + served_at + "将文书张贴于" + x["employer_address"] +
                                  "，张贴过程已拍照、录像，照片及录像资料附卷。"
                            : "";
  auto issued_order = store::DocumentRepository(connection).LatestOfKind(row.id, "rectification_order");
  x["order_document"] = "劳动保障监察限期整改指令书" + (issued_order ? "（" + issued_order->doc_no + "）" : std::string());
  x["order_summary"] = order && deadline ? "本机关于" + served_at + "依法送达限期整改指令书，责令其于" +
                                               DateZh(*deadline) + "前足额支付拖欠的工资。"
                                         : "";
  const store::CaseEventRow* transfer = LatestEvent(events, "send_transfer");
  x["transfer_date"] = transfer ? InstantDateZh(transfer->at) : "";
  const store::CaseEventRow* declined = LatestEvent(events, "decline_filing");
  x["decline_reason"] = declined ? declined->reason : "";
  // 规则 §562: supervision the procuratorate opened because the police let the decision run out.
  const store::CaseEventRow* opened = LatestEvent(events, "open_supervision");
  const bool delay = opened && !declined;
  x["police_decision"] = delay ? "你局至今未作出是否立案的决定，已超过法定期限" : "你局决定不予立案";
  x["reasons_asked"] = delay ? "逾期未作出是否立案决定的理由" : "不立案的情况、依据和理由";
  x["supervision_source"] = delay ? "本院依职权启动立案监督。" : "移送机关认为该案应当立案，已建议本院进行立案监督。";
  const store::CaseEventRow* ordered = LatestEvent(events, "order_filing");
  x["order_reason"] = ordered ? ordered->reason : "";

  // Transfer materials actually enclosed (310号 §6): the package items that have files or issued
  // documents, in the checklist's order, and those the sending step generates with this document
  // (the 调查报告 goes with the 移送书); the document being made is no enclosure of itself.
  for (const auto& status : PackageOf(connection, reference, row.id).items) {
    const bool made_with_it = status.item->generated_document && status.item->document_kind != t.kind;
    if (status.present || made_with_it) {
      if (status.item->document_kind != t.kind) v.lists["materials"].push_back(status.item->zh);
    }
  }

  // What each document needs before it can be made.
  auto overridden = [&](const char* field) { return moment.overrides.contains(field); };
  if (t.kind == "rectification_order" && !deadline) {
    return Missing("请指定整改期限（deadline），限期整改指令书必须载明指定的期限（法释〔2013〕3号第四条）",
                   "give the deadline: the order must state it (法释〔2013〕3号 §4)");
  }
  if (t.kind == "service_record" && (!order || served_at.empty())) {
    return Missing("尚未记录责令支付文书的送达（issue_order），无法制作送达回证",
                   "the service of the order (issue_order) is not recorded yet");
  }
  if (t.kind == "transfer_letter" && !LatestEvent(events, "approve_transfer")) {
    return Missing("移送尚未经负责人批准（国务院令310号第五条），不能制作移送书",
                   "the head has not approved the transfer (310号 §5)");
  }
  if (t.kind == "transfer_decision" && !LatestEvent(events, "submit_transfer_report")) {
    return Missing("专案组尚未提交移送的书面报告（国务院令310号第五条）", "the case group has not submitted its written report (310号 §5)");
  }
  const bool after_decline = t.kind == "reconsideration_application" || t.kind == "explain_non_filing_request";
  if ((t.kind == "non_filing_notice" || t.kind == "filing_notice" || t.kind == "acceptance_receipt" || after_decline) && !transfer) {
    return Missing("案件尚未移送公安机关", "the case has not been transferred to the police");
  }
  if (t.kind == "non_filing_notice" && x["decline_reason"].empty() && !overridden("reasons")) {
    return Missing("请先记录不予立案决定及理由，或在 fields.reasons 中填写理由（国务院令310号第八条）",
                   "record the decision not to file with its reasons, or give fields.reasons (310号 §8)");
  }
  if ((t.kind == "filing_notice" || t.kind == "explain_non_filing_request") && !declined && !delay) {
    return Missing("公安机关尚未作出不予立案决定，也未逾期不作决定", "the police have neither declined to file nor let the decision run out");
  }
  if (t.kind == "reconsideration_application" && !declined) {
    return Missing("公安机关尚未作出不予立案决定", "the police have not declined to file the case");
  }
  if (t.kind == "filing_notice" && x["order_reason"].empty() && !overridden("reasons")) {
    return Missing("请在 fields.reasons 中说明通知立案的依据和理由（规则第五百六十三条）",
                   "give the basis and reasons in fields.reasons (规则 §563)");
  }
  v.overrides = moment.overrides;
  return v;
}

}  // namespace wagelink::services
