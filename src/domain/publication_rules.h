#pragma once
// What 人社部令第29号 lets be published (LEGAL.md §3.5): only violations already dealt with by a
// decision, in batches per quarter (地市级/县级) or ad hoc, with exactly six fields.
#include <array>
#include <string>
#include <string_view>

#include "domain/case_state.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

// The six published fields, in the order of 29号令, with their Chinese labels.
struct PublishedField {
  std::string_view code;
  std::string_view zh;
};
inline constexpr std::array<PublishedField, 6> kPublishedFields{{
    {"violator_name", "违法主体全称"},
    {"credit_code", "统一社会信用代码（或者注册号）"},
    {"address", "地址"},
    {"legal_representative", "法定代表人或者负责人姓名"},
    {"main_facts", "主要违法事实"},
    {"handling", "相关处理情况"},
}};

// True once labour inspection has decided the case: administrative handling or the transfer decision
// onwards (a case at the police or the court was decided by 人社 when it was transferred), or closed
// after either. A case still under investigation, screening, consultation, refused or handed over is not.
bool IsDecidedForPublication(CaseState state);

// "2026Q1" for a date in January–March 2026.
std::string QuarterLabel(CivilDate date);

}  // namespace wagelink::domain
