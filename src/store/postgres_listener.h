#pragma once
// Wake-ups between the instances on one PostgreSQL database (issue 16). Triggers on the settings and
// notifications tables (migration 0027) send NOTIFY when a transaction that changed them commits;
// each instance keeps one connection that LISTENs and runs a callback per channel on its own thread.
//
// A wake-up only says "look again": it carries no data, so a lost one costs time, not correctness.
// The settings are still re-read every 30 s and the notification hub still polls. While the
// connection is down nothing is heard, so after every (re)connection `on_listening` runs: the
// caller then looks again at everything it would have been told about. The first connection is no
// exception: a change committed between the instance's start and its LISTEN was heard by nobody.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

struct pg_conn;  // libpq's PGconn

namespace wagelink::store {

// The channels the triggers of migration 0027 notify.
inline constexpr const char* kSettingsChannel = "wagelink_settings";
inline constexpr const char* kNotificationsChannel = "wagelink_notifications";

class PostgresListener {
 public:
  using OnNotice = std::function<void(const std::string& channel)>;
  // Starts listening at once on its own thread; it reconnects (every second) while the database
  // is unreachable, e.g. during a failover, and the URL's own host list and
  // target_session_attrs choose the new primary.
  PostgresListener(std::string url, std::vector<std::string> channels, OnNotice on_notice, std::function<void()> on_listening);
  PostgresListener(const PostgresListener&) = delete;
  PostgresListener& operator=(const PostgresListener&) = delete;
  ~PostgresListener();

  // How many times LISTEN has been set up: 1 after the first connection, more after reconnections.
  std::int64_t connections() const { return connections_.load(); }

 private:
  void Run();
  // Listens on one connection until it fails or the listener stops.
  void ListenOnce();
  // Waits up to `timeout_ms` (-1: no limit) for `events` on `fd` (none when fd < 0); false when
  // stopping or when the time ran out.
  bool Wait(int fd, short events, int timeout_ms);
  // The connection, or null when the database cannot be reached or the listener stops meanwhile.
  pg_conn* Connect();
  // LISTEN on every channel; false when refused, when the server stops answering or when stopping.
  bool StartListening(pg_conn* conn);

  std::string url_;
  std::vector<std::string> channels_;
  OnNotice on_notice_;
  std::function<void()> on_listening_;
  int stop_fd_;  // an eventfd written once by the destructor
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> connections_{0};
  std::thread thread_;
};

}  // namespace wagelink::store
