#include "services/risk_service.h"

#include <map>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "domain/body.h"
#include "domain/validators.h"
#include "services/admin_service.h"
#include "services/publication_privacy.h"
#include "services/zh_text.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/exposure_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::int64_t kMaxWorkers = 1000000;
constexpr std::int64_t kMaxAmountFen = 100000000000000;  // 1 万亿元: beyond any real arrears

struct SourceName {
  std::string_view code, zh;
};
constexpr SourceName kSources[] = {
    {"complaint_trend", "投诉趋势"},          {"inspection", "劳动保障监察检查"},
    {"bank_special_account_alert", "银行工资专用账户预警"}, {"utilities_or_tax_signal", "水电燃气、税收等经营指标"},
    {"court_enforcement", "法院执行信息"},    {"public_opinion", "舆情"},
    {"referral", "成员单位移送"},
};

std::string SourceZh(std::string_view code) {
  if (code == kRiskSourceProjectMonitoring) return "工程项目监测预警";
  for (const auto& s : kSources) {
    if (s.code == code) return std::string(s.zh);
  }
  return std::string(code);
}

std::string BodyZh(std::string_view code) {
  auto body = domain::ParseBodyCode(code);
  return body ? std::string(domain::BodyNameZh(*body)) : std::string(code);
}


Status ValidIndicators(const std::map<std::string, std::int64_t>& indicators) {
  const auto& known = domain::ReportedRiskIndicators();
  for (const auto& [name, value] : indicators) {
    const std::string field = "indicators." + name;
    if (std::find(known.begin(), known.end(), name) == known.end()) return InvalidField(field, "未知指标", "unknown indicator");
    if (value < 0) return InvalidField(field, "不能为负数", "must not be negative");
    if (domain::IsFlagIndicator(name) && value > 1) return InvalidField(field, "应为 0 或 1", "must be 0 or 1");
    if (value > 10000) return InvalidField(field, "数值过大", "too large");
  }
  return Ok{};
}

Status ValidFigures(std::int64_t workers, std::int64_t amount_fen) {
  if (workers < 1 || workers > kMaxWorkers) return InvalidField("workers_affected", "应为正整数", "must be a positive integer");
  if (amount_fen < 0 || amount_fen > kMaxAmountFen) return InvalidField("amount_yuan", "金额超出范围", "out of range");
  return Ok{};
}

std::string IndicatorsJson(const std::map<std::string, std::int64_t>& indicators) {
  boost::json::object o;
  for (const auto& [k, v] : indicators) o[k] = v;
  return boost::json::serialize(o);
}

std::map<std::string, std::int64_t> ParseIndicators(const std::string& text) {
  std::map<std::string, std::int64_t> out;
  const boost::json::value doc = boost::json::parse(text);  // must outlive the loop
  for (const auto& [k, v] : doc.as_object()) out[std::string(k)] = v.as_int64();
  return out;
}

std::vector<domain::CivilDate> ParseDates(const std::string& text) {
  std::vector<domain::CivilDate> out;
  const boost::json::value doc = boost::json::parse(text);  // must outlive the loop
  for (const auto& v : doc.as_array()) out.push_back(domain::CivilDate::ParseIso(v.as_string()).value());
  return out;
}


domain::RiskReportInput ReportInput(const store::RiskRow& r) {
  domain::RiskReportInput in;
  in.risk_no = r.risk_no;
  in.employer_name = r.employer_name;
  in.employer_credit_code = r.employer_credit_code;
  in.project_name = r.project_name;
  in.general_contractor_name = r.general_contractor_name;
  in.source_zh = SourceZh(r.source);
  in.owner_body_zh = BodyZh(r.owner_body);
  in.description = r.description;
  in.measures = r.measures;
  in.workers_affected = r.workers_affected;
  in.amount_fen = r.amount_fen;
  in.workers_pending = WorkersPending(r);
  in.amount_pending = AmountPending(r);
  in.pay_due_dates = ParseDates(r.pay_due_dates);
  return in;
}

std::string ReportJson(const domain::RiskReport& report) {
  boost::json::array sections, figures;
  for (const auto& s : report.sections) sections.push_back({{"heading", s.heading}, {"text", s.text}});
  for (const auto& f : report.figures) figures.push_back({{"label", f.label}, {"value", f.value}});
  return boost::json::serialize(boost::json::object{{"title", report.title}, {"addressee", report.addressee},
                                                    {"date", report.date}, {"sections", sections},
                                                    {"figures", figures}});
}

RiskView ViewOf(const store::RiskRow& r) {
  return {.id = r.id,
          .risk_no = r.risk_no,
          .employer_name = r.employer_name,
          .employer_credit_code = r.employer_credit_code,
          .project_name = r.project_name,
          .workers_affected = r.workers_affected,
          .amount_fen = r.amount_fen,
          .source = r.source,
          .owner_body = r.owner_body,
          .reported_by_body = r.reported_by_body,
          .status = r.status,
          .level = r.level,
          .score = r.score,
          .next_review_at = r.next_review_at,
          .case_id = r.case_id,
          .case_no = r.case_no,
          .created_at = r.created_at,
          .updated_at = r.updated_at,
          .general_contractor_name = r.general_contractor_name,
          .general_contractor_credit_code = r.general_contractor_credit_code,
          .special_account = r.special_account,
          .pay_due_dates = r.pay_due_dates,
          .indicators = r.indicators,
          .description = r.description,
          .measures = r.measures,
          .assessment = r.assessment,
          .assessed_at = r.assessed_at,
          .wage_office_notified_at = r.wage_office_notified_at,
          .leadership_notified_at = r.leadership_notified_at,
          .has_report = r.report.has_value(),
          .closed_at = r.closed_at,
          .closed_by_body = r.closed_by_body,
          .closing_evidence = r.closing_evidence,
          .version = r.version,
          .project_id = r.project_id};
}

}  // namespace

boost::json::object RiskAuditSnapshot(const store::RiskRow& r) {
  return {{"risk_no", r.risk_no},   {"employer_credit_code", r.employer_credit_code},
          {"workers", r.workers_affected}, {"amount_fen", r.amount_fen},
          {"indicators", r.indicators}, {"owner_body", r.owner_body},
          {"status", r.status},     {"level", r.level}, {"score", r.score}};
}

Error NoSuchRisk() { return MakeError(ErrorCode::kNotFound, "风险不存在", "no such risk"); }

Status MayReadRisk(store::Connection& connection, const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  if (!store::RiskRepository(connection).Find(id)) return NoSuchRisk();
  return Ok{};
}

// Only the owner body and 区治欠办 manage a risk: a follow-up (which rescores it), closing and
// reopening, and the evidence files that support them. Other bodies read it and raise their own.
Status MayManageRisk(const Principal& who, const store::RiskRow& row) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (who.body_code == row.owner_body || who.body_code == "wage_office") return Ok{};
  return MakeError(ErrorCode::kForbidden, "只有责任单位或区治欠办可以跟进、销号、重新开启该风险或添加证据材料",
                   "only the owner body or the wage-arrears office may follow up, close, reopen this risk or add evidence to it");
}

RiskService::Scored RiskService::Score(store::Connection& c, const store::RiskRow& row, UnixSeconds now) const {
  domain::RiskFacts facts;
  // A listed employer (45号令) raises the risk of every other item it has.
  facts.employer_blacklisted = store::ExposureRepository(c).IsListedInForce(
      row.employer_credit_code, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(now)).ToIso());
  facts.workers_affected = row.workers_affected;
  facts.amount_fen = row.amount_fen;
  facts.pay_due_dates = ParseDates(row.pay_due_dates);
  facts.indicators = ParseIndicators(row.indicators);
  Scored s;
  s.assessment = domain::ScoreRisk(*rules_, facts, domain::Instant::FromUnixSeconds(now));
  const auto& a = s.assessment;
  const auto& level = rules_->levels()[a.level];
  boost::json::array fired;
  for (const auto& f : a.fired) {
    fired.push_back({{"id", f.id}, {"indicator", f.indicator}, {"observed", f.observed}, {"at_least", f.at_least},
                     {"points", f.points}, {"floor_level", f.floor_level ? boost::json::value(*f.floor_level) : nullptr},
                     {"leadership", f.leadership}, {"zh", f.zh}, {"en", f.en}, {"basis", f.basis}});
  }
  s.json = boost::json::serialize(boost::json::object{
      {"level", level.code}, {"level_zh", level.zh}, {"level_en", level.en}, {"colour", level.colour},
      {"score", a.score}, {"as_of", a.as_of.ToIsoUtc()}, {"in_seasonal_window", a.in_seasonal_window},
      {"review_days", a.review_days}, {"next_review_date", a.next_review_date.ToIso()},
      {"notify_wage_office", a.notify_wage_office}, {"notify_leadership", a.notify_leadership},
      {"thresholds", rules_->status_zh()}, {"fired", fired}});
  s.next_review_at = domain::FromShanghai(a.next_review_date, 9, 0, 0).value().ToIsoUtc();
  return s;
}

// Stores a (re)assessment on the row and escalates once per target while the item is open.
void RiskService::Apply(store::Connection& c, const Principal& who, store::RiskRow& row, const Scored& s,
                        const std::string& now) {
  const auto& a = s.assessment;
  const auto& level = rules_->levels()[a.level];
  row.level = level.code;
  row.level_rank = static_cast<std::int64_t>(a.level);
  row.score = a.score;
  row.assessment = s.json;
  row.assessed_at = now;
  row.next_review_at = s.next_review_at;
  row.review_notified_at.reset();
  store::RiskRepository risks(c);
  store::CaseTimelineRepository inbox(c);
  auto history = [&](std::string action, std::string detail) {
    risks.InsertHistory({0, row.id, now, std::move(action), who.username, who.body_code, row.status, row.status,
                         row.level, row.level, std::move(detail)});
  };
  if (a.notify_wage_office && !row.wage_office_notified_at) {
    inbox.InsertNotification({0, "wage_office", std::nullopt, "risk_major",
                              "风险预警：" + row.risk_no + " " + row.employer_name + " 评定为" + level.zh + "（" +
                                  std::to_string(a.score) + " 分）",
                              "Risk alert: " + row.risk_no + " scored " + level.en + " (" + std::to_string(a.score) +
                                  " points)",
                              row.case_id, now, std::nullopt});
    row.wage_office_notified_at = now;
    history("escalated", "wage_office");
  }
  if (a.notify_leadership && !row.leadership_notified_at) {
    row.report = ReportJson(domain::BuildRiskReport(*rules_, ReportInput(row), a));
    inbox.InsertNotification({0, "leadership", std::nullopt, "risk_report",
                              "重大欠薪风险书面报告：" + row.risk_no + " " + row.employer_name + "（" + level.zh + "）",
                              "Written report on a major wage-arrears risk: " + row.risk_no + " (" + level.en + ")",
                              row.case_id, now, std::nullopt});
    row.leadership_notified_at = now;
    history("escalated", "leadership");
  }
}

namespace {

// A history entry's stored detail in words: "source=inspection" → 来源：劳动保障监察检查, "score=50" →
// 评分 50 分, the review reminder's due instant → a Chinese date and time; a closing's evidence and a
// reopening's reason are people's own words already.
std::pair<std::string, std::string> HistoryDetailInWords(const std::string& action, const std::string& detail) {
  if (detail.starts_with("source=")) {
    std::string code = detail.substr(7);
    return {"来源：" + SourceZh(code), "Source: " + SourceZh(code)};
  }
  if (detail.starts_with("score=")) return {"评分 " + detail.substr(6) + " 分", "score " + detail.substr(6)};
  if (action == "review_due") {
    auto due = domain::Instant::ParseRfc3339(detail);
    if (due) return {"应复核时间：" + MinuteZh(*due), "review due " + detail.substr(0, 10)};
    return {"", ""};
  }
  if (action == "escalated") return {"", ""};
  return {detail, detail};
}

}  // namespace

RiskDetail RiskService::Load(store::Connection& c, std::int64_t id) {
  store::RiskRepository risks(c);
  store::IdentityRepository identity(c);
  std::map<std::string, std::string> names;
  auto name_of = [&](const std::string& username) -> std::string {
    if (username == "system") return "系统";
    auto [it, added] = names.try_emplace(username);
    if (added) {
      auto user = identity.FindUserByName(username);
      it->second = user ? user->display_name : "";
    }
    return it->second;
  };
  RiskDetail detail{ViewOf(*risks.Find(id)), {}, {}};
  for (const auto& f : risks.ListFollowups(id)) {
    detail.followups.push_back({f.id, f.at, f.username, name_of(f.username), f.body_code, f.note, f.level_after});
  }
  for (const auto& h : risks.ListHistory(id)) {
    auto [zh, en] = HistoryDetailInWords(h.action, h.detail);
    detail.history.push_back({h.id, h.at, h.action, h.actor_username, name_of(h.actor_username), h.actor_body,
                              h.from_status, h.to_status, h.from_level, h.to_level, h.detail, zh, en});
  }
  return detail;
}

void RiskService::InsertScored(store::Connection& c, const Principal& who, store::RiskRow& row, UnixSeconds now_s) {
  store::RiskRepository risks(c);
  const std::string now = FormatUtc(now_s);
  const int year = domain::ToShanghai(domain::Instant::FromUnixSeconds(now_s)).date.year();
  row.risk_no = fmt::format("FX-{}-{:04d}", year, store::CaseRepository(c).NextSequence("risk", year));
  const auto scored = Score(c, row, now_s);
  row.level = rules_->levels()[scored.assessment.level].code;
  row.level_rank = static_cast<std::int64_t>(scored.assessment.level);
  row.score = scored.assessment.score;
  row.assessment = scored.json;
  row.assessed_at = now;
  row.next_review_at = scored.next_review_at;
  row.id = risks.Insert(row);
  risks.InsertHistory({0, row.id, now, "created", who.username, who.body_code.empty() ? row.reported_by_body : who.body_code,
                       "", "open", "", row.level, "source=" + row.source});
  const auto version = row.version;
  Apply(c, who, row, scored, now);
  if (!risks.Update(row, version)) throw store::DatabaseError("risk changed during its own creation");
}

Result<RiskDetail> RiskService::Create(const Principal& who, const RiskInput& in) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = domain::ValidateText("employer_name", in.employer_name, 200, true); !ok) return ok.error();
  // A tip from public opinion (舆情) rarely names the employer's 统一社会信用代码: it may come without
  // one, to be added when the employer is identified. Any code given is checked.
  const bool code_optional = in.source == kRiskSourceWithoutCreditCode;
  if (!(code_optional && in.employer_credit_code.empty())) {
    if (auto ok = domain::ValidateUnifiedSocialCreditCode(in.employer_credit_code, "employer_credit_code"); !ok) {
      return ok.error();
    }
  }
  if (in.general_contractor_credit_code) {
    if (auto ok = domain::ValidateUnifiedSocialCreditCode(*in.general_contractor_credit_code,
                                                          "general_contractor_credit_code");
        !ok) {
      return ok.error();
    }
  }
  for (auto [field, value, max] : {std::tuple{"project_name", &in.project_name, 200},
                                   std::tuple{"general_contractor_name", &in.general_contractor_name, 200},
                                   std::tuple{"special_account", &in.special_account, 200},
                                   std::tuple{"description", &in.description, 4000},
                                   std::tuple{"measures", &in.measures, 4000}}) {
    if (auto ok = domain::ValidateText(field, *value, max, false); !ok) return ok.error();
  }
  if (auto ok = ValidFigures(in.workers_affected, in.amount_fen); !ok) return ok.error();
  if (auto ok = RefusePersonalDataIn({{"description", in.description}, {"measures", in.measures}}); !ok) return ok.error();
  if (in.pay_due_dates.size() > 24) return InvalidField("pay_due_dates", "最多 24 个日期", "at most 24 dates");
  if (std::none_of(std::begin(kSources), std::end(kSources), [&](const SourceName& s) { return s.code == in.source; })) {
    return InvalidField("source", "来源不在列表中", "unknown source");
  }
  if (auto ok = ValidIndicators(in.indicators); !ok) return ok.error();
  auto owner = domain::ParseBodyCode(in.owner_body);
  if (!owner || *owner == domain::Body::kEmployer || *owner == domain::Body::kLeadership) {
    return InvalidField("owner_body", "责任单位不存在", "unknown owner body");
  }
  auto connection = db_.Acquire();
  if (in.case_id) {
    const bool all = who.scope().kind == security::DataScope::Kind::kAllInRegion;
    if (!store::CaseRepository(*connection).FindCase(*in.case_id, {all, who.body_code})) {
      return InvalidField("case_id", "案件不存在或无权查看", "no such case visible to you");
    }
  }
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  store::RiskRow row;
  row.employer_name = in.employer_name;
  row.employer_credit_code = in.employer_credit_code;
  row.project_name = in.project_name;
  row.general_contractor_name = in.general_contractor_name;
  row.general_contractor_credit_code = in.general_contractor_credit_code;
  row.special_account = in.special_account;
  row.workers_affected = in.workers_affected;
  row.amount_fen = in.amount_fen;
  boost::json::array dates;
  for (const auto& d : in.pay_due_dates) dates.push_back(boost::json::value(d.ToIso()));
  row.pay_due_dates = boost::json::serialize(dates);
  row.source = in.source;
  row.indicators = IndicatorsJson(in.indicators);
  row.description = in.description;
  row.measures = in.measures;
  row.owner_body = in.owner_body;
  row.reported_by_body = who.body_code;
  row.reported_by = who.user_id;
  row.case_id = in.case_id;
  row.created_at = row.updated_at = now;

  store::Transaction tx(*connection);
  store::RiskRepository risks(*connection);
  InsertScored(*connection, who, row, now_s);
  if (row.owner_body != who.body_code && row.owner_body != "wage_office") {
    store::CaseTimelineRepository(*connection)
        .InsertNotification({0, row.owner_body, std::nullopt, "risk_assigned",
                             "风险交办：" + row.risk_no + " " + row.employer_name + "，责任单位为本单位",
                             "Risk assigned to your body: " + row.risk_no, row.case_id, now, std::nullopt});
  }
  audit_.Append(*connection, who, "risk.create", {"risk", std::to_string(row.id)}, nullptr, RiskAuditSnapshot(row));
  auto detail = Load(*connection, row.id);
  tx.Commit();
  return detail;
}

Result<RiskPage> RiskService::List(const Principal& who, const RiskListQuery& query, std::int64_t limit,
                                   std::int64_t offset) {
  const store::RiskFilter filter{query.level.substr(0, 40), query.status.substr(0, 40)};
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  if (!filter.level.empty() && !rules_->LevelIndex(filter.level)) return InvalidField("level", "等级不存在", "unknown level");
  if (!filter.status.empty() && filter.status != "open" && filter.status != "closed") {
    return InvalidField("status", "应为 open 或 closed", "must be open or closed");
  }
  auto connection = db_.Acquire();
  store::RiskRepository risks(*connection);
  RiskPage page;
  for (const auto& row : risks.List(filter, limit, offset)) page.items.push_back(ViewOf(row));
  page.total = risks.Count(filter);
  return page;
}

Result<RiskDetail> RiskService::Get(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  if (auto ok = MayReadRisk(*connection, who, id); !ok) return ok.error();
  return Load(*connection, id);
}

Result<RiskDetail> RiskService::AddFollowup(const Principal& who, std::int64_t id, const RiskFollowupInput& in) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = domain::ValidateText("note", in.note, 4000, true); !ok) return ok.error();
  if (in.indicators) {
    if (auto ok = ValidIndicators(*in.indicators); !ok) return ok.error();
  }
  if (in.measures) {
    if (auto ok = domain::ValidateText("measures", *in.measures, 4000, false); !ok) return ok.error();
  }
  if (auto ok = RefusePersonalDataIn({{"note", in.note}, {"measures", in.measures.value_or("")}}); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RiskRepository risks(*connection);
  auto row = risks.Find(id);
  if (!row) return NoSuchRisk();
  if (auto ok = MayManageRisk(who, *row); !ok) return ok.error();
  if (row->status != "open") return MakeError(ErrorCode::kConflict, "风险已销号，请先重新开启", "the risk is closed; reopen it first");
  const auto before = *row;
  if (in.indicators) row->indicators = IndicatorsJson(*in.indicators);
  if (in.workers_affected) row->workers_affected = *in.workers_affected;
  if (in.amount_fen) row->amount_fen = *in.amount_fen;
  if (in.measures) row->measures = *in.measures;
  if (auto ok = ValidFigures(row->workers_affected, row->amount_fen); !ok) return ok.error();
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  const auto scored = Score(*connection, *row, now_s);
  Apply(*connection, who, *row, scored, now);
  row->updated_at = now;
  if (!risks.Update(*row, before.version)) {
    return MakeError(ErrorCode::kConflict, "风险已被他人修改，请刷新", "the risk was changed by someone else; reload it");
  }
  risks.InsertFollowup({0, id, now, who.user_id, who.username, who.body_code, in.note, row->level});
  risks.InsertHistory({0, id, now, before.level == row->level ? "followup" : "rescored", who.username, who.body_code,
                       before.status, row->status, before.level, row->level, "score=" + std::to_string(row->score)});
  audit_.Append(*connection, who, "risk.followup", {"risk", std::to_string(id)}, RiskAuditSnapshot(before), RiskAuditSnapshot(*row));
  auto detail = Load(*connection, id);
  tx.Commit();
  return detail;
}

Result<RiskDetail> RiskService::Close(const Principal& who, std::int64_t id, const std::string& evidence) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = domain::ValidateText("evidence", evidence, 4000, true); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RiskRepository risks(*connection);
  auto row = risks.Find(id);
  if (!row) return NoSuchRisk();
  if (auto ok = MayManageRisk(who, *row); !ok) return ok.error();
  if (row->status != "open") return MakeError(ErrorCode::kConflict, "风险已销号", "the risk is already closed");
  const auto before = *row;
  const std::string now = FormatUtc(clock_.Now());
  row->status = "closed";
  row->closed_at = now;
  row->closed_by_body = who.body_code;
  row->closing_evidence = evidence;
  row->updated_at = now;
  if (!risks.Update(*row, before.version)) {
    return MakeError(ErrorCode::kConflict, "风险已被他人修改，请刷新", "the risk was changed by someone else; reload it");
  }
  risks.InsertHistory({0, id, now, "closed", who.username, who.body_code, "open", "closed", row->level, row->level,
                       evidence});
  audit_.Append(*connection, who, "risk.close", {"risk", std::to_string(id)}, RiskAuditSnapshot(before), RiskAuditSnapshot(*row));
  auto detail = Load(*connection, id);
  tx.Commit();
  return detail;
}

Result<RiskDetail> RiskService::Reopen(const Principal& who, std::int64_t id, const std::string& reason) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = domain::ValidateText("reason", reason, 4000, true); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RiskRepository risks(*connection);
  auto row = risks.Find(id);
  if (!row) return NoSuchRisk();
  if (auto ok = MayManageRisk(who, *row); !ok) return ok.error();
  if (row->status != "closed") return MakeError(ErrorCode::kConflict, "风险未销号", "the risk is not closed");
  const auto before = *row;
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  row->status = "open";
  row->closed_at.reset();
  row->closed_by_body.reset();
  row->closing_evidence.reset();
  // A reopened risk is a new episode: escalate again if it still warrants it.
  row->wage_office_notified_at.reset();
  row->leadership_notified_at.reset();
  Apply(*connection, who, *row, Score(*connection, *row, now_s), now);
  row->updated_at = now;
  if (!risks.Update(*row, before.version)) {
    return MakeError(ErrorCode::kConflict, "风险已被他人修改，请刷新", "the risk was changed by someone else; reload it");
  }
  risks.InsertHistory({0, id, now, "reopened", who.username, who.body_code, "closed", "open", before.level, row->level,
                       reason});
  audit_.Append(*connection, who, "risk.reopen", {"risk", std::to_string(id)}, RiskAuditSnapshot(before), RiskAuditSnapshot(*row));
  auto detail = Load(*connection, id);
  tx.Commit();
  return detail;
}

Result<std::string> RiskService::Report(const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  auto connection = db_.Acquire();
  auto row = store::RiskRepository(*connection).Find(id);
  if (!row) return NoSuchRisk();
  if (!row->report) {
    return MakeError(ErrorCode::kNotFound, "该风险未达到向区委区政府书面报告的条件",
                     "this risk has not required a written report to the leadership");
  }
  return *row->report;
}

RiskReviewReport RiskService::SweepReviews(std::int64_t batch_size) {
  RiskReviewReport report;
  const std::string now = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RiskRepository risks(*connection);
  store::CaseTimelineRepository inbox(*connection);
  auto due = risks.ReviewDue(now, batch_size);
  for (const auto& r : due) {
    std::string title_zh = "风险复核到期：" + r.risk_no + " " + r.employer_name + "（" + BodyZh(r.owner_body) + "负责）";
    std::string title_en = "Risk review due: " + r.risk_no + " (" + r.owner_body + ")";
    std::vector<std::string> bodies{r.owner_body};
    if (r.owner_body != "wage_office") bodies.emplace_back("wage_office");
    for (const auto& body : bodies) {
      inbox.InsertNotification({0, body, std::nullopt, "risk_review_due", title_zh, title_en, r.case_id, now, std::nullopt});
    }
    risks.MarkReviewNotified(r.id, now);
    risks.InsertHistory({0, r.id, now, "review_due", "system", "", r.status, r.status, r.level, r.level, r.next_review_at});
    ++report.reminders;
  }
  if (!due.empty()) {
    audit_.Append(*connection, SystemActor("risk-review"), "job.risk_review", {"risks", std::to_string(due.size())});
  }
  tx.Commit();
  return report;
}

}  // namespace wagelink::services
