#pragma once
// Finds personal data in free text (publication and bulletin privacy checks): resident ID numbers
// with a valid check digit and birth date, mainland mobile numbers, and Luhn-valid bank card numbers.
//
// Evasions it sees through: full-width digits (０-９, Ｘ), digits split by spaces, hyphens,
// full-width spaces, line breaks or zero-width characters (up to 3 between two digit groups), digits
// glued to Chinese text, and "+86"/"0086" prefixes. A number must not be part of a longer digit
// run (a 13-digit order number holds no phone), but separated numbers are found one by one.
// Not covered: other Unicode digit sets, digits written as words (一三八…), numbers split by letters.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wagelink::security {

enum class PersonalDataKind { kIdNumber, kPhone, kBankCard };

// Stable codes: "id_number", "phone", "bank_card".
std::string_view PersonalDataKindCode(PersonalDataKind kind);

struct PersonalDataFinding {
  PersonalDataKind kind = PersonalDataKind::kIdNumber;
  std::size_t offset = 0;  // byte offset of the first character in the original text
  std::size_t length = 0;  // bytes up to and including the last character (separators included)

  bool operator==(const PersonalDataFinding&) const = default;
};

// Findings in text order. Memory is bounded whatever the input (a sliding window of digit groups).
std::vector<PersonalDataFinding> ContainsPersonalData(std::string_view text);

// Canonical form of an identifier for blind indexing and comparison: full-width digits and letters
// become ASCII, letters upper case, and spaces, hyphens and zero-width characters are dropped.
std::string NormalizeIdentifier(std::string_view value);

}  // namespace wagelink::security
