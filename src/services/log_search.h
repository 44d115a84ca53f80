#pragma once
// The auditor's searches of the audit log and of the login log, as a request gives them: each part
// checked (a wrong date or an unknown body is refused with the field named, never ignored, so an
// export never holds more than the auditor asked for), Beijing dates turned into the UTC instants
// the logs store, and the search in the form the audit entry of a read or an export records it.
#include <boost/json/object.hpp>
#include <string>

#include "core/error.h"
#include "store/audit_repository.h"
#include "store/session_repository.h"

namespace wagelink::services {

// Every part as typed; "" = any. `from`/`to` are Beijing dates (YYYY-MM-DD), both days included.
struct AuditSearch {
  std::string text;     // q: exactly an action code, a login name, a target id or a request id
  std::string case_no;  // WL-2025-00001
  std::string actor;    // a login name, or part of a person's name
  std::string action;   // an action code (auth.login, case.step.accept_complaint …)
  std::string body;     // the actor's body code
  std::string from;
  std::string to;
};

struct LoginSearch {
  std::string user;     // the login name typed, or part of the account's person's name
  std::string success;  // "true" | "false"
  std::string from;
  std::string to;
  std::string client_address;  // part of the address
};

Result<store::AuditFilter> ReadAuditSearch(const AuditSearch& search);
Result<store::LoginFilter> ReadLoginSearch(const LoginSearch& search);

boost::json::object SearchJson(const AuditSearch& search);
boost::json::object SearchJson(const LoginSearch& search);

}  // namespace wagelink::services
