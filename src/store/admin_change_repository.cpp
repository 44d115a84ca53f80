#include "store/admin_change_repository.h"

namespace wagelink::store {
namespace {

#define WAGELINK_ADMIN_CHANGE_SELECT                                                                   \
  "SELECT r.id, r.target_user_id, t.display_name, r.requested_by, q.display_name, r.change_json, "    \
  "r.status, r.created_at, r.decided_by, d.display_name, r.decided_at FROM admin_change_requests r "  \
  "JOIN users t ON t.id = r.target_user_id JOIN users q ON q.id = r.requested_by "                    \
  "LEFT JOIN users d ON d.id = r.decided_by "
constexpr std::string_view kSelectOne = WAGELINK_ADMIN_CHANGE_SELECT "WHERE r.id = ?";
constexpr std::string_view kSelectAll = WAGELINK_ADMIN_CHANGE_SELECT "ORDER BY r.id DESC LIMIT ?";
constexpr std::string_view kSelectByStatus = WAGELINK_ADMIN_CHANGE_SELECT "WHERE r.status = ? ORDER BY r.id DESC LIMIT ?";
#undef WAGELINK_ADMIN_CHANGE_SELECT
constexpr std::string_view kInsert =
    "INSERT INTO admin_change_requests (target_user_id, requested_by, change_json, status, created_at) "
    "VALUES (?, ?, ?, 'pending', ?) RETURNING id";
constexpr std::string_view kDecide =
    "UPDATE admin_change_requests SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'";
constexpr std::string_view kCountPending =
    "SELECT COUNT(*) FROM admin_change_requests WHERE target_user_id = ? AND status = 'pending'";

AdminChangeRow ToRow(const Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.OptInt(8),
          r.OptText(9), r.OptText(10)};
}

}  // namespace

std::int64_t AdminChangeRepository::Insert(std::int64_t target_user_id, std::int64_t requested_by,
                                           const std::string& change_json, const std::string& now) {
  return c_.InsertReturningId(kInsert, {target_user_id, requested_by, change_json, now});
}

std::optional<AdminChangeRow> AdminChangeRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne(kSelectOne, {id});
  if (!row) return std::nullopt;
  return ToRow(*row);
}

std::vector<AdminChangeRow> AdminChangeRepository::List(const std::string& status, std::int64_t limit) {
  std::vector<AdminChangeRow> out;
  auto collect = [&](const Row& r) { out.push_back(ToRow(r)); };
  if (status.empty()) {
    c_.Stream(kSelectAll, {limit}, collect);
  } else {
    c_.Stream(kSelectByStatus, {status, limit}, collect);
  }
  return out;
}

bool AdminChangeRepository::Decide(std::int64_t id, const std::string& status, std::int64_t decided_by,
                                   const std::string& now) {
  return c_.Execute(kDecide, {status, decided_by, now, id}) > 0;
}

bool AdminChangeRepository::HasPendingFor(std::int64_t target_user_id) {
  auto row = c_.QueryOne(kCountPending, {target_user_id});
  return row && row->Int(0) > 0;
}

}  // namespace wagelink::store
