#include "store/settings_repository.h"

namespace wagelink::store {
namespace {
constexpr std::string_view kSelect = "SELECT value FROM settings WHERE key = ?";
constexpr std::string_view kUpsert =
    "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
}  // namespace

std::optional<std::string> SettingsRepository::Get(std::string_view key) {
  auto row = c_.QueryOne(kSelect, {std::string(key)});
  if (!row) return std::nullopt;
  return row->Text(0);
}

void SettingsRepository::Put(std::string_view key, std::string_view value, const std::string& now,
                             std::string_view updated_by) {
  c_.Execute(kUpsert, {std::string(key), std::string(value), now, std::string(updated_by)});
}

}  // namespace wagelink::store
