#include "http/problem.h"

#include <boost/json/object.hpp>
#include <string>

namespace wagelink::http {
namespace {

struct Title {
  const char* zh;
  const char* en;
};

Title TitleFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return {"请求无效", "Bad request"};
    case ErrorCode::kInvalidJson: return {"请求内容不是有效的 JSON", "Request body is not valid JSON"};
    case ErrorCode::kUnsupportedMediaType: return {"不支持的内容类型", "Unsupported media type"};
    case ErrorCode::kValidationFailed: return {"输入内容有误", "Validation failed"};
    case ErrorCode::kUnauthenticated: return {"未登录或登录已失效", "Not signed in or session expired"};
    case ErrorCode::kForbidden: return {"无权执行此操作", "Forbidden"};
    case ErrorCode::kCsrfFailed: return {"安全校验失败，请刷新页面后重试", "CSRF check failed"};
    case ErrorCode::kAccountLocked: return {"账号已被临时锁定", "Account temporarily locked"};
    case ErrorCode::kPasswordChangeRequired: return {"请先修改密码", "Password change required"};
    case ErrorCode::kNotFound: return {"未找到", "Not found"};
    case ErrorCode::kMethodNotAllowed: return {"不支持的请求方法", "Method not allowed"};
    case ErrorCode::kConflict: return {"数据冲突", "Conflict"};
    case ErrorCode::kTransitionRefused: return {"当前环节不允许此操作", "Step not allowed now"};
    case ErrorCode::kDueProcessPending: return {"陈述申辩程序尚未完成", "Due process has not been completed"};
    case ErrorCode::kPayloadTooLarge: return {"请求内容过大", "Payload too large"};
    case ErrorCode::kHeaderTooLarge: return {"请求头过大", "Request header too large"};
    case ErrorCode::kTooManyRequests: return {"请求过于频繁", "Too many requests"};
    case ErrorCode::kServiceUnavailable: return {"服务暂不可用", "Service unavailable"};
    case ErrorCode::kInternal: return {"服务器内部错误", "Internal server error"};
  }
  return {"服务器内部错误", "Internal server error"};
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
    case ErrorCode::kInvalidJson:
    case ErrorCode::kValidationFailed: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrfFailed:
    case ErrorCode::kPasswordChangeRequired: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kConflict:
    case ErrorCode::kTransitionRefused:
    case ErrorCode::kDueProcessPending: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kAccountLocked: return 423;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kHeaderTooLarge: return 431;
    case ErrorCode::kServiceUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ProblemResponse(const Error& error, std::string_view request_id, boost::json::object extensions) {
  Title title = TitleFor(error.code);
  std::string code(ErrorCodeName(error.code));
  boost::json::object body = std::move(extensions);
  body["type"] = "urn:wagelink:problem:" + code;
  body["code"] = code;
  body["status"] = HttpStatusFor(error.code);
  body["title"] = title.zh;
  body["title_en"] = title.en;
  body["detail"] = error.message_zh.empty() ? title.zh : error.message_zh;
  body["detail_en"] = error.message_en.empty() ? title.en : error.message_en;
  if (!error.field.empty()) body["field"] = error.field;
  body["request_id"] = request_id;
  Response response = Response::Json(HttpStatusFor(error.code), body);
  response.SetHeader("Content-Type", "application/problem+json; charset=utf-8");
  return response;
}

}  // namespace wagelink::http
