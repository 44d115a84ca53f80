#include "services/notification_hub.h"

#include <algorithm>

#include "core/log_event.h"

namespace wagelink::services {
namespace {

LiveNotice LiveNoticeOf(const store::NewNotice& n) {
  return {.id = n.id,
          .kind = n.kind,
          .category = n.category,
          .title_zh = n.title_zh,
          .title_en = n.title_en,
          .case_id = n.case_id,
          .created_at = n.created_at};
}

}  // namespace

NotificationHub::~NotificationHub() { Stop(); }

void NotificationHub::Start() {
  if (thread_.joinable()) return;
  {
    // The cursor is read here, before the server takes its first request, not by the first poll:
    // a poll delayed under load (the pool busy with start-up jobs) or failing once would otherwise
    // start from whatever was newest by then and step over notices written in between.
    auto connection = db_.Acquire();
    store::NotificationOutboxRepository notices(*connection);
    std::lock_guard lock(mutex_);
    last_id_ = notices.LastNotificationId();
  }
  thread_ = std::thread([this] { Loop(); });
}

void NotificationHub::Stop() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool NotificationHub::IsFor(const Subscription& s, const store::NewNotice& notice) {
  if (notice.body_code != s.body_code || (notice.user_id && *notice.user_id != s.user_id)) return false;
  return !s.muted_categories.contains(notice.category);
}

void NotificationHub::SetSessionCheck(SessionCheck check, std::chrono::milliseconds every) {
  session_check_ = std::move(check);
  session_check_every_ = every;
}

std::uint64_t NotificationHub::Subscribe(std::string body_code, std::int64_t user_id, std::int64_t session_id,
                                         Listener listener, std::function<void()> on_session_ended,
                                         std::optional<std::int64_t> replay_after,
                                         const std::function<void()>& on_too_far_behind) {
  auto connection = db_.Acquire();
  store::NotificationOutboxRepository notices(*connection);
  std::set<std::string> muted;
  for (const auto& preference : notices.Preferences(user_id)) {
    if (!preference.inbox) muted.insert(preference.category);
  }
  Subscription subscription{std::move(body_code), user_id, std::move(muted), std::move(listener), session_id,
                            std::move(on_session_ended)};
  // Held across the replay so the poller cannot deliver a newer notice before the replayed ones.
  std::lock_guard lock(mutex_);
  if (replay_after) {
    auto missed = notices.After(*replay_after, kMaxReplay + 1);
    if (static_cast<std::int64_t>(missed.size()) > kMaxReplay) {
      if (on_too_far_behind) on_too_far_behind();
    } else {
      for (const auto& notice : missed) {
        if (IsFor(subscription, notice)) subscription.listener(LiveNoticeOf(notice));
      }
    }
  }
  subscriptions_.emplace(++next_id_, std::move(subscription));
  return next_id_;
}

void NotificationHub::Unsubscribe(std::uint64_t subscription) {
  std::lock_guard lock(mutex_);
  subscriptions_.erase(subscription);
}

std::size_t NotificationHub::subscriber_count() {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

void NotificationHub::NoteGapsBelow(std::int64_t id) {
  // A sequence jump far larger than any burst of writes (ids used by a huge rolled-back import) is
  // only tracked for its top kMaxGaps ids.
  for (std::int64_t missing = std::max(last_id_ + 1, id - static_cast<std::int64_t>(kMaxGaps)); missing < id; ++missing) {
    gaps_.emplace(missing, std::nullopt);
  }
  while (gaps_.size() > kMaxGaps) gaps_.erase(gaps_.begin());
}

std::vector<store::NewNotice> NotificationHub::ReadFresh(store::NotificationOutboxRepository& notices) {
  // Every read comes first and the cursor and gaps change only once all succeeded: a poll that
  // fails half-way (the database restarting) leaves them as they were, so the next poll reads the
  // same notices again instead of having stepped over them undelivered.
  std::vector<store::NewNotice> above;
  for (std::int64_t cursor = last_id_;;) {
    auto batch = notices.After(cursor, 500);
    if (!batch.empty()) cursor = batch.back().id;
    for (auto& notice : batch) above.push_back(std::move(notice));
    if (batch.size() < 500) break;
  }
  std::vector<std::int64_t> wanted;
  for (const auto& gap : gaps_) {
    if (wanted.size() == 500) break;
    wanted.push_back(gap.first);
  }
  auto filled = notices.WithIds(wanted);
  // Read after the rows, so a transaction holding a gap's id was already running: its id is below
  // next_to_start, and once oldest_running passes that it has ended without committing the notice.
  const auto horizon = (above.empty() && gaps_.empty()) ? std::nullopt : notices.CurrentWriterHorizon();

  for (const auto& notice : above) {
    NoteGapsBelow(notice.id);
    last_id_ = notice.id;
  }
  std::vector<store::NewNotice> fresh = std::move(above);
  for (auto& notice : filled) {
    if (gaps_.erase(notice.id) > 0) fresh.push_back(std::move(notice));
  }
  for (auto it = gaps_.begin(); it != gaps_.end();) {
    if (!horizon) {
      it = gaps_.erase(it);  // SQLite: ids commit in order, a gap is an id that was never used
    } else if (!it->second) {
      it->second = horizon->next_to_start;
      ++it;
    } else if (horizon->oldest_running >= *it->second) {
      it = gaps_.erase(it);
    } else {
      ++it;
    }
  }
  std::sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return fresh;
}

void NotificationHub::PollOnce() {
  std::vector<store::NewNotice> fresh;
  {
    auto connection = db_.Acquire();
    store::NotificationOutboxRepository notices(*connection);
    std::lock_guard lock(mutex_);
    // Read even while no tab is open, so a notice in flight when the first tab opens is not skipped.
    fresh = ReadFresh(notices);
    if (subscriptions_.empty()) return;
  }
  EndSubscriptionsOfEndedSessions(fresh);
  // A subscription made since the read above may get a notice it also replayed: the stream
  // drops ids it has already sent.
  std::lock_guard lock(mutex_);
  for (const auto& notice : fresh) {
    for (const auto& [id, s] : subscriptions_) {
      if (IsFor(s, notice)) s.listener(LiveNoticeOf(notice));
    }
  }
}

void NotificationHub::EndSubscriptionsOfEndedSessions(const std::vector<store::NewNotice>& fresh) {
  if (!session_check_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool full_check_due = now - last_full_check_ >= session_check_every_;
  std::set<std::int64_t> sessions;
  {
    std::lock_guard lock(mutex_);
    for (const auto& entry : subscriptions_) {
      const Subscription& s = entry.second;
      bool receives = std::any_of(fresh.begin(), fresh.end(), [&s](const store::NewNotice& n) { return IsFor(s, n); });
      if (full_check_due || receives) sessions.insert(s.session_id);
    }
  }
  if (full_check_due) last_full_check_ = now;
  std::set<std::int64_t> ended;
  for (auto session : sessions) {
    if (!session_check_(session)) ended.insert(session);
  }
  if (ended.empty()) return;
  std::lock_guard lock(mutex_);
  for (auto it = subscriptions_.begin(); it != subscriptions_.end();) {
    if (ended.contains(it->second.session_id)) {
      if (it->second.on_session_ended) it->second.on_session_ended();
      it = subscriptions_.erase(it);
    } else {
      ++it;
    }
  }
}

void NotificationHub::Loop() {
  std::unique_lock lock(stop_mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      PollOnce();
    } catch (const std::exception& e) {
      LogEvent(spdlog::level::warn, "notification_hub_poll_failed", {{"error", e.what()}});
    }
    lock.lock();
    if (wake_.wait_for(lock, poll_interval_, [this] { return stopping_ || woken_; }) && !stopping_) {
      // Woken by a commit: wait a moment for the commits right behind it, so that a burst of
      // writes costs one read rather than one per commit.
      wake_.wait_for(lock, kWakeUpGathering, [this] { return stopping_; });
    }
    woken_ = false;
  }
}

void NotificationHub::WakeUp() {
  {
    std::lock_guard lock(stop_mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

}  // namespace wagelink::services
