#include "security/masking.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace wagelink::security {
namespace {

std::string Stars(std::size_t count) {
  return std::string(count, '*');
}

std::string Compose(std::string_view text, const std::vector<CodePoint>& code_points, std::size_t front,
                    std::size_t back) {
  const std::size_t n = code_points.size();
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < front; ++i) out += text.substr(code_points[i].offset, code_points[i].length);
  out += Stars(n - front - back);
  for (std::size_t i = n - back; i < n; ++i) out += text.substr(code_points[i].offset, code_points[i].length);
  return out;
}

// Keeps up to `front` leading and `back` trailing characters, but never more than half of them in
// total: a short or malformed value must not be revealed almost whole.
std::string MaskKeepingAtMostHalf(std::string_view text, std::size_t front, std::size_t back) {
  const std::vector<CodePoint> code_points = DecodeUtf8(text);
  const std::size_t n = code_points.size();
  if (!IsValidUtf8(text)) return Stars(n);
  const std::size_t budget = n / 2;
  if (front + back > budget) {
    back = std::min(back, (budget + 1) / 2);  // the tail tells users more ("尾号") than the head
    front = std::min(front, budget - back);
  }
  return Compose(text, code_points, front, back);
}

bool IsMainlandMobile(std::string_view text) {
  return text.size() == 11 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string MaskIdNumber(std::string_view id_number) {
  return MaskKeepingAtMostHalf(id_number, 4, 4);
}

std::string MaskPhone(std::string_view phone) {
  // The 3+4 mobile mask is the national convention (it reveals 7 of 11 digits by design).
  if (IsMainlandMobile(phone)) return Compose(phone, DecodeUtf8(phone), 3, 4);
  return MaskKeepingAtMostHalf(phone, 3, 4);
}

std::string MaskBankCard(std::string_view card_number) {
  return MaskKeepingAtMostHalf(card_number, 4, 4);
}

std::string MaskPersonName(std::string_view name) {
  const std::vector<CodePoint> code_points = DecodeUtf8(name);
  const std::size_t n = code_points.size();
  if (!IsValidUtf8(name)) return Stars(n);
  if (n <= 1) return Stars(n);
  // Two-character surnames (欧阳, 司马) are common in four-character names; keep them whole.
  return Compose(name, code_points, n >= 4 ? 2 : 1, 0);
}

}  // namespace wagelink::security
