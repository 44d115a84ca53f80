// The written report on a major risk and the minutes of a joint meeting as PDF (issue 6): the
// same templates and renderer as case documents, bound to the risk or meeting instead of a case.
#include <boost/json/parse.hpp>

#include "services/document_service.h"
#include "services/meeting_service.h"
#include "services/recommendation_service.h"
#include "services/risk_service.h"
#include "services/zh_text.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {

std::string BodyNameOf(store::Connection& connection, const std::string& code) {
  auto body = store::IdentityRepository(connection).FindBody(code);
  return body ? body->name_zh : code;
}

std::string Text(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

}  // namespace

Result<DocumentDownload> DocumentService::RenderRecord(const Principal& who, const std::string& kind, docs::TemplateValues values,
                                                       const std::string& number, const AuditTarget& target,
                                                       std::optional<domain::CivilDate> dated) {
  const docs::DocumentTemplate* t = catalog_->templates.Find(kind);
  if (!t) return MakeError(ErrorCode::kInternal, "缺少文书模板 " + kind, "missing document template " + kind);
  auto filled = docs::FillTemplate(*t, values);
  if (!filled) return filled.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  auto connection = db_.Acquire();
  docs::PdfDocument doc = *filled;
  doc.issuer = catalog_->issuers.NameOf(t->issuer_body);
  if (const DocumentIssuer* issuer = catalog_->issuers.Issuer(t->issuer_body)) {
    doc.print_office = issuer->print_office;
    doc.print_date = DateZh(dated.value_or(domain::ShanghaiDate(now)));
  }
  doc.number = number;
  doc.date = DateZh(dated.value_or(domain::ShanghaiDate(now)));
  doc.created_at = now.ToIsoUtc();
  doc.watermark = DownloadWatermark(who.display_name, who.username, now);
  auto pdf = docs::RenderPdf(doc);
  if (!pdf) return pdf.error();
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, kind + ".download", target, nullptr, boost::json::object{{"number", number}, {"pages", pdf->pages}});
  tx.Commit();
  return DocumentDownload{t->title + "（" + number + "）.pdf", std::move(pdf->bytes), ""};
}

Result<DocumentDownload> DocumentService::RiskReport(const Principal& who, std::int64_t risk_id, RiskService& risks) {
  auto risk = risks.Get(who, risk_id);
  if (!risk) return risk.error();
  auto stored = risks.Report(who, risk_id);
  if (!stored) return stored.error();
  boost::system::error_code ec;
  auto report = boost::json::parse(*stored, ec);
  if (ec || !report.is_object()) return MakeError(ErrorCode::kInternal, "书面报告数据损坏", "corrupt stored report");
  const auto& o = report.as_object();
  docs::TemplateValues v;
  v.values["addressee"] = Text(o, "addressee");
  v.values["risk_no"] = risk->risk.risk_no;
  v.values["report_title"] = Text(o, "title");
  for (const char* list : {"sections", "figures"}) {
    auto it = o.find(list);
    if (it == o.end() || !it->value().is_array()) continue;
    for (const auto& item : it->value().as_array()) {
      if (!item.is_object()) continue;
      const auto& entry = item.as_object();
      v.lists[list].push_back(std::string(list) == "sections" ? Text(entry, "heading") + "\n" + Text(entry, "text")
                                                             : Text(entry, "label") + "：" + Text(entry, "value"));
    }
  }
  return RenderRecord(who, "risk_report", std::move(v), risk->risk.risk_no, {"risk", std::to_string(risk_id)});
}

Result<DocumentDownload> DocumentService::MeetingMinutes(const Principal& who, std::int64_t meeting_id, MeetingService& meetings) {
  auto meeting = meetings.Get(who, meeting_id);
  if (!meeting) return meeting.error();
  const auto& m = meeting->meeting;
  if (meeting->minutes.empty()) return MakeError(ErrorCode::kConflict, "会议尚未记录纪要", "the meeting's minutes are not recorded yet");
  docs::TemplateValues v;
  v.values["meeting_title"] = m.title;
  v.values["meeting_no"] = m.meeting_no;
  auto at = domain::Instant::ParseRfc3339(m.scheduled_at);
  v.values["held_at"] = at ? MinuteZh(*at) : m.scheduled_at;
  v.values["location"] = m.location.empty() ? "会议室" : m.location;
  v.values["minutes"] = meeting->minutes;
  {  // body names; released before rendering takes its own connection
    auto connection = db_.Acquire();
    for (const auto& a : meeting->attendance) {
      v.lists["attendees"].push_back(BodyNameOf(*connection, a.body_code) + "：" + a.name + (a.present ? "" : "（缺席）"));
    }
    for (const auto& d : meeting->action_items) {
      v.lists["decisions"].push_back(d.decision + "（责任单位：" + BodyNameOf(*connection, d.owner_body) + "；完成时限：" + d.due_date + "）");
    }
  }
  for (const auto& item : meeting->agenda) v.lists["agenda"].push_back(item.title);
  return RenderRecord(who, "meeting_minutes", std::move(v), m.meeting_no, {"meeting", std::to_string(meeting_id)});
}

Result<DocumentDownload> DocumentService::Recommendation(const Principal& who, std::int64_t recommendation_id,
                                                         RecommendationService& recommendations) {
  auto recommendation = recommendations.Get(who, recommendation_id);
  if (!recommendation) return recommendation.error();
  const auto& r = recommendation->row;
  docs::TemplateValues v;
  v.values["addressee_name"] = recommendation->addressee_name_zh;
  v.values["basis_label"] = r.basis_label_zh;
  v.values["problem"] = r.problem;
  v.values["measures"] = r.measures;
  auto due = domain::CivilDate::ParseIso(r.reply_due_on, "reply_due_on");
  v.values["reply_due"] = due ? DateZh(*due) : r.reply_due_on;
  auto issued = domain::CivilDate::ParseIso(r.issued_on, "issued_on");
  return RenderRecord(who, "supervision_recommendation", std::move(v), r.number, {"recommendation", std::to_string(recommendation_id)},
                      issued ? std::optional(*issued) : std::nullopt);
}

}  // namespace wagelink::services
