#pragma once
// What each case step asks of the user: the fields of its payload (kind, whether required, the codes
// it accepts, counts and lengths), when a reason is required, and its tone (a refusal, a step
// forward). One table for the whole platform: the request parser takes the payload keys, text limits
// and flag names from it (api/case_step_parser.cpp), the reason a step always needs comes from the
// step table (case_steps.cpp), and GET /api/v1/reference/case-steps serves it to the web client,
// which renders and checks its step dialogs from it without restating a rule. The conditional
// reasons below are checked by the transitions themselves; tests/unit/domain/case_step_forms_test.cpp
// proves for every step and every answer that the table and the machine agree.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/case_events.h"

namespace wagelink::domain {

// How a field is entered. radio/select: one code of `options`; date: YYYY-MM-DD; datetime: RFC 3339;
// switch: true/false; tags: an array of free-text items; checkboxes: an object of true/false flags
// named by `options`; text: free text.
enum class StepFieldKind { kRadio, kSelect, kDate, kDateTime, kSwitch, kTags, kCheckboxes, kText };
std::string_view StepFieldKindCode(StepFieldKind kind);

// "Field `key` has the code `equals`".
struct FieldCondition {
  std::string_view key;
  std::string_view equals;
};

struct StepField {
  std::string_view key;  // the payload key
  StepFieldKind kind = StepFieldKind::kText;
  bool required = false;
  std::vector<std::string_view> options;     // radio/select: the accepted codes; checkboxes: the flag names
  std::size_t min_items = 0;                 // tags: the fewest items the step accepts
  std::size_t max_bytes = 0;                 // text and each tag: the most UTF-8 bytes accepted (0: no own limit)
  std::string_view after;                    // date: must fall after the day of this other field
  std::optional<FieldCondition> shown_when;  // asked, and accepted, only when another field has this code
  std::string_view default_code;             // radio/select: what the server assumes when the field is absent
};

// When the step's reason (`reason` of the request) must be given.
enum class ReasonRule { kOptional, kAlways, kWhen };
std::string_view ReasonRuleCode(ReasonRule rule);

struct StepReason {
  ReasonRule rule = ReasonRule::kOptional;
  FieldCondition when;  // kWhen: required when this field has this code
};

// How the step weighs: refusals (red in the UI), steps forward along the chain, the rest.
enum class StepTone { kDefault, kForward, kRefusal };
std::string_view StepToneCode(StepTone tone);

struct StepForm {
  CaseEvent event = CaseEvent::kAcceptComplaint;
  std::vector<StepField> fields;  // in the order a form asks them; empty: the step takes no payload
  StepReason reason;
  StepTone tone = StepTone::kDefault;
};

// Every step's form, in the order of CaseEvent.
std::span<const StepForm> StepForms();
const StepForm& StepFormOf(CaseEvent event);
// The field `key` of the form, or nullptr.
const StepField* FindStepField(const StepForm& form, std::string_view key);

}  // namespace wagelink::domain
