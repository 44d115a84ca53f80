#pragma once
// Delivers the notification outbox to the SMS / WeChat gateway. A dedicated background thread
// (never a request) takes the `webhook_sender` lease in `job_leases` — so with several instances
// on one database only one sends — and posts each due message as signed JSON. A failure (refused
// connection, timeout, non-2xx) schedules the next attempt with exponential backoff and jitter;
// messages are retried until delivered, so none is lost across restarts. The gateway should treat
// `delivery_id` as an idempotency key: a crash between its 2xx and our commit means one resend.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "security/master_key.h"
#include "store/database.h"

namespace wagelink::jobs {

struct WebhookOptions {
  std::string url;  // http://host[:port]/path; empty = the sender does not run (messages wait)
  security::SubKey key;
  std::chrono::milliseconds poll_interval{2'000};
  std::chrono::milliseconds request_timeout{5'000};
  std::int64_t backoff_base_seconds = 10;   // first retry after 5..10 s
  std::int64_t backoff_max_seconds = 3'600;  // never wait longer than an hour (before jitter)
  std::int64_t batch_size = 50;
};

struct WebhookReport {
  std::int64_t delivered = 0;
  std::int64_t failed = 0;   // attempts that failed and were rescheduled
  std::int64_t skipped = 0;  // nobody takes this category by gateway
};

class WebhookSender {
 public:
  WebhookSender(store::Database& db, const Clock& clock, WebhookOptions options);
  ~WebhookSender();
  void Start();
  void Stop();
  // Sends the due messages now if this instance holds the lease (tests and the background loop).
  WebhookReport SendDueOnce();
  // The delay before attempt `attempts + 1` after `attempts` failures: base·2^(attempts-1), capped,
  // then a uniformly random 50–100 % of it so many instances do not retry in lockstep.
  static std::int64_t BackoffSeconds(std::int64_t attempts, std::int64_t base, std::int64_t cap, double unit_random);

 private:
  void Loop();
  store::Database& db_;
  const Clock& clock_;
  WebhookOptions options_;
  std::string instance_id_;
  std::mutex send_mutex_;  // one batch at a time in this instance (the lease only excludes other instances)
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace wagelink::jobs
