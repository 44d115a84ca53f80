#include "api/dispatcher.h"


#include "core/log_event.h"
#include "http/problem.h"
#include "store/storage_full.h"

namespace wagelink::api {

Dispatcher::Dispatcher(std::shared_ptr<const http::Router> router, std::shared_ptr<const http::StaticFiles> static_files)
    : router_(std::move(router)), static_files_(std::move(static_files)) {}

http::HeaderList SecurityHeaders() {
  return {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
  };
}

http::Response Dispatcher::Route(http::Request& request) const {
  bool api_path = request.path.starts_with("/api/") || request.path == "/healthz" || request.path == "/readyz" ||
                  request.path == "/metrics";
  if (!api_path && static_files_) {
    if (auto file = static_files_->Serve(request)) {
      request.route_pattern = "(static)";
      return *file;
    }
  }
  auto match = router_->Find(request);
  switch (match.kind) {
    case http::Router::MatchKind::kFound: {
      // Refused only after the route's admission, so an anonymous caller learns nothing about the route.
      if (auto refused = http::RefusedQueryParameter(*match.route, request)) {
        if (match.route->admit) {
          if (auto refusal = match.route->admit(request)) return *refusal;
        }
        return http::ProblemResponse(*refused, request.request_id);
      }
      http::Response response = match.route->handler(request);
      if (api_path && !response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
      return response;
    }
    case http::Router::MatchKind::kMethodNotAllowed: {
      auto response = http::ProblemResponse(ErrorCode::kMethodNotAllowed, "该地址不支持 " + request.method + " 方法",
                                            "Method " + request.method + " is not allowed here", request.request_id);
      response.SetHeader("Allow", match.allowed_methods);
      return response;
    }
    case http::Router::MatchKind::kNotFound: break;
  }
  return http::ProblemResponse(ErrorCode::kNotFound, "请求的地址不存在", "No such resource", request.request_id);
}

namespace {

// How one kind of failure is answered: the log event, the status and problem, and Retry-After.
struct FailureAnswer {
  spdlog::level::level_enum level;
  const char* event;
  int status;
  ErrorCode code;
  const char* message_zh;
  const char* message_en;
  const char* retry_after;  // nullptr: no automatic retry is invited
};

// Logs the failure and answers it; never throws: should even the problem fail to build, the bare
// status still goes out.
http::Response Answer(const http::Request& request, const char* what, const FailureAnswer& a) noexcept {
  LogEvent(a.level, a.event,
           {{"request_id", request.request_id}, {"path", request.path}, {"error", std::string(what).substr(0, 300)}});
  try {
    auto response = http::ProblemResponse(a.code, a.message_zh, a.message_en, request.request_id);
    if (a.retry_after) response.SetHeader("Retry-After", a.retry_after);
    return response;
  } catch (...) {
    http::Response bare;
    bare.status = a.status;
    return bare;
  }
}

constexpr FailureAnswer kInternal{spdlog::level::err, "request_failed", 500, ErrorCode::kInternal,
                                  "服务器内部错误，请联系管理员并提供请求编号",
                                  "Internal error; quote the request id to the administrator", nullptr};

// A write refused for want of disk space: nothing was saved (the transaction rolled back), reads
// go on, and the same request succeeds once space returns. The operator is told by the log line
// and by the alert rule on it (docs/operations.md "Full disk").
constexpr FailureAnswer kStorageFull{spdlog::level::critical, "storage_full", 503, ErrorCode::kServiceUnavailable,
                                     "存储空间已满，本次提交未保存，请稍后重试；已通知系统管理员",
                                     "Storage is full; nothing was saved. Retry later; the administrator has been alerted",
                                     "60"};

// The database could not be reached (a restart, a failover, a dropped line). Not a bug: 503, so
// clients and haproxy treat it as passing, and the log says what happened instead of
// request_failed.
constexpr FailureAnswer kDatabaseUnavailable{
    spdlog::level::err, "database_unavailable", 503, ErrorCode::kServiceUnavailable,
    "数据库暂时无法访问（可能正在重启或主备切换），请稍后重试",
    "The database is unreachable for the moment (restarting or failing over); retry shortly", "5"};

// The line dropped during COMMIT, so the write may have been stored: the client is told to look
// before repeating it, and gets no Retry-After that would invite a blind retry.
constexpr FailureAnswer kCommitUnknown{
    spdlog::level::err, "database_commit_unknown", 503, ErrorCode::kServiceUnavailable,
    "提交时与数据库的连接中断，无法确认本次操作是否已保存；请刷新页面查看，确认未保存后再重新提交",
    "The database connection dropped during the commit, so whether this was saved is unknown; reload and check "
    "before submitting again",
    nullptr};

// The answer for the exception being handled; call only inside a catch block.
http::Response FailureResponse(const http::Request& request) noexcept {
  try {
    throw;
  } catch (const store::StorageFull& e) {
    return Answer(request, e.what(), kStorageFull);
  } catch (const store::CommitOutcomeUnknown& e) {
    return Answer(request, e.what(), kCommitUnknown);
  } catch (const store::DatabaseUnavailable& e) {
    return Answer(request, e.what(), kDatabaseUnavailable);
  } catch (const std::exception& e) {
    return Answer(request, e.what(), kInternal);
  } catch (...) {
    return Answer(request, "unknown", kInternal);
  }
}

}  // namespace

http::Response Dispatcher::Handle(http::Request& request) const noexcept {
  try {
    return Route(request);
  } catch (...) {
    return FailureResponse(request);
  }
}

std::optional<http::Response> Dispatcher::Admit(http::Request& request) const noexcept {
  try {
    auto match = router_->Find(request);
    if (match.kind != http::Router::MatchKind::kFound || !match.route->admit) return std::nullopt;
    return match.route->admit(request);
  } catch (...) {
    return FailureResponse(request);
  }
}

}  // namespace wagelink::api
