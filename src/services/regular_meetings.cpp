// The regular joint meeting (定期联席会议, at least quarterly): convened by a job so the cadence
// does not depend on someone remembering it.
#include <fmt/format.h>

#include "domain/civil_date.h"
#include "services/meeting_service.h"
#include "store/case_timeline_repository.h"
#include "store/identity_repository.h"

namespace wagelink::services {

std::optional<std::int64_t> MeetingService::ConveneRegularMeeting(int every_months) {
  if (every_months <= 0) return std::nullopt;
  auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
  int block_index = static_cast<int>(today.month() - 1) / every_months;
  auto block_start = *domain::CivilDate::FromYmd(today.year(), static_cast<unsigned>(block_index * every_months + 1), 1);
  auto block_end = block_start.AddMonthsClamped(every_months).AddDays(-1);
  {
    auto connection = db_.Acquire();
    auto from = domain::StartOfShanghaiDay(block_start).ToIsoUtc();
    auto to = domain::StartOfShanghaiDay(block_end.AddDays(1)).ToIsoUtc();
    if (store::MeetingRepository(*connection).CountRegularBetween(from, to) > 0) return std::nullopt;
  }
  auto day = std::min(today.AddDays(7), block_end);
  auto at = domain::StartOfShanghaiDay(day).AddSeconds(9 * 3600 + 30 * 60);
  Principal convener = SystemActor("regular-meeting");
  convener.body_code = "wage_office";
  convener.permissions = {security::Permission::kMeetingManage};
  std::string title = every_months == 3 ? fmt::format("{}年第{}季度根治欠薪联席会议（定期）", today.year(), block_index + 1)
                                        : fmt::format("{}年{}月至{}月根治欠薪联席会议（定期）", today.year(),
                                                      block_start.month(), block_end.month());
  auto created = Create(convener, {"regular", title, at.ToIsoUtc(), ""});
  if (!created) return std::nullopt;
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::CaseTimelineRepository notices(*connection);
  const std::string now = FormatUtc(clock_.Now());
  for (const auto& body : store::IdentityRepository(*connection).ListBodies()) {
    if (body.kind != "body") continue;
    notices.InsertNotification({0, body.code, std::nullopt, "meeting_scheduled",
                                "联席会议通知：" + title + "，" + day.ToIso() + " 09:30，议题已按数据生成",
                                "Joint meeting: " + created->meeting.meeting_no + " on " + day.ToIso() + " 09:30",
                                std::nullopt, now, std::nullopt});
  }
  tx.Commit();
  return created->meeting.id;
}

}  // namespace wagelink::services
