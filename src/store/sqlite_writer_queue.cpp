#include "store/sqlite_writer_queue.h"

#include <filesystem>
#include <map>

namespace wagelink::store {

std::shared_ptr<SqliteWriterQueue> SqliteWriterQueue::ForFile(const std::string& path) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<SqliteWriterQueue>> registry;
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  const std::string key = ec ? path : canonical.string();
  std::lock_guard lock(registry_mutex);
  std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });  // closed databases
  auto& slot = registry[key];
  if (auto queue = slot.lock()) return queue;
  auto queue = std::make_shared<SqliteWriterQueue>();
  slot = queue;
  return queue;
}

bool SqliteWriterQueue::Enter(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  if (turn_changed_.wait_for(lock, patience, [&] { return serving_ == ticket; })) return true;
  abandoned_.insert(ticket);
  return false;
}

void SqliteWriterQueue::Leave() {
  {
    std::lock_guard lock(mutex_);
    ++serving_;
    while (abandoned_.erase(serving_) > 0) ++serving_;
  }
  turn_changed_.notify_all();
}

}  // namespace wagelink::store
