#include "core/request_metrics.h"

#include <algorithm>
#include <mutex>

namespace wagelink {
namespace {

std::string_view StatusClass(int status) {
  static constexpr std::array<std::string_view, 6> kClasses = {"1xx", "1xx", "2xx", "3xx", "4xx", "5xx"};
  return kClasses[static_cast<std::size_t>(std::clamp(status / 100, 1, 5))];
}

}  // namespace

void RequestMetrics::Record(std::string_view method, std::string_view route, int status, std::int64_t duration_us) {
  auto key = std::make_tuple(route, method, StatusClass(status));
  Counters* counters = nullptr;
  {
    std::shared_lock lock(mutex_);
    if (auto it = series_.find(key); it != series_.end()) counters = it->second.get();
  }
  if (!counters) {
    std::unique_lock lock(mutex_);
    auto [it, added] = series_.try_emplace(Key(std::get<0>(key), std::get<1>(key), std::get<2>(key)), nullptr);
    if (added) it->second = std::make_unique<Counters>();
    counters = it->second.get();
  }
  auto micros = static_cast<std::uint64_t>(std::max<std::int64_t>(0, duration_us));
  counters->count.fetch_add(1, std::memory_order_relaxed);
  counters->sum_us.fetch_add(micros, std::memory_order_relaxed);
  double seconds = static_cast<double>(micros) / 1e6;
  auto bucket = std::lower_bound(kLatencyBucketsSeconds.begin(), kLatencyBucketsSeconds.end(), seconds);
  if (bucket != kLatencyBucketsSeconds.end()) {
    counters->buckets[static_cast<std::size_t>(bucket - kLatencyBucketsSeconds.begin())].fetch_add(
        1, std::memory_order_relaxed);
  }
}

std::vector<RequestSeries> RequestMetrics::Snapshot() const {
  std::shared_lock lock(mutex_);
  std::vector<RequestSeries> out;
  out.reserve(series_.size());
  for (const auto& [key, counters] : series_) {
    RequestSeries series{std::get<1>(key), std::get<0>(key), std::get<2>(key)};
    series.count = counters->count.load(std::memory_order_relaxed);
    series.sum_seconds = static_cast<double>(counters->sum_us.load(std::memory_order_relaxed)) / 1e6;
    std::uint64_t running = 0;
    for (std::size_t i = 0; i < kLatencyBucketsSeconds.size(); ++i) {
      running += counters->buckets[i].load(std::memory_order_relaxed);
      series.cumulative_buckets[i] = running;
    }
    // A request recorded between the loads above may show in a bucket but not yet in the count;
    // the count is never below the buckets it covers.
    series.count = std::max(series.count, running);
    out.push_back(std::move(series));
  }
  return out;
}

}  // namespace wagelink
