#include "core/error.h"

namespace wagelink {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kInvalidJson: return "invalid_json";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kValidationFailed: return "validation_failed";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kCsrfFailed: return "csrf_failed";
    case ErrorCode::kAccountLocked: return "account_locked";
    case ErrorCode::kPasswordChangeRequired: return "password_change_required";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTransitionRefused: return "transition_refused";
    case ErrorCode::kDueProcessPending: return "due_process_pending";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kHeaderTooLarge: return "header_too_large";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kServiceUnavailable: return "service_unavailable";
    case ErrorCode::kInternal: return "internal_error";
  }
  return "internal_error";
}

}  // namespace wagelink
