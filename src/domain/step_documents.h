#pragma once
// Which official documents (文书) each step of a case issues, and which documents must already have
// been issued before a step may be taken. Pure: the service issues the documents this names inside
// the step's own transaction (services/step_documents.cpp), with the facts as of that moment, and
// hands the kinds already issued back in CaseContext::issued_documents for the gates.
//
// A kind is the name of a template in data/templates/<kind>.json; the loader refuses to start when a
// kind named here has no template.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/case_events.h"

namespace wagelink::domain {

struct StepDocument {
  CaseEvent event;
  std::string_view kind;
  // Issued only when the user asks for it in the step (document_fields names it): a choice among
  // several documents the step may issue, e.g. 检察建议书 instead of 检察意见书.
  bool on_request = false;
  // When `on_request`, the document it replaces (empty: issued in addition).
  std::string_view instead_of;
};

// Every document a step can issue, in the order of CaseEvent.
std::span<const StepDocument> StepDocuments();

// The documents `request` issues, in the order they are made. `requested` names the documents the
// user asked for in the step (document_fields); a requested kind the step cannot issue is refused
// with the field "document_fields.<kind>".
Result<std::vector<std::string_view>> DocumentsIssuedBy(const StepRequest& request,
                                                        std::span<const std::string> requested);

// The step that issues `kind` (nullptr: no step issues it; it is issued on its own, e.g. the
// blacklist documents, which follow their own procedure).
const StepDocument* IssuingStepOf(std::string_view kind);

// A document that must be on the case before `event` (e.g. the 受案回执 before a filing decision).
struct DocumentGate {
  CaseEvent event;
  std::string_view kind;
  std::string_view name_zh;  // the document's title, for the refusal
  std::string_view or_kind;  // another document that serves as well (empty: none)
};
std::span<const DocumentGate> DocumentGates();

// Refuses `event` while a document it depends on has not been issued ("event" field).
Status CheckRequiredDocuments(CaseEvent event, std::span<const std::string> issued_kinds);

}  // namespace wagelink::domain
