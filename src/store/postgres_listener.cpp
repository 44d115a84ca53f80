#include "store/postgres_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "core/log_event.h"

namespace wagelink::store {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using ConnectionPtr = std::unique_ptr<PGconn, ConnectionCloser>;

constexpr int kReconnectMs = 1000;
constexpr int kConnectStepMs = 10'000;  // one step of connecting that takes longer gives up

// The URL's own settings, with TCP keepalives added: a listening connection only waits, so without
// them a peer that vanished (a cut network, a host powered off) would never be noticed. Dead after
// about a minute: 30 s idle, then 3 probes 10 s apart.
constexpr std::array<const char*, 5> kKeywords{"dbname", "keepalives_idle", "keepalives_interval", "keepalives_count", nullptr};

}  // namespace

PostgresListener::PostgresListener(std::string url, std::vector<std::string> channels, OnNotice on_notice,
                                   std::function<void()> on_listening)
    : url_(std::move(url)),
      channels_(std::move(channels)),
      on_notice_(std::move(on_notice)),
      on_listening_(std::move(on_listening)),
      stop_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (stop_fd_ < 0) throw std::runtime_error("eventfd failed");
  thread_ = std::thread([this] { Run(); });
}

PostgresListener::~PostgresListener() {
  stopping_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] auto written = write(stop_fd_, &one, sizeof one);
  thread_.join();
  close(stop_fd_);
}

bool PostgresListener::Wait(int fd, short events, int timeout_ms) {
  pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {fd, events, 0}};
  const int ready = poll(fds, fd >= 0 ? 2 : 1, timeout_ms);
  return !stopping_ && ready > 0;
}

void PostgresListener::Run() {
  while (!stopping_) {
    ListenOnce();
    Wait(-1, 0, kReconnectMs);
  }
}

// Connects without blocking the thread, so that stopping never waits for an unreachable server.
PGconn* PostgresListener::Connect() {
  const std::array<const char*, 5> values{url_.c_str(), "30", "10", "3", nullptr};
  ConnectionPtr conn(PQconnectStartParams(kKeywords.data(), values.data(), 1));
  if (!conn || PQstatus(conn.get()) == CONNECTION_BAD) return nullptr;
  for (PostgresPollingStatusType state = PGRES_POLLING_WRITING; state != PGRES_POLLING_OK;
       state = PQconnectPoll(conn.get())) {
    if (state == PGRES_POLLING_FAILED) return nullptr;
    if (!Wait(PQsocket(conn.get()), state == PGRES_POLLING_READING ? POLLIN : POLLOUT, kConnectStepMs)) return nullptr;
  }
  return conn.release();
}

// Sends every LISTEN in one statement and reads the answers without blocking the thread: a server
// that accepted the connection and then hangs must not hold the instance's stop.
bool PostgresListener::StartListening(pg_conn* conn) {
  std::string statements;
  for (const auto& channel : channels_) {
    // Channel names are our own constants (kSettingsChannel…), quoted as identifiers all the same.
    std::unique_ptr<char, decltype(&PQfreemem)> quoted(PQescapeIdentifier(conn, channel.c_str(), channel.size()), &PQfreemem);
    if (!quoted) return false;
    statements.append("LISTEN ").append(quoted.get()).append(";");
  }
  if (PQsetnonblocking(conn, 1) != 0 || !PQsendQuery(conn, statements.c_str())) return false;
  const int socket = PQsocket(conn);
  for (int unsent = PQflush(conn); unsent != 0; unsent = PQflush(conn)) {
    if (unsent < 0 || !Wait(socket, POLLOUT | POLLIN, kConnectStepMs) || !PQconsumeInput(conn)) return false;
  }
  bool all_listening = true;
  for (;;) {
    while (PQisBusy(conn)) {
      if (!Wait(socket, POLLIN, kConnectStepMs) || !PQconsumeInput(conn)) return false;
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQgetResult(conn), &PQclear);
    if (!result) return all_listening;
    all_listening = all_listening && PQresultStatus(result.get()) == PGRES_COMMAND_OK;
  }
}

void PostgresListener::ListenOnce() {
  ConnectionPtr conn(Connect());
  if (!conn) return;  // the database is away: try again shortly
  if (!StartListening(conn.get())) return;
  if (connections_.fetch_add(1) > 0) LogEvent(spdlog::level::info, "instance_wakeups_listening_again");
  on_listening_();
  const int socket = PQsocket(conn.get());
  while (Wait(socket, POLLIN, -1)) {
    if (!PQconsumeInput(conn.get())) {
      LogEvent(spdlog::level::warn, "instance_wakeups_lost", {{"error", PQerrorMessage(conn.get())}});
      return;
    }
    while (PGnotify* notice = PQnotifies(conn.get())) {
      std::string channel = notice->relname;
      PQfreemem(notice);
      on_notice_(channel);
    }
  }
}

}  // namespace wagelink::store
