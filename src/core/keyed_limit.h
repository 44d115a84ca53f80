#pragma once
// A bounded resource shared fairly: each key (a client address, a user) may hold at most `per_key`
// slots at once, so one key cannot take what everybody needs — connections, in-flight requests,
// live-update streams, PDF and XLSX renderings. Thread-safe; a slot is given back when its handle
// is destroyed, so every exit path releases it. The limit must outlive the slots it handed out.
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace wagelink {

class KeyedLimit {
 public:
  explicit KeyedLimit(std::size_t per_key) : per_key_(per_key) {}
  KeyedLimit(const KeyedLimit&) = delete;
  KeyedLimit& operator=(const KeyedLimit&) = delete;

  class Slot {
   public:
    Slot(Slot&& other) noexcept : limit_(std::exchange(other.limit_, nullptr)), key_(std::move(other.key_)) {}
    Slot& operator=(Slot&& other) noexcept {
      if (this != &other) {
        Release();
        limit_ = std::exchange(other.limit_, nullptr);
        key_ = std::move(other.key_);
      }
      return *this;
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { Release(); }
    void Release() {
      if (limit_) std::exchange(limit_, nullptr)->Give(key_);
    }

   private:
    friend class KeyedLimit;
    Slot(KeyedLimit* limit, std::string key) : limit_(limit), key_(std::move(key)) {}
    KeyedLimit* limit_;
    std::string key_;
  };

  // A slot for `key`, or nullopt when the key already holds `per_key` of them.
  std::optional<Slot> TryAcquire(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto& held = held_[key];
    if (held >= per_key_) {
      if (held == 0) held_.erase(key);
      return std::nullopt;
    }
    ++held;
    return Slot(this, key);
  }
  std::size_t Held(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = held_.find(key);
    return it == held_.end() ? 0 : it->second;
  }
  std::size_t per_key() const { return per_key_; }

 private:
  void Give(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = held_.find(key);
    if (it != held_.end() && --it->second == 0) held_.erase(it);  // the map only holds active keys
  }
  std::size_t per_key_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> held_;
};

}  // namespace wagelink
