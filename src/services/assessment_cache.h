#pragma once
// Crime-elements assessments keyed by their exact input. A case read assesses the case every time
// (the result depends on the clock: whether the order's deadline has passed), but between steps
// the input rarely changes, and building the explanation is a large share of a read's CPU. The
// key is the serialized input plus the figures of the profile it names, so an operator's change of
// figures never serves a stale result. Bounded: it is cleared when full.
#include <boost/json/value.hpp>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/assessment_vocabulary.h"
#include "domain/crime_assessment.h"

namespace wagelink::services {

// One assessment as JSON and as the text a response embeds, so a case read neither copies nor
// re-serializes it; the input it was made from in the public contract (what `wagelink assess` takes);
// and the findings the workflow acts on (the 有案不移 watch, the screening, blacklist eligibility).
struct CachedAssessment {
  boost::json::value json;
  std::string text;
  std::string input_text;
  std::optional<bool> amount_met;
  domain::Recommendation recommendation = domain::Recommendation::kConsult;
  domain::BlacklistFinding blacklist;  // 45号令 §5 eligibility, with the criterion it rests on
  std::int64_t actor_unpaid_fen = 0;  // what the actor left unpaid after the order's deadline (or to date)
};

class AssessmentCache {
 public:
  static constexpr std::size_t kMaxEntries = 4096;

  std::shared_ptr<const CachedAssessment> Find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }

  void Store(const std::string& key, std::shared_ptr<const CachedAssessment> assessment) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_.emplace(key, std::move(assessment));
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const CachedAssessment>> entries_;
};

}  // namespace wagelink::services
