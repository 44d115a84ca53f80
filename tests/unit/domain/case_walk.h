#pragma once
// Plays the service's part for the case-machine tests: keeps a case's snapshot and clocks, asks
// Decide for each step and applies the transition the way the service must (stops, then extensions,
// then starts), with the real rule catalog and calendar from data/.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/case_machine.h"
#include "domain/statutory_clock.h"
#include "domain/step_documents.h"
#include "reference_data.h"

namespace wagelink::domain::test {

struct Actor {
  std::string body;
  std::vector<std::string> permissions;
};

// The roles of security/roles.h, by the permission codes they hold.
inline const Actor kHandler{"hrss", {"case.read", "case.write", "case.export"}};
inline const Actor kHead{"hrss", {"case.read", "case.write", "case.transfer.approve"}};
inline const Actor kPoliceOfficer{"police", {"case.read", "case.police.act"}};
inline const Actor kProsecutor{"procuratorate", {"case.read", "case.procuratorate.act"}};
inline const Actor kJudge{"court", {"case.read", "case.court.act"}};
inline const Actor kLegalAidOfficer{"justice", {"case.read", "legal_aid.act"}};
inline const Actor kCoordinator{"wage_office", {"case.read", "case.export", "risk.write"}};

inline StepRequest Request(CaseEvent event, const Actor& actor, std::string_view at, StepPayload payload = {},
                           std::string reason = {}) {
  return StepRequest{event, actor.body, actor.permissions, At(at), std::move(reason), std::move(payload)};
}

// A case resting in `state`, its last step taken on 2026-03-01 (the tests of single steps start here).
inline CaseSnapshot InState(CaseState state) {
  CaseSnapshot snapshot;
  snapshot.progress.state = state;
  snapshot.progress.last_step_at = At("2026-03-01T10:00:00+08:00");
  // Its documents are on file: the document gates are tested on their own (step_documents_test.cpp).
  for (const auto& document : StepDocuments()) snapshot.context.issued_documents.emplace_back(document.kind);
  return snapshot;
}

class CaseWalk {
 public:
  // A case registered at `received_at` (L01 starts).
  explicit CaseWalk(std::string_view received_at, const TimeLimitCatalog& catalog = OfficialTimeLimits())
      : catalog_(catalog) {
    const CaseOpening opening = OpenCase(At(received_at));
    snapshot.progress = opening.progress;
    Start(opening.clocks_to_start);
  }
  // A case picked up in the middle (the earlier steps are not under test).
  explicit CaseWalk(CaseProgress progress, const TimeLimitCatalog& catalog = OfficialTimeLimits()) : catalog_(catalog) {
    snapshot.progress = std::move(progress);
    for (const auto& document : StepDocuments()) snapshot.context.issued_documents.emplace_back(document.kind);
  }

  Transition Step(CaseEvent event, const Actor& actor, std::string_view at, StepPayload payload = {},
                  std::string reason = {}) {
    const StepRequest request = Request(event, actor, at, std::move(payload), std::move(reason));
    auto decided = Decide(snapshot, request);
    if (!decided) throw std::runtime_error("refused: " + decided.error().message_en);
    Apply(*decided);
    // The service issues the step's documents with it (services/step_documents.cpp).
    if (auto issued = DocumentsIssuedBy(request, {})) {
      for (auto kind : *issued) snapshot.context.issued_documents.emplace_back(kind);
    }
    return std::move(decided).value();
  }

  // Every clock ever started with this rule id, latest last.
  std::vector<StatutoryClock> ClocksOf(std::string_view rule_id) const {
    std::vector<StatutoryClock> found;
    for (const auto& clock : clocks) {
      if (clock.rule_id == rule_id) found.push_back(clock);
    }
    return found;
  }
  const StatutoryClock& Clock(std::string_view rule_id) const {
    for (auto it = clocks.rbegin(); it != clocks.rend(); ++it) {
      if (it->rule_id == rule_id) return *it;
    }
    throw std::runtime_error("no clock " + std::string(rule_id));
  }
  bool Has(std::string_view rule_id) const { return !ClocksOf(rule_id).empty(); }

  CaseSnapshot snapshot;
  std::vector<StatutoryClock> clocks;

 private:
  void Apply(const Transition& transition) {
    const Instant at = *transition.progress.last_step_at;
    for (const ClockStop& stop : transition.clocks_to_stop) {
      for (auto& clock : clocks) {
        if (clock.rule_id == stop.rule_id && !clock.stopped_at) clock = StopClock(clock, at, stop.outcome);
      }
    }
    for (const ClockExtension& extension : transition.clocks_to_extend) {
      for (auto& clock : clocks) {
        if (clock.rule_id != extension.rule_id || clock.stopped_at) continue;
        auto extended = ExtendClock(clock, *catalog_.Find(clock.rule_id), OfficialCalendar());
        if (!extended) throw std::runtime_error(extended.error().message_en);
        clock = std::move(extended).value();
      }
    }
    Start(transition.clocks_to_start);
    snapshot.progress = transition.progress;
    RefreshExtendable();
  }

  void Start(const std::vector<ClockStart>& starts) {
    auto started = StartClocks(starts, catalog_, OfficialCalendar());
    if (!started) throw std::runtime_error(started.error().message_en);
    for (auto& clock : *started) clocks.push_back(std::move(clock));
    RefreshExtendable();
  }

  void RefreshExtendable() {
    auto& ids = snapshot.context.extendable_clocks;
    ids.clear();
    for (const auto& clock : clocks) {
      const TimeLimitRule* rule = catalog_.Find(clock.rule_id);
      if (!clock.stopped_at && rule != nullptr &&
          static_cast<std::size_t>(clock.extensions_applied) < rule->extensions.size()) {
        ids.push_back(clock.rule_id);
      }
    }
  }

  const TimeLimitCatalog& catalog_;
};

inline ClockStatus StatusAt(const StatutoryClock& clock, std::string_view now) {
  return Evaluate(clock, At(now)).status;
}

}  // namespace wagelink::domain::test
