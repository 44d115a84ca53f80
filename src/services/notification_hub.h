#pragma once
// The in-process event hub behind live updates (SSE): open browser tabs subscribe per user and
// body; one background thread tails the notifications table by id and hands each new notice to the
// subscribers it is for. Tailing the table (an indexed `id > last` read every stream_poll_ms)
// rather than hooking every service means every notice reaches every instance's open tabs — also
// notices written by another instance or by the `sweep` command — and only after its commit.
//
// Ids are taken when a notice is written, not when it commits, so on PostgreSQL a notice can
// become visible after one with a higher id (two transactions committing in the other order). The
// tail therefore keeps the ids it skipped over as gaps and reads them again on every poll until
// they appear, or until every transaction that was running when the gap was seen has ended (the
// id's transaction rolled back). Each notice is handed to each subscription once.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/notification_outbox_repository.h"

namespace wagelink::services {

// A notice as an open tab receives it.
struct LiveNotice {
  std::int64_t id = 0;
  std::string kind;
  std::string category;
  std::string title_zh;
  std::string title_en;
  std::optional<std::int64_t> case_id;
  std::string created_at;
};

class NotificationHub {
 public:
  using Listener = std::function<void(const LiveNotice&)>;
  // True while the session may still receive: not revoked, not expired, its user not disabled.
  using SessionCheck = std::function<bool(std::int64_t session_id)>;

  NotificationHub(store::Database& db, std::chrono::milliseconds poll_interval)
      : db_(db), poll_interval_(poll_interval) {}
  ~NotificationHub();
  // Before each delivery and at least every `every`, the sessions of the open streams are checked;
  // a subscription whose session has ended gets `on_session_ended` once and is dropped. Set before Start.
  void SetSessionCheck(SessionCheck check, std::chrono::milliseconds every);
  // Reads where the tail starts (the newest notice now) and starts the background thread; call it
  // before the server accepts requests. Throws when the database cannot be read.
  void Start();
  void Stop();
  // `listener` runs on the hub thread for each new notice to this user (or the whole body) whose
  // category the user has not switched off for the inbox; it must not block.
  // With `replay_after` (a reconnecting tab's Last-Event-ID) the notices after it are replayed
  // first; when more than kMaxReplay would be, `on_too_far_behind` runs instead.
  // `on_session_ended` runs on the hub thread (or in Subscribe) when the session `session_id` ends.
  std::uint64_t Subscribe(std::string body_code, std::int64_t user_id, std::int64_t session_id, Listener listener,
                          std::function<void()> on_session_ended,
                          std::optional<std::int64_t> replay_after = std::nullopt,
                          const std::function<void()>& on_too_far_behind = {});
  static constexpr std::int64_t kMaxReplay = 1000;
  // After it returns the listener is never called again.
  void Unsubscribe(std::uint64_t subscription);
  // Delivers the notices committed since the last call (the background thread calls this).
  void PollOnce();
  // Polls now rather than at the end of the interval: new notices have committed (the wake-up
  // of store/postgres_listener.h). Any thread.
  void WakeUp();
  std::size_t subscriber_count();

 private:
  struct Subscription {
    std::string body_code;
    std::int64_t user_id;
    std::set<std::string> muted_categories;
    Listener listener;
    std::int64_t session_id = 0;
    std::function<void()> on_session_ended;
  };
  void Loop();
  // Checks the sessions of the subscriptions `fresh` is for (all of them when the periodic check
  // is due), holding neither the lock nor a connection, then drops those whose session has ended.
  void EndSubscriptionsOfEndedSessions(const std::vector<store::NewNotice>& fresh);
  static bool IsFor(const Subscription& s, const store::NewNotice& notice);
  // Reads what committed since the last poll: new ids above last_id_ and gaps that have filled.
  std::vector<store::NewNotice> ReadFresh(store::NotificationOutboxRepository& notices);
  void NoteGapsBelow(std::int64_t id);
  store::Database& db_;
  std::chrono::milliseconds poll_interval_;
  std::mutex mutex_;  // guards subscriptions_, last_id_ and gaps_; held while listeners run
  std::map<std::uint64_t, Subscription> subscriptions_;
  std::uint64_t next_id_ = 0;
  std::int64_t last_id_ = 0;  // the highest id read; set by Start
  // Ids below last_id_ not yet seen → the next transaction id at the moment the gap was first
  // checked (nullopt until then). The gap is given up once no transaction older than that runs.
  std::map<std::int64_t, std::optional<std::int64_t>> gaps_;
  static constexpr std::size_t kMaxGaps = 10'000;
  SessionCheck session_check_;
  std::chrono::milliseconds session_check_every_{10'000};
  std::chrono::steady_clock::time_point last_full_check_{};
  std::mutex stop_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  static constexpr std::chrono::milliseconds kWakeUpGathering{10};
  std::thread thread_;
};

}  // namespace wagelink::services
