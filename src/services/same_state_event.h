#pragma once
// A case event that records something done on a case without moving it — an evidence file added
// or withdrawn, a document issued, the police receiving the transfer package: from and to the
// case's current state, by `who` (with the request it came in), at `at`. The caller says what it
// was (payload, explanation, reason) and inserts it in its own transaction.
#include <string>

#include "services/principal.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {

store::CaseEventRow SameStateEvent(const Principal& who, const store::CaseRow& row, std::string event, std::string at);

}  // namespace wagelink::services
