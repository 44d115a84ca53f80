#pragma once
// Single-leader leases for scheduled jobs: several server instances share one database, and only
// the instance holding an unexpired lease runs a job.
#include <string>

#include "store/database.h"

namespace wagelink::store {

class JobLeaseRepository {
 public:
  explicit JobLeaseRepository(Connection& connection) : c_(connection) {}
  // Takes or renews the lease until `expires_at`; false when another holder's lease is still valid.
  bool TryAcquire(std::string_view name, std::string_view holder, const std::string& now, const std::string& expires_at);
  // Gives the lease up at once (graceful stop), so a restarted instance need not wait for it to expire.
  void Release(std::string_view name, std::string_view holder);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
