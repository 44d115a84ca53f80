#include "services/calendar_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/log_event.h"
#include "domain/statutory_holidays.h"
#include "services/admin_service.h"
#include "services/case_mapping.h"
#include "store/exposure_repository.h"
#include "store/holiday_notice_repository.h"

namespace wagelink::services {
namespace {

constexpr std::int64_t kRecomputeBatch = 500;

struct StoredNotice {
  domain::CalendarYear year;
  store::HolidayNoticeRow row;
};

std::vector<StoredNotice> ReadNotices(store::Connection& connection) {
  std::vector<StoredNotice> notices;
  for (auto& row : store::HolidayNoticeRepository(connection).List()) {
    boost::system::error_code ec;
    auto json = boost::json::parse(row.notice, ec);
    auto parsed = !ec && json.is_object() ? domain::ParseHolidayNotice(json.as_object())
                                          : Result<domain::CalendarYear>(MakeError(ErrorCode::kInternal, "", ""));
    if (!parsed) {
      LogEvent(spdlog::level::err, "holiday_notice_unreadable", {{"year", row.year}});
      continue;
    }
    notices.push_back({std::move(parsed).value(), std::move(row)});
  }
  return notices;
}

std::vector<domain::CalendarYear> YearsOf(const std::vector<StoredNotice>& notices) {
  std::vector<domain::CalendarYear> years;
  for (const auto& notice : notices) years.push_back(notice.year);
  return years;
}

boost::json::object YearJson(const domain::CalendarYear& year, const store::HolidayNoticeRow* row,
                             const domain::StatutoryHolidayTable& statutory) {
  boost::json::object out = domain::HolidayNoticeJson(year);
  out["source"] = domain::CalendarSourceCode(year.source);
  out["status"] = domain::SourceStatusName(year.status);
  out["citation"] = year.citation;
  out["provisional"] = year.source == domain::CalendarSource::kStatutory;
  if (year.source == domain::CalendarSource::kStatutory) {
    out["dates_status"] = domain::SourceStatusName(statutory.dates_status());
    out["note_zh"] = "该年度国务院放假通知尚未载入：仅计入法定节假日，调休上班日与补假日未定，经过该年度的期限均标为“不确定”。";
    out["note_en"] = "No State Council notice is loaded for this year: only the statutory holidays count; make-up working "
                     "days and substitute days off are unknown, so due dates through this year are marked uncertain.";
  }
  if (row != nullptr) {
    out["entered_at"] = row->entered_at;
    out["entered_by"] = row->entered_by;
    out["version"] = row->version;
  }
  return out;
}

// The body told of a moved due date: the responsible one, or its supervisor when the employer (not
// a platform user) owes the act.
std::string OwnerOf(const store::ClockRow& clock) {
  return clock.responsible_body == domain::BodyCode(domain::Body::kEmployer) ? clock.supervisor_body
                                                                              : clock.responsible_body;
}

struct RecomputeReport {
  std::int64_t examined = 0;
  std::int64_t moved = 0;      // due date changed: timeline event + inbox notice
  std::int64_t clarified = 0;  // same date, certainty changed
};

// Recomputes the open clocks whose due date may reach `year` under the calendar before and after the
// notice; only differences the notice causes are written (a rule override made since the clock
// started does not move it here).
RecomputeReport RecomputeOpenClocks(store::Connection& connection, const CaseRules& rules,
                                    const domain::WorkCalendar& before, const domain::WorkCalendar& after, int year,
                                    const domain::Instant now, const std::string& document) {
  RecomputeReport report;
  store::CaseTimelineRepository timeline(connection);
  const std::string from = std::to_string(year - 1) + "-12-01";  // a 元旦 range may start in December
  const std::string now_text = now.ToIsoUtc();
  std::int64_t after_id = 0;
  for (;;) {
    auto batch = timeline.OpenClocksDueFrom(from, after_id, kRecomputeBatch);
    for (const auto& row : batch) {
      after_id = row.id;
      ++report.examined;
      const domain::TimeLimitRule* rule = rules.time_limits->Find(row.rule_id);
      if (rule == nullptr || rule->unit == domain::TimeUnit::kHours || row.supplied_due_date) continue;
      const domain::StatutoryClock model = ClockOf(row);
      auto old_due = domain::ExtendClock(model, *rule, before, 0);
      auto new_due = domain::ExtendClock(model, *rule, after, 0);
      if (!old_due || !new_due) continue;
      const domain::Deadline& was = old_due->due;
      const domain::Deadline& is = new_due->due;
      if (was.due_date == is.due_date && was.uncertain == is.uncertain && was.due_instant == is.due_instant) continue;
      store::ClockRow moved = ToClockRow(row.case_id, *new_due);
      moved.id = row.id;
      const bool date_moved = is.due_date.ToIso() != row.due_date;
      const std::string year_text = std::to_string(year);
      if (date_moved) {
        moved.explanation_zh += "（" + year_text + " 年放假通知 " + document + " 录入后重新计算，原期满日 " +
                                row.due_date + "。）";
        moved.explanation_en += " (Recomputed after the " + year_text + " holiday notice " + document +
                                " was entered; previously due " + row.due_date + ".)";
      }
      timeline.MoveDue(moved, is.due_instant > now);
      if (!date_moved) {
        ++report.clarified;
        continue;
      }
      ++report.moved;
      const auto* action = rule;
      store::CaseEventRow event;
      event.case_id = row.case_id;
      event.event = "clock_due_changed";
      event.at = now_text;
      event.actor_username = "system";
      event.payload = boost::json::serialize(boost::json::object{{"rule_id", row.rule_id},
                                                                 {"old_due_date", row.due_date},
                                                                 {"new_due_date", moved.due_date},
                                                                 {"notice_year", year},
                                                                 {"document", document}});
      event.explanation_zh = row.rule_id + "「" + action->action_zh + "」的期满日因 " + year_text + " 年放假通知（" +
                             document + "）由 " + row.due_date + " 改为 " + moved.due_date + "。";
      event.explanation_en = row.rule_id + " \"" + action->action_en + "\" is now due " + moved.due_date +
                             " instead of " + row.due_date + " under the " + year_text + " holiday notice (" +
                             document + ").";
      timeline.InsertEvent(event);
      timeline.InsertNotification({0, OwnerOf(row), std::nullopt, "clock_due_changed",
                                   "期满日调整：" + row.case_no + "「" + action->action_zh + "」由 " + row.due_date +
                                       " 改为 " + moved.due_date + "（" + year_text + " 年放假通知）",
                                   "Due date changed: " + row.case_no + " \"" + action->action_en + "\" from " +
                                       row.due_date + " to " + moved.due_date + " (" + year_text + " holiday notice)",
                                   row.case_id, now_text, std::nullopt});
    }
    if (static_cast<std::int64_t>(batch.size()) < kRecomputeBatch) break;
  }
  return report;
}

// The 陈述申辩 periods still running (listings noticed, not decided) are legal periods like the clocks:
// recomputed under the new notice, with a history entry and a notice to the proposing body when the
// last day moves. Returns how many moved.
std::int64_t RecomputeDefencePeriods(store::Connection& connection, const domain::WorkCalendar& before,
                                     const domain::WorkCalendar& after, int year, const std::string& now_text,
                                     const std::string& document) {
  store::ExposureRepository listings(connection);
  store::CaseTimelineRepository timeline(connection);
  const std::string year_text = std::to_string(year);
  std::int64_t moved = 0;
  for (std::int64_t offset = 0;; offset += kRecomputeBatch) {
    // The recomputation is the district's, not a user's: every listing in the region.
    const auto batch =
        listings.ListListings({.status = "noticed", .scope = {.all_in_region = true}}, kRecomputeBatch, offset);
    for (auto row : batch) {
      if (!row.notice_served_on || !row.defence_period_days || !row.defence_due_on) continue;
      const auto served = domain::CivilDate::ParseIso(*row.notice_served_on);
      if (!served) continue;
      const int days = static_cast<int>(*row.defence_period_days);
      const domain::CalendarDay was = before.AddWorkingDays(*served, days);
      const domain::CalendarDay is = after.AddWorkingDays(*served, days);
      if (was.date == is.date && was.uncertain == is.uncertain) continue;
      const std::string old_due = *row.defence_due_on;
      const std::int64_t version = row.version;
      row.defence_due_on = is.date.ToIso();
      row.defence_uncertain = is.uncertain;
      row.updated_at = now_text;
      if (!listings.UpdateListing(row, version)) continue;  // changed meanwhile: its next action recomputes
      if (old_due == *row.defence_due_on) continue;          // only the certainty changed
      ++moved;
      const std::string note_zh = "陈述申辩期最后一日因 " + year_text + " 年放假通知（" + document + "）由 " + old_due +
                                  " 改为 " + *row.defence_due_on;
      listings.InsertHistory({0, row.id, now_text, "defence_due_changed", "system", "", row.status, row.status, note_zh});
      timeline.InsertNotification({0, row.proposed_by_body, std::nullopt, "deadline_defence_changed",
                                   "黑名单告知 " + row.listing_no + "：" + note_zh,
                                   "Blacklist notice " + row.listing_no + ": the last day to state a defence is now " +
                                       *row.defence_due_on + " instead of " + old_due + " (" + year_text +
                                       " holiday notice)",
                                   row.case_id, now_text, std::nullopt});
    }
    if (static_cast<std::int64_t>(batch.size()) < kRecomputeBatch) break;
  }
  return moved;
}

}  // namespace

std::shared_ptr<const domain::WorkCalendar> LoadCalendarInForce(store::Connection& connection,
                                                                const ReferenceData& reference) {
  const auto notices = ReadNotices(connection);
  if (notices.empty()) return std::make_shared<const domain::WorkCalendar>(reference.calendar);
  auto composed = domain::ComposeCalendar(YearsOf(notices), reference.calendar_files, reference.statutory_holidays);
  if (!composed) {
    LogEvent(spdlog::level::err, "holiday_notices_conflict", {{"detail", composed.error().message_en}});
    return std::make_shared<const domain::WorkCalendar>(reference.calendar);
  }
  return std::make_shared<const domain::WorkCalendar>(std::move(composed).value());
}

Result<boost::json::object> CalendarService::List(const Principal& who) {
  (void)who;  // every signed-in user: due dates are explained with this calendar
  auto connection = db_.Acquire();
  const auto notices = ReadNotices(*connection);
  const auto calendar = LoadCalendarInForce(*connection, *reference_);
  boost::json::array years;
  for (int year : calendar->CoveredYears()) {
    const domain::CalendarYear* loaded = calendar->YearOf(year);
    if (loaded == nullptr) continue;
    const store::HolidayNoticeRow* row = nullptr;
    for (const auto& notice : notices) {
      if (notice.year.year == year && loaded->source == domain::CalendarSource::kNotice) row = &notice.row;
    }
    years.push_back(YearJson(*loaded, row, reference_->statutory_holidays));
  }
  boost::json::array names;
  for (const auto& holiday : reference_->statutory_holidays.holidays()) {
    names.push_back({{"name_zh", holiday.name_zh}, {"name_en", holiday.name_en}});
  }
  return boost::json::object{{"years", std::move(years)},
                             {"holiday_names", std::move(names)},
                             {"statutory_citation", reference_->statutory_holidays.citation()},
                             {"dates_reference", reference_->statutory_holidays.dates_reference()},
                             {"dates_status", domain::SourceStatusName(reference_->statutory_holidays.dates_status())}};
}

Result<boost::json::object> CalendarService::EnterNotice(const Principal& who, const boost::json::object& input) {
  if (!who.Can(security::Permission::kSettingsManage)) return Forbidden(security::Permission::kSettingsManage);
  auto notice = domain::ParseHolidayNotice(input);
  if (!notice) return notice.error();
  if (auto ok = domain::CheckNoticeKeepsStatutoryDays(*notice, reference_->statutory_holidays); !ok) return ok.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  if (domain::CivilDate::ParseIso(notice->source_issued).value() > domain::ShanghaiDate(now)) {
    return InvalidField("issued", "发布日期不能晚于今天", "cannot be later than today");
  }

  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  auto stored = ReadNotices(*connection);
  const store::HolidayNoticeRow* previous = nullptr;
  std::vector<domain::CalendarYear> next_years{*notice};
  for (const auto& existing : stored) {
    if (existing.year.year == notice->year) {
      previous = &existing.row;
    } else {
      next_years.push_back(existing.year);
    }
  }
  const auto before = LoadCalendarInForce(*connection, *reference_);
  auto after = domain::ComposeCalendar(next_years, reference_->calendar_files, reference_->statutory_holidays);
  if (!after) {
    Error error = after.error();
    error.field = "holidays";
    return error;
  }
  const domain::CalendarYear* replaced = before->YearOf(notice->year);
  boost::json::value was = nullptr;
  if (previous != nullptr) {
    was = boost::json::parse(previous->notice);
  } else if (replaced != nullptr) {
    was = boost::json::object{{"source", domain::CalendarSourceCode(replaced->source)}};
  }

  const std::string notice_json = boost::json::serialize(domain::HolidayNoticeJson(*notice));
  store::HolidayNoticeRepository repository(*connection);
  const std::int64_t version = repository.Put(notice->year, notice_json, now.ToIsoUtc(), who.display_name);
  const auto rules = rules_.Current(*connection);
  const RecomputeReport report =
      RecomputeOpenClocks(*connection, *rules, *before, *after, notice->year, now, notice->source_document);
  const std::int64_t defence_periods_moved = RecomputeDefencePeriods(*connection, *before, *after, notice->year,
                                                                     now.ToIsoUtc(), notice->source_document);
  audit_.Append(*connection, who, "settings.holiday_notice_enter", {"calendar", std::to_string(notice->year)}, was,
                boost::json::object{{"notice", boost::json::parse(notice_json)},
                                    {"version", version},
                                    {"clocks_moved", report.moved},
                                    {"clocks_clarified", report.clarified},
                                    {"defence_periods_moved", defence_periods_moved}});
  tx.Commit();
  rules_.Invalidate();

  auto row = repository.Find(notice->year);
  boost::json::object out = YearJson(*notice, row ? &*row : nullptr, reference_->statutory_holidays);
  out["clocks_moved"] = report.moved;
  out["clocks_clarified"] = report.clarified;
  out["defence_periods_moved"] = defence_periods_moved;
  return out;
}

}  // namespace wagelink::services
