#pragma once
// Stable codes for the domain's enums live in small constexpr tables of (value, code) pairs;
// these look them up in both directions.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace wagelink::domain {

template <class E, std::size_t N>
std::string_view CodeOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [candidate, code] : table) {
    if (candidate == value) return code;
  }
  return table.front().second;
}

template <class E, std::size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [value, candidate] : table) {
    if (candidate == code) return value;
  }
  return std::nullopt;
}

// Every code of a table in its order (the order a step form offers them, case_step_forms.h).
template <class E, std::size_t N>
std::vector<std::string_view> CodesOf(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<std::string_view> codes;
  codes.reserve(N);
  for (const auto& entry : table) codes.push_back(entry.second);
  return codes;
}

}  // namespace wagelink::domain
