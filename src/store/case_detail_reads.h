#pragma once
// The statements a case's detail runs once the case itself is found visible, for reading them ahead
// in one round trip (store/planned_reads.h, services/case_records.cpp). Each is defined beside the
// repository method that runs it, which runs exactly this statement, so the two cannot drift apart.
// (Free functions, not repository members, so the repositories' headers stay as they are.)
#include <cstdint>
#include <optional>
#include <string_view>

#include "store/planned_reads.h"

namespace wagelink::store {

PlannedRead EmployerAndContractorRead(std::int64_t employer_id, std::optional<std::int64_t> contractor_id);  // CaseRepository
PlannedRead WorkersRead(std::int64_t case_id);                                     // CaseRepository::ListWorkers
PlannedRead PaymentsRead(std::int64_t case_id);                                    // CaseRepository::ListPayments
PlannedRead PartiesRead(std::int64_t case_id);                                     // CaseRepository::Parties
PlannedRead EventsRead(std::int64_t case_id);                                      // CaseTimelineRepository::ListEvents
PlannedRead ClocksRead(std::int64_t case_id);                                      // CaseTimelineRepository::ListClocks
PlannedRead EvidenceFilesRead(std::string_view owner_kind, std::int64_t owner_id);  // EvidenceRepository::ListFor
PlannedRead CaseDocumentsRead(std::int64_t case_id);                               // DocumentRepository::ListForCase
PlannedRead ProjectLinkRead(std::int64_t case_id);                                 // ProjectRepository::LinkOfCase

}  // namespace wagelink::store
