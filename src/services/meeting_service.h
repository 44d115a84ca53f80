#pragma once
// Joint meetings (联席会议), convened by the wage-arrears office (meeting.manage) and read by every
// body (meeting.read). Creating a meeting builds its agenda from the data as of that moment: open
// major risks, overdue statutory clocks, disputed refusals to file (不予立案, 复议, 立案监督), open case
// consultations, reverse-linkage replies due (检察意见), and overdue action items; the convener may
// add or remove items. Minutes and attendance are recorded; each decision becomes an action item
// with an owner body and due date, completed with evidence by that body or the wage-arrears office.
// A scheduled sweep tells the owner body and the wage-arrears office once when an item is overdue.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/civil_date.h"
#include "domain/risk_scoring.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/meeting_repository.h"

namespace wagelink::services {

struct MeetingInput {
  std::string kind;  // regular | ad_hoc
  std::string title;
  std::string scheduled_at;  // RFC 3339
  std::string location;
};

struct AttendanceInput {
  std::string body_code;
  std::string name;
  bool present = true;
};

struct DecisionInput {
  std::string decision;
  std::string owner_body;
  domain::CivilDate due_date;
  std::optional<std::int64_t> risk_id;
  std::optional<std::int64_t> case_id;
};

struct MeetingSummary {
  std::int64_t id = 0;
  std::string meeting_no;
  std::string kind;  // regular | ad_hoc
  std::string title;
  std::string scheduled_at;
  std::string location;
  std::string status;  // planned | held
  std::string convener_body;
  std::string created_at;
};

// An item on the agenda (removed items are not shown). A case outside the reader's scope keeps its
// place but not its number, title or id.
struct AgendaItem {
  std::int64_t id = 0;
  std::int64_t position = 0;
  std::string source;
  std::string ref_type;
  std::optional<std::int64_t> ref_id;
  std::string title;
  std::string detail;
  std::string added_by;
};

struct Attendee {
  std::string body_code;
  std::string name;
  bool present = true;
};

// A decision to carry out (督办事项); its case only within the reader's scope.
struct ActionItem {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string decision;
  std::string owner_body;
  std::string due_date;
  std::string status;  // open | done
  std::optional<std::string> evidence;
  std::optional<std::string> completed_at;
  std::optional<std::string> completed_by_body;
  std::optional<std::string> overdue_notified_at;
  std::optional<std::int64_t> risk_id;
  std::optional<std::int64_t> case_id;
  std::string created_at;
  std::string risk_no;  // the linked risk's number, as people know it
};

struct MeetingDetail {
  MeetingSummary meeting;
  std::string minutes;
  std::vector<AgendaItem> agenda;
  std::vector<Attendee> attendance;
  std::vector<ActionItem> action_items;
};

struct ActionItemSweepReport {
  std::int64_t overdue = 0;
};

// Need-to-know of the joint meetings, shared with what hangs off a meeting (its evidence files):
// every member body reads every meeting (meeting.read); the convener (meeting.manage) manages it.
// Forbidden without the permission, NotFound for no such meeting.
Status MayReadMeeting(store::Connection& connection, const Principal& who, std::int64_t id);
Status MayManageMeeting(store::Connection& connection, const Principal& who, std::int64_t id);

class MeetingService {
 public:
  MeetingService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                 std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const domain::RiskRuleSet> risk_rules)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), risk_rules_(std::move(risk_rules)) {}

  Result<MeetingDetail> Create(const Principal& who, const MeetingInput& input);
  Result<std::vector<MeetingSummary>> List(const Principal& who, std::int64_t limit, std::int64_t offset);
  Result<MeetingDetail> Get(const Principal& who, std::int64_t id);
  Result<MeetingDetail> AddAgendaItem(const Principal& who, std::int64_t id, const std::string& title,
                                      const std::string& detail);
  Result<MeetingDetail> RemoveAgendaItem(const Principal& who, std::int64_t id, std::int64_t item_id);
  Result<MeetingDetail> RecordMinutes(const Principal& who, std::int64_t id, const std::string& minutes,
                                      const std::vector<AttendanceInput>& attendance);
  Result<MeetingDetail> AddDecision(const Principal& who, std::int64_t id, const DecisionInput& input);

  Result<std::vector<ActionItem>> ListActionItems(const Principal& who, const std::string& status,
                                                  const std::string& owner_body, std::int64_t limit,
                                                  std::int64_t offset);
  // Whether `who` could complete any action item at all (owners are member bodies, never the
  // leadership): checked before the request body is read, and again by CompleteActionItem.
  static Status MayCompleteActionItems(const Principal& who);
  Result<ActionItem> CompleteActionItem(const Principal& who, std::int64_t id, const std::string& evidence);

  // Scheduled: makes sure a regular meeting is convened in every block of `every_months` months
  // (3 = each calendar quarter): if none is scheduled in the current block yet, one is created a
  // week ahead (at the latest on the block's last day) at 09:30, agenda built from the data, and
  // every body is told. Returns the meeting created, if any. (services/regular_meetings.cpp)
  std::optional<std::int64_t> ConveneRegularMeeting(int every_months);

  // Scheduled: overdue action items notify their owner body and the wage-arrears office, once.
  ActionItemSweepReport SweepOverdueActionItems(std::int64_t batch_size = 500);

 private:
  // The meeting as `who` sees it: items naming a case outside the reader's case scope keep their
  // place but not the case (need-to-know).
  MeetingDetail Load(store::Connection& c, const Principal& who, std::int64_t id);
  std::string Today() const;
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;  // the time limits, to name an overdue step
  std::shared_ptr<const domain::RiskRuleSet> risk_rules_;
};

}  // namespace wagelink::services
