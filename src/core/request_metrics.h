#pragma once
// Counts and times the requests the server answers, per route pattern (not per raw path: a case id
// in the path would make one series per case) and per status class, for GET /metrics.
//
// Recording is on every request's path, so it takes a shared lock and bumps atomics; a new series
// (a route first seen with a status class) takes the exclusive lock once.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace wagelink {

// Upper bounds of the latency buckets, in seconds (Prometheus `le`), chosen around the targets of
// docs/architecture.md: reads well under 50 ms, renderings under a second.
inline constexpr std::array<double, 12> kLatencyBucketsSeconds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

struct RequestSeries {
  std::string method;
  std::string route;         // the route pattern, "(static)" or "(unmatched)"
  std::string status_class;  // "2xx" … "5xx"
  std::uint64_t count = 0;
  double sum_seconds = 0;
  std::array<std::uint64_t, kLatencyBucketsSeconds.size()> cumulative_buckets{};  // requests ≤ each bound
};

class RequestMetrics {
 public:
  void Record(std::string_view method, std::string_view route, int status, std::int64_t duration_us);
  // Every series so far, ordered by route, method and status class.
  std::vector<RequestSeries> Snapshot() const;

 private:
  struct Counters {
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_us{0};
    std::array<std::atomic<std::uint64_t>, kLatencyBucketsSeconds.size()> buckets{};  // per bucket, not cumulative
  };
  using Key = std::tuple<std::string, std::string, std::string>;  // route, method, status class
  // Orders stored keys and looked-up (string_view) keys alike, so recording a request allocates
  // nothing once its series exists. Written out because clang cannot compare tuples of different
  // element types through std::less<> with libstdc++ 12.
  struct KeyOrder {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return Viewed(a) < Viewed(b);
    }
    template <class T>
    static std::tuple<std::string_view, std::string_view, std::string_view> Viewed(const T& key) {
      return {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
    }
  };
  mutable std::shared_mutex mutex_;
  std::map<Key, std::unique_ptr<Counters>, KeyOrder> series_;
};

}  // namespace wagelink
