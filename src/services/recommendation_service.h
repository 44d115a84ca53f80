#pragma once
// The procuratorate's 检察建议 loop ("建议—反馈—评估", domain/recommendation.h): issued on a project
// warning, a risk item or a case to a body of the mechanism, with the reply due date of time limit
// L38 in force (the district may set it: it is UNCONFIRMED); answered once by the body addressed,
// with its rectification evidence; evaluated once by the procuratorate. Each step is audited and
// reaches the inbox of whoever acts next. The procuratorate, the wage office and the leadership see
// every recommendation; another body sees those addressed to it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/project_warnings.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/document_catalog.h"
#include "services/page.h"
#include "services/principal.h"
#include "store/database.h"
#include "store/recommendation_repository.h"

namespace wagelink::services {

struct RecommendationView {
  store::RecommendationRow row;
  std::string addressee_name_zh, addressee_name_en;
  bool overdue = false;
  std::int64_t days_overdue = 0;
  bool can_reply = false;
  bool can_evaluate = false;
};

// How the reply period in force reads (time limit L38), shown next to every due date.
struct ReplyPeriod {
  std::int64_t limit = 0;
  std::string unit;  // domain::TimeUnitName
  std::string citation, status, note;
  bool set_by_district = false;
};

struct RecommendationList {
  Page<RecommendationView> page;
  store::RecommendationCounts counts;
  bool can_issue = false;
};

struct RecommendationQuery {
  std::string status;  // domain::RecommendationStatus code or ""
  bool overdue_only = false;
  std::string basis_kind;
  std::optional<std::int64_t> project_id, risk_id, case_id;
  std::int64_t limit = 20, offset = 0;
};

struct RecommendationInput {
  std::string basis_kind;
  std::int64_t basis_id = 0;
  std::string addressee_body, problem, measures;
};

struct RecommendationReply {
  std::string kind, text, rectification_evidence;
};

struct RecommendationEvaluation {
  std::string outcome, text;
};

struct Addressee {
  std::string code, name_zh, name_en;
};

class RecommendationService {
 public:
  RecommendationService(store::Database& db, const Clock& clock, const AuditTrail& audit, CaseRulesService& case_rules,
                        std::shared_ptr<const DocumentCatalog> catalog,
                        std::shared_ptr<const domain::ProjectWarningRuleSet> warning_rules)
      : db_(db), clock_(clock), audit_(audit), case_rules_(case_rules), catalog_(std::move(catalog)),
        warning_rules_(std::move(warning_rules)) {}

  Result<RecommendationView> Issue(const Principal& who, const RecommendationInput& input);
  Result<RecommendationList> List(const Principal& who, const RecommendationQuery& query);
  Result<RecommendationView> Get(const Principal& who, std::int64_t id);
  Result<RecommendationView> Reply(const Principal& who, std::int64_t id, const RecommendationReply& reply);
  Result<RecommendationView> Evaluate(const Principal& who, std::int64_t id, const RecommendationEvaluation& evaluation);
  std::vector<Addressee> Addressees();
  ReplyPeriod PeriodInForce();
  // What awaits the caller's body now (the worklist): the addressee's replies, the procuratorate's
  // replies to evaluate and replies overdue. Oldest due first, at most `limit`.
  std::vector<RecommendationView> AwaitingAction(const Principal& who, std::int64_t limit);

  // The job: announces each reply that has fallen overdue, once, to the body addressed and to the
  // procuratorate. Returns how many.
  std::int64_t SweepOverdue(std::int64_t batch_size = 200);

  static bool CanIssue(const Principal& who);
  static bool SeesAll(const Principal& who);

 private:
  RecommendationView ViewOf(const Principal& who, store::RecommendationRow row) const;
  domain::CivilDate Today() const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  CaseRulesService& case_rules_;
  std::shared_ptr<const DocumentCatalog> catalog_;
  std::shared_ptr<const domain::ProjectWarningRuleSet> warning_rules_;
};

}  // namespace wagelink::services
