#include "security/pii_scan.h"

#include <algorithm>
#include <array>
#include <deque>

#include "core/utf8.h"

namespace wagelink::security {
namespace {

constexpr std::size_t kMaxSeparatorsBetweenGroups = 3;
constexpr std::size_t kLongestNumber = 19;  // bank cards
constexpr std::size_t kLongestPrefix = 4;   // "0086"
constexpr std::size_t kWindowDigits = kLongestNumber + kLongestPrefix;

// Folds the look-alikes an evader would use onto ASCII.
char32_t FoldWidth(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return U'0' + (c - 0xFF10);  // ０-９
  if (c >= 0xFF21 && c <= 0xFF3A) return U'A' + (c - 0xFF21);  // Ａ-Ｚ
  if (c >= 0xFF41 && c <= 0xFF5A) return U'a' + (c - 0xFF41);  // ａ-ｚ
  return c;
}

bool IsSeparator(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\r':
    case U'\n':
    case U'-':
    case 0x00A0:  // no-break space
    case 0x2009:
    case 0x202F:  // thin spaces
    case 0x3000:  // ideographic (full-width) space
    case 0x2212:
    case 0xFF0D:  // minus signs
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:  // zero-width characters
      return true;
    default:
      return c >= 0x2010 && c <= 0x2015;  // hyphens and dashes
  }
}

// A maximal run of adjacent digits. Only runs of at most kWindowDigits digits can be (part of) a
// number we look for, so a fixed buffer suffices and longer runs are merely counted.
struct DigitGroup {
  std::array<char, kWindowDigits> digits{};
  std::size_t count = 0;                                  // digits stored (<= kWindowDigits)
  std::size_t size = 0;                                   // digits seen
  std::array<std::size_t, kLongestPrefix + 1> offsets{};  // byte offsets of the first digits
  std::size_t end = 0;                                    // byte end of the last digit
  bool has_x = false;                                     // ends with an ID check character X
  std::size_t x_end = 0;

  std::string_view view() const { return {digits.data(), count}; }
};

bool IdCheckCharacterMatches(std::string_view seventeen, char check) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (seventeen[i] - '0') * kWeights[i];
  return kCheck[sum % 11] == check;
}

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool PlausibleBirthDate(std::string_view yyyymmdd) {
  const int year = Number(yyyymmdd.substr(0, 4));
  const int month = Number(yyyymmdd.substr(4, 2));
  const int day = Number(yyyymmdd.substr(6, 2));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] && (month != 2 || day <= 28 || leap);
}

bool IsIdNumber(std::string_view seventeen, char check) {
  return seventeen[0] != '0' && PlausibleBirthDate(seventeen.substr(6, 8)) && IdCheckCharacterMatches(seventeen, check);
}

bool IsMobile(std::string_view digits) {
  return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 == 0;
}

// Streams code points; groups of adjacent digits are chained when only a few separators lie
// between them, and every chain of whole groups (never part of a group) is tested as a candidate.
class Scanner {
 public:
  std::vector<PersonalDataFinding> Run(std::string_view text) {
    for (std::size_t offset = 0; offset < text.size();) {
      const CodePoint cp = DecodeUtf8At(text, offset);
      offset += cp.length;
      Feed(cp.valid ? FoldWidth(cp.value) : U'\uFFFD', cp.offset, cp.length);
    }
    CloseGroup();
    std::stable_sort(findings_.begin(), findings_.end(), [](const auto& a, const auto& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.length < b.length;
    });
    return std::move(findings_);
  }

 private:
  void Feed(char32_t c, std::size_t offset, std::size_t length) {
    if (c >= U'0' && c <= U'9') {
      if (!open_) OpenGroup();
      if (current_.size < current_.offsets.size()) current_.offsets[current_.size] = offset;
      if (current_.count < current_.digits.size()) current_.digits[current_.count++] = static_cast<char>(c);
      ++current_.size;
      current_.end = offset + length;
      return;
    }
    if ((c == U'X' || c == U'x') && open_) {
      current_.has_x = true;
      current_.x_end = offset + length;
      CloseGroup();
      gap_clean_ = false;  // nothing continues an ID number after its check character
      return;
    }
    CloseGroup();
    if (IsSeparator(c)) {
      ++gap_;
    } else {
      gap_clean_ = false;
    }
  }

  void OpenGroup() {
    const bool linked = !window_.empty() && gap_clean_ && gap_ <= kMaxSeparatorsBetweenGroups;
    if (!linked) ClearWindow();
    open_ = true;
    current_ = DigitGroup{};
  }

  void CloseGroup() {
    if (!open_) return;
    open_ = false;
    gap_ = 0;
    gap_clean_ = true;
    if (current_.size > kWindowDigits) {  // too long to be (part of) any number we look for
      ClearWindow();
      return;
    }
    window_.push_back(current_);
    window_digits_ += current_.count;
    EvaluateChainsEndingHere();
    // Drop groups that cannot start a number any more: from them on there are already too many digits.
    while (window_digits_ > kWindowDigits) {
      window_digits_ -= window_.front().count;
      window_.pop_front();
    }
  }

  void EvaluateChainsEndingHere() {
    // Prepend group after group, newest first: each chain is then a suffix of `buffer`.
    std::array<char, 2 * kWindowDigits> buffer{};
    std::size_t begin = buffer.size();
    const DigitGroup& last = window_.back();
    for (std::size_t i = window_.size(); i-- > 0;) {
      const DigitGroup& first = window_[i];
      if (i + 1 < window_.size() && first.has_x) break;  // X only ends a number
      if (buffer.size() - begin + first.count > kWindowDigits) break;
      begin -= first.count;
      std::copy_n(first.digits.begin(), first.count, buffer.begin() + static_cast<std::ptrdiff_t>(begin));
      const std::string_view digits(buffer.data() + begin, buffer.size() - begin);
      Evaluate(digits, first, last);
      for (std::string_view prefix : {std::string_view("86"), std::string_view("0086")}) {
        if (first.count > prefix.size() && first.view().starts_with(prefix) && IsMobile(digits.substr(prefix.size()))) {
          Add(PersonalDataKind::kPhone, first.offsets[prefix.size()], last.end);
        }
      }
    }
  }

  void Evaluate(std::string_view digits, const DigitGroup& first, const DigitGroup& last) {
    if (digits.size() < 11) return;
    const std::size_t begin = first.offsets[0];
    bool is_id = false;
    if (last.has_x && digits.size() == 17 && IsIdNumber(digits, 'X')) {
      Add(PersonalDataKind::kIdNumber, begin, last.x_end);
      is_id = true;
    }
    if (digits.size() == 18 && IsIdNumber(digits.substr(0, 17), digits[17])) {
      Add(PersonalDataKind::kIdNumber, begin, last.end);
      is_id = true;
    }
    if (IsMobile(digits)) Add(PersonalDataKind::kPhone, begin, last.end);
    // An ID number that also happens to pass Luhn is reported once, as an ID number.
    if (!is_id && digits.size() >= 16 && digits.size() <= kLongestNumber && LuhnValid(digits)) {
      Add(PersonalDataKind::kBankCard, begin, last.end);
    }
  }

  void ClearWindow() {
    window_.clear();
    window_digits_ = 0;
  }

  void Add(PersonalDataKind kind, std::size_t begin, std::size_t end) {
    findings_.push_back({kind, begin, end - begin});
  }

  std::deque<DigitGroup> window_;  // groups chained to the one being read, oldest first
  std::size_t window_digits_ = 0;
  DigitGroup current_;
  bool open_ = false;
  std::size_t gap_ = 0;    // separators since the last group closed
  bool gap_clean_ = true;  // nothing but separators since the last group closed
  std::vector<PersonalDataFinding> findings_;
};

}  // namespace

std::string_view PersonalDataKindCode(PersonalDataKind kind) {
  switch (kind) {
    case PersonalDataKind::kIdNumber:
      return "id_number";
    case PersonalDataKind::kPhone:
      return "phone";
    case PersonalDataKind::kBankCard:
      return "bank_card";
  }
  return "id_number";
}

std::vector<PersonalDataFinding> ContainsPersonalData(std::string_view text) {
  return Scanner().Run(text);
}

std::string NormalizeIdentifier(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const CodePoint& cp : DecodeUtf8(value)) {
    const char32_t c = cp.valid ? FoldWidth(cp.value) : U'\uFFFD';
    if (IsSeparator(c)) continue;
    if (c >= U'a' && c <= U'z') {
      out.push_back(static_cast<char>(c - U'a' + U'A'));
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.append(value.substr(cp.offset, cp.length));
    }
  }
  return out;
}

}  // namespace wagelink::security
