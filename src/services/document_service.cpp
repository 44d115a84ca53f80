// Issuing, listing and downloading the documents (文书) of a case.
#include "services/document_service.h"

#include "services/evidence_package.h"
#include "services/zh_text.h"

#include "security/digest.h"

#include <sodium.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "services/admin_service.h"
#include "services/case_scope.h"
#include "docs/pdf_document.h"
#include "domain/money.h"
#include "security/encoding.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

Error NotVisible() {
  return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
}

Error Missing(const std::string& zh, const std::string& en) { return MakeError(ErrorCode::kConflict, zh, en); }

using security::Sha256Hex;

std::string InstantDateZh(const std::string& iso) {
  auto at = domain::Instant::ParseRfc3339(iso);
  return at ? DateZh(domain::ShanghaiDate(*at)) : iso;
}

// 186400.00 -> 186,400.00
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

// "2025-05" -> 2025年5月
std::string MonthZh(const std::string& ym) {
  if (ym.size() != 7 || ym[4] != '-') return ym;
  return ym.substr(0, 4) + "年" + std::to_string(std::atoi(ym.substr(5).c_str())) + "月";
}

std::string ChannelZh(const std::string& channel) {
  static const std::map<std::string, std::string> kNames{
      {"12333", "12333 电话咨询投诉"}, {"national_clue_platform", "全国根治欠薪线索反映平台"},
      {"walk_in", "来访投诉"},         {"petition", "信访转办"},
      {"inspection", "日常巡视检查"},  {"referral", "有关部门移交"}};
  auto it = kNames.find(channel);
  return it == kNames.end() ? channel : it->second;
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

const store::CaseEventRow* LatestEvent(const std::vector<store::CaseEventRow>& events, std::string_view name) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->event == name) return &*it;
  }
  return nullptr;
}

std::string BodyName(store::IdentityRepository& identity, const std::string& code) {
  auto body = identity.FindBody(code);
  return body ? body->name_zh : code;
}

struct CaseFacts {
  const store::CaseRow& row;
  const std::vector<store::CaseEventRow>& events;
  const std::vector<store::WorkerRow>& workers;
  const store::EmployerRow& employer;
  const std::vector<std::string>& materials_present;  // package items with their files (evidence_package.h)
};

// The "case" fields any template may use, computed from the case and its timeline.
Result<docs::TemplateValues> CaseValues(const docs::DocumentTemplate& t, const CaseFacts& f, const DocumentRequest& request,
                                        store::IdentityRepository& identity, store::DocumentRepository& documents,
                                        const Principal& who, domain::Instant now) {
  docs::TemplateValues v;
  auto& x = v.values;
  x["case_no"] = f.row.case_no;
  x["case_title"] = f.row.title;
  x["employer_name"] = f.employer.name;
  x["employer_address"] = f.employer.address.empty() ? "（不详）" : f.employer.address;
  x["legal_representative"] = f.employer.legal_representative.empty() ? "（不详）" : f.employer.legal_representative;
  x["project_name"] = f.row.project_name.empty() ? "用工场所" : f.row.project_name + "项目";
  x["workers_count"] = std::to_string(f.workers.size());
  x["owed_yuan"] = YuanZh(f.row.owed_fen);
  x["outstanding_yuan"] = YuanZh(f.row.owed_fen - f.row.paid_fen);
  x["complaint_date"] = InstantDateZh(f.row.received_at);
  x["channel"] = ChannelZh(f.row.channel);
  x["officer_name"] = who.display_name.empty() ? who.username : who.display_name;
  x["hrss_name"] = BodyName(identity, "hrss");
  x["police_name"] = BodyName(identity, "police");
  x["procuratorate_name"] = BodyName(identity, "procuratorate");
  std::string from, to;
  for (const auto& w : f.workers) {
    if (!w.period_from.empty() && (from.empty() || w.period_from < from)) from = w.period_from;
    if (!w.period_to.empty() && w.period_to > to) to = w.period_to;
    v.lists["workers"].push_back(w.name + "　应付工资人民币" + YuanZh(w.owed_fen) + "元");
  }
  x["period"] = from.empty() ? "有关期间" : MonthZh(from) + "至" + MonthZh(to);

  // The order to pay: its deadline (CONFIRMED: a date is required) and its service.
  std::optional<domain::CivilDate> deadline;
  if (f.row.order_deadline) deadline = domain::CivilDate::ParseIso(*f.row.order_deadline).value();
  if (request.deadline) {
    if (deadline && *deadline != *request.deadline) {
      return MakeError(ErrorCode::kValidationFailed, "deadline：与案件已记录的限期不一致", "deadline: differs from the deadline on record", "deadline");
    }
    if (*request.deadline <= domain::ShanghaiDate(now)) {
      return MakeError(ErrorCode::kValidationFailed, "deadline：限期应晚于今天", "deadline: must be after today", "deadline");
    }
    deadline = request.deadline;
  }
  x["deadline"] = deadline ? DateZh(*deadline) : "";
  const store::CaseEventRow* order = LatestEvent(f.events, "issue_order");
  std::string served_at, service_method = f.row.order_delivery.value_or("");
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
  auto issued_order = documents.LatestOfKind(f.row.id, "rectification_order");
  x["order_document"] = "劳动保障监察限期整改指令书" + (issued_order ? "（" + issued_order->doc_no + "）" : std::string());
  x["order_summary"] = order && deadline ? "本机关于" + served_at + "依法送达限期整改指令书，责令其于" +
                                               DateZh(*deadline) + "前足额支付拖欠的工资。"
                                         : "";
  const store::CaseEventRow* transfer = LatestEvent(f.events, "send_transfer");
  x["transfer_date"] = transfer ? InstantDateZh(transfer->at) : "";
  const store::CaseEventRow* declined = LatestEvent(f.events, "decline_filing");
  x["decline_reason"] = declined ? declined->reason : "";
  const store::CaseEventRow* ordered = LatestEvent(f.events, "order_filing");
  x["order_reason"] = ordered ? ordered->reason : "";

  // Transfer materials actually enclosed (310号 §6): the package items that have files, in the
  // package's order; the letter itself is the document being made.
  for (const auto& item : f.materials_present) v.lists["materials"].push_back(item);

  // What each document needs before it can be made.
  auto overridden = [&](const char* field) { return request.overrides.contains(field); };
  if (t.kind == "rectification_order" && !deadline) {
    return Missing("请指定整改期限（deadline），限期整改指令书必须载明指定的期限（法释〔2013〕3号第四条）",
                   "give the deadline: the order must state it (法释〔2013〕3号 §4)");
  }
  if (t.kind == "service_record" && (!order || served_at.empty())) {
    return Missing("尚未记录责令支付文书的送达（issue_order），无法制作送达回证",
                   "the service of the order (issue_order) is not recorded yet");
  }
  if (t.kind == "transfer_letter" && !LatestEvent(f.events, "approve_transfer")) {
    return Missing("移送尚未经负责人批准（国务院令310号第五条），不能制作移送书",
                   "the head has not approved the transfer (310号 §5)");
  }
  if (t.kind == "transfer_decision" && !LatestEvent(f.events, "submit_transfer_report")) {
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
  if ((t.kind == "filing_notice" || after_decline) && !declined) {
    return Missing("公安机关尚未作出不予立案决定", "the police have not declined to file the case");
  }
  if (t.kind == "filing_notice" && x["order_reason"].empty() && !overridden("reasons")) {
    return Missing("请在 fields.reasons 中说明通知立案的依据和理由（规则第五百六十三条）",
                   "give the basis and reasons in fields.reasons (规则 §563)");
  }
  v.overrides = request.overrides;
  return v;
}

DocumentView ViewOf(const store::DocumentRow& d) {
  return {.id = d.id,
          .case_id = d.case_id,
          .kind = d.kind,
          .title = d.title,
          .doc_no = d.doc_no,
          .body_code = d.body_code,
          .year = d.year,
          .seq = d.seq,
          .issued_at = d.issued_at,
          .issued_by_username = d.issued_by_username,
          .sha256 = d.sha256,
          .byte_size = d.byte_size,
          .pages = d.pages,
          .event_id = d.event_id};
}

}  // namespace

const docs::DocumentTemplate* DocumentTemplates::Find(std::string_view kind) const {
  for (const auto& t : items) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

Result<DocumentView> DocumentService::Issue(const Principal& who, std::int64_t case_id, const DocumentRequest& request) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  const docs::DocumentTemplate* t = templates_->Find(request.kind);
  if (!t) {
    std::string known;
    for (const auto& item : templates_->items) known += (known.empty() ? "" : ", ") + item.kind;
    return MakeError(ErrorCode::kValidationFailed, "kind：未知文书种类，可选：" + known, "kind: unknown document; one of " + known, "kind");
  }
  if (t->kind == "risk_report" || t->kind == "meeting_minutes") {  // record_documents.cpp: not case documents
    return MakeError(ErrorCode::kValidationFailed, "kind：该文书属于风险或联席会议，不在案件中制发", "kind: this document belongs to a risk or a meeting", "kind");
  }
  if (auto ok = docs::CheckOverrides(*t, request.overrides); !ok) return ok.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  const std::string now_text = now.ToIsoUtc();

  auto connection = db_.Acquire();
  store::CaseRepository cases(*connection);
  store::CaseTimelineRepository timeline(*connection);
  store::DocumentRepository documents(*connection);
  store::IdentityRepository identity(*connection);
  store::Transaction tx(*connection);
  auto row = cases.FindCase(case_id, *scope);
  if (!row) return NotVisible();
  auto permission = security::ParsePermission(t->permission);
  if (!permission || !who.Can(*permission) || who.body_code != t->issuer_body) {
    return MakeError(ErrorCode::kForbidden, "《" + t->title + "》由" + BodyName(identity, t->issuer_body) + "制作，您无权制作",
                     "\"" + t->title_en + "\" is issued by " + t->issuer_body + "; you may not issue it");
  }
  auto events = timeline.ListEvents(case_id);
  auto workers = cases.ListWorkers(case_id);
  auto employer = cases.FindEmployer(row->employer_id);
  std::vector<std::string> materials_present;
  for (const auto& status : PackageOf(*connection, *reference_, case_id).items) {
    if (status.present && !status.item->generated_document) materials_present.push_back(status.item->zh);
  }
  auto values = CaseValues(*t, {*row, events, workers, *employer, materials_present}, request, identity, documents, who,
                           now);
  if (!values) return values.error();
  auto filled = docs::FillTemplate(*t, *values);
  if (!filled) return filled.error();

  docs::PdfDocument view = std::move(filled.value());
  const domain::CivilDate today = domain::ShanghaiDate(now);
  const int year = today.year();
  const std::int64_t seq = cases.NextSequence("document." + t->issuer_body, year);
  view.issuer = BodyName(identity, t->issuer_body);
  view.number = t->number_prefix + "〔" + std::to_string(year) + "〕" + std::to_string(seq) + "号";
  view.date = DateZh(today);
  view.created_at = now_text;
  auto pdf = docs::RenderPdf(view);
  if (!pdf) return pdf.error();

  store::DocumentRow doc;
  doc.case_id = case_id;
  doc.kind = t->kind;
  doc.body_code = t->issuer_body;
  doc.year = year;
  doc.seq = seq;
  doc.doc_no = view.number;
  doc.title = t->title;
  doc.view_model = boost::json::serialize(docs::PdfDocumentToJson(view));
  boost::json::object overrides;
  for (const auto& [k, text] : request.overrides) overrides[k] = text;
  doc.overrides = boost::json::serialize(overrides);
  doc.pdf_base64 = security::ToBase64Url(security::AsBytes(pdf->bytes));
  doc.sha256 = Sha256Hex(pdf->bytes);
  doc.byte_size = static_cast<std::int64_t>(pdf->bytes.size());
  doc.pages = pdf->pages;
  doc.issued_by = who.user_id;
  doc.issued_by_username = who.username;
  doc.issued_at = now_text;

  store::CaseEventRow event;
  event.case_id = case_id;
  event.event = "document_issued";
  event.at = now_text;
  event.actor_user_id = who.user_id;
  event.actor_username = who.username;
  event.actor_body = who.body_code;
  event.from_state = row->state;
  event.to_state = row->state;
  event.payload = boost::json::serialize(boost::json::object{
      {"kind", doc.kind}, {"doc_no", doc.doc_no}, {"title", doc.title}, {"sha256", doc.sha256}, {"pages", doc.pages}});
  event.explanation_zh = "制作文书《" + doc.title + "》（" + doc.doc_no + "）";
  event.explanation_en = "Issued \"" + t->title_en + "\" (" + doc.doc_no + ")";
  event.request_id = who.request_id;
  doc.event_id = timeline.InsertEvent(event);
  doc.id = documents.Insert(doc);
  audit_.Append(*connection, who, "document.issue", {"document", std::to_string(doc.id)}, nullptr,
                boost::json::object{{"case_id", case_id}, {"kind", doc.kind}, {"doc_no", doc.doc_no}, {"sha256", doc.sha256}});
  tx.Commit();
  return ViewOf(doc);
}

Result<std::vector<DocumentView>> DocumentService::List(const Principal& who, std::int64_t case_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  if (!store::CaseRepository(*connection).FindCase(case_id, *scope)) return NotVisible();
  std::vector<DocumentView> out;
  for (const auto& doc : store::DocumentRepository(*connection).ListForCase(case_id)) out.push_back(ViewOf(doc));
  return out;
}

Result<DocumentDownload> DocumentService::Download(const Principal& who, std::int64_t document_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  store::DocumentRepository documents(*connection);
  auto doc = documents.Find(document_id, *scope);
  if (!doc) return MakeError(ErrorCode::kNotFound, "文书不存在或您无权查看", "No such document, or not visible to your body");
  auto original = security::FromBase64Url(doc->pdf_base64);
  if (!original ||
      Sha256Hex(std::string_view(reinterpret_cast<const char*>(original->data()), original->size())) != doc->sha256) {
    return MakeError(ErrorCode::kInternal, "文书原件与其哈希不符，已拒绝下载", "the stored document does not match its hash");
  }
  boost::system::error_code ec;
  auto json = boost::json::parse(doc->view_model, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "文书视图数据损坏", "corrupt document view model");
  auto view = docs::PdfDocumentFromJson(json);
  if (!view) return view.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  view->watermark = DownloadWatermark(who.display_name, who.username, now);
  auto pdf = docs::RenderPdf(*view);
  if (!pdf) return pdf.error();
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "document.download", {"document", std::to_string(doc->id)}, nullptr,
                boost::json::object{{"case_id", doc->case_id}, {"doc_no", doc->doc_no}, {"sha256", doc->sha256}});
  tx.Commit();
  return DocumentDownload{doc->title + "（" + doc->doc_no + "）.pdf", std::move(pdf->bytes), doc->sha256};
}

}  // namespace wagelink::services
