#pragma once
// The bodies of the district mechanism (PRODUCT.md, "Who uses it"), plus the employer, which is not a
// user but is the actor of some statutory periods (e.g. paying within the order's deadline).
// The snake_case codes are stable: they appear in data/time_limits.json and in the API.
#include <optional>
#include <string_view>

namespace wagelink::domain {

enum class Body {
  kHrss,           // 区人社局 / 劳动保障监察大队
  kWageOffice,     // 区治欠办
  kPolice,         // 公安分局
  kProcuratorate,  // 区人民检察院
  kCourt,          // 区人民法院
  kJustice,        // 区司法局 / 法律援助中心
  kLeadership,     // 区委、区政府
  kEmployer,       // 用人单位 / 总包 / 建设单位 (party, not a platform user)
};

std::string_view BodyCode(Body body);
std::string_view BodyNameZh(Body body);
std::string_view BodyNameEn(Body body);
std::optional<Body> ParseBodyCode(std::string_view code);

}  // namespace wagelink::domain
