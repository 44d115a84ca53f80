// /api/v1/inbox: the in-system inbox (站内信) of the caller's body, its live stream (SSE) and the
// caller's notification preferences.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <mutex>
#include <set>

#include "api/guard.h"
#include "api/routes.h"
#include "http/event_stream.h"
#include "http/json_body.h"
#include "services/inbox_service.h"
#include "services/notification_hub.h"

namespace wagelink::api {
namespace {

// A slow tab may fall this far behind before its backlog is replaced by one `reset` event.
constexpr std::size_t kMaxBacklogBytes = 256 * 1024;

// One open tab: subscribed to the hub from the moment the handler runs (so nothing committed after
// the request is missed), buffering events until the connection's coroutine takes them.
class InboxEventStream final : public http::EventStream {
 public:
  InboxEventStream(services::NotificationHub& hub, const services::Principal& who, std::int64_t unread,
                   std::optional<std::int64_t> last_event_id, std::optional<KeyedLimit::Slot> slot)
      : hub_(hub), slot_(std::move(slot)) {
    backlog_ = "retry: 5000\nevent: ready\ndata: " + boost::json::serialize(boost::json::object{{"unread", unread}}) + "\n\n";
    if (last_event_id) highest_sent_ = resumed_after_ = *last_event_id;
    subscription_ = hub_.Subscribe(
        who.body_code, who.user_id, who.session_id, [this](const services::LiveNotice& n) { Deliver(n); },
        [this] { EndWithSession(); }, last_event_id, [this] { backlog_ += kReset; });
  }
  ~InboxEventStream() override { Close(); }

  void Open(std::function<void()> wake) override {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
    if (!backlog_.empty()) wake_();
  }
  bool Ended() override {
    std::lock_guard lock(mutex_);
    return ended_;
  }
  std::string Take() override {
    std::lock_guard lock(mutex_);
    return std::exchange(backlog_, {});
  }
  void Close() override {
    {
      std::lock_guard lock(mutex_);
      wake_ = nullptr;
    }
    if (subscription_) hub_.Unsubscribe(std::exchange(subscription_, 0));
    if (slot_) slot_->Release();  // the user may open another stream at once
  }

 private:
  static constexpr std::string_view kReset = "event: reset\ndata: {}\n\n";
  // The tab stops reconnecting and sends the user to the sign-in page.
  static constexpr std::string_view kSessionEnded = "event: session_ended\ndata: {}\n\n";

  // The hub found the session revoked, expired or its user disabled: nothing more is delivered.
  void EndWithSession() {
    std::lock_guard lock(mutex_);
    ended_ = true;
    backlog_ = kSessionEnded;  // what was not yet sent is not for a signed-out tab
    if (wake_) wake_();
  }

  // The hub hands each notice over once, in id order within a poll but not across polls: a notice
  // whose transaction committed late arrives after higher ids. A reconnected tab's replay may
  // overlap the first live poll, so the ids sent are remembered (the newest kRememberedIds). What a
  // reconnected tab had before (ids up to its Last-Event-ID) is not sent again; a notice below that
  // id committing in the moment of the reconnect is then in the inbox list only.
  void Deliver(const services::LiveNotice& n) {
    if (n.id <= resumed_after_ || !sent_.insert(n.id).second) return;
    if (sent_.size() > kRememberedIds) sent_.erase(sent_.begin());
    highest_sent_ = std::max(highest_sent_, n.id);
    boost::json::object data{{"id", n.id},
                             {"kind", n.kind},
                             {"category", n.category},
                             {"title_zh", n.title_zh},
                             {"title_en", n.title_en},
                             {"case_id", n.case_id ? boost::json::value(*n.case_id) : nullptr},
                             {"created_at", n.created_at}};
    std::lock_guard lock(mutex_);
    // The event id is where a reconnecting tab resumes (Last-Event-ID): the highest id sent, not
    // this notice's, or a late notice would make the tab replay everything after it again.
    backlog_ += "id: " + std::to_string(highest_sent_) + "\nevent: notification\ndata: " + boost::json::serialize(data) + "\n\n";
    if (backlog_.size() > kMaxBacklogBytes) backlog_ = kReset;  // the tab reloads its inbox
    if (wake_) wake_();
  }

  services::NotificationHub& hub_;
  std::optional<KeyedLimit::Slot> slot_;  // one of the user's streams (notifications.max_streams_per_user)
  std::uint64_t subscription_ = 0;
  static constexpr std::size_t kRememberedIds = 4096;
  // Only touched on the hub's delivery path (serialised by the hub).
  std::set<std::int64_t> sent_;
  std::int64_t highest_sent_ = 0;
  std::int64_t resumed_after_ = 0;  // the reconnecting tab's Last-Event-ID
  std::mutex mutex_;
  std::string backlog_;
  std::function<void()> wake_;
  bool ended_ = false;
};

boost::json::object PreferencesJson(const std::vector<services::CategoryChoice>& preferences) {
  boost::json::array items;
  for (const auto& p : preferences) {
    boost::json::object item{{"category", p.category}, {"inbox", p.inbox}, {"webhook", p.webhook}};
    for (const auto& info : services::NotificationCategories()) {
      if (info.code == p.category) {
        item["name_zh"] = info.name_zh;
        item["name_en"] = info.name_en;
      }
    }
    items.push_back(std::move(item));
  }
  return {{"categories", items}};
}

Result<std::vector<services::CategoryChoice>> ParsePreferences(const boost::json::object& body) {
  const auto* list = body.if_contains("categories");
  if (!list || !list->is_array()) {
    return InvalidField("categories", "应为类别设置数组", "must be an array of category settings");
  }
  std::vector<services::CategoryChoice> out;
  for (const auto& entry : list->as_array()) {
    if (!entry.is_object()) return InvalidField("categories", "每项应为对象", "each entry must be an object");
    const auto& item = entry.as_object();
    auto category = http::RequiredString(item, "category", 32);
    if (!category) return category.error();
    auto inbox = http::OptionalBool(item, "inbox");
    if (!inbox) return inbox.error();
    auto webhook = http::OptionalBool(item, "webhook");
    if (!webhook) return webhook.error();
    out.push_back({*category, inbox->value_or(true), webhook->value_or(true)});
  }
  return out;
}

}  // namespace

void RegisterInboxRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/inbox", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto inbox = context.inbox->List(who, page->page_size, page->offset());
    boost::json::array items;
    for (const auto& n : inbox.items) {
      items.push_back({{"id", n.id}, {"kind", n.kind}, {"title_zh", n.title_zh}, {"title_en", n.title_en},
                       {"case_id", n.case_id ? boost::json::value(*n.case_id) : nullptr}, {"created_at", n.created_at},
                       {"read", n.read}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items}, {"unread", inbox.unread},
                                                         {"page", page->page}, {"page_size", page->page_size}});
  }), {.query = {"page", "page_size"}});
  router.Add("POST", "/api/v1/inbox/{id}/read", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    if (auto done = context.inbox->MarkRead(who, *id); !done) return Problem(request, done.error());
    return http::Response::NoContent();
  }));
  router.Add("GET", "/api/v1/inbox/stream", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    std::optional<KeyedLimit::Slot> slot;
    if (context.streams_per_user) {
      slot = context.streams_per_user->TryAcquire(std::to_string(who.user_id));
      if (!slot) {
        // The browser's EventSource gives up on a non-200 answer; the web UI then polls the inbox.
        auto most = std::to_string(context.streams_per_user->per_key());
        return TooManyAtOnce(request, "您已打开 " + most + " 个实时推送连接，请关闭多余的页面",
                             "You already have " + most + " live update streams open; close some tabs", 30);
      }
    }
    auto unread = context.inbox->List(who, 1, 0).unread;
    std::optional<std::int64_t> last_event_id;  // sent by the browser when it reconnects
    if (auto header = request.Header("last-event-id")) {
      std::int64_t id = 0;
      auto [end, ec] = std::from_chars(header->data(), header->data() + header->size(), id);
      if (ec == std::errc() && end == header->data() + header->size() && id >= 0) last_event_id = id;
    }
    http::Response response;
    response.SetHeader("Content-Type", "text/event-stream; charset=utf-8");
    response.SetHeader("Cache-Control", "no-store");
    response.SetHeader("X-Accel-Buffering", "no");  // nginx must not buffer the stream
    response.stream = std::make_shared<InboxEventStream>(*context.notification_hub, who, unread, last_event_id,
                                                         std::move(slot));
    return response;
  }));
  router.Add("GET", "/api/v1/inbox/preferences", Authed(context, [&context](http::Request&, const services::Principal& who) {
    return http::Response::Json(200, PreferencesJson(context.inbox->Preferences(who)));
  }));
  router.Add("PUT", "/api/v1/inbox/preferences", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"categories"});
    if (!body) return Problem(request, body.error());
    auto changes = ParsePreferences(*body);
    if (!changes) return Problem(request, changes.error());
    auto stored = context.inbox->SetPreferences(who, *changes);
    if (!stored) return Problem(request, stored.error());
    return http::Response::Json(200, PreferencesJson(*stored));
  }));
}

}  // namespace wagelink::api
