#pragma once
// One page of a list a service returns, with the total the pager shows.
#include <cstdint>
#include <vector>

namespace wagelink::services {

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  // Counting stops at a cap on large lists (cases, receipts): `total` is then "at least".
  bool total_is_lower_bound = false;
};

}  // namespace wagelink::services
