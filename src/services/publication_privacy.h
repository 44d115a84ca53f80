#pragma once
// The privacy check run before anything of a case reaches the public (人社部令第29号: never publish state
// secrets, trade secrets or personal privacy; LEGAL.md §3.5). It refuses ID numbers, phone numbers and
// bank cards (security::ContainsPersonalData: full-width digits, split digits, X check characters),
// the names of the case's workers (also when spaced out or in full-width letters), fields the officer
// marked confidential or that carry a 涉密/保密/内部 marker, and any HTML or script markup. The reviewer
// gets every finding with the field, the kind and a masked excerpt — never the personal data itself.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace wagelink::services {

struct PrivacyFinding {
  std::string field;
  std::string kind;     // id_number | phone | bank_card | worker_name | confidential | markup
  std::string excerpt;  // masked: enough to find the spot, not to read the data
  std::string zh;
  std::string en;
};

struct PublicationText {
  std::vector<std::pair<std::string, std::string>> fields;  // field name, text
  std::vector<std::string> confidential_fields;             // marked by the officer
  std::vector<std::string> worker_names;                    // of the case, never published
};

std::vector<PrivacyFinding> ScreenForPublication(const PublicationText& text);

// Free text that other bodies read (case summary, risk description and notes, agenda and minutes,
// publication drafts, legal-publicity articles) may not hold an ID, phone or bank card number: those
// belong in the encrypted worker fields, and free text reaches PDFs and the public page in clear.
// Refuses (400 `validation_failed`, the first field named) listing each finding by field, kind and
// masked excerpt — never the number itself.
using TextFields = std::vector<std::pair<std::string_view, std::string_view>>;  // field name, text
Status RefusePersonalDataIn(const TextFields& fields);

// Drops every HTML/XML tag and comment from plain text or Markdown (legal-publicity articles): what
// is left is shown as text, never as markup.
std::string StripMarkup(std::string_view text);

}  // namespace wagelink::services
