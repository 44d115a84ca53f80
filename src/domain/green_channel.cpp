#include "domain/green_channel.h"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>

namespace wagelink::domain {
namespace {

struct PriorityInfo {
  GreenPriority priority;
  std::string_view code, zh, en;
  CivilStepKind completed_by;
};

constexpr std::array<PriorityInfo, 5> kPriorities{{
    {GreenPriority::kMediation, "priority_mediation", "优先调解", "priority mediation", CivilStepKind::kMediation},
    {GreenPriority::kAcceptance, "priority_acceptance", "优先受理", "priority acceptance", CivilStepKind::kAcceptance},
    {GreenPriority::kFiling, "priority_filing", "优先起诉/立案", "priority filing", CivilStepKind::kLitigation},
    {GreenPriority::kTrial, "priority_trial", "优先审判", "priority trial", CivilStepKind::kJudgment},
    {GreenPriority::kExecution, "priority_execution", "优先执行", "priority execution", CivilStepKind::kExecution},
}};

constexpr std::array<GreenPriority, 5> kAll{GreenPriority::kMediation, GreenPriority::kAcceptance, GreenPriority::kFiling,
                                            GreenPriority::kTrial, GreenPriority::kExecution};

const PriorityInfo& InfoOf(GreenPriority priority) { return kPriorities[static_cast<std::size_t>(priority)]; }

bool Flagged(const GreenChannel& flags, GreenPriority priority) {
  switch (priority) {
    case GreenPriority::kMediation: return flags.priority_mediation;
    case GreenPriority::kAcceptance: return flags.priority_acceptance;
    case GreenPriority::kFiling: return flags.priority_filing;
    case GreenPriority::kTrial: return flags.priority_trial;
    case GreenPriority::kExecution: return flags.priority_execution;
  }
  return false;
}

bool AnyFlag(const GreenChannel& flags) {
  return std::any_of(kAll.begin(), kAll.end(), [&](GreenPriority p) { return Flagged(flags, p); });
}

Error BadFile(const std::string& zh, const std::string& en) {
  return MakeError(ErrorCode::kValidationFailed, "绿色通道目标：" + zh, "green-channel targets: " + en);
}

}  // namespace

std::span<const GreenPriority> AllGreenPriorities() { return kAll; }
std::string_view GreenPriorityCode(GreenPriority priority) { return InfoOf(priority).code; }
std::string_view GreenPriorityNameZh(GreenPriority priority) { return InfoOf(priority).zh; }
std::string_view GreenPriorityNameEn(GreenPriority priority) { return InfoOf(priority).en; }
CivilStepKind CompletingStep(GreenPriority priority) { return InfoOf(priority).completed_by; }

std::optional<GreenPriority> ParseGreenPriority(std::string_view code) {
  for (const auto& info : kPriorities) {
    if (info.code == code) return info.priority;
  }
  return std::nullopt;
}

std::string_view PriorityStatusCode(PriorityStatus status) {
  switch (status) {
    case PriorityStatus::kNotFlagged: return "not_flagged";
    case PriorityStatus::kWaiting: return "waiting";
    case PriorityStatus::kRunning: return "running";
    case PriorityStatus::kOverdue: return "overdue";
    case PriorityStatus::kMet: return "met";
    case PriorityStatus::kMetLate: return "met_late";
  }
  return "not_flagged";
}

Result<GreenChannelTargets> ParseGreenChannelTargets(std::string_view json) {
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(json, ec);
  if (ec || !root.is_object()) return BadFile("不是 JSON 对象", "not a JSON object");
  const auto& o = root.as_object();
  GreenChannelTargets out;
  auto text = [&](std::string_view key) -> std::string {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  out.district_zh = text("district_zh");
  out.district_en = text("district_en");
  out.status = text("status");
  out.note_zh = text("note_zh");
  out.note_en = text("note_en");
  if (out.status != "LOCAL") return BadFile("status 须为 LOCAL（全国无统一时限）", "status must be LOCAL (no national figure)");
  const auto* targets = o.if_contains("targets");
  if (!targets || !targets->is_array()) return BadFile("缺少 targets", "targets missing");
  for (GreenPriority priority : kAll) {
    const boost::json::object* found = nullptr;
    for (const auto& item : targets->as_array()) {
      if (item.is_object() && item.as_object().contains("priority") && item.at("priority").is_string() &&
          item.at("priority").as_string() == GreenPriorityCode(priority)) {
        if (found) return BadFile(std::string(GreenPriorityCode(priority)) + " 重复", std::string(GreenPriorityCode(priority)) + " twice");
        found = &item.as_object();
      }
    }
    if (!found) return BadFile("缺少 " + std::string(GreenPriorityCode(priority)), std::string(GreenPriorityCode(priority)) + " missing");
    GreenTarget target{.priority = priority};
    const auto* days = found->if_contains("days");
    if (!days || !days->is_int64() || days->as_int64() <= 0 || days->as_int64() > 3650) {
      return BadFile(std::string(GreenPriorityCode(priority)) + " 的 days 须为 1–3650 的整数",
                     std::string(GreenPriorityCode(priority)) + ": days must be an integer 1–3650");
    }
    target.days = static_cast<int>(days->as_int64());
    if (const auto* after = found->if_contains("after"); after && !after->is_null()) {
      auto anchor = after->is_string() ? ParseGreenPriority(after->as_string()) : std::nullopt;
      if (!anchor || *anchor == priority) {
        return BadFile(std::string(GreenPriorityCode(priority)) + " 的 after 无效",
                       std::string(GreenPriorityCode(priority)) + ": bad after");
      }
      target.after = anchor;
    }
    out.targets.push_back(target);
  }
  if (targets->as_array().size() != kAll.size()) return BadFile("targets 须恰好 5 项", "targets must have exactly 5 entries");
  return out;
}

GreenChannelTrack TrackGreenChannel(const GreenChannelTargets& targets, std::span<const CivilStepRecord> steps,
                                    CivilDate today) {
  GreenChannelTrack track;
  GreenChannel flags;  // cumulative: a later step may add a priority
  for (const auto& step : steps) {
    if (AnyFlag(step.flags) && !track.flagged_on) track.flagged_on = step.on;
    for (GreenPriority p : kAll) {
      if (Flagged(step.flags, p)) {
        if (p == GreenPriority::kMediation) flags.priority_mediation = true;
        if (p == GreenPriority::kAcceptance) flags.priority_acceptance = true;
        if (p == GreenPriority::kFiling) flags.priority_filing = true;
        if (p == GreenPriority::kTrial) flags.priority_trial = true;
        if (p == GreenPriority::kExecution) flags.priority_execution = true;
      }
    }
  }
  auto done_on = [&](GreenPriority p) -> std::optional<CivilDate> {
    for (const auto& step : steps) {
      if (step.kind == CompletingStep(p)) return step.on;
    }
    return std::nullopt;
  };
  for (const auto& target : targets.targets) {
    PriorityTrack t{.priority = target.priority, .target_days = target.days, .after = target.after};
    t.done_on = done_on(target.priority);
    if (!track.flagged_on || !Flagged(flags, target.priority)) {
      t.status = PriorityStatus::kNotFlagged;
      track.priorities.push_back(t);
      continue;
    }
    t.counted_from = target.after ? done_on(*target.after) : track.flagged_on;
    // A priority whose anchor was never reached (e.g. no mediation before filing) counts from the flag.
    if (!t.counted_from && t.done_on) t.counted_from = track.flagged_on;
    if (t.counted_from) t.target_date = t.counted_from->AddDays(target.days);
    if (t.done_on) {
      t.status = !t.target_date || *t.done_on <= *t.target_date ? PriorityStatus::kMet : PriorityStatus::kMetLate;
    } else if (!t.target_date) {
      t.status = PriorityStatus::kWaiting;
    } else {
      t.status = today > *t.target_date ? PriorityStatus::kOverdue : PriorityStatus::kRunning;
    }
    track.priorities.push_back(t);
  }
  return track;
}

}  // namespace wagelink::domain
