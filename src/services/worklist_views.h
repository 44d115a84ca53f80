#pragma once
// What the worklist hands out (GET /api/v1/worklist): the caller's cases needing action, each with
// why it is there, its clocks, the steps the caller may take now, and for the court the green
// channel's tracked dates and what execution paid each worker.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_events.h"
#include "domain/green_channel.h"
#include "domain/worklist.h"
#include "services/case_views.h"

namespace wagelink::services {

struct WorkClockView {
  ClockView clock;
  std::string role;  // responsible | supervisor | oversight
};

// What execution (payer court_execution) paid one worker, beside what the worker is owed.
struct WorkerExecutionView {
  std::int64_t worker_id = 0;
  std::string name;
  std::int64_t owed_fen = 0;
  std::int64_t paid_by_execution_fen = 0;
  std::int64_t outstanding_fen = 0;
};

struct WorkItem {
  CaseSummary summary;
  std::vector<domain::WorkReason> reasons;
  std::vector<WorkClockView> clocks;           // open clocks that concern the caller, soonest first
  std::vector<domain::CaseEvent> next_steps;   // what the caller may take now
  std::optional<domain::GreenChannelTrack> green_channel;
  std::vector<WorkerExecutionView> execution;  // court items: per worker
};

struct Worklist {
  std::string body_code;
  std::vector<WorkItem> items;  // overdue first, then by the soonest due clock, then most recently changed
  std::int64_t overdue = 0;     // open clocks of the items past due
  std::int64_t due_soon = 0;    // open clocks due within three days
  std::int64_t outstanding_fen = 0;
  bool truncated = false;       // more open cases in scope than the worklist reads (kWorklistCaseCap)
  const domain::GreenChannelTargets* green_channel_targets = nullptr;  // for the court
};

}  // namespace wagelink::services
