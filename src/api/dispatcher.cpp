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

http::Response InternalError(const http::Request& request, const char* what) noexcept {
  LogEvent(spdlog::level::err, "request_failed",
           {{"request_id", request.request_id}, {"path", request.path}, {"error", std::string(what).substr(0, 300)}});
  try {
    return http::ProblemResponse(ErrorCode::kInternal, "服务器内部错误，请联系管理员并提供请求编号",
                                 "Internal error; quote the request id to the administrator", request.request_id);
  } catch (...) {
    http::Response bare;
    bare.status = 500;
    return bare;
  }
}

// A write refused for want of disk space: nothing was saved (the transaction rolled back), reads
// go on, and the same request succeeds once space returns. The operator is told by the log line
// and by the alert rule on it (docs/operations.md "Full disk").
http::Response StorageFullResponse(const http::Request& request, const char* what) noexcept {
  LogEvent(spdlog::level::critical, "storage_full",
           {{"request_id", request.request_id}, {"path", request.path}, {"error", std::string(what).substr(0, 300)}});
  try {
    auto response = http::ProblemResponse(
        ErrorCode::kServiceUnavailable, "存储空间已满，本次提交未保存，请稍后重试；已通知系统管理员",
        "Storage is full; nothing was saved. Retry later; the administrator has been alerted", request.request_id);
    response.SetHeader("Retry-After", "60");
    return response;
  } catch (...) {
    http::Response bare;
    bare.status = 503;
    return bare;
  }
}

// The database could not be reached (a restart, a failover, a dropped line). Not a bug: 503, so
// clients and haproxy treat it as passing, and the log says what happened instead of
// request_failed. When the line dropped during COMMIT the write may have been stored: the client
// is told to look before repeating it, and gets no Retry-After that would invite a blind retry.
http::Response DatabaseUnavailableResponse(const http::Request& request, const char* what, bool commit_unknown) noexcept {
  LogEvent(spdlog::level::err, commit_unknown ? "database_commit_unknown" : "database_unavailable",
           {{"request_id", request.request_id}, {"path", request.path}, {"error", std::string(what).substr(0, 300)}});
  try {
    if (commit_unknown) {
      return http::ProblemResponse(
          ErrorCode::kServiceUnavailable,
          "提交时与数据库的连接中断，无法确认本次操作是否已保存；请刷新页面查看，确认未保存后再重新提交",
          "The database connection dropped during the commit, so whether this was saved is unknown; reload "
          "and check before submitting again",
          request.request_id);
    }
    auto response = http::ProblemResponse(ErrorCode::kServiceUnavailable,
                                          "数据库暂时无法访问（可能正在重启或主备切换），请稍后重试",
                                          "The database is unreachable for the moment (restarting or failing "
                                          "over); retry shortly",
                                          request.request_id);
    response.SetHeader("Retry-After", "5");
    return response;
  } catch (...) {
    http::Response bare;
    bare.status = 503;
    return bare;
  }
}

// The answer for the exception being handled; call only inside a catch block.
http::Response FailureResponse(const http::Request& request) noexcept {
  try {
    throw;
  } catch (const store::StorageFull& e) {
    return StorageFullResponse(request, e.what());
  } catch (const store::CommitOutcomeUnknown& e) {
    return DatabaseUnavailableResponse(request, e.what(), true);
  } catch (const store::DatabaseUnavailable& e) {
    return DatabaseUnavailableResponse(request, e.what(), false);
  } catch (const std::exception& e) {
    return InternalError(request, e.what());
  } catch (...) {
    return InternalError(request, "unknown");
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
