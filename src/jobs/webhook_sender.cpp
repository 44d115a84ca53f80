#include "jobs/webhook_sender.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <random>

#include "core/log_event.h"
#include "http/http_client.h"
#include "security/webhook_signature.h"
#include "store/job_lease_repository.h"
#include "store/notification_outbox_repository.h"

namespace wagelink::jobs {
namespace {

constexpr std::string_view kLeaseName = "webhook_sender";

double UnitRandom() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

// The gateway gets what it needs to route and word a message — usernames (it maps them to phone
// numbers or WeChat ids it already holds), the body, and the notice text — and no personal data.
std::string Payload(const store::OutboxMessage& m, const std::vector<std::string>& recipients) {
  boost::json::array to;
  for (const auto& username : recipients) to.emplace_back(username);
  boost::json::object payload{{"delivery_id", "wagelink-outbox-" + std::to_string(m.id)},
                              {"notification_id", m.notification_id},
                              {"body_code", m.body_code},
                              {"category", m.category},
                              {"kind", m.kind},
                              {"recipients", to},
                              {"title_zh", security::MaskPersonalDataInText(m.title_zh)},
                              {"title_en", security::MaskPersonalDataInText(m.title_en)},
                              {"case_id", m.case_id ? boost::json::value(*m.case_id) : nullptr},
                              {"created_at", m.created_at},
                              {"attempt", m.attempts + 1}};
  return boost::json::serialize(payload);
}

}  // namespace

WebhookSender::WebhookSender(store::Database& db, const Clock& clock, WebhookOptions options)
    : db_(db), clock_(clock), options_(std::move(options)) {
  std::random_device random;
  instance_id_ = "webhook-" + std::to_string(random()) + std::to_string(random());
}

WebhookSender::~WebhookSender() { Stop(); }

void WebhookSender::Start() {
  if (options_.url.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void WebhookSender::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (!thread_.joinable()) return;
  thread_.join();
  try {
    auto connection = db_.Acquire();
    store::JobLeaseRepository(*connection).Release(kLeaseName, instance_id_);
  } catch (const std::exception& e) {
    LogEvent(spdlog::level::warn, "webhook_lease_release_failed", {{"error", e.what()}});
  }
}

std::int64_t WebhookSender::BackoffSeconds(std::int64_t attempts, std::int64_t base, std::int64_t cap,
                                           double unit_random) {
  std::int64_t delay = base;
  for (std::int64_t i = 1; i < attempts && delay < cap; ++i) delay *= 2;
  delay = std::min(delay, cap);
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(delay) * (0.5 + 0.5 * unit_random)));
}

WebhookReport WebhookSender::SendDueOnce() {
  WebhookReport report;
  if (options_.url.empty()) return report;
  std::lock_guard sending(send_mutex_);
  UnixSeconds now = clock_.Now();
  auto connection = db_.Acquire();
  // The lease outlives a slow batch (every request is bounded by request_timeout).
  auto lease_seconds = 60 + options_.batch_size * (options_.request_timeout.count() / 1000 + 1);
  if (!store::JobLeaseRepository(*connection)
           .TryAcquire(kLeaseName, instance_id_, FormatUtc(now), FormatUtc(now + lease_seconds))) {
    return report;
  }
  store::NotificationOutboxRepository outbox(*connection);
  for (const auto& message : outbox.Due(FormatUtc(now), options_.batch_size)) {
    auto recipients = outbox.WebhookRecipients(message.body_code, message.user_id, message.category);
    if (recipients.empty()) {
      outbox.MarkSkipped(message.id, FormatUtc(clock_.Now()), "no recipient takes this category by gateway");
      ++report.skipped;
      continue;
    }
    std::string body = Payload(message, recipients);
    std::string timestamp = std::to_string(clock_.Now());
    http::HeaderList headers{{"X-WageLink-Timestamp", timestamp},
                             {"X-WageLink-Signature", security::SignWebhook(options_.key, timestamp, body)},
                             {"X-WageLink-Delivery", "wagelink-outbox-" + std::to_string(message.id)}};
    auto result = http::PostOnce(options_.url, body, headers, options_.request_timeout);
    if (result.status >= 200 && result.status < 300) {
      outbox.MarkDelivered(message.id, FormatUtc(clock_.Now()));
      ++report.delivered;
      continue;
    }
    std::string error = result.status ? "HTTP " + std::to_string(result.status) : result.error;
    std::int64_t attempts = message.attempts + 1;
    auto delay = BackoffSeconds(attempts, options_.backoff_base_seconds, options_.backoff_max_seconds, UnitRandom());
    outbox.ScheduleRetry(message.id, attempts, FormatUtc(clock_.Now() + delay), error);
    ++report.failed;
    LogEvent(spdlog::level::warn, "webhook_delivery_failed",
             {{"outbox_id", message.id}, {"attempts", attempts}, {"retry_in_s", delay}, {"error", error}});
  }
  return report;
}

void WebhookSender::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      SendDueOnce();
    } catch (const std::exception& e) {
      LogEvent(spdlog::level::err, "webhook_sender_failed", {{"error", e.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_; });
  }
}

}  // namespace wagelink::jobs
