#pragma once
// The court's green channel for wage cases (PRODUCT.md: 优先调解、优先受理、优先起诉、优先审判、优先执行):
// each flagged priority tracked as a date against a target the district sets. LEGAL.md gives no
// national figure for any of them, so the targets are the district's own (LOCAL) and come from data/.
// Pure: the caller hands in the case's civil steps and today's date.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/case_events.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

enum class GreenPriority { kMediation, kAcceptance, kFiling, kTrial, kExecution };

std::span<const GreenPriority> AllGreenPriorities();
// The flag codes of the record_civil_step payload: priority_mediation … priority_execution.
std::string_view GreenPriorityCode(GreenPriority priority);
std::string_view GreenPriorityNameZh(GreenPriority priority);
std::string_view GreenPriorityNameEn(GreenPriority priority);
std::optional<GreenPriority> ParseGreenPriority(std::string_view code);

// Days from an anchor: the day the channel was flagged, or the day an earlier priority was done.
struct GreenTarget {
  GreenPriority priority = GreenPriority::kMediation;
  std::optional<GreenPriority> after;  // empty: counted from the day the case was flagged
  int days = 0;                        // calendar days
};

struct GreenChannelTargets {
  std::string district_zh, district_en;
  std::string status;  // LOCAL: the district's own figures, not a national rule
  std::string note_zh, note_en;
  std::vector<GreenTarget> targets;  // one per priority, in AllGreenPriorities() order
};

// Refuses a file without exactly one target per priority, a non-positive day count, an anchor on
// the priority itself or a status other than LOCAL (no national figure exists to cite).
Result<GreenChannelTargets> ParseGreenChannelTargets(std::string_view json);

// One record_civil_step of the case, as the timeline holds it.
struct CivilStepRecord {
  CivilDate on;  // the Shanghai date of the step
  CivilStepKind kind = CivilStepKind::kMediation;
  GreenChannel flags;
};

enum class PriorityStatus { kNotFlagged, kWaiting, kRunning, kOverdue, kMet, kMetLate };
std::string_view PriorityStatusCode(PriorityStatus status);

struct PriorityTrack {
  GreenPriority priority = GreenPriority::kMediation;
  PriorityStatus status = PriorityStatus::kNotFlagged;
  int target_days = 0;
  std::optional<GreenPriority> after;
  std::optional<CivilDate> counted_from;  // the anchor's date, once known
  std::optional<CivilDate> target_date;
  std::optional<CivilDate> done_on;       // the first matching civil step
};

struct GreenChannelTrack {
  std::optional<CivilDate> flagged_on;  // the first step that set a priority flag
  std::vector<PriorityTrack> priorities;
};

// Which civil step completes a priority: mediation → 调解, acceptance → 受理, filing → 起诉 (litigation),
// trial → 审结 (judgment), execution → 执行.
CivilStepKind CompletingStep(GreenPriority priority);

GreenChannelTrack TrackGreenChannel(const GreenChannelTargets& targets, std::span<const CivilStepRecord> steps,
                                    CivilDate today);

}  // namespace wagelink::domain
