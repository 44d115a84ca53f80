#include "services/same_state_event.h"

namespace wagelink::services {

store::CaseEventRow SameStateEvent(const Principal& who, const store::CaseRow& row, std::string event, std::string at) {
  store::CaseEventRow e;
  e.case_id = row.id;
  e.event = std::move(event);
  e.at = std::move(at);
  e.actor_user_id = who.user_id;
  e.actor_username = who.username;
  e.actor_body = who.body_code;
  e.from_state = row.state;
  e.to_state = row.state;
  e.request_id = who.request_id;
  return e;
}

}  // namespace wagelink::services
