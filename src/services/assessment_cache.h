#pragma once
// Crime-elements assessments keyed by their exact input. A case read assesses the case every time
// (the result depends on the clock: whether the order's deadline has passed), but between steps
// the input rarely changes, and building the explanation is a large share of a read's CPU. The
// key is the serialized input plus the figures of the profile it names, so an operator's change of
// figures never serves a stale result. Bounded: it is cleared when full.
#include <boost/json/value.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wagelink::services {

// One assessment as JSON and as the text a response embeds, so a case read neither copies nor
// re-serializes it.
struct CachedAssessment {
  boost::json::value json;
  std::string text;
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
