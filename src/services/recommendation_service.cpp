#include "services/recommendation_service.h"

#include <algorithm>

#include <boost/json/object.hpp>

#include "domain/body.h"
#include "domain/recommendation.h"
#include "domain/time_limit.h"
#include "domain/validators.h"
#include "domain/zh_dates.h"
#include "services/admin_service.h"
#include "services/case_scope.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/identity_repository.h"
#include "store/project_repository.h"
#include "store/risk_repository.h"

namespace wagelink::services {
namespace {

using domain::RecommendationStatus;
using security::Permission;

constexpr std::string_view kDocumentKind = "procuratorial_recommendation";
constexpr std::size_t kMaxText = 4000;

Error NotFound() { return MakeError(ErrorCode::kNotFound, "检察建议不存在", "No such recommendation"); }

Error MayNotIssue() {
  return MakeError(ErrorCode::kForbidden, "只有人民检察院的检察官可以制发检察建议",
                   "Only the procuratorate's prosecutors issue recommendations");
}

struct Basis {
  std::optional<std::int64_t> warning_id, project_id, risk_id, case_id;
  std::string label_zh, label_en;
};

// The record the recommendation is issued on, as people name it, with what it links to.
Result<Basis> FindBasis(store::Connection& c, const Principal& who, domain::RecommendationBasis kind, std::int64_t id,
                        const domain::ProjectWarningRuleSet& warning_rules) {
  Basis basis;
  switch (kind) {
    case domain::RecommendationBasis::kProjectWarning: {
      auto warning = store::ProjectRepository(c).FindWarning(id);
      if (!warning) return MakeError(ErrorCode::kNotFound, "监测预警不存在", "No such project warning", "basis_id");
      const auto* rule = warning_rules.Rule(warning->rule_id);
      basis.warning_id = id;
      basis.project_id = warning->project_id;
      if (auto project = store::ProjectRepository(c).Find(warning->project_id)) basis.risk_id = project->risk_id;
      basis.label_zh = warning->project_name + "：" + (rule ? rule->zh : warning->rule_id);
      basis.label_en = warning->project_name + ": " + (rule ? rule->en : warning->rule_id);
      return basis;
    }
    case domain::RecommendationBasis::kRisk: {
      if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
      auto risk = store::RiskRepository(c).Find(id);
      if (!risk) return MakeError(ErrorCode::kNotFound, "风险事项不存在", "No such risk item", "basis_id");
      basis.risk_id = id;
      basis.project_id = risk->project_id;
      const std::string subject = risk->project_name.empty() ? risk->employer_name : risk->project_name;
      basis.label_zh = "风险事项 " + risk->risk_no + "：" + subject;
      basis.label_en = "Risk item " + risk->risk_no + ": " + subject;
      return basis;
    }
    case domain::RecommendationBasis::kCase: {
      auto scope = CaseScopeOf(who);
      if (!scope) return scope.error();
      auto row = store::CaseRepository(c).FindCase(id, *scope);
      if (!row) return MakeError(ErrorCode::kNotFound, "案件不存在", "No such case", "basis_id");
      basis.case_id = id;
      basis.label_zh = "案件 " + row->case_no + "：" + row->title;
      basis.label_en = "Case " + row->case_no + ": " + row->title;
      return basis;
    }
  }
  return InvalidField("basis_kind", "未知的依据类型", "unknown basis kind");
}

std::optional<store::BodyRow> AddressableBody(store::Connection& c, const std::string& code) {
  const auto body = domain::ParseBodyCode(code);
  if (!body || !domain::MayBeAddressed(*body)) return std::nullopt;
  for (auto& b : store::IdentityRepository(c).ListBodies()) {
    if (b.kind == "body" && b.code == code) return b;
  }
  return std::nullopt;
}

void Notify(store::Connection& c, const std::string& body_code, std::string_view kind, const std::string& zh,
            const std::string& en, const store::RecommendationRow& row, const std::string& at) {
  store::CaseTimelineRepository(c).InsertNotification({0, body_code, std::nullopt, std::string(kind), zh, en, row.case_id,
                                                       at, std::nullopt});
}

boost::json::object AuditJson(const store::RecommendationRow& row) {
  boost::json::object o{{"number", row.number},   {"basis_kind", row.basis_kind},    {"addressee_body", row.addressee_body},
                        {"status", row.status},   {"reply_due_on", row.reply_due_on}};
  if (row.reply_kind) o["reply_kind"] = *row.reply_kind;
  if (row.outcome) o["outcome"] = *row.outcome;
  return o;
}

}  // namespace

bool RecommendationService::CanIssue(const Principal& who) {
  return who.body_code == domain::BodyCode(domain::Body::kProcuratorate) && who.Can(Permission::kCaseProcuratorateAct);
}

bool RecommendationService::SeesAll(const Principal& who) {
  return who.body_code == domain::BodyCode(domain::Body::kProcuratorate) ||
         who.body_code == domain::BodyCode(domain::Body::kWageOffice) ||
         who.body_code == domain::BodyCode(domain::Body::kLeadership);
}

domain::CivilDate RecommendationService::Today() const {
  return domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
}

ReplyPeriod RecommendationService::PeriodInForce() {
  const auto rules = case_rules_.Current();
  const auto* rule = rules->time_limits->Find(domain::kRecommendationReplyRule);
  ReplyPeriod out;
  if (!rule) return out;
  out.limit = rule->limit.value_or(0);
  out.unit = domain::TimeUnitName(rule->unit);
  out.citation = rule->citation;
  out.status = domain::SourceStatusName(rule->status);
  out.note = rule->note;
  out.set_by_district = rules->time_limit_overrides.contains(domain::kRecommendationReplyRule);
  return out;
}

RecommendationView RecommendationService::ViewOf(const Principal& who,
                                                  store::RecommendationRow row) const {
  RecommendationView view;
  view.addressee_name_zh = row.addressee_name_zh;
  view.addressee_name_en = row.addressee_name_en;
  const auto status = domain::ParseRecommendationStatus(row.status).value_or(RecommendationStatus::kAwaitingReply);
  const auto due = domain::CivilDate::ParseIso(row.reply_due_on);
  const auto today = Today();
  if (due) {
    view.days_overdue = domain::DaysOverdue(status, *due, today);
    view.overdue = view.days_overdue > 0;
  }
  view.can_reply = who.body_code == row.addressee_body && domain::CheckReply(status).ok();
  view.can_evaluate = CanIssue(who) && due && domain::CheckEvaluation(status, *due, today).ok();
  view.row = std::move(row);
  return view;
}

std::vector<Addressee> RecommendationService::Addressees() {
  auto connection = db_.Acquire();
  std::vector<Addressee> out;
  for (const auto& b : store::IdentityRepository(*connection).ListBodies()) {
    const auto body = domain::ParseBodyCode(b.code);
    if (b.kind == "body" && body && domain::MayBeAddressed(*body)) out.push_back({b.code, b.name_zh, b.name_en});
  }
  return out;
}

Result<RecommendationView> RecommendationService::Issue(const Principal& who, const RecommendationInput& input) {
  if (!CanIssue(who)) return MayNotIssue();
  const auto kind = domain::ParseRecommendationBasis(input.basis_kind);
  if (!kind) return InvalidField("basis_kind", "依据类型应为监测预警、风险事项或案件", "must be project_warning, risk or case");
  if (input.basis_id <= 0) return InvalidField("basis_id", "请指明依据的记录", "must name the record it is issued on");
  if (auto ok = domain::ValidateText("problem", input.problem, kMaxText, true); !ok) return ok.error();
  if (auto ok = domain::ValidateText("measures", input.measures, kMaxText, true); !ok) return ok.error();
  const auto* series = catalog_->issuers.SeriesOf(kDocumentKind);
  if (!series) return MakeError(ErrorCode::kInternal, "未配置检察建议书文号", "No number series for recommendations");

  auto connection = db_.Acquire();
  auto addressee = AddressableBody(*connection, input.addressee_body);
  if (!addressee) {
    return InvalidField("addressee_body", "被建议单位应为本机制中检察院以外的单位",
                        "must be a body of the mechanism other than the procuratorate");
  }
  const auto rules = case_rules_.Current(*connection);
  const auto* rule = rules->time_limits->Find(domain::kRecommendationReplyRule);
  if (!rule) return MakeError(ErrorCode::kInternal, "未配置检察建议回复期限", "No reply period for recommendations");
  const auto now = clock_.Now();
  auto deadline = domain::ComputeDeadline(*rule, domain::Instant::FromUnixSeconds(now), *rules->calendar);
  if (!deadline) return deadline.error();

  store::Transaction tx(*connection);
  auto basis = FindBasis(*connection, who, *kind, input.basis_id, *warning_rules_);
  if (!basis) return basis.error();
  const auto today = Today();
  store::RecommendationRow row;
  row.number = DocumentNumber(*series, today.year(),
                              store::CaseRepository(*connection).NextSequence(SeriesCounterName(who.body_code, kDocumentKind),
                                                                            today.year()));
  row.basis_kind = input.basis_kind;
  row.project_warning_id = basis->warning_id;
  row.project_id = basis->project_id;
  row.risk_id = basis->risk_id;
  row.case_id = basis->case_id;
  row.basis_label_zh = basis->label_zh;
  row.basis_label_en = basis->label_en;
  row.addressee_body = addressee->code;
  row.problem = input.problem;
  row.measures = input.measures;
  row.issued_by = who.user_id;
  row.issued_by_name = who.display_name;
  row.issued_at = FormatUtc(now);
  row.issued_on = today.ToIso();
  row.reply_due_on = deadline->due_date.ToIso();
  row.reply_due_explain_zh = deadline->explain_zh;
  row.reply_due_explain_en = deadline->explain_en;
  store::RecommendationRepository recommendations(*connection);
  row.id = recommendations.Insert(row);
  Notify(*connection, row.addressee_body, "recommendation_issued", "收到检察建议 " + row.number + "：" + row.basis_label_zh,
         "Procuratorial recommendation " + row.number + ": " + row.basis_label_en, row, row.issued_at);
  audit_.Append(*connection, who, "recommendation.issue", {"recommendation", std::to_string(row.id)}, nullptr, AuditJson(row));
  auto stored = recommendations.Find(row.id);
  tx.Commit();
  return ViewOf(who, std::move(*stored));
}

Result<RecommendationList> RecommendationService::List(const Principal& who, const RecommendationQuery& query) {
  if (!query.status.empty() && !domain::ParseRecommendationStatus(query.status)) {
    return InvalidField("status", "未知的状态", "unknown status");
  }
  if (!query.basis_kind.empty() && !domain::ParseRecommendationBasis(query.basis_kind)) {
    return InvalidField("basis_kind", "未知的依据类型", "unknown basis kind");
  }
  const std::string today = Today().ToIso();
  store::RecommendationFilter filter{.addressee_body = SeesAll(who) ? "" : who.body_code,
                                     .status = query.status,
                                     .overdue_before = query.overdue_only ? today : "",
                                     .basis_kind = query.basis_kind,
                                     .project_id = query.project_id,
                                     .risk_id = query.risk_id,
                                     .case_id = query.case_id};
  auto connection = db_.Acquire();
  store::RecommendationRepository recommendations(*connection);
  RecommendationList out;
  for (auto& row : recommendations.List(filter, query.limit, query.offset)) {
    out.page.items.push_back(ViewOf(who, std::move(row)));
  }
  out.page.total = recommendations.Count(filter);
  out.counts = recommendations.Counts(filter.addressee_body, today);
  out.can_issue = CanIssue(who);
  return out;
}

Result<RecommendationView> RecommendationService::Get(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  auto row = store::RecommendationRepository(*connection).Find(id);
  // Another body's recommendation does not exist for the caller (need-to-know, like a case).
  if (!row || (!SeesAll(who) && row->addressee_body != who.body_code)) return NotFound();
  return ViewOf(who, std::move(*row));
}

Result<RecommendationView> RecommendationService::Reply(const Principal& who, std::int64_t id,
                                                        const RecommendationReply& reply) {
  const auto kind = domain::ParseReplyKind(reply.kind);
  if (!kind) return InvalidField("kind", "回复类型应为已整改、正在整改或提出异议", "must be rectified, rectifying or objection");
  if (auto ok = domain::ValidateText("text", reply.text, kMaxText, true); !ok) return ok.error();
  if (auto ok = domain::ValidateText("rectification_evidence", reply.rectification_evidence, kMaxText,
                                     domain::ReplyNeedsEvidence(*kind));
      !ok) {
    return ok.error();
  }
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RecommendationRepository recommendations(*connection);
  auto row = recommendations.Find(id);
  if (!row || (!SeesAll(who) && row->addressee_body != who.body_code)) return NotFound();
  if (row->addressee_body != who.body_code) {
    return MakeError(ErrorCode::kForbidden, "只有被建议单位可以回复检察建议", "Only the body addressed replies to a recommendation");
  }
  const auto status = domain::ParseRecommendationStatus(row->status).value_or(RecommendationStatus::kEvaluated);
  if (auto ok = domain::CheckReply(status); !ok) return ok.error();
  const auto version = row->version;
  const std::string now = FormatUtc(clock_.Now());
  row->status = domain::RecommendationStatusCode(RecommendationStatus::kReplied);
  row->reply_kind = reply.kind;
  row->reply_text = reply.text;
  row->rectification_evidence = reply.rectification_evidence;
  row->replied_by_name = who.display_name;
  row->replied_at = now;
  row->replied_on = Today().ToIso();
  if (!recommendations.SaveReply(*row, version)) {
    return MakeError(ErrorCode::kConflict, "该检察建议刚被他人处理，请刷新", "Someone else has just acted on it: reload");
  }
  Notify(*connection, std::string(domain::BodyCode(domain::Body::kProcuratorate)), "recommendation_replied",
         "检察建议 " + row->number + " 已回复：" + std::string(domain::ReplyKindNameZh(*kind)),
         "Recommendation " + row->number + " answered: " + std::string(domain::ReplyKindNameEn(*kind)), *row, now);
  audit_.Append(*connection, who, "recommendation.reply", {"recommendation", std::to_string(id)}, nullptr, AuditJson(*row));
  auto stored = recommendations.Find(id);
  tx.Commit();
  return ViewOf(who, std::move(*stored));
}

Result<RecommendationView> RecommendationService::Evaluate(const Principal& who, std::int64_t id,
                                                           const RecommendationEvaluation& evaluation) {
  if (!CanIssue(who)) {
    return MakeError(ErrorCode::kForbidden, "只有人民检察院可以评估检察建议的落实情况",
                     "Only the procuratorate evaluates what came of a recommendation");
  }
  const auto outcome = domain::ParseEvaluationOutcome(evaluation.outcome);
  if (!outcome) {
    return InvalidField("outcome", "评估结论应为整改到位、部分整改或未整改", "must be rectified, partly_rectified or not_rectified");
  }
  if (auto ok = domain::ValidateText("text", evaluation.text, kMaxText, true); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RecommendationRepository recommendations(*connection);
  auto row = recommendations.Find(id);
  if (!row) return NotFound();
  const auto status = domain::ParseRecommendationStatus(row->status).value_or(RecommendationStatus::kEvaluated);
  const auto due = domain::CivilDate::ParseIso(row->reply_due_on);
  if (!due) return MakeError(ErrorCode::kInternal, "回复期限记录有误", "The stored reply due date is unreadable");
  if (auto ok = domain::CheckEvaluation(status, *due, Today()); !ok) return ok.error();
  const auto version = row->version;
  const std::string now = FormatUtc(clock_.Now());
  row->status = domain::RecommendationStatusCode(RecommendationStatus::kEvaluated);
  row->outcome = evaluation.outcome;
  row->evaluation_text = evaluation.text;
  row->evaluated_by_name = who.display_name;
  row->evaluated_at = now;
  row->evaluated_on = Today().ToIso();
  if (!recommendations.SaveEvaluation(*row, version)) {
    return MakeError(ErrorCode::kConflict, "该检察建议刚被他人处理，请刷新", "Someone else has just acted on it: reload");
  }
  Notify(*connection, row->addressee_body, "recommendation_evaluated",
         "检察建议 " + row->number + " 评估结论：" + std::string(domain::EvaluationOutcomeNameZh(*outcome)),
         "Recommendation " + row->number + " evaluated: " + std::string(domain::EvaluationOutcomeNameEn(*outcome)), *row,
         now);
  audit_.Append(*connection, who, "recommendation.evaluate", {"recommendation", std::to_string(id)}, nullptr,
                AuditJson(*row));
  auto stored = recommendations.Find(id);
  tx.Commit();
  return ViewOf(who, std::move(*stored));
}

std::int64_t RecommendationService::SweepOverdue(std::int64_t batch_size) {
  const std::string now = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::RecommendationRepository recommendations(*connection);
  const auto due = recommendations.OverdueUnannounced(Today().ToIso(), batch_size);
  for (const auto& row : due) {
    const auto due_on = domain::CivilDate::ParseIso(row.reply_due_on);
    const std::string due_zh = due_on ? domain::ZhDate(*due_on) : row.reply_due_on;
    for (const std::string& body : {row.addressee_body, std::string(domain::BodyCode(domain::Body::kProcuratorate))}) {
      Notify(*connection, body, "recommendation_overdue",
             "检察建议 " + row.number + " 逾期未回复（回复期限 " + due_zh + "）：" + row.basis_label_zh,
             "Recommendation " + row.number + " not answered by its due date " + row.reply_due_on + ": " +
                 row.basis_label_en,
             row, now);
    }
    recommendations.MarkOverdueAnnounced(row.id, now);
  }
  if (!due.empty()) {
    audit_.Append(*connection, SystemActor("recommendation-sweep"), "job.recommendation_overdue",
                  {"recommendations", std::to_string(due.size())});
  }
  tx.Commit();
  return static_cast<std::int64_t>(due.size());
}

std::vector<RecommendationView> RecommendationService::AwaitingAction(const Principal& who, std::int64_t limit) {
  std::vector<RecommendationView> out;
  auto connection = db_.Acquire();
  store::RecommendationRepository recommendations(*connection);
  const std::string today = Today().ToIso();
  if (CanIssue(who)) {
    for (auto& row : recommendations.List({.status = "replied"}, limit, 0)) out.push_back(ViewOf(who, std::move(row)));
    for (auto& row : recommendations.List({.overdue_before = today}, limit, 0)) {
      out.push_back(ViewOf(who, std::move(row)));
    }
  } else {
    for (auto& row : recommendations.List({.addressee_body = who.body_code, .status = "awaiting_reply"}, limit, 0)) {
      out.push_back(ViewOf(who, std::move(row)));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.row.reply_due_on < b.row.reply_due_on; });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

}  // namespace wagelink::services
