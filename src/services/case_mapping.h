#pragma once
// The one place where stored case rows become domain types (clocks, the transfer package and the
// case's legal facts: findings, orders and milestones are read back from the timeline's events, so
// the timeline stays the single record of what was found and done) and the views callers see
// (case_views.h).
#include <map>
#include <string>
#include <vector>

#include "domain/case_facts.h"
#include "domain/statutory_clock.h"
#include "services/case_views.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {

// The timeline event that records a finding (POST /api/v1/cases/{id}/findings).
inline constexpr std::string_view kFindingEvent = "record_finding";

domain::StatutoryClock ClockOf(const store::ClockRow& row);
// The row a clock is stored as, for the case `case_id` (started, extended or moved by a new holiday notice).
store::ClockRow ToClockRow(std::int64_t case_id, const domain::StatutoryClock& clock);

// The findings in force: the intake's conduct and the employer's registered kind, revised by every
// finding event in timeline order.
domain::CurrentFindings FindingsOf(const store::CaseRow& row, const store::EmployerRow& employer,
                                   const std::vector<store::CaseEventRow>& events);

domain::CaseFacts CaseFactsOf(const std::string& province, const store::CaseRow& row,
                              const store::EmployerRow& employer, const std::vector<store::WorkerRow>& workers,
                              const std::vector<store::PaymentRow>& payments,
                              const std::vector<store::CaseEventRow>& events);

// The views: what a stored row shows its reader. Workers carry masked personal data only.
CaseSummary SummaryOf(const store::CaseRow& row);
EmployerView EmployerViewOf(const store::EmployerRow& row);
WorkerView WorkerViewOf(const store::WorkerRow& row, bool no_arrears_found);
PaymentView PaymentViewOf(const store::PaymentRow& row);
TimelineEntry TimelineEntryOf(const store::CaseEventRow& row);
ClockView ClockViewOf(const store::ClockRow& row, const domain::ClockEvaluation& evaluation,
                      const domain::TimeLimitRule* rule);
AccessReceipt AccessReceiptOf(const store::PiiAccessRow& row);

}  // namespace wagelink::services
