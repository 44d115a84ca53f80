#include "store/job_lease_repository.h"

namespace wagelink::store {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING";
constexpr std::string_view kTake =
    "UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)";
constexpr std::string_view kRelease = "UPDATE job_leases SET expires_at = '' WHERE name = ? AND holder = ?";
}  // namespace

bool JobLeaseRepository::TryAcquire(std::string_view name, std::string_view holder, const std::string& now,
                                    const std::string& expires_at) {
  std::string n(name), h(holder);
  if (c_.Execute(kInsert, {n, h, expires_at}) == 1) return true;
  return c_.Execute(kTake, {h, expires_at, n, h, now}) == 1;
}

void JobLeaseRepository::Release(std::string_view name, std::string_view holder) {
  c_.Execute(kRelease, {std::string(name), std::string(holder)});
}

}  // namespace wagelink::store
