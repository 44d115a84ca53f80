// GET /api/v1/worklist: the caller's work in one call — cases needing its action, their clocks with
// the citation in words and the due date, the steps it may take now with their names, and for the
// court the green channel's tracked dates and what execution paid each worker. Handlers only
// translate; services::WorklistService decides with domain::ClassifyWork.
#include <string_view>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/case_views.h"
#include "api/guard.h"
#include "api/recommendation_json.h"
#include "api/routes.h"
#include "services/case_use_cases.h"
#include "services/recommendation_service.h"

namespace wagelink::api {
namespace {

boost::json::value DateOrNull(const std::optional<domain::CivilDate>& date) {
  return date ? boost::json::value(date->ToIso()) : boost::json::value(nullptr);
}

boost::json::object GreenTrackJson(const domain::GreenChannelTrack& track) {
  boost::json::array priorities;
  for (const auto& p : track.priorities) {
    boost::json::object o{{"priority", domain::GreenPriorityCode(p.priority)},
                          {"name_zh", domain::GreenPriorityNameZh(p.priority)},
                          {"name_en", domain::GreenPriorityNameEn(p.priority)},
                          {"status", domain::PriorityStatusCode(p.status)},
                          {"target_days", p.target_days},
                          {"counted_from", DateOrNull(p.counted_from)},
                          {"target_date", DateOrNull(p.target_date)},
                          {"done_on", DateOrNull(p.done_on)}};
    if (p.after) {
      o["after_zh"] = domain::GreenPriorityNameZh(*p.after);
      o["after_en"] = domain::GreenPriorityNameEn(*p.after);
    }
    priorities.push_back(std::move(o));
  }
  return {{"flagged_on", DateOrNull(track.flagged_on)}, {"priorities", std::move(priorities)}};
}

boost::json::object TargetsJson(const domain::GreenChannelTargets& targets) {
  boost::json::array items;
  for (const auto& t : targets.targets) {
    boost::json::object o{{"priority", domain::GreenPriorityCode(t.priority)},
                          {"name_zh", domain::GreenPriorityNameZh(t.priority)},
                          {"name_en", domain::GreenPriorityNameEn(t.priority)},
                          {"days", t.days}};
    if (t.after) {
      o["after_zh"] = domain::GreenPriorityNameZh(*t.after);
      o["after_en"] = domain::GreenPriorityNameEn(*t.after);
    }
    items.push_back(std::move(o));
  }
  return {{"district_zh", targets.district_zh}, {"district_en", targets.district_en},
          {"status_tag", targets.status},       {"note_zh", targets.note_zh},
          {"note_en", targets.note_en},         {"targets", std::move(items)}};
}

// Why a clock is on this body's list, in words: its own duty, one it supervises, or one it oversees.
std::pair<std::string_view, std::string_view> ClockRoleName(std::string_view role) {
  if (role == "responsible") return {"本单位办理", "Ours to do"};
  if (role == "supervisor") return {"本单位监督", "We supervise"};
  if (role == "oversight") return {"逾期督办", "Overdue, for oversight"};
  return {"", ""};
}

boost::json::object ItemJson(const services::WorkItem& item) {
  boost::json::object out = CaseSummaryJson(item.summary);
  boost::json::array reasons, clocks, steps, execution;
  for (auto r : item.reasons) {
    reasons.push_back({{"code", domain::WorkReasonCode(r)}, {"name_zh", domain::WorkReasonNameZh(r)},
                       {"name_en", domain::WorkReasonNameEn(r)}});
  }
  for (const auto& c : item.clocks) {
    auto clock = ClockJson(c.clock);
    clock["role"] = c.role;
    const auto [role_zh, role_en] = ClockRoleName(c.role);
    clock["role_zh"] = role_zh;
    clock["role_en"] = role_en;
    clocks.push_back(std::move(clock));
  }
  for (auto s : item.next_steps) {
    steps.push_back({{"event", domain::CaseEventCode(s)}, {"name_zh", domain::CaseEventNameZh(s)},
                     {"name_en", domain::CaseEventNameEn(s)}});
  }
  for (const auto& w : item.execution) {
    execution.push_back({{"worker_id", w.worker_id}, {"name", w.name}, {"owed", FenJson(w.owed_fen)},
                         {"paid_by_execution", FenJson(w.paid_by_execution_fen)},
                         {"outstanding", FenJson(w.outstanding_fen)}});
  }
  out["reasons"] = std::move(reasons);
  out["clocks"] = std::move(clocks);
  out["next_steps"] = std::move(steps);
  out["green_channel"] = item.green_channel ? boost::json::value(GreenTrackJson(*item.green_channel)) : nullptr;
  out["execution"] = std::move(execution);
  return out;
}

}  // namespace

void RegisterWorklistRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/worklist", Authed(context, [&context](http::Request& request, const services::Principal& who) {
               auto list = context.cases->worklist.Get(who);
               if (!list) return Problem(request, list.error());
               boost::json::array items;
               // Sections in the order the reasons first appear in the (already ordered) items.
               std::vector<domain::WorkReason> order;
               std::vector<std::int64_t> counts;
               for (const auto& item : list->items) {
                 items.push_back(ItemJson(item));
                 for (auto r : item.reasons) {
                   auto it = std::find(order.begin(), order.end(), r);
                   if (it == order.end()) {
                     order.push_back(r);
                     counts.push_back(1);
                   } else {
                     ++counts[static_cast<std::size_t>(it - order.begin())];
                   }
                 }
               }
               boost::json::array sections;
               for (std::size_t i = 0; i < order.size(); ++i) {
                 sections.push_back({{"code", domain::WorkReasonCode(order[i])},
                                     {"name_zh", domain::WorkReasonNameZh(order[i])},
                                     {"name_en", domain::WorkReasonNameEn(order[i])},
                                     {"count", counts[i]}});
               }
               boost::json::object out{{"body", list->body_code},
                                       {"items", std::move(items)},
                                       {"sections", std::move(sections)},
                                       {"total", static_cast<std::int64_t>(list->items.size())},
                                       {"overdue", list->overdue},
                                       {"due_soon", list->due_soon},
                                       {"outstanding", FenJson(list->outstanding_fen)},
                                       {"truncated", list->truncated}};
               out["green_channel_targets"] =
                   list->green_channel_targets ? boost::json::value(TargetsJson(*list->green_channel_targets)) : nullptr;
               // 检察建议 awaiting the caller's body: its replies, or the procuratorate's evaluations.
               boost::json::array recommendations;
               const auto period = context.recommendations->PeriodInForce();
               for (const auto& r : context.recommendations->AwaitingAction(who, 50)) {
                 recommendations.push_back(RecommendationJson(r, period));
               }
               out["recommendations"] = std::move(recommendations);
               return http::Response::Json(200, out);
             }));
}

}  // namespace wagelink::api
