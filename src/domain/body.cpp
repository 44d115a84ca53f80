#include "domain/body.h"

#include <array>

namespace wagelink::domain {
namespace {

struct BodyNames {
  Body body;
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<BodyNames, 8> kBodies{{
    {Body::kHrss, "hrss", "区人社局（劳动保障监察大队）", "district HRSS bureau (labour inspection)"},
    {Body::kWageOffice, "wage_office", "区治欠办", "district wage-arrears office"},
    {Body::kPolice, "police", "公安分局", "district police"},
    {Body::kProcuratorate, "procuratorate", "区人民检察院", "district procuratorate"},
    {Body::kCourt, "court", "区人民法院", "district court"},
    {Body::kJustice, "justice", "区司法局（法律援助中心）", "district justice bureau (legal aid)"},
    {Body::kLeadership, "leadership", "区委、区政府", "district committee and government"},
    {Body::kEmployer, "employer", "用人单位（总包、建设单位）", "employer (general contractor, developer)"},
}};

const BodyNames& Lookup(Body body) {
  for (const auto& names : kBodies) {
    if (names.body == body) return names;
  }
  return kBodies.front();  // unreachable for a valid enum value
}

}  // namespace

std::string_view BodyCode(Body body) {
  return Lookup(body).code;
}
std::string_view BodyNameZh(Body body) {
  return Lookup(body).zh;
}
std::string_view BodyNameEn(Body body) {
  return Lookup(body).en;
}

std::optional<Body> ParseBodyCode(std::string_view code) {
  for (const auto& names : kBodies) {
    if (names.code == code) return names.body;
  }
  return std::nullopt;
}

}  // namespace wagelink::domain
