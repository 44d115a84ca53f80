// A bulletin as a PDF through the document renderer (src/docs): laid out from the stored figures
// on each download, with the viewer's watermark, so the stored record stays the one source.
#include <boost/json/parse.hpp>

#include "docs/pdf_document.h"
#include "domain/body.h"
#include "services/bulletin_service.h"

namespace wagelink::services {
namespace {

std::string Count(const boost::json::value& v, const char* unit) { return std::to_string(v.to_number<std::int64_t>()) + " " + unit; }

std::string DateZh(const std::string& iso_instant) {
  auto local = domain::ToShanghai(*domain::Instant::ParseRfc3339(iso_instant));
  return std::to_string(local.date.year()) + "年" + std::to_string(local.date.month()) + "月" +
         std::to_string(local.date.day()) + "日";
}

constexpr std::pair<const char*, const char*> kStepLabels[] = {
    {"orders_issued", "责令改正（限期支付）"}, {"transfers_sent", "移送公安机关"}, {"cases_filed", "公安机关立案"},
    {"filings_refused", "不予立案"},          {"prosecutions", "提起公诉"},       {"judgments", "作出判决"},
    {"executions", "执行"}};

}  // namespace

Result<std::string> BulletinService::RenderPdf(const Principal& who, std::int64_t id) {
  auto view = Get(id, who.read_after);
  if (!view) return view.error();
  const BulletinSummary& row = view->summary;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(view->figures, ec);
  if (ec || !parsed.is_object()) return MakeError(ErrorCode::kInternal, "简报数据损坏", "corrupt bulletin figures");
  const auto& f = parsed.as_object();
  using docs::BlockStyle;
  docs::PdfDocument doc;
  doc.issuer = std::string(domain::BodyNameZh(domain::Body::kWageOffice));
  doc.number = row.issue_no.empty() ? row.bulletin_no : "简报" + row.issue_no;
  auto period = domain::ParseBulletinPeriod(row.period).value_or(domain::BulletinPeriod::kOnDemand);
  doc.title = "根治欠薪工作简报（" + std::string(domain::BulletinPeriodNameZh(period)) + "）";
  doc.seal = false;
  doc.date = DateZh(row.generated_at);
  doc.created_at = row.generated_at;
  auto& b = doc.blocks;
  b.push_back({BlockStyle::kBody, "统计期间：" + row.period_start + " 至 " + row.period_end + "（北京时间）。本简报仅含统计数字，不含个人信息。", ""});
  const auto& complaints = f.at("new_complaints");
  b.push_back({BlockStyle::kHeading, "一、新收欠薪投诉", ""});
  b.push_back({BlockStyle::kField, Count(complaints.at("cases"), "件"), "新收案件"});
  b.push_back({BlockStyle::kField, Count(complaints.at("workers"), "人"), "涉及劳动者"});
  b.push_back({BlockStyle::kField, std::string(complaints.at("owed_yuan").as_string()) + " 元", "欠薪金额"});
  b.push_back({BlockStyle::kHeading, "二、工资支付", ""});
  b.push_back({BlockStyle::kField, Count(f.at("payments").at("count"), "笔"), "登记支付"});
  b.push_back({BlockStyle::kField, std::string(f.at("payments").at("paid_yuan").as_string()) + " 元", "支付金额"});
  b.push_back({BlockStyle::kHeading, "三、行刑衔接环节", ""});
  for (const auto& [key, label] : kStepLabels) b.push_back({BlockStyle::kField, Count(f.at("steps").at(key), "件"), label});
  b.push_back({BlockStyle::kHeading, "四、信用惩戒", ""});
  b.push_back({BlockStyle::kField, Count(f.at("blacklist_entries"), "家"), "列入失信名单"});
  b.push_back({BlockStyle::kField, Count(f.at("exposures"), "件"), "公开曝光"});
  b.push_back({BlockStyle::kBody, std::string(f.at("credit_note_zh").as_string()), ""});
  b.push_back({BlockStyle::kHeading, "五、逾期环节（按责任单位）", ""});
  const auto& overdue = f.at("overdue_steps_by_body").as_array();
  if (overdue.empty()) b.push_back({BlockStyle::kBody, "无逾期环节。", ""});
  for (const auto& o : overdue) {
    b.push_back({BlockStyle::kField, Count(o.at("overdue_steps"), "项"), std::string(o.at("body_name_zh").as_string())});
  }
  b.push_back({BlockStyle::kHeading, "六、重大风险", ""});
  b.push_back({BlockStyle::kField, Count(f.at("major_risks").at("escalated_in_period"), "项"), "本期新报重大风险"});
  b.push_back({BlockStyle::kField, Count(f.at("major_risks").at("open"), "项"), "尚未销号"});
  // Bulletins issued before issue 17 have no 检察建议 figures: they are printed as issued.
  if (const auto* r = f.if_contains("recommendations")) {
    b.push_back({BlockStyle::kHeading, "七、检察建议", ""});
    b.push_back({BlockStyle::kField, Count(r->at("issued"), "份"), "本期制发"});
    b.push_back({BlockStyle::kField, Count(r->at("answered"), "份"), "本期回复"});
    b.push_back({BlockStyle::kField, Count(r->at("evaluated"), "份"), "本期评估"});
    const auto& late = r->at("overdue_by_body").as_array();
    if (late.empty()) b.push_back({BlockStyle::kBody, "无逾期未回复的检察建议。", ""});
    for (const auto& o : late) {
      b.push_back({BlockStyle::kField, Count(o.at("overdue"), "份") + "逾期未回复", std::string(o.at("body_name_zh").as_string())});
    }
  }
  doc.print_line = doc.issuer + " " + doc.date + "印发（SHA-256 " + row.sha256.substr(0, 16) + "…）";
  doc.watermark = (who.display_name.empty() ? who.username : who.display_name) + "（" + who.username + "）下载";
  auto pdf = docs::RenderPdf(doc);
  if (!pdf) return pdf.error();
  return std::move(pdf->bytes);
}

}  // namespace wagelink::services
