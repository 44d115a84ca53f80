#include "services/meeting_service.h"

#include <boost/json/object.hpp>
#include <fmt/format.h>

#include <map>

#include "domain/body.h"
#include "domain/case_state.h"
#include "services/admin_service.h"
#include "services/case_scope.h"
#include "services/publication_privacy.h"
#include "services/risk_service.h"
#include "services/zh_text.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/risk_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::int64_t kAgendaSourceLimit = 50;


Status Text(std::string_view field, const std::string& value, std::size_t max, bool required) {
  if (required && value.empty()) return InvalidField(field, "不能为空", "is required");
  if (value.size() > max) return InvalidField(field, "过长", "too long");
  return Ok{};
}

bool IsMemberBody(std::string_view code) {
  auto body = domain::ParseBodyCode(code);
  return body && *body != domain::Body::kEmployer;
}

// Agenda text is read by people: an instant or a date the way they write it.
std::string MinuteZhOf(const std::string& iso) {
  auto at = domain::Instant::ParseRfc3339(iso);
  return at ? MinuteZh(*at) : iso;
}
std::string DateZhOf(const std::string& iso) {
  auto date = domain::CivilDate::ParseIso(iso);
  return date ? DateZh(*date) : iso;
}

std::string BodyZh(std::string_view code) {
  auto body = domain::ParseBodyCode(code);
  return body ? std::string(domain::BodyNameZh(*body)) : std::string(code);
}

// Need-to-know inside a meeting: which of the cases its items name the reader may see (the case
// scope, services/case_scope.h), asked once per case.
class CaseVisibility {
 public:
  CaseVisibility(store::Connection& c, const Principal& who) : c_(c) {
    if (auto scope = CaseScopeOf(who)) scope_ = *scope;  // otherwise no case at all
  }
  bool operator()(std::int64_t case_id) {
    auto [it, fresh] = seen_.try_emplace(case_id, false);
    if (fresh) it->second = SeesCase(c_, scope_, case_id);
    return it->second;
  }

 private:
  store::Connection& c_;
  store::CaseScope scope_;
  std::map<std::int64_t, bool> seen_;
};

MeetingSummary SummaryOf(const store::MeetingRow& m) {
  return {.id = m.id,
          .meeting_no = m.meeting_no,
          .kind = m.kind,
          .title = m.title,
          .scheduled_at = m.scheduled_at,
          .location = m.location,
          .status = m.status,
          .convener_body = m.convener_body,
          .created_at = m.created_at};
}

// An action item keeps its decision and owner; the case it names is shown only within scope.
ActionItem ActionItemFor(CaseVisibility& sees, const store::ActionItemRow& a) {
  return {.id = a.id,
          .meeting_id = a.meeting_id,
          .decision = a.decision,
          .owner_body = a.owner_body,
          .due_date = a.due_date,
          .status = a.status,
          .evidence = a.evidence,
          .completed_at = a.completed_at,
          .completed_by_body = a.completed_by_body,
          .overdue_notified_at = a.overdue_notified_at,
          .risk_id = a.risk_id,
          .case_id = a.case_id && sees(*a.case_id) ? a.case_id : std::nullopt,
          .created_at = a.created_at,
          .risk_no = a.risk_no};
}

Error NoMeeting() { return MakeError(ErrorCode::kNotFound, "会议不存在", "no such meeting"); }

boost::json::object Snapshot(const store::MeetingRow& m) {
  return {{"meeting_no", m.meeting_no}, {"kind", m.kind}, {"title", m.title}, {"scheduled_at", m.scheduled_at},
          {"status", m.status}};
}

}  // namespace

Status MayReadMeeting(store::Connection& connection, const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kMeetingRead)) return Forbidden(Permission::kMeetingRead);
  if (!store::MeetingRepository(connection).Find(id)) return NoMeeting();
  return Ok{};
}

Status MayManageMeeting(store::Connection& connection, const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  if (!store::MeetingRepository(connection).Find(id)) return NoMeeting();
  return Ok{};
}

std::string MeetingService::Today() const {
  return domain::ToShanghai(domain::Instant::FromUnixSeconds(clock_.Now())).date.ToIso();
}

MeetingDetail MeetingService::Load(store::Connection& c, const Principal& who, std::int64_t id) {
  store::MeetingRepository m(c);
  const auto meeting = *m.Find(id);
  MeetingDetail detail{SummaryOf(meeting), meeting.minutes, {}, {}, {}};
  CaseVisibility sees(c, who);
  for (const auto& row : m.ListAgenda(id)) {
    if (row.removed) continue;
    AgendaItem item{row.id, row.position, row.source, row.ref_type, row.ref_id, row.title, row.detail, row.added_by};
    if (item.ref_type == "case" && item.ref_id && !sees(*item.ref_id)) {
      item.title = item.title.substr(0, item.title.find("：")) + "：（案件不在您的查看范围内）";
      item.detail.clear();
      item.ref_id.reset();
    }
    detail.agenda.push_back(std::move(item));
  }
  for (const auto& row : m.ListAttendance(id)) detail.attendance.push_back({row.body_code, row.attendee_name, row.present});
  for (const auto& row : m.ListActionItems(id)) detail.action_items.push_back(ActionItemFor(sees, row));
  return detail;
}

Result<MeetingDetail> MeetingService::Create(const Principal& who, const MeetingInput& in) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  if (in.kind != "regular" && in.kind != "ad_hoc") return InvalidField("kind", "应为 regular 或 ad_hoc", "must be regular or ad_hoc");
  if (auto ok = Text("title", in.title, 200, true); !ok) return ok.error();
  if (auto ok = Text("location", in.location, 200, false); !ok) return ok.error();
  auto at = domain::Instant::ParseRfc3339(in.scheduled_at, "scheduled_at");
  if (!at) return at.error();

  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  store::MeetingRow row;
  const int year = domain::ToShanghai(*at).date.year();
  row.meeting_no = fmt::format("LX-{}-{:03d}", year, store::CaseRepository(*connection).NextSequence("meeting", year));
  row.kind = in.kind;
  row.title = in.title;
  row.scheduled_at = at->ToIsoUtc();
  row.location = in.location;
  if (who.user_id) row.convened_by = who.user_id;  // the regular-meeting job convenes as the system
  row.convener_body = who.body_code;
  row.created_at = row.updated_at = now;
  row.id = meetings.Insert(row);

  // The agenda as of now, in a fixed order of sources.
  std::int64_t position = 0;
  auto add = [&](std::string source, std::string ref_type, std::optional<std::int64_t> ref_id, std::string title,
                 std::string detail) {
    meetings.InsertAgendaItem({0, row.id, ++position, std::move(source), std::move(ref_type), ref_id, std::move(title),
                               std::move(detail), false, "system"});
  };
  for (const auto& r : store::RiskRepository(*connection)
                           .ListOpenFromRank(static_cast<std::int64_t>(risk_rules_->wage_office_from()))) {
    const auto& level = risk_rules_->levels()[static_cast<std::size_t>(r.level_rank)];
    add("major_risk", "risk", r.id, "重大风险：" + r.risk_no + " " + r.employer_name + "（" + level.zh + "）",
        fmt::format("{}，责任单位 {}，下次复核 {}",
                    WorkersPending(r) ? std::string("涉及人数尚未核定") : fmt::format("涉及 {} 人", r.workers_affected),
                    BodyZh(r.owner_body), MinuteZhOf(r.next_review_at)));
  }
  for (const auto& c : meetings.OverdueClocks(now, kAgendaSourceLimit)) {
    // The step by its name ("作出立案决定"), the time the way people write it.
    const auto* rule = reference_->time_limits.Find(c.rule_id);
    add("overdue_clock", "case", c.case_id, "逾期环节：" + c.case_no + " " + (rule ? rule->action_zh : std::string("法定期限")),
        "责任单位 " + BodyZh(c.responsible_body) + "，期限 " + MinuteZhOf(c.due_at));
  }
  for (const auto& c : meetings.CasesInStates({"filing_refused", "reconsideration", "supervision"}, kAgendaSourceLimit)) {
    const auto state = domain::ParseCaseStateCode(c.state);
    add("disputed_refusal", "case", c.case_id, "不予立案争议：" + c.case_no + " " + c.title,
        "当前状态 " + (state ? std::string(domain::CaseStateNameZh(*state)) : std::string("办理中")));
  }
  for (const auto& c : meetings.CasesInStates({"consultation"}, kAgendaSourceLimit)) {
    add("consultation", "case", c.case_id, "个案征询未结：" + c.case_no + " " + c.title, "");
  }
  for (const auto& c : meetings.CasesAwaitingReverseLinkageReply(kAgendaSourceLimit)) {
    add("reverse_linkage", "case", c.case_id, "检察意见待回复：" + c.case_no + " " + c.title, "");
  }
  for (const auto& a : meetings.OverdueActionItems(Today(), false, kAgendaSourceLimit)) {
    add("overdue_action_item", "action_item", a.id, "逾期督办事项：" + a.decision,
        "责任单位 " + BodyZh(a.owner_body) + "，期限 " + DateZhOf(a.due_date));
  }
  audit_.Append(*connection, who, "meeting.create", {"meeting", std::to_string(row.id)}, nullptr, Snapshot(row));
  auto detail = Load(*connection, who, row.id);
  tx.Commit();
  return detail;
}

Result<std::vector<MeetingSummary>> MeetingService::List(const Principal& who, std::int64_t limit, std::int64_t offset) {
  if (!who.Can(Permission::kMeetingRead)) return Forbidden(Permission::kMeetingRead);
  auto connection = db_.Acquire();
  std::vector<MeetingSummary> out;
  for (const auto& row : store::MeetingRepository(*connection).List(limit, offset)) out.push_back(SummaryOf(row));
  return out;
}

Result<MeetingDetail> MeetingService::Get(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  if (auto ok = MayReadMeeting(*connection, who, id); !ok) return ok.error();
  return Load(*connection, who, id);
}

Result<MeetingDetail> MeetingService::AddAgendaItem(const Principal& who, std::int64_t id, const std::string& title,
                                                    const std::string& detail) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  if (auto ok = Text("title", title, 200, true); !ok) return ok.error();
  if (auto ok = Text("detail", detail, 4000, false); !ok) return ok.error();
  if (auto ok = RefusePersonalDataIn({{"title", title}, {"detail", detail}}); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  if (!meetings.Find(id)) return NoMeeting();
  const auto item_id = meetings.InsertAgendaItem(
      {0, id, meetings.NextAgendaPosition(id), "manual", "", std::nullopt, title, detail, false, who.username});
  audit_.Append(*connection, who, "meeting.agenda.add", {"meeting", std::to_string(id)}, nullptr,
                boost::json::object{{"item", item_id}, {"title", title}});
  auto result = Load(*connection, who, id);
  tx.Commit();
  return result;
}

Result<MeetingDetail> MeetingService::RemoveAgendaItem(const Principal& who, std::int64_t id, std::int64_t item_id) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  if (!meetings.Find(id)) return NoMeeting();
  if (!meetings.RemoveAgendaItem(id, item_id)) {
    return MakeError(ErrorCode::kNotFound, "议题不存在或已移除", "no such agenda item (or already removed)");
  }
  audit_.Append(*connection, who, "meeting.agenda.remove", {"meeting", std::to_string(id)},
                boost::json::object{{"item", item_id}}, nullptr);
  auto result = Load(*connection, who, id);
  tx.Commit();
  return result;
}

Result<MeetingDetail> MeetingService::RecordMinutes(const Principal& who, std::int64_t id, const std::string& minutes,
                                                    const std::vector<AttendanceInput>& attendance) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  if (auto ok = Text("minutes", minutes, 20000, true); !ok) return ok.error();
  if (auto ok = RefusePersonalDataIn({{"minutes", minutes}}); !ok) return ok.error();
  if (attendance.size() > 100) return InvalidField("attendance", "最多 100 人", "at most 100 attendees");
  std::vector<store::AttendanceRow> rows;
  for (std::size_t i = 0; i < attendance.size(); ++i) {
    const auto& a = attendance[i];
    const std::string path = "attendance[" + std::to_string(i) + "]";
    if (!IsMemberBody(a.body_code)) return InvalidField(path + ".body_code", "部门不存在", "unknown body");
    if (auto ok = Text(path + ".name", a.name, 64, true); !ok) return ok.error();
    rows.push_back({0, id, a.body_code, a.name, a.present});
  }
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  auto before = meetings.Find(id);
  if (!before) return NoMeeting();
  meetings.ReplaceAttendance(id, rows);
  meetings.RecordMinutes(id, minutes, FormatUtc(clock_.Now()));
  audit_.Append(*connection, who, "meeting.minutes", {"meeting", std::to_string(id)}, Snapshot(*before),
                boost::json::object{{"status", "held"}, {"attendees", rows.size()}});
  auto result = Load(*connection, who, id);
  tx.Commit();
  return result;
}

Result<MeetingDetail> MeetingService::AddDecision(const Principal& who, std::int64_t id, const DecisionInput& in) {
  if (!who.Can(Permission::kMeetingManage)) return Forbidden(Permission::kMeetingManage);
  if (auto ok = Text("decision", in.decision, 4000, true); !ok) return ok.error();
  if (auto ok = RefusePersonalDataIn({{"decision", in.decision}}); !ok) return ok.error();
  if (!IsMemberBody(in.owner_body) || in.owner_body == "leadership") {
    return InvalidField("owner_body", "责任单位不存在", "unknown owner body");
  }
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  if (!meetings.Find(id)) return NoMeeting();
  if (in.risk_id && !store::RiskRepository(*connection).Find(*in.risk_id)) {
    return InvalidField("risk_id", "风险不存在", "no such risk");
  }
  if (in.case_id && !store::CaseRepository(*connection).FindCase(*in.case_id, {true, ""})) {
    return InvalidField("case_id", "案件不存在", "no such case");
  }
  const std::string now = FormatUtc(clock_.Now());
  store::ActionItemRow row{0, id, in.decision, in.owner_body, in.due_date.ToIso(), "open", std::nullopt, std::nullopt,
                           std::nullopt, std::nullopt, in.risk_id, in.case_id, now};
  row.id = meetings.InsertActionItem(row);
  store::CaseTimelineRepository(*connection)
      .InsertNotification({0, in.owner_body, std::nullopt, "action_item_assigned",
                           "联席会议督办事项：" + in.decision + "（期限 " + row.due_date + "）",
                           "Joint-meeting action item assigned to your body (due " + row.due_date + ")", in.case_id,
                           now, std::nullopt});
  audit_.Append(*connection, who, "meeting.decision", {"action_item", std::to_string(row.id)}, nullptr,
                boost::json::object{{"meeting", id}, {"owner_body", row.owner_body}, {"due_date", row.due_date}});
  auto result = Load(*connection, who, id);
  tx.Commit();
  return result;
}

Result<std::vector<ActionItem>> MeetingService::ListActionItems(const Principal& who, const std::string& status,
                                                                const std::string& owner_body, std::int64_t limit,
                                                                std::int64_t offset) {
  if (!who.Can(Permission::kMeetingRead)) return Forbidden(Permission::kMeetingRead);
  if (!status.empty() && status != "open" && status != "done") return InvalidField("status", "应为 open 或 done", "must be open or done");
  auto connection = db_.Acquire();
  CaseVisibility sees(*connection, who);
  std::vector<ActionItem> items;
  for (const auto& row : store::MeetingRepository(*connection).ListActionItems(status, owner_body, limit, offset)) {
    items.push_back(ActionItemFor(sees, row));
  }
  return items;
}

Status MeetingService::MayCompleteActionItems(const Principal& who) {
  if (!who.Can(Permission::kMeetingRead)) return Forbidden(Permission::kMeetingRead);
  if (who.Can(Permission::kMeetingManage) || (IsMemberBody(who.body_code) && who.body_code != "leadership")) return Ok{};
  return MakeError(ErrorCode::kForbidden, "只有责任单位或区治欠办可以办结", "only the owner body or the wage-arrears office may complete it");
}

Result<ActionItem> MeetingService::CompleteActionItem(const Principal& who, std::int64_t id,
                                                      const std::string& evidence) {
  if (auto ok = MayCompleteActionItems(who); !ok) return ok.error();
  if (auto ok = Text("evidence", evidence, 4000, true); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  auto item = meetings.FindActionItem(id);
  if (!item) return MakeError(ErrorCode::kNotFound, "督办事项不存在", "no such action item");
  if (who.body_code != item->owner_body && !who.Can(Permission::kMeetingManage)) {
    return MakeError(ErrorCode::kForbidden, "只有责任单位或区治欠办可以办结", "only the owner body or the wage-arrears office may complete it");
  }
  if (item->status != "open") return MakeError(ErrorCode::kConflict, "督办事项已办结", "the action item is already done");
  meetings.CompleteActionItem(id, evidence, who.body_code, FormatUtc(clock_.Now()));
  audit_.Append(*connection, who, "action_item.complete", {"action_item", std::to_string(id)},
                boost::json::object{{"status", "open"}}, boost::json::object{{"status", "done"}});
  CaseVisibility sees(*connection, who);
  ActionItem done = ActionItemFor(sees, *meetings.FindActionItem(id));
  tx.Commit();
  return done;
}

ActionItemSweepReport MeetingService::SweepOverdueActionItems(std::int64_t batch_size) {
  ActionItemSweepReport report;
  const std::string now = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::MeetingRepository meetings(*connection);
  store::CaseTimelineRepository inbox(*connection);
  auto due = meetings.OverdueActionItems(Today(), true, batch_size);
  for (const auto& a : due) {
    std::vector<std::string> bodies{a.owner_body};
    if (a.owner_body != "wage_office") bodies.emplace_back("wage_office");
    for (const auto& body : bodies) {
      inbox.InsertNotification({0, body, std::nullopt, "action_item_overdue",
                                "督办事项逾期：" + a.decision + "（" + BodyZh(a.owner_body) + "，期限 " + a.due_date + "）",
                                "Overdue joint-meeting action item of " + a.owner_body + " (due " + a.due_date + ")",
                                a.case_id, now, std::nullopt});
    }
    meetings.MarkActionItemNotified(a.id, now);
    ++report.overdue;
  }
  if (!due.empty()) {
    audit_.Append(*connection, SystemActor("action-item-sweep"), "job.action_item_sweep",
                  {"action_items", std::to_string(due.size())});
  }
  tx.Commit();
  return report;
}

}  // namespace wagelink::services
