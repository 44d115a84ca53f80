#include "store/postgres_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

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

bool PostgresListener::WaitReadable(int fd, int timeout_ms) {
  pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {fd, POLLIN, 0}};
  poll(fds, fd >= 0 ? 2 : 1, timeout_ms);
  return !stopping_;
}

void PostgresListener::Run() {
  while (!stopping_) {
    ListenOnce();
    if (!WaitReadable(-1, kReconnectMs)) return;
  }
}

void PostgresListener::ListenOnce() {
  ConnectionPtr conn(PQconnectdb(url_.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) return;  // the database is away: try again shortly
  for (const auto& channel : channels_) {
    // Channel names are our own constants (kSettingsChannel…), quoted as identifiers all the same.
    std::unique_ptr<char, decltype(&PQfreemem)> quoted(PQescapeIdentifier(conn.get(), channel.c_str(), channel.size()), &PQfreemem);
    if (!quoted) return;
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), ("LISTEN " + std::string(quoted.get())).c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return;
  }
  if (connections_.fetch_add(1) > 0) LogEvent(spdlog::level::info, "instance_wakeups_listening_again");
  on_listening_();
  const int socket = PQsocket(conn.get());
  while (WaitReadable(socket, -1)) {
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
